import { z } from 'zod';
import { channelSchema, feeCollectionSchema, ownerTypeSchema, resultDeliverySchema, type Channel, type DossierStatus, type FeeCollection, type OwnerType, type ResultDelivery } from '../domain/status';
import { normalizePhone, validateEmail, validatePersonalId } from '../domain/identity';
import { DOSSIER_ACTION_NAMES, type DossierAction } from './lifecycle';
import { requestIdSchema } from '../api/define';

const nfc = (max: number, label: string) =>
  z
    .string()
    .overwrite((s) => s.trim().normalize('NFC'))
    .pipe(z.string().min(1, `${label} không được để trống`).max(max, `${label} dài quá ${max} ký tự`));
const optionalNfc = (max: number, label: string) =>
  z
    .string()
    .overwrite((s) => s.trim().normalize('NFC'))
    .pipe(z.string().max(max, `${label} dài quá ${max} ký tự`))
    .optional()
    .transform((s) => (s ? s : undefined));

// Control characters, bidi overrides and NUL never belong in a dossier field (they hide text on paper).
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const CLEAN = /^[^\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]*$/;
const clean = <T extends z.ZodType<string | undefined>>(s: T) => s.refine((v) => v === undefined || CLEAN.test(v), 'Có ký tự điều khiển không hợp lệ');

export const personalIdSchema = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const m = validatePersonalId(v);
    if (m) ctx.addIssue({ code: 'custom', message: m });
  });
export const phoneSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const n = normalizePhone(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'Số điện thoại không hợp lệ: cần 10 chữ số bắt đầu bằng 0 (ví dụ 0912345678) hoặc dạng +84.' });
      return z.NEVER;
    }
    return n;
  });
export const emailSchema = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const m = validateEmail(v);
    if (m) ctx.addIssue({ code: 'custom', message: m });
  });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
export const instantSchema = z.iso.datetime({ offset: true, error: 'Thời điểm phải là ISO 8601 có múi giờ' });

export const applicantSchema = z.strictObject({
  fullName: clean(nfc(100, 'Họ tên người nộp')),
  idNumber: personalIdSchema,
  birthDate: isoDate.optional(),
  sex: z.enum(['Nam', 'Nữ']).optional(),
  address: clean(nfc(500, 'Địa chỉ người nộp')),
  phone: phoneSchema.optional(),
  email: emailSchema.optional(),
  /** Read from the CCCD QR: the old 9-digit ID (CMND) and the card's issue date, kept as printed on the card. */
  oldIdNumber: z.string().trim().regex(/^\d{9}$/, 'Số CMND cũ phải gồm đúng 9 chữ số').optional(),
  idIssuedOn: isoDate.optional(),
});

export const ownerSchema = z.strictObject({
  type: ownerTypeSchema,
  name: clean(nfc(300, 'Tên chủ hồ sơ')),
  /** Personal ID for a citizen, tax/registration code for an organisation. */
  idNumber: clean(optionalNfc(20, 'Số định danh chủ hồ sơ')),
  address: clean(nfc(500, 'Địa chỉ chủ hồ sơ')),
});

const count = z.number().int('Số bản phải là số nguyên').min(0, 'Số bản không được âm').max(99, 'Số bản tối đa 99');
export const receivedDocumentSchema = z.strictObject({
  code: z.string().max(50).optional(),
  name: clean(nfc(1000, 'Tên giấy tờ')),
  originals: count,
  certifiedCopies: count,
  copies: count,
});

export const intakeInputSchema = z
  .strictObject({
    procedureCode: z.string().trim().regex(/^\d\.\d{6}$/, 'Mã thủ tục phải có dạng d.dddddd'),
    /** Case (trường hợp) of a procedure with variants; its default case when absent. */
    variantCode: z.string().trim().toUpperCase().max(30, 'Mã trường hợp tối đa 30 ký tự').optional(),
    channel: channelSchema.refine((c) => c !== '2', 'Hồ sơ trực tuyến không tiếp nhận tại quầy'),
    applicant: applicantSchema,
    /** Absent when the applicant is the owner. */
    owner: ownerSchema.optional(),
    summary: clean(optionalNfc(1000, 'Trích yếu')),
    documents: z.array(receivedDocumentSchema).min(1, 'Chưa có giấy tờ nào trong hồ sơ').max(100),
    sets: z.number().int().min(1, 'Số bộ hồ sơ ít nhất là 1').max(99),
    fee: z.strictObject({
      collection: feeCollectionSchema,
      copies: z.number().int().min(1).max(999).optional(),
      pagesPerCopy: z.number().int().min(1).max(10_000).optional(),
      feeCodes: z.array(z.string().max(50)).max(20).optional(),
    }),
    resultDelivery: resultDeliverySchema,
    deliveryAddress: clean(optionalNfc(500, 'Địa chỉ nhận kết quả')),
    /** Postal item code of an inbound postal dossier (channel 3). */
    postalCode: z.string().trim().toUpperCase().max(30).optional(),
    ticketId: z.string().uuid().optional(),
    dueOverride: z.strictObject({ dueAt: instantSchema, reason: clean(nfc(500, 'Lý do đổi hạn trả')) }).optional(),
    note: clean(optionalNfc(2000, 'Ghi chú')),
    /** Chosen once per intake form: a repeat of the save returns the dossier already received. */
    requestId: requestIdSchema,
  })
  .superRefine((v, ctx) => {
    if (v.resultDelivery === '1' && !v.deliveryAddress) ctx.addIssue({ code: 'custom', path: ['deliveryAddress'], message: 'Nhận kết quả qua bưu chính cần địa chỉ nhận' });
    if (v.owner?.type === '1' && v.owner.idNumber) {
      const m = validatePersonalId(v.owner.idNumber);
      if (m) ctx.addIssue({ code: 'custom', path: ['owner', 'idNumber'], message: m });
    }
  });
