/**
 * The procedure catalog model (danh mục thủ tục hành chính): what a clerk picks when
 * receiving a dossier, with its document checklist, processing time and fees.
 * Fees and times are administrator-editable data: provincial councils set many fees.
 */
import { z } from 'zod';

/** National procedure code `d.dddddd` (without the agency suffix some portals append). */
export const NATIONAL_PROCEDURE_CODE = /^\d\.\d{6}$/;

/** Trimmed, NFC-normalised, non-empty text of at most `max` characters. */
const text = (max: number) =>
  z
    .string()
    .overwrite((s) => s.trim().normalize('NFC'))
    .pipe(z.string().min(1, 'Không được để trống.').max(max, `Dài quá ${max} ký tự.`));

/** Optional free text; empty strings are kept out by requiring at least one character. */
const optionalText = (max: number) => text(max).optional();

/** Whole đồng, never negative. */
const money = z
  .number()
  .int('Số tiền phải là số nguyên (đồng).')
  .min(0, 'Số tiền không được âm.')
  .max(1_000_000_000_000, 'Số tiền quá lớn.');

const count = z.number().int('Số bản phải là số nguyên.').min(0, 'Số bản không được âm.').max(99, 'Số bản quá lớn (tối đa 99).');

/** Level of government that decides: province or commune (no district level since 1 July 2025). */
export const PROCEDURE_LEVELS = ['TINH', 'XA'] as const;
/** Online service level (Decree 42/2022/NĐ-CP): fully online, partly online, information only. */
export const ONLINE_LEVELS = ['TOANTRINH', 'MOTPHAN', 'TTIN'] as const;
/** Units of processing time. */
export const DURATION_UNITS = ['WORKING_DAYS', 'CALENDAR_DAYS', 'HOURS'] as const;
/** How a fee is computed; see {@link procedureFeeSchema}. */
export const FEE_KINDS = ['FIXED', 'FREE', 'PER_COPY', 'PER_PAGE_TIERED'] as const;

/** Vietnamese labels of {@link PROCEDURE_LEVELS}. */
export const PROCEDURE_LEVEL_LABELS: Readonly<Record<(typeof PROCEDURE_LEVELS)[number], string>> = {
  TINH: 'Cấp tỉnh',
  XA: 'Cấp xã',
};
/** Vietnamese labels of {@link ONLINE_LEVELS}. */
export const ONLINE_LEVEL_LABELS: Readonly<Record<(typeof ONLINE_LEVELS)[number], string>> = {
  TOANTRINH: 'Dịch vụ công trực tuyến toàn trình',
  MOTPHAN: 'Dịch vụ công trực tuyến một phần',
  TTIN: 'Chỉ cung cấp thông tin',
};
/** Vietnamese labels of {@link DURATION_UNITS}, as used after a number ("3 ngày làm việc"). */
export const DURATION_UNIT_LABELS: Readonly<Record<(typeof DURATION_UNITS)[number], string>> = {
  WORKING_DAYS: 'ngày làm việc',
  CALENDAR_DAYS: 'ngày',
  HOURS: 'giờ làm việc',
};

/**
 * Processing time. `sameDay` procedures (civil status, certification) are due the same
 * working day, or the next one when received after 15:00; their `amount` is 0.
 * `extendedAmount` is the longest total time allowed in special cases (verification needed,
 * large volumes), in the same unit.
 */
export const durationSchema = z
  .strictObject({
    amount: z.number().min(0, 'Thời hạn không được âm.').max(365, 'Thời hạn quá lớn.'),
    unit: z.enum(DURATION_UNITS),
    sameDay: z.boolean(),
    extendedAmount: z.number().positive('Thời hạn kéo dài phải lớn hơn 0.').max(365, 'Thời hạn quá lớn.').optional(),
    extensionNote: optionalText(1000),
  })
  .superRefine((d, ctx) => {
    if (d.sameDay && d.amount !== 0) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Thủ tục giải quyết trong ngày phải có thời hạn bằng 0.' });
    }
    if (!d.sameDay && d.amount === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: 'Thời hạn phải lớn hơn 0, hoặc đánh dấu là giải quyết trong ngày.',
      });
    }
    if (d.extendedAmount !== undefined && d.extendedAmount <= d.amount) {
      ctx.addIssue({ code: 'custom', path: ['extendedAmount'], message: 'Thời hạn kéo dài phải lớn hơn thời hạn thông thường.' });
    }
  });
