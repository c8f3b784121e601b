/**
 * Fee calculation for the receipt and the fee slip. Pure and in whole đồng.
 *
 * Example (certified copies, Circular 226/2016/TT-BTC): 2.000 đ/page for pages 1–2,
 * 1.000 đ/page from page 3, at most 200.000 đ per copy, times the number of copies.
 */
import type { FeeTier, Procedure, ProcedureFee } from './procedure';
import { conflictingFeeChoice, defaultFeeCodes } from './variants';

/** What the clerk enters: number of copies (default 1) and pages of each copy (per-page fees). */
export interface FeeInput {
  copies?: number;
  pagesPerCopy?: number;
}

/** One line of the fee slip. */
export interface FeeLine {
  code: string;
  name: string;
  kind: ProcedureFee['kind'];
  copies: number;
  pagesPerCopy?: number;
  /** Amount of this line in đồng. */
  amount: number;
  /** True when the per-copy cap lowered the amount. */
  capped: boolean;
}

/** A computed value, or a Vietnamese message when the input cannot be priced. */
export type FeeResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Price of one copy of `pages` pages over contiguous tiers (validated by the schema). */
function tieredPrice(tiers: readonly FeeTier[], pages: number): number {
  let total = 0;
  for (const t of tiers) {
    if (pages < t.fromPage) break;
    const last = t.toPage === null ? pages : Math.min(pages, t.toPage);
    total += (last - t.fromPage + 1) * t.pricePerPage;
  }
  return total;
}

function priceFee(fee: ProcedureFee, input: FeeInput): FeeResult<FeeLine> {
  const copies = input.copies ?? 1;
  if (!Number.isInteger(copies) || copies < 1) {
    return { ok: false, error: `Số bản của "${fee.name}" phải là số nguyên từ 1 trở lên.` };
  }
  const line = { code: fee.code, name: fee.name, kind: fee.kind, copies };
  switch (fee.kind) {
    case 'FREE':
      return { ok: true, value: { ...line, amount: 0, capped: false } };
    case 'FIXED':
      // A fixed fee is charged per case (trường hợp), whatever the number of copies.
      return { ok: true, value: { ...line, amount: fee.amount ?? 0, capped: false } };
    case 'PER_COPY':
      return { ok: true, value: { ...line, amount: (fee.amount ?? 0) * copies, capped: false } };
    case 'PER_PAGE_TIERED': {
      const pages = input.pagesPerCopy;
      if (pages === undefined || !Number.isInteger(pages) || pages < 1) {
        return { ok: false, error: `Số trang mỗi bản của "${fee.name}" phải là số nguyên từ 1 trở lên.` };
      }
      const full = tieredPrice(fee.tiers ?? [], pages);
      const perCopy = fee.capPerCopy === undefined ? full : Math.min(full, fee.capPerCopy);
      return { ok: true, value: { ...line, pagesPerCopy: pages, amount: perCopy * copies, capped: perCopy < full } };
    }
  }
}

/**
 * Amount in đồng of one fee for the given copies and pages.
 * Rejects copies or pages below 1 (pages are required for per-page fees).
 */
export function computeFee(fee: ProcedureFee, input: FeeInput = {}): FeeResult<number> {
  const r = priceFee(fee, input);
  return r.ok ? { ok: true, value: r.value.amount } : r;
}

/** Input of {@link computeFees}. */
export interface FeesInput extends FeeInput {
  /**
   * Fees to charge. When absent: every line outside a group of alternatives plus the default line of
   * each group ({@link defaultFeeCodes}); two lines of one group are refused.
   */
  feeCodes?: readonly string[];
  /** Per-fee copies/pages overriding the shared ones. */
  perFee?: Readonly<Record<string, FeeInput>>;
}

/** Lines and total (đồng) for a procedure's fees. */
export function computeFees(procedure: Pick<Procedure, 'code' | 'fees'>, input: FeesInput = {}): FeeResult<{ lines: FeeLine[]; total: number }> {
  const codes = input.feeCodes ?? defaultFeeCodes(procedure.fees);
  if (input.feeCodes) {
    const unknown = input.feeCodes.filter((c) => !procedure.fees.some((f) => f.code === c));
    if (unknown.length > 0) {
      return { ok: false, error: `Thủ tục ${procedure.code} không có khoản phí, lệ phí mã: ${unknown.join(', ')}.` };
    }
    const conflict = conflictingFeeChoice(procedure.fees, input.feeCodes);
    if (conflict) return { ok: false, error: conflict };
  }
  const fees = procedure.fees.filter((f) => codes.includes(f.code));
  const lines: FeeLine[] = [];
  for (const fee of fees) {
    const own = input.perFee?.[fee.code];
    const r = priceFee(fee, {
      copies: own?.copies ?? input.copies,
      pagesPerCopy: own?.pagesPerCopy ?? input.pagesPerCopy,
    });
    if (!r.ok) return r;
    lines.push(r.value);
  }
  return { ok: true, value: { lines, total: lines.reduce((sum, l) => sum + l.amount, 0) } };
}
