/**
 * Mapping of the provincial catalog feed (`LayDanhSachTTHC` → `ThuTuc`) to {@link Procedure}.
 *
 * The feed is poorer than our model: one quantity column for copies (mapped to plain copies),
 * and one flat amount per fee (0 → free, otherwise fixed per case). Tiered per-page fees
 * therefore stay an administrator's local edit.
 */
import { z } from 'zod';
import { splitProcedureCode } from '../domain/identity';
import { formatIssuePath, vietnameseIssueMessage } from './issue-messages';
import { procedureSchema, type Procedure, type ProcedureFee } from './procedure';

/** Flags arrive as booleans or as "1"/"0" strings depending on the province's server. */
const flag = z.union([
  z.boolean(),
  z.enum(['1', '0', 'true', 'false']).transform((s) => s === '1' || s === 'true'),
  z.literal(1).transform(() => true),
  z.literal(0).transform(() => false),
]);

const thuTucSchema = z.object({
  MaTTHC: z.string(),
  TenTTHC: z.string(),
  MaLinhVuc: z.string(),
  TenLinhVuc: z.string(),
  CapThucHien: z.string(),
  CoQuanThucHien: z.string(),
  MucDo: z.string(),
  ThoiHanGiaiQuyet: z.object({
    SoNgay: z.number(),
    DonVi: z.enum(['NGAYLAMVIEC', 'NGAY', 'GIO']),
    TrongNgay: flag,
  }),
  ThanhPhanHoSo: z
    .array(
      z.object({
        MaThanhPhan: z.string(),
        TenGiayTo: z.string(),
        SoBanChinh: z.number(),
        SoBanSao: z.number(),
        BatBuoc: flag,
      }),
    )
    .default([]),
  PhiLePhi: z
    .array(
      z.object({
        MaPhiLePhi: z.string(),
        TenPhiLePhi: z.string(),
        MucThu: z.number(),
        MoTa: z.string().nullish(),
      }),
    )
    .default([]),
  HieuLuc: z.enum(['1', '0']),
});

const UNITS = { NGAYLAMVIEC: 'WORKING_DAYS', NGAY: 'CALENDAR_DAYS', GIO: 'HOURS' } as const;

/** Our field name → the feed's, so errors point at what the province sent. */
const TOP_FIELDS: Record<string, string> = {
  code: 'MaTTHC',
  localCode: 'MaTTHC',
  name: 'TenTTHC',
  fieldCode: 'MaLinhVuc',
  fieldName: 'TenLinhVuc',
  level: 'CapThucHien',
  competentAgency: 'CoQuanThucHien',
  onlineLevel: 'MucDo',
  inForce: 'HieuLuc',
};
const DURATION_FIELDS: Record<string, string> = { amount: 'SoNgay', extendedAmount: 'SoNgay', unit: 'DonVi', sameDay: 'TrongNgay' };
const DOCUMENT_FIELDS: Record<string, string> = {
  code: 'MaThanhPhan',
  name: 'TenGiayTo',
  required: 'BatBuoc',
  originals: 'SoBanChinh',
  copies: 'SoBanSao',
  certifiedCopies: 'SoBanSao',
};
const FEE_FIELDS: Record<string, string> = { code: 'MaPhiLePhi', name: 'TenPhiLePhi', amount: 'MucThu', kind: 'MucThu', note: 'MoTa' };

function provincialPath(path: readonly PropertyKey[]): string {
  const [head, second, third] = path;
  if (head === 'duration') return `ThoiHanGiaiQuyet.${DURATION_FIELDS[String(second)] ?? String(second)}`;
  if (head === 'documents' && typeof second === 'number') {
    return `ThanhPhanHoSo[${second}]${third === undefined ? '' : `.${DOCUMENT_FIELDS[String(third)] ?? String(third)}`}`;
  }
  if (head === 'fees' && typeof second === 'number') {
    return `PhiLePhi[${second}]${third === undefined ? '' : `.${FEE_FIELDS[String(third)] ?? String(third)}`}`;
  }
  return TOP_FIELDS[String(head)] ?? formatIssuePath(path);
}

/** Outcome of {@link fromProvincialThuTuc}; error fields use the feed's names (`PhiLePhi[0].MucThu`). */
export type ThuTucMappingResult =
  | { ok: true; value: Procedure }
  | { ok: false; errors: { field: string; message: string }[] };

/**
 * Map and validate one `ThuTuc` object from the provincial feed.
 * A same-day procedure (`TrongNgay`) gets `amount` 0 whatever `SoNgay` says, because
 * the same-day rule (after 15:00 → next working day) is what applies.
 */
export function fromProvincialThuTuc(thuTuc: unknown): ThuTucMappingResult {
  const raw = thuTucSchema.safeParse(thuTuc, { error: vietnameseIssueMessage });
  if (!raw.success) {
    return { ok: false, errors: raw.error.issues.map((i) => ({ field: formatIssuePath(i.path), message: i.message })) };
  }
  const t = raw.data;
  const split = splitProcedureCode(t.MaTTHC);
  if (!split) {
    return {
      ok: false,
      errors: [{ field: 'MaTTHC', message: `Mã thủ tục không đúng dạng d.dddddd (có thể kèm mã cơ quan): "${t.MaTTHC}".` }],
    };
  }
  const fees: ProcedureFee[] = t.PhiLePhi.map((f) => {
    const note = f.MoTa?.trim() ? f.MoTa : undefined;
    return f.MucThu === 0
      ? { code: f.MaPhiLePhi, name: f.TenPhiLePhi, kind: 'FREE', ...(note && { note }) }
      : { code: f.MaPhiLePhi, name: f.TenPhiLePhi, kind: 'FIXED', amount: f.MucThu, ...(note && { note }) };
  });
  const sameDay = t.ThoiHanGiaiQuyet.TrongNgay;
  const candidate = {
    code: split.national,
    ...(split.agencyId && { localCode: t.MaTTHC.trim() }),
    name: t.TenTTHC,
    fieldCode: t.MaLinhVuc,
    fieldName: t.TenLinhVuc,
    level: t.CapThucHien,
    competentAgency: t.CoQuanThucHien,
    onlineLevel: t.MucDo,
    duration: { amount: sameDay ? 0 : t.ThoiHanGiaiQuyet.SoNgay, unit: UNITS[t.ThoiHanGiaiQuyet.DonVi], sameDay },
    documents: t.ThanhPhanHoSo.map((d) => ({
      code: d.MaThanhPhan,
      name: d.TenGiayTo,
      required: d.BatBuoc,
      originals: d.SoBanChinh,
      certifiedCopies: 0,
      copies: d.SoBanSao,
    })),
    fees,
    inForce: t.HieuLuc === '1',
  };
  const parsed = procedureSchema.safeParse(candidate, { error: vietnameseIssueMessage });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ field: provincialPath(i.path), message: i.message })) };
  }
  return { ok: true, value: parsed.data };
}
