/**
 * Parser for the QR code printed on chip-based citizen ID cards (CCCD gắn chip / thẻ căn cước).
 *
 * Layout: `ID12|oldID9|full name|ddMMyyyy|Nam/Nữ|address|issue ddMMyyyy`, UTF-8.
 * A USB scanner types it as keystrokes, so the line may carry stray whitespace or CR, some
 * scanners emit decomposed (NFD) Vietnamese, the old ID may be empty and newer cards may add
 * fields at the end. We accept all of that and reject anything that would put a wrong ID
 * or date on a dossier.
 */
import { formatIsoDate, parseDdMmYyyy, parseIsoDate, type DateParts } from './date-parts';
import { foldVietnamese } from './text-fold';

/** Data read from a CCCD QR code; dates are `YYYY-MM-DD`. */
export interface CccdData {
  idNumber: string;
  oldIdNumber?: string;
  fullName: string;
  birthDate: string;
  sex: 'Nam' | 'Nữ';
  address: string;
  issueDate: string;
}

/** Outcome of {@link parseCccdQr}: the data, or a Vietnamese message. */
export type CccdParseResult = { ok: true; value: CccdData } | { ok: false; error: string };

/** Options of {@link parseCccdQr}. */
export interface CccdParseOptions {
  /** Today's local date `YYYY-MM-DD`; when given, birth and issue dates after it are rejected. */
  today?: string;
}

const MIN_FIELDS = 7;
const MIN_BIRTH_YEAR = 1900;

/** Strip BOM, surrounding whitespace/CR/LF and normalise to NFC. */
function cleanLine(raw: string): string {
  return raw.replace(/^\uFEFF/, '').trim().normalize('NFC');
}

const toNumber = (p: DateParts): number => p.year * 10000 + p.month * 100 + p.day;

/**
 * Quick test used by the intake screen to route a scanned line: true when the line starts
 * with a 12-digit ID followed by `|` and has at least seven `|`-separated fields.
 * It does not validate the content; call {@link parseCccdQr} for that.
 */
export function looksLikeCccdQr(s: string): boolean {
  const line = cleanLine(s);
  return /^\d{12}\s*\|/.test(line) && line.split('|').length >= MIN_FIELDS;
}

/**
 * Parse and validate a CCCD QR string.
 * @returns `{ok:true, value}` or `{ok:false, error}` with a Vietnamese message for the clerk.
 * @throws RangeError when `options.today` is given but is not a `YYYY-MM-DD` date (a caller bug).
 */
export function parseCccdQr(raw: string, options: CccdParseOptions = {}): CccdParseResult {
  const fail = (error: string): CccdParseResult => ({ ok: false, error });
  const line = cleanLine(raw);
  if (line === '') return fail('Chuỗi quét được trống.');

  const fields = line.split('|').map((f) => f.trim());
  if (fields.length < MIN_FIELDS) {
    return fail(
      `Mã QR không đúng định dạng CCCD: cần ít nhất ${MIN_FIELDS} trường ngăn cách bởi dấu "|", nhận được ${fields.length}.`,
    );
  }
  // Fields past the seventh (seen on some newer cards) are ignored on purpose.
  const [idNumber, oldIdNumber, rawName, rawBirth, rawSex, rawAddress, rawIssue] = fields;

  if (!/^\d{12}$/.test(idNumber)) return fail('Số định danh cá nhân trong mã QR phải gồm đúng 12 chữ số.');
  if (oldIdNumber !== '' && !/^\d{9}$/.test(oldIdNumber)) {
    return fail('Số CMND cũ trong mã QR phải gồm đúng 9 chữ số (hoặc để trống).');
  }

  const fullName = rawName.replace(/\s+/g, ' ');
  if (fullName === '') return fail('Mã QR không có họ và tên.');

  const birth = parseDdMmYyyy(rawBirth);
  if (!birth) return fail(`Ngày sinh trong mã QR không hợp lệ: "${rawBirth}" (cần dạng ngàythángnăm, 8 chữ số).`);
  if (birth.year < MIN_BIRTH_YEAR) return fail(`Năm sinh trong mã QR không hợp lệ: ${birth.year}.`);

  const foldedSex = foldVietnamese(rawSex);
  const sex = foldedSex === 'nam' ? 'Nam' : foldedSex === 'nu' ? 'Nữ' : null;
  if (!sex) return fail(`Giới tính trong mã QR phải là "Nam" hoặc "Nữ", nhận được "${rawSex}".`);

  const issue = parseDdMmYyyy(rawIssue);
  if (!issue) return fail(`Ngày cấp trong mã QR không hợp lệ: "${rawIssue}" (cần dạng ngàythángnăm, 8 chữ số).`);
  if (toNumber(issue) < toNumber(birth)) return fail('Ngày cấp trong mã QR sớm hơn ngày sinh.');

  if (options.today !== undefined) {
    const today = parseIsoDate(options.today);
    if (!today) throw new RangeError(`Ngày hôm nay không hợp lệ: "${options.today}" (cần YYYY-MM-DD).`);
    if (toNumber(birth) > toNumber(today)) return fail('Ngày sinh trong mã QR ở sau ngày hôm nay.');
    if (toNumber(issue) > toNumber(today)) return fail('Ngày cấp trong mã QR ở sau ngày hôm nay.');
  }

  const value: CccdData = {
    idNumber,
    fullName,
    birthDate: formatIsoDate(birth),
    sex,
    address: rawAddress.replace(/\s+/g, ' '),
    issueDate: formatIsoDate(issue),
  };
  if (oldIdNumber !== '') value.oldIdNumber = oldIdNumber;
  return { ok: true, value };
}