/** Processing time of a procedure. */
/** A validated catalog procedure. */
export type ProcedureDuration = z.infer<typeof durationSchema>;

/** One item of the required document list (thành phần hồ sơ) with the quantities expected. */
export const procedureDocumentSchema = z.strictObject({
  code: text(50),
  name: text(1000),
  required: z.boolean(),
  originals: count,
  certifiedCopies: count,
  copies: count,
});
/** A document of the checklist. */
export type ProcedureDocument = z.infer<typeof procedureDocumentSchema>;

/** A price band for per-page fees; `toPage: null` means "and every page after". */
export const feeTierSchema = z.strictObject({
  fromPage: z.number().int('Số trang phải là số nguyên.').min(1, 'Trang bắt đầu từ 1.'),
  toPage: z.number().int('Số trang phải là số nguyên.').min(1, 'Trang bắt đầu từ 1.').nullable(),
  pricePerPage: money,
});
/** A page band of a per-page fee. */
export type FeeTier = z.infer<typeof feeTierSchema>;

/**
 * A fee or charge (phí, lệ phí). `FIXED` is per case, `PER_COPY` is `amount` per copy,
 * `PER_PAGE_TIERED` prices each copy by page bands, optionally capped per copy.
 */
export const procedureFeeSchema = z
  .strictObject({
    code: text(50),
    name: text(500),
    kind: z.enum(FEE_KINDS),
    amount: money.optional(),
    tiers: z.array(feeTierSchema).optional(),
    capPerCopy: money.optional(),
    note: optionalText(1000),
    /**
     * Lines sharing a group exclude each other (free when on time / 8.000 đ when late): the clerk
     * charges one of them, never their sum.
     */
    group: optionalText(50),
    /** The line of its group charged unless the clerk picks another (at most one per group). */
    isDefault: z.boolean().optional(),
  })
  .superRefine((f, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if ((f.kind === 'FIXED' || f.kind === 'PER_COPY') && f.amount === undefined) issue('amount', 'Thiếu mức thu.');
    if (f.kind === 'FREE' && f.amount !== undefined && f.amount !== 0) issue('amount', 'Khoản miễn phí không có mức thu.');
    if (f.kind === 'PER_PAGE_TIERED') {
      if (f.amount !== undefined) issue('amount', 'Phí tính theo trang dùng bậc giá, không dùng mức thu cố định.');
      checkTiers(f.tiers, ctx);
    } else {
      if (f.tiers !== undefined) issue('tiers', 'Chỉ phí tính theo trang mới có bậc giá.');
      if (f.capPerCopy !== undefined) issue('capPerCopy', 'Chỉ phí tính theo trang mới có mức tối đa mỗi bản.');
    }
    if (f.isDefault && f.group === undefined) issue('isDefault', 'Chỉ khoản phí thuộc một nhóm loại trừ mới có mặc định.');
  });
/** A fee or charge of a procedure. */
export type ProcedureFee = z.infer<typeof procedureFeeSchema>;

/** Tiers must start at page 1, follow each other without gap or overlap, and end open (`toPage: null`). */
function checkTiers(tiers: FeeTier[] | undefined, ctx: z.RefinementCtx): void {
  if (!tiers || tiers.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'Phí tính theo trang cần ít nhất một bậc giá.' });
    return;
  }
  let expectedFrom = 1;
  tiers.forEach((t, i) => {
    const at = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: ['tiers', i, field], message });
    if (t.fromPage !== expectedFrom) at('fromPage', `Bậc giá phải bắt đầu từ trang ${expectedFrom}.`);
    const last = i === tiers.length - 1;
    if (t.toPage === null) {
      if (!last) at('toPage', 'Chỉ bậc giá cuối cùng được để trống trang kết thúc.');
    } else {
      if (t.toPage < t.fromPage) at('toPage', 'Trang kết thúc phải không nhỏ hơn trang bắt đầu.');
      if (last) at('toPage', 'Bậc giá cuối cùng phải để trống trang kết thúc (áp dụng cho mọi trang còn lại).');
      expectedFrom = t.toPage + 1;
    }
  });
}