export type IntakeInput = z.input<typeof intakeInputSchema>;
export type IntakeParsed = z.output<typeof intakeInputSchema>;

export const dossierActionInputSchema = z.strictObject({
  dossierId: z.string().uuid(),
  action: z.enum(DOSSIER_ACTION_NAMES as [DossierAction, ...DossierAction[]]),
  note: clean(optionalNfc(2000, 'Nội dung')),
  /** transfer: processing body. */
  body: clean(optionalNfc(300, 'Cơ quan xử lý')),
  /** requestSupplement: what to add. */
  content: clean(optionalNfc(2000, 'Nội dung bổ sung')),
  /** returned at the counter: who collected. */
  collectorName: clean(optionalNfc(100, 'Người nhận kết quả')),
  collectorIdNumber: personalIdSchema.optional(),
  /** resultReady: result documents. */
  resultDocuments: z.array(z.strictObject({ name: clean(nfc(500, 'Tên giấy tờ kết quả')), code: z.string().max(100).optional() })).max(50).optional(),
});

export const dossierSearchSchema = z.strictObject({
  query: z.string().max(200).optional(),
  statuses: z.array(z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])).max(10).optional(),
  channel: channelSchema.optional(),
  procedureCode: z.string().max(40).optional(),
  receivedFrom: isoDate.optional(),
  receivedTo: isoDate.optional(),
  counterNumber: z.number().int().min(1).max(99).optional(),
  clerkId: z.string().uuid().optional(),
  due: z.enum(['overdue', 'today', 'withinDays']).optional(),
  withinDays: z.number().int().min(1).max(60).optional(),
  /** Keyset paging: the last row's sort key from the previous page. */
  after: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export interface DossierDocument {
  code: string | null;
  name: string;
  originals: number;
  certifiedCopies: number;
  copies: number;
}
export interface DossierFee {
  code: string;
  name: string;
  amount: number;
  collection: FeeCollection;
}
export interface DossierStep {
  id: string;
  at: string;
  action: DossierAction | 'receive' | 'extend' | 'print' | 'sync';
  label: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus | null;
  actor: string | null;
  note: string | null;
}
export interface DossierListItem {
  id: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  ownerName: string;
  applicantName: string;
  status: DossierStatus;
  channel: Channel;
  receivedAt: string;
  dueAt: string;
  /** Working days left (negative: overdue) while the dossier is open; null once it is closed. */
  daysRemaining: number | null;
  sortKey: string;
}
export interface DossierView extends DossierListItem {
  agencyId: string;
  formSet: '2018' | '2025';
  fieldName: string | null;
  competentAgency: string | null;
  /** The case (trường hợp) the dossier was received under; null for a procedure without variants. */
  variant: { code: string; name: string } | null;
  /** True when the due date fell in a year whose calendar is only a proposal (not yet announced). */
  dueProvisional: boolean;
  summary: string;
  applicant: { fullName: string; idNumber: string; birthDate: string | null; sex: string | null; address: string; phone: string | null; email: string | null; oldIdNumber: string | null; idIssuedOn: string | null };
  owner: { type: OwnerType; name: string; idNumber: string | null; address: string };
  documents: DossierDocument[];
  fees: DossierFee[];
  feeTotal: number;
  sets: number;
  resultDelivery: ResultDelivery;
  deliveryAddress: string | null;
  postalCode: string | null;
  originalDueAt: string;
  extendedDueAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  counterNumber: number | null;
  clerkName: string | null;
  ticketId: string | null;
  note: string | null;
  serverVersion: number;
  steps: DossierStep[];
  availableActions: DossierAction[];
  dueNotes: string[];
}
