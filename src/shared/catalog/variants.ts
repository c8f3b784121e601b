/**
 * Procedure variants (trường hợp) and the case a dossier is received under. Pure, shared by the
 * office server (intake, due dates, fees) and the renderer (intake picker, previews).
 */
import type { Procedure, ProcedureFee, ProcedureVariant } from './procedure';

/** The procedure as it applies to one case: the variant's own fields over the procedure's. */
export interface ProcedureCase extends Procedure {
  /** The case chosen; null for a procedure without variants. */
  variant: { code: string; name: string } | null;
}

/** The variants of a procedure, the default one first. */
export function variantsOf(p: Pick<Procedure, 'variants'>): ProcedureVariant[] {
  const list = p.variants ?? [];
  const d = list.findIndex((v) => v.isDefault);
  return d <= 0 ? [...list] : [list[d], ...list.slice(0, d), ...list.slice(d + 1)];
}

/** Code of the case intake offers first: the one marked default, else the first; null without variants. */
export function defaultVariantCode(p: Pick<Procedure, 'variants'>): string | null {
  return variantsOf(p)[0]?.code ?? null;
}

export type CaseResult = { ok: true; value: ProcedureCase } | { ok: false; error: string };

/**
 * The procedure under one of its cases. Without `variantCode` a procedure with variants takes its default
 * case; a code the procedure does not list, or any code for a procedure without variants, is an error.
 */
export function procedureCase(p: Procedure, variantCode?: string | null): CaseResult {
  const variants = variantsOf(p);
  if (variants.length === 0) {
    if (variantCode) return { ok: false, error: `Thủ tục ${p.code} không chia trường hợp (không có trường hợp "${variantCode}").` };
    return { ok: true, value: { ...p, variant: null } };
  }
  const code = variantCode ?? variants[0].code;
  const v = variants.find((x) => x.code === code);
  if (!v) {
    const known = variants.map((x) => `${x.code} (${x.name})`).join(', ');
    return { ok: false, error: `Thủ tục ${p.code} không có trường hợp "${code}"; các trường hợp: ${known}.` };
  }
  return {
    ok: true,
    value: {
      ...p,
      duration: v.duration ?? p.duration,
      documents: v.documents ?? p.documents,
      fees: v.fees ?? p.fees,
      competentAgency: v.competentAgency ?? p.competentAgency,
      variant: { code: v.code, name: v.name },
    },
  };
}

/**
 * The fee lines charged when the clerk picks none: every line outside a group of alternatives, and
 * from each group its default line (else its first). Alternatives are never summed by default.
 */
export function defaultFeeCodes(fees: readonly ProcedureFee[]): string[] {
  const chosenGroup = new Map<string, string>();
  for (const f of fees) {
    if (f.group && (f.isDefault || !chosenGroup.has(f.group))) chosenGroup.set(f.group, f.code);
  }
  return fees.filter((f) => !f.group || chosenGroup.get(f.group) === f.code).map((f) => f.code);
}

/** A Vietnamese error when the chosen lines take two alternatives of one group, else null. */
export function conflictingFeeChoice(fees: readonly ProcedureFee[], codes: readonly string[]): string | null {
  const byGroup = new Map<string, ProcedureFee[]>();
  for (const f of fees) {
    if (!f.group || !codes.includes(f.code)) continue;
    byGroup.set(f.group, [...(byGroup.get(f.group) ?? []), f]);
  }
  for (const chosen of byGroup.values()) {
    if (chosen.length > 1) {
      return `Các khoản ${chosen.map((f) => `"${f.name}"`).join(' và ')} loại trừ nhau: chỉ chọn một khoản.`;
    }
  }
  return null;
}