/** Fee lists: unique codes, and at most one default line in each group of alternatives. */
function checkFeeList(fees: readonly ProcedureFee[], path: (string | number)[], ctx: z.RefinementCtx): void {
  flagDuplicates(fees.map((f) => f.code), path, 'Trùng mã phí, lệ phí', ctx);
  const defaults = new Map<string, number>();
  fees.forEach((f, i) => {
    if (!f.group || !f.isDefault) return;
    if (defaults.has(f.group)) {
      ctx.addIssue({ code: 'custom', path: [...path, i, 'isDefault'], message: `Nhóm phí "${f.group}" chỉ được có một khoản mặc định.` });
    }
    defaults.set(f.group, i);
  });
}

/** Variant code: short upper-case key such as DUNGHAN, QUAHAN, XACMINH. */
export const VARIANT_CODE = /^[A-Z0-9][A-Z0-9_-]{0,29}$/;

/**
 * A case (trường hợp) of a procedure, as provincial catalogs list them: birth registration on time /
 * late, certified copies of ordinary / large volume. Each field present replaces the procedure's own
 * (time, checklist, fee lines, competent agency); an absent field is inherited.
 */
export const procedureVariantSchema = z
  .strictObject({
    code: z.string().trim().toUpperCase().regex(VARIANT_CODE, 'Mã trường hợp chỉ gồm chữ in hoa không dấu, số, "-" hoặc "_" (tối đa 30 ký tự).'),
    name: text(300),
    /** The case offered first at intake (at most one per procedure; else the first one). */
    isDefault: z.boolean().optional(),
    duration: durationSchema.optional(),
    documents: z.array(procedureDocumentSchema).optional(),
    fees: z.array(procedureFeeSchema).optional(),
    competentAgency: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.documents) flagDuplicates(v.documents.map((d) => d.code), ['documents'], 'Trùng mã giấy tờ', ctx);
    if (v.fees) checkFeeList(v.fees, ['fees'], ctx);
  });
/** A case of a procedure. */
export type ProcedureVariant = z.infer<typeof procedureVariantSchema>;

/** A procedure of the catalog. `code` is the national code; `localCode` the province's own, if any. */
export const procedureSchema = z
  .strictObject({
    code: z.string().trim().regex(NATIONAL_PROCEDURE_CODE, 'Mã thủ tục phải có dạng d.dddddd (ví dụ 1.001193).'),
    localCode: optionalText(100),
    name: text(1000),
    fieldCode: text(50),
    fieldName: text(300),
    level: z.enum(PROCEDURE_LEVELS),
    competentAgency: text(500),
    onlineLevel: z.enum(ONLINE_LEVELS),
    duration: durationSchema,
    documents: z.array(procedureDocumentSchema),
    fees: z.array(procedureFeeSchema),
    /** Cases (trường hợp); absent or empty when the procedure has a single case. */
    variants: z.array(procedureVariantSchema).max(50, 'Tối đa 50 trường hợp.').optional(),
    inForce: z.boolean(),
    updatedAt: z.iso.datetime({ offset: true, error: 'Thời điểm cập nhật phải là ISO 8601 có múi giờ.' }).optional(),
  })
  .superRefine((p, ctx) => {
    flagDuplicates(p.documents.map((d) => d.code), ['documents'], 'Trùng mã giấy tờ', ctx);
    checkFeeList(p.fees, ['fees'], ctx);
    if (p.variants) {
      flagDuplicates(p.variants.map((v) => v.code), ['variants'], 'Trùng mã trường hợp', ctx);
      if (p.variants.filter((v) => v.isDefault).length > 1) {
        ctx.addIssue({ code: 'custom', path: ['variants'], message: 'Chỉ được một trường hợp mặc định.' });
      }
    }
  });
export type Procedure = z.infer<typeof procedureSchema>;

function flagDuplicates(codes: string[], list: (string | number)[], label: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (seen.has(code)) ctx.addIssue({ code: 'custom', path: [...list, i, 'code'], message: `${label}: "${code}".` });
    seen.add(code);
  });
}
