import { z } from 'zod';
import { ANY_USER, method, requestIdSchema } from './define';
import type { IntakeOutcomeView } from './dossier-contract';
import type { RenderedDocument } from './printing-contract';
import { applicantSchema, intakeInputSchema, phoneSchema, receivedDocumentSchema, type DossierView } from '../dossiers/dossier-schemas';
import { DECEPTIVE_CHARS } from '../security/text-rules';
import type { HandoverSummary, HandoverView, OutboundCandidate } from '../postal/postal-types';

const text = (max: number, label: string) =>
  z
    .string()
    .overwrite((s) => s.trim().normalize('NFC'))
    .pipe(z.string().min(1, `${label} không được để trống`).max(max, `${label} dài quá ${max} ký tự`).refine((v) => !DECEPTIVE_CHARS.test(v), `${label} có ký tự điều khiển không hợp lệ`));
const optionalText = (max: number, label: string) =>
  z
    .string()
    .overwrite((s) => s.trim().normalize('NFC'))
    .pipe(z.string().max(max, `${label} dài quá ${max} ký tự`).refine((v) => !DECEPTIVE_CHARS.test(v), `${label} có ký tự điều khiển không hợp lệ`))
    .optional()
    .transform((s) => (s ? s : undefined));
/** Shape only; the S10 check (with its explicit confirmation) is done by the service. */
const rawCode = z.string().max(60, 'Mã bưu gửi dài quá');
const id = z.string().uuid();

/** The postal employee on the other side of the slip. */
const party = {
  employeeName: text(100, 'Họ tên nhân viên bưu chính'),
  employeePhone: phoneSchema.optional(),
  postOffice: text(200, 'Bưu cục'),
};

const outboundItemSchema = z
  .strictObject({
    /** A dossier with its result ready (status 9) and delivery by post. */
    dossierId: id.optional(),
    /** An incomplete inbound item sent back to the applicant with its Mẫu 02. */
    inboundItemId: id.optional(),
    postalCode: rawCode,
    confirmNonS10: z.boolean().optional(),
    /** Whole đồng; recorded with the dossier's fees. */
    postalFee: z.number().int('Cước phải là số nguyên đồng').min(0, 'Cước không được âm').max(100_000_000, 'Cước quá lớn').optional(),
  })
  .refine((v) => !!v.dossierId !== !!v.inboundItemId, 'Mỗi dòng cần đúng một hồ sơ hoặc một bưu gửi trả lại');

export const postalContract = {
  'postal.openInbound': method<HandoverView>()({
    input: z.strictObject({ ...party, note: optionalText(500, 'Ghi chú'), requestId: requestIdSchema }),
    access: { kind: 'roles', roles: ANY_USER },
    idempotent: true,
    summary: 'Mở phiếu nhận hồ sơ từ bưu chính công ích (nhân viên bưu chính, bưu cục).',
  }),
  'postal.addItem': method<{ handover: HandoverView; itemId: string; warning: string | null }>()({
    input: z.strictObject({
      handoverId: id,
      postalCode: rawCode,
      /** The clerk confirms a code with a wrong S10 check digit is really the one on the item. */
      confirmNonS10: z.boolean().optional(),
      seal: z.enum(['intact', 'damaged']).default('intact'),
      sealNote: optionalText(500, 'Tình trạng niêm phong'),
      sets: z.number().int().min(1, 'Số bộ ít nhất là 1').max(99).default(1),
      note: optionalText(500, 'Ghi chú'),
      requestId: requestIdSchema,
    }),
    access: { kind: 'roles', roles: ANY_USER },
    idempotent: true,
    summary: 'Thêm bưu gửi vào phiếu nhận: mã S10 kiểm tra số kiểm tra; một mã chỉ ở một phiếu đang mở.',
  }),
  'postal.removeItem': method<HandoverView>()({
    input: z.strictObject({ itemId: id }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Bỏ một bưu gửi chưa xử lý khỏi phiếu nhận đang mở (nhập nhầm).',
  }),
  'postal.receiveItem': method<{ dossier: DossierView; handover: HandoverView }>()({
    input: z.strictObject({ handoverId: id, postalCode: rawCode, intake: intakeInputSchema, requestId: requestIdSchema }),
    access: { kind: 'roles', roles: ANY_USER },
    idempotent: true,
    summary: 'Tiếp nhận một bưu gửi thành hồ sơ (kênh bưu chính, qua quy trình tiếp nhận thông thường).',
  }),
  'postal.markIncomplete': method<{ outcome: IntakeOutcomeView; handover: HandoverView }>()({
    input: z.strictObject({
      handoverId: id,
      postalCode: rawCode,
      procedureCode: z.string().trim().regex(/^\d\.\d{6}$/, 'Mã thủ tục phải có dạng d.dddddd'),
      applicant: applicantSchema,
      items: z.array(receivedDocumentSchema).max(100).default([]),
      reason: text(2000, 'Lý do'),
      sets: z.number().int().min(1).max(99).optional(),
      requestId: requestIdSchema,
    }),
    access: { kind: 'roles', roles: ANY_USER },
    idempotent: true,
    summary: 'Bưu gửi thiếu hồ sơ: lập phiếu yêu cầu bổ sung (Mẫu 02) để gửi trả qua bưu chính.',
  }),
  'postal.closeInbound': method<{ handover: HandoverView; document: RenderedDocument }>()({
    input: z.strictObject({ handoverId: id }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Kết thúc phiếu nhận (mọi bưu gửi đã xử lý) và tạo phiếu bàn giao để in.',
  }),
  'postal.outboundCandidates': method<OutboundCandidate[]>()({
    input: z.strictObject({}),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Hồ sơ đã có kết quả, nhận kết quả qua bưu chính; và hồ sơ bưu chính thiếu giấy tờ cần gửi trả.',
  }),
  'postal.handOver': method<{ handover: HandoverView; document: RenderedDocument; warnings: string[] }>()({
    input: z.strictObject({ ...party, note: optionalText(500, 'Ghi chú'), items: z.array(outboundItemSchema).min(1, 'Chọn ít nhất một hồ sơ').max(200), requestId: requestIdSchema }),
    access: { kind: 'roles', roles: ANY_USER },
    idempotent: true,
    summary: 'Giao kết quả cho bưu chính: mỗi hồ sơ chuyển "Đã trả kết quả" với mã bưu gửi, ghi cước; tạo phiếu bàn giao.',
  }),
  'postal.list': method<HandoverSummary[]>()({
    input: z.strictObject({
      state: z.enum(['open', 'closed']).optional(),
      direction: z.enum(['IN', 'OUT']).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Các phiếu bàn giao với bưu chính (đang mở, đã kết thúc) và số lượng bưu gửi.',
  }),
  'postal.get': method<HandoverView>()({
    input: z.strictObject({ id }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Chi tiết một phiếu bàn giao và các bưu gửi.',
  }),
  'postal.printSlip': method<RenderedDocument>()({
    input: z.strictObject({ handoverId: id }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Phiếu bàn giao đã lưu của một phiếu đã kết thúc (tạo nếu chưa có) để xem và in lại.',
  }),
};
