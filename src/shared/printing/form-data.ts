/**
 * The plain data each printed form needs. Services assemble these from the database;
 * the PDF renderers in src/main/printing/pdf draw them and know nothing else. The zod
 * schemas let a service (or a test) check a payload before it reaches the printer, so a
 * missing name fails with a message instead of a blank line on paper.
 *
 * Instants are ISO 8601 with an offset; they are printed in Vietnam time (UTC+7).
 * Money is integer đồng.
 */
import { z } from 'zod';
import { FORM_SETS } from './form-sets';

const text = z.string().trim().min(1, 'Không được để trống');
const optionalText = z.string().trim().optional();
const instant = z.iso.datetime({ offset: true });
const civilDate = z.iso.date();
const count = z.number().int().min(0);
const amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const FormSetSchema = z.enum(FORM_SETS);

export const AgencyHeaderSchema = z.object({
  /** Upper line on the left, e.g. "UBND PHƯỜNG BA ĐÌNH"; empty for a body with no parent line (its letterhead is its own name). */
  parentAgencyName: z.string().trim(),
  /** The centre or one-stop section, e.g. "Trung tâm Phục vụ hành chính công phường Ba Đình". */
  agencyName: text,
  /** Địa danh for the date line, e.g. "Phường Ba Đình" → "Phường Ba Đình, ngày …". */
  place: text,
});
export type AgencyHeader = z.infer<typeof AgencyHeaderSchema>;

export const ApplicantSchema = z.object({
  name: text,
  address: optionalText,
  phone: optionalText,
  email: optionalText,
  /** Số định danh cá nhân / CCCD (12 digits) or the old 9-digit ID. */
  idNumber: optionalText,
});
export type Applicant = z.infer<typeof ApplicantSchema>;

export const OwnerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('PERSON'),
    name: text,
    address: text,
    idNumber: optionalText,
  }),
  z.object({
    kind: z.literal('ORGANISATION'),
    name: text,
    address: text,
    /** Mã số doanh nghiệp / mã số thuế. */
    taxCode: optionalText,
    representative: optionalText,
  }),
]);
export type Owner = z.infer<typeof OwnerSchema>;

/** One line of "thành phần hồ sơ": quantities as original / certified copy / plain copy. */
export const DocumentLineSchema = z.object({
  name: text,
  originals: count,
  certifiedCopies: count,
  copies: count,
});
export type DocumentLine = z.infer<typeof DocumentLineSchema>;

export const FeeLineSchema = z.object({ name: text, amount });
export type FeeLine = z.infer<typeof FeeLineSchema>;

/** Thu trước / thu sau / miễn / không thu. */
export const FEE_MODES = ['PREPAID', 'POSTPAID', 'EXEMPT', 'NONE'] as const;
export type FeeMode = (typeof FEE_MODES)[number];
export const FEE_MODE_LABELS: Record<FeeMode, string> = {
  PREPAID: 'Thu trước',
  POSTPAID: 'Thu sau',
  EXEMPT: 'Miễn',
  NONE: 'Không thu',
};

export const ResultDeliverySchema = z.discriminatedUnion('method', [
  /** `address` may name the counter or centre; defaults to the header's agency. */
  z.object({ method: z.literal('COUNTER'), address: optionalText }),
  z.object({ method: z.literal('POST'), address: text }),
]);
export type ResultDelivery = z.infer<typeof ResultDeliverySchema>;

export const SignerSchema = z.object({
  /** Capacity line above the signature, e.g. "CHỦ TỊCH", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH". */
  title: text,
  name: text,
});
export type Signer = z.infer<typeof SignerSchema>;

// ——— Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả ———
export const ReceiptDataSchema = z
  .object({
    formSet: FormSetSchema,
    header: AgencyHeaderSchema,
    dossierCode: text,
    receivedAt: instant,
    dueAt: instant,
    applicant: ApplicantSchema,
    /** Present when the dossier's owner differs from the person at the counter. */
    owner: OwnerSchema.optional(),
    procedureName: text,
    procedureCode: text,
    /** The case (trường hợp) the dossier was received under, when the procedure has cases. */
    variantName: text.optional(),
    /** True when the due date was counted through a year whose holidays are not yet announced. */
    dueProvisional: z.boolean().optional(),
    documents: z.array(DocumentLineSchema),
    sets: z.number().int().min(1),
    /** e.g. { amount: 5, unitLabel: 'ngày làm việc' }. */
    processingTime: z.object({ amount: z.number().positive(), unitLabel: text }),
    feeMode: z.enum(FEE_MODES),
    fees: z.array(FeeLineSchema),
    resultDelivery: ResultDeliverySchema,
    /** The clerk who received the dossier. */
    receiverName: text,
    /** Public status page; must contain the dossier code (it is what the QR encodes). */
    lookupUrl: z.url(),
    /** "Vào Sổ theo dõi hồ sơ, Quyển số … Số thứ tự …" when the office keeps a paper book. */
    bookEntry: z.object({ volume: text, number: text }).optional(),
  })
  .refine((d) => d.lookupUrl.includes(d.dossierCode), {
    message: 'Đường dẫn tra cứu phải chứa mã hồ sơ',
    path: ['lookupUrl'],
  });
