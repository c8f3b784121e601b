/**
 * Validators for identifiers typed at the counter. Each returns `null` when the value is
 * acceptable, otherwise a Vietnamese message the clerk can act on. They check shape only:
 * the app is not the registry for any of these numbers.
 */
import { parseIsoDate } from './date-parts';

/** Personal ID type as used by the provincial API (`LoaiDinhDanh`): 1 = 12-digit ID, 2 = old 9-digit ID. */
export type PersonalIdType = '1' | '2';

/** `'1'` for a 12-digit ID, `'2'` for a 9-digit old ID, null otherwise. */
export function personalIdType(id: string): PersonalIdType | null {
  const s = id.trim();
  if (/^\d{12}$/.test(s)) return '1';
  if (/^\d{9}$/.test(s)) return '2';
  return null;
}

/** Personal ID: 12 digits (CCCD / thẻ căn cước) or 9 digits (old CMND). */
export function validatePersonalId(id: string): string | null {
  const s = id.trim();
  if (s === '') return 'Chưa nhập số định danh cá nhân.';
  if (!/^\d+$/.test(s)) return 'Số định danh cá nhân chỉ gồm chữ số.';
  if (personalIdType(s) === null) {
    return `Số định danh cá nhân phải gồm 12 chữ số (hoặc 9 chữ số với CMND cũ); đã nhập ${s.length} chữ số.`;
  }
  return null;
}

/**
 * Normalise a phone number to the domestic form `0xxxxxxxxx`, or null when it is not one.
 * Accepts spaces, dots, dashes and parentheses as separators, and the `+84` / `0084` prefix
 * (with or without the trunk 0 after it). Mobile numbers have 10 digits; fixed lines
 * (area codes 02x since 2017) have 11, and agencies and businesses give those too.
 */
export function normalizePhone(phone: string): string | null {
  let s = phone.trim().replace(/[\s.\-()]/g, '');
  if (s.startsWith('+84')) s = s.slice(3);
  else if (s.startsWith('0084')) s = s.slice(4);
  else if (!s.startsWith('0')) return null;
  if (!s.startsWith('0')) s = `0${s}`;
  if (/^0[1-9]\d{8}$/.test(s)) return s;
  if (/^02\d{9}$/.test(s)) return s;
  return null;
}

/** Phone number: 10 digits starting with 0, or +84 form (fixed lines 02x: 11 digits). */
export function validatePhone(phone: string): string | null {
  if (phone.trim() === '') return 'Chưa nhập số điện thoại.';
  if (normalizePhone(phone) === null) {
    return 'Số điện thoại không hợp lệ: cần 10 chữ số bắt đầu bằng 0 (ví dụ 0912345678) hoặc dạng +84.';
  }
  return null;
}

// Deliberately simple: one @, no spaces, a dot in the domain. Full RFC 5322 accepts strings
// no clerk ever types and would let typos like "abc@gmail" through.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** E-mail address, shape only. */
export function validateEmail(email: string): string | null {
  const s = email.trim();
  if (s === '') return 'Chưa nhập địa chỉ thư điện tử.';
  if (s.length > 254 || !EMAIL.test(s)) return `Địa chỉ thư điện tử không hợp lệ: "${s}".`;
  return null;
}

/**
 * Date of birth `YYYY-MM-DD`: a real day, not before 1900, not after `today`.
 * `today` is the local business date (`YYYY-MM-DD`) supplied by the caller's clock.
 */
export function validateBirthDate(birthDate: string, today: string): string | null {
  if (birthDate.trim() === '') return 'Chưa nhập ngày sinh.';
  const d = parseIsoDate(birthDate.trim());
  if (!d) return `Ngày sinh không hợp lệ: "${birthDate}".`;
  if (!parseIsoDate(today)) throw new RangeError(`Ngày hôm nay không hợp lệ: "${today}" (cần YYYY-MM-DD).`);
  if (d.year < 1900) return 'Ngày sinh không được trước năm 1900.';
  // ISO dates of equal length compare correctly as strings.
  if (birthDate.trim() > today) return 'Ngày sinh không được sau ngày hôm nay.';
  return null;
}

/** Shape of an agency electronic ID (mã định danh điện tử), e.g. `000.00.06.H56`. */
export const AGENCY_ID_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/**
 * Agency ID: `NNN.NN.NN.Xnn`. Only the shape is checked; what each level's digits mean is
 * not settled after the 2025 reorganisation, so the configured code is kept as it is.
 */
export function validateAgencyId(id: string): string | null {
  const s = id.trim();
  if (s === '') return 'Chưa nhập mã định danh cơ quan.';
  if (!AGENCY_ID_PATTERN.test(s)) {
    return `Mã định danh cơ quan không đúng dạng NNN.NN.NN.Xnn (ví dụ 000.00.00.H30): "${s}".`;
  }
  return null;
}

const PROCEDURE_CODE = /^(\d\.\d{6})(?:\.(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}))?$/;

/**
 * Split a procedure code into its national part and the optional agency suffix that
 * provincial portals append (`2.000815.000.00.00.H55`). Null when the shape is wrong.
 */
export function splitProcedureCode(code: string): { national: string; agencyId?: string } | null {
  const m = PROCEDURE_CODE.exec(code.trim());
  if (!m) return null;
  return m[2] ? { national: m[1], agencyId: m[2] } : { national: m[1] };
}

/** Procedure code `d.dddddd`, optionally followed by `.{agency ID}`. */
export function validateProcedureCode(code: string): string | null {
  const s = code.trim();
  if (s === '') return 'Chưa nhập mã thủ tục hành chính.';
  if (!splitProcedureCode(s)) {
    return `Mã thủ tục hành chính không đúng dạng d.dddddd (ví dụ 1.001193): "${s}".`;
  }
  return null;
}
