import { normalizeS10, validateS10 } from '../domain/s10';

/** How an accepted item code was classified (stored with the item). */
export type PostalCodeKind = 's10' | 'not-s10' | 'confirmed';

export type PostalCodeCheck =
  | { ok: true; code: string; kind: PostalCodeKind; warning: string | null }
  | { ok: false; code: string; message: string; badCheckDigit: boolean };

// Item codes are letters and digits (S10 or a carrier's own); anything else is a scan gone astray
// (e.g. a CCCD QR string typed into the code field).
const CODE_CHARS = /^[A-Z0-9-]{4,30}$/;

/**
 * Decides whether a typed or scanned postal item code may be used. An S10-shaped code with a wrong
 * check digit is almost always a typo, so it is refused unless the clerk confirms (`confirmNonS10`)
 * that the item really carries that code; a code of another shape is accepted with a warning, since
 * not every domestic item is known to use S10.
 */
export function checkPostalCode(raw: string, confirmNonS10 = false): PostalCodeCheck {
  const code = normalizeS10(raw);
  if (!code) return { ok: false, code, message: 'Nhập hoặc quét mã bưu gửi', badCheckDigit: false };
  if (!CODE_CHARS.test(code)) {
    return { ok: false, code, message: 'Mã bưu gửi chỉ gồm chữ cái không dấu, chữ số (4–30 ký tự), ví dụ EL123456785VN', badCheckDigit: false };
  }
  const v = validateS10(code);
  if (v.kind === 's10') return { ok: true, code, kind: 's10', warning: null };
  if (v.kind === 'not-s10') return { ok: true, code, kind: 'not-s10', warning: v.message };
  if (confirmNonS10) {
    return { ok: true, code, kind: 'confirmed', warning: `Mã ${code} sai số kiểm tra S10 nhưng đã được xác nhận đúng như in trên bưu gửi.` };
  }
  return { ok: false, code, message: `${v.message} Nếu bưu gửi thật sự mang mã này, hãy xác nhận giữ nguyên mã.`, badCheckDigit: true };
}
