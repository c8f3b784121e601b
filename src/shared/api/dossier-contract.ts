import { z } from 'zod';
import { ANY_USER, SUPERVISORS, method, requestIdSchema } from './define';
import {
  dossierActionInputSchema,
  dossierSearchSchema,
  instantSchema,
  intakeInputSchema,
  applicantSchema,
  receivedDocumentSchema,
  type DossierListItem,
  type DossierView,
} from '../dossiers/dossier-schemas';

const reason = (label: string) =>
  z
    .string()
    .overwrite((s) => s.trim().normalize('NFC'))
    .pipe(z.string().min(1, `${label} không được để trống`).max(2000, `${label} dài quá 2000 ký tự`));

export interface IntakeOutcomeView {
  id: string;
  kind: 'supplement_request' | 'refusal';
  at: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
}

export const dossierContract = {
  'dossier.receive': method<DossierView>()({
    input: intakeInputSchema,
    access: { kind: 'roles', roles: ANY_USER },
    idempotent: true,
    summary: 'Tiếp nhận hồ sơ: cấp mã hồ sơ, tính phí và hạn trả, lưu bền vững cùng nhật ký và hàng đợi đồng bộ.',
  }),
  'dossier.get': method<DossierView>()({
    input: z.strictObject({ id: z.string().uuid().optional(), code: z.string().max(40).optional() }).refine((v) => !!v.id !== !!v.code, 'Cần đúng một trong hai: id hoặc mã hồ sơ'),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Chi tiết hồ sơ: giấy tờ, phí, các bước xử lý, thao tác được phép.',
  }),
  'dossier.search': method<{ items: DossierListItem[]; nextAfter: string | null }>()({
    input: dossierSearchSchema,
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Tìm hồ sơ (không phân biệt dấu, hoa thường) theo mã, tên, số định danh, điện thoại, mã bưu gửi; lọc và phân trang.',
  }),
  'dossier.act': method<DossierView>()({
    input: dossierActionInputSchema,
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Thao tác theo quy trình: chuyển xử lý, yêu cầu bổ sung, nhận bổ sung, có kết quả, trả kết quả, rút, dừng.',
  }),
  'dossier.extend': method<DossierView>()({
    input: z.strictObject({ dossierId: z.string().uuid(), newDueAt: instantSchema, reason: reason('Lý do chậm'), faultBody: reason('Cơ quan, bộ phận để chậm') }),
    access: { kind: 'roles', roles: SUPERVISORS },
    summary: 'Xin lỗi và hẹn lại ngày trả (Mẫu 04): trưởng bộ phận đặt ngày hẹn mới, giữ hạn ban đầu.',
  }),
  'dossier.recordOutcome': method<IntakeOutcomeView>()({
    input: z.strictObject({
      kind: z.enum(['supplement_request', 'refusal']),
      procedureCode: z.string().trim().regex(/^\d\.\d{6}$/, 'Mã thủ tục phải có dạng d.dddddd'),
      applicant: applicantSchema,
      items: z.array(receivedDocumentSchema).max(100).default([]),
      reason: reason('Lý do'),
      ticketId: z.string().uuid().optional(),
      requestId: requestIdSchema,
    }),
    access: { kind: 'roles', roles: ANY_USER },
    idempotent: true,
    summary: 'Ghi nhận công dân được hướng dẫn bổ sung (Mẫu 02) hoặc bị từ chối tiếp nhận (Mẫu 03); không phải hồ sơ tiếp nhận.',
  }),
};