export type ReceiptData = z.infer<typeof ReceiptDataSchema>;

// ——— Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ ———
export const SupplementItemSchema = DocumentLineSchema.extend({ note: optionalText });
export type SupplementItem = z.infer<typeof SupplementItemSchema>;

export const SupplementRequestDataSchema = z.object({
  formSet: FormSetSchema,
  header: AgencyHeaderSchema,
  dossierCode: text,
  issuedAt: instant,
  applicant: ApplicantSchema,
  procedureName: text,
  /** What must be added or corrected. */
  items: z.array(SupplementItemSchema).min(1),
  reason: text,
  /** Where the citizen can read the rules (procedure publication, portal page). */
  rulesReference: text,
  /** Officer to contact while completing the dossier. */
  contact: z.object({ name: text, phone: optionalText }),
  /** Signs as NGƯỜI HƯỚNG DẪN. */
  guideName: text,
});
export type SupplementRequestData = z.infer<typeof SupplementRequestDataSchema>;

// ——— Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ ———
export const RefusalDataSchema = z.object({
  formSet: FormSetSchema,
  header: AgencyHeaderSchema,
  /** Absent when the dossier was refused before a code was allocated. */
  dossierCode: optionalText,
  issuedAt: instant,
  applicant: ApplicantSchema,
  procedureName: text,
  reasons: z.array(text).min(1),
  receiverName: text,
});
export type RefusalData = z.infer<typeof RefusalDataSchema>;

// ——— Mẫu 04: apology and new date (2018) / apology and extension request (2025) ———
export const ApologyDataSchema = z.object({
  formSet: FormSetSchema,
  header: AgencyHeaderSchema,
  /** Số văn bản, e.g. "125/UBND-VP"; dotted when empty. */
  documentNumber: optionalText,
  issuedAt: instant,
  /** Kính gửi: the citizen or organisation. */
  recipientName: text,
  receivedAt: instant,
  procedureName: text,
  dossierCode: text,
  originalDueAt: instant,
  delayReason: text,
  /** The body whose fault the delay is. */
  faultyBody: text,
  newDueAt: instant,
  signer: SignerSchema,
  /** Nơi nhận. */
  recipients: z.array(text),
});
export type ApologyData = z.infer<typeof ApologyDataSchema>;

// ——— Mẫu 05 (2025 only): Thông báo dừng giải quyết hồ sơ ———
export const StopNoticeDataSchema = z.object({
  formSet: z.literal('2025'),
  header: AgencyHeaderSchema,
  documentNumber: optionalText,
  issuedAt: instant,
  recipientName: text,
  dossierCode: text,
  receivedAt: instant,
  procedureName: text,
  reasons: z.array(text).min(1),
  /** Legal ground for stopping, when cited. */
  legalBasis: optionalText,
  signer: SignerSchema,
  recipients: z.array(text),
});
export type StopNoticeData = z.infer<typeof StopNoticeDataSchema>;

// ——— Control sheet (05 in 2018, 06 in 2025) ———
export const HANDOVER_RESULTS = ['EARLY', 'ON_TIME', 'LATE'] as const;
export type HandoverResult = (typeof HANDOVER_RESULTS)[number];
export const HANDOVER_RESULT_LABELS: Record<HandoverResult, string> = {
  EARLY: 'Trước hạn',
  ON_TIME: 'Đúng hạn',
  LATE: 'Quá hạn',
};

export const ControlSheetRowSchema = z.object({
  fromBody: text,
  toBody: text,
  at: instant,
  giverName: optionalText,
  receiverName: optionalText,
  result: z.enum(HANDOVER_RESULTS).optional(),
  note: optionalText,
  /** The hand-over went by post: `at` is the time on the postal receipt. */
  viaPost: z.boolean().optional(),
});
export type ControlSheetRow = z.infer<typeof ControlSheetRowSchema>;

