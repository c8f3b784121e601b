/**
 * Dossier codes (mã hồ sơ): `{receiving agency ID}-{yyMMdd}-{NNNN}`, e.g. `000.00.06.H56-231027-0361`.
 *
 * The date is the local business day of receipt (Asia/Ho_Chi_Minh) and the sequence restarts
 * daily per agency. Allocating the sequence atomically is the database's job; this module only
 * formats and reads the code.
 */
import { formatIsoDate, isValidDateParts, parseIsoDate } from './date-parts';
import { AGENCY_ID_PATTERN } from './identity';

/** Highest daily sequence that fits the four-digit field. */
export const MAX_DOSSIER_SEQUENCE = 9999;

/** The parts a dossier code is made of. */
export interface DossierCodeParts {
  agencyId: string;
  /** Local date of receipt, `YYYY-MM-DD`. */
  localDate: string;
  seq: number;
}

/** Outcome of {@link parseDossierCode}: the parts, or a Vietnamese message. */
export type DossierCodeParseResult = { ok: true; value: DossierCodeParts } | { ok: false; error: string };

/**
 * Build a dossier code.
 * @param agencyId receiving agency ID, shape `NNN.NN.NN.Xnn`
 * @param localDate local business date `YYYY-MM-DD` (year 2000–2099, since the code keeps two digits)
 * @param seq daily sequence, 1–9999
 * @throws RangeError with a Vietnamese message when an argument is out of shape or range
 */
export function formatDossierCode(agencyId: string, localDate: string, seq: number): string {
  if (!AGENCY_ID_PATTERN.test(agencyId)) {
    throw new RangeError(`Mã định danh cơ quan không đúng dạng NNN.NN.NN.Xnn: "${agencyId}".`);
  }
  const d = parseIsoDate(localDate);
  if (!d) throw new RangeError(`Ngày tiếp nhận không hợp lệ: "${localDate}" (cần YYYY-MM-DD).`);
  if (d.year < 2000 || d.year > 2099) throw new RangeError(`Năm tiếp nhận ngoài phạm vi 2000–2099: ${d.year}.`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_DOSSIER_SEQUENCE) {
    throw new RangeError(`Số thứ tự hồ sơ trong ngày phải từ 1 đến ${MAX_DOSSIER_SEQUENCE}: ${seq}.`);
  }
  const yymmdd = localDate.slice(2, 4) + localDate.slice(5, 7) + localDate.slice(8, 10);
  return `${agencyId}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

const DOSSIER_CODE = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4})$/;

/** Read a dossier code back into its parts (surrounding whitespace is ignored). */
export function parseDossierCode(code: string): DossierCodeParseResult {
  const m = DOSSIER_CODE.exec(code.trim());
  if (!m) {
    return {
      ok: false,
      error: `Mã hồ sơ không đúng dạng {mã cơ quan}-{yyMMdd}-{NNNN} (ví dụ 000.00.06.H56-231027-0361): "${code.trim()}".`,
    };
  }
  const year = 2000 + Number(m[2]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  if (!isValidDateParts(year, month, day)) {
    return { ok: false, error: `Ngày trong mã hồ sơ không tồn tại: ${m[4]}/${m[3]}/${year}.` };
  }
  const seq = Number(m[5]);
  if (seq < 1) return { ok: false, error: 'Số thứ tự trong mã hồ sơ phải từ 0001.' };
  return { ok: true, value: { agencyId: m[1], localDate: formatIsoDate({ year, month, day }), seq } };
}