export const ControlSheetDataSchema = z.object({
  formSet: FormSetSchema,
  header: AgencyHeaderSchema,
  dossierCode: text,
  /** "Kèm theo hồ sơ của": the owner (or applicant). */
  ownerName: text,
  procedureName: text,
  receivedAt: instant,
  /** The appointment given at intake (Mẫu 01), never overwritten. */
  dueAt: instant,
  /** The due date now in force when it differs from the appointment: extended (Mẫu 04) or moved by a supplement pause. */
  currentDueAt: instant.optional(),
  currentDueReason: z.enum(['EXTENDED', 'SUPPLEMENT']).optional(),
  processingBody: text,
  cooperatingBodies: z.array(text),
  rows: z.array(ControlSheetRowSchema),
  /** Empty rows left for hand-overs still to come, signed by hand (the sheet printed at intake has three). */
  blankRows: z.number().int().min(0).max(10).optional(),
});
export type ControlSheetData = z.infer<typeof ControlSheetDataSchema>;

// ——— Tracking book (06 in 2018, 07 in 2025) ———
export const TrackingBookRowSchema = z.object({
  dossierCode: text,
  procedureName: text,
  sets: z.number().int().min(1),
  applicantName: text,
  address: optionalText,
  phone: optionalText,
  competentAgency: text,
  receivedAt: instant,
  dueAt: instant,
  sentAt: instant.optional(),
  resultAt: instant.optional(),
  returnedAt: instant.optional(),
  note: optionalText,
});
export type TrackingBookRow = z.infer<typeof TrackingBookRowSchema>;

export const TrackingBookDataSchema = z
  .object({
    formSet: FormSetSchema,
    header: AgencyHeaderSchema,
    /** Inclusive civil dates (YYYY-MM-DD) in Vietnam time. */
    periodFrom: civilDate,
    periodTo: civilDate,
    /** Quyển số, when the office numbers its books. */
    volume: optionalText,
    printedAt: instant,
    rows: z.array(TrackingBookRowSchema),
  })
  .refine((d) => d.periodFrom <= d.periodTo, {
    message: 'Ngày bắt đầu kỳ phải trước hoặc bằng ngày kết thúc',
    path: ['periodTo'],
  });
export type TrackingBookData = z.infer<typeof TrackingBookDataSchema>;

// ——— Biên lai thu phí, lệ phí ———
export const PAYMENT_METHODS = ['CASH', 'TRANSFER'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  CASH: 'Tiền mặt',
  TRANSFER: 'Chuyển khoản',
};

/**
 * The total and the amount in words are computed from `fees` when printing, so the
 * figures and the words can never disagree.
 */
export const FeeReceiptDataSchema = z
  .object({
    header: AgencyHeaderSchema,
    /** Ký hiệu and Số of the receipt book, as registered with the tax office. */
    series: optionalText,
    number: optionalText,
    issuedAt: instant,
    payerName: text,
    payerAddress: optionalText,
    dossierCode: optionalText,
    procedureName: optionalText,
    fees: z.array(FeeLineSchema).min(1),
    paymentMethod: z.enum(PAYMENT_METHODS),
    collectorName: text,
  })
  .refine((d) => Number.isSafeInteger(d.fees.reduce((s, f) => s + f.amount, 0)), {
    message: 'Tổng số tiền quá lớn',
    path: ['fees'],
  });
export type FeeReceiptData = z.infer<typeof FeeReceiptDataSchema>;

// ——— Phiếu bàn giao hồ sơ / kết quả với bưu chính công ích ———
export const PostalHandoverRowSchema = z.object({
  /** Postal item code (usually UPU S10, e.g. EL123456785VN; other shapes are printed as given). */
  postalCode: text,
  dossierCode: text,
  ownerName: text,
  procedureName: text,
  sets: z.number().int().min(1),
  note: optionalText,
});
export type PostalHandoverRow = z.infer<typeof PostalHandoverRowSchema>;

/**
 * IN: the postal employee hands dossiers collected by post to the counter.
 * OUT: the counter hands results to the postal employee for delivery.
 * Totals (items, sets) are computed from `rows` when printing.
 */
export const PostalHandoverDataSchema = z.object({
  header: AgencyHeaderSchema,
  direction: z.enum(['IN', 'OUT']),
  slipNumber: optionalText,
  at: instant,
  postalEmployee: z.object({ name: text, phone: optionalText }),
  postOffice: text,
  clerkName: text,
  rows: z.array(PostalHandoverRowSchema).min(1),
});
export type PostalHandoverData = z.infer<typeof PostalHandoverDataSchema>;

/** Items and sets on a hand-over slip. */
export function postalTotals(rows: readonly PostalHandoverRow[]): { items: number; sets: number } {
  return { items: rows.length, sets: rows.reduce((s, r) => s + r.sets, 0) };
}

/** Sum of fee lines. */
export function feeTotal(fees: readonly FeeLine[]): number {
  return fees.reduce((s, f) => s + f.amount, 0);
}
