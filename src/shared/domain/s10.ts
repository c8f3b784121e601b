/**
 * UPU S10 postal item identifiers (mã bưu gửi), e.g. `EL123456785VN`:
 * two service letters, an 8-digit serial, one check digit, a two-letter country code.
 *
 * Not every domestic item is known to use S10, so callers warn on other shapes rather than
 * block (see the domain brief): only a wrong check digit on an S10-shaped code is a sure typo.
 */

const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const S10_SHAPE = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;

/**
 * Check digit for an 8-digit serial: weighted sum with 8,6,4,2,3,5,9,7, then
 * 11 − (sum mod 11), where 10 becomes 0 and 11 becomes 5.
 * @throws RangeError when `serial8` is not exactly eight digits.
 */
export function s10CheckDigit(serial8: string): number {
  if (!/^\d{8}$/.test(serial8)) throw new RangeError(`Số hiệu bưu gửi phải gồm đúng 8 chữ số: "${serial8}".`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(serial8[i]) * WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 10) return 0;
  if (check === 11) return 5;
  return check;
}

/** `s10`: valid; `bad-check-digit`: S10 shape, wrong digit (a typo); `not-s10`: another shape (warn only). */
export type S10Kind = 's10' | 'bad-check-digit' | 'not-s10';

/** Outcome of {@link validateS10}. */
export interface S10Validation {
  /** True only for a well-formed S10 code with the right check digit. */
  valid: boolean;
  kind: S10Kind;
  /** Set when the shape is S10 but the check digit is wrong. */
  expectedCheckDigit?: number;
  /** Vietnamese message for the clerk. */
  message: string;
}

/**
 * Normalise a scanned or typed postal code: trim, remove inner spaces, upper-case.
 * Scanners type exactly; people type "el 1234 5678 5 vn".
 */
export function normalizeS10(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/** Classify a postal item code (after {@link normalizeS10}). */
export function validateS10(code: string): S10Validation {
  const normalized = normalizeS10(code);
  const m = S10_SHAPE.exec(normalized);
  if (!m) {
    return {
      valid: false,
      kind: 'not-s10',
      message:
        'Mã bưu gửi không theo chuẩn S10 (2 chữ cái, 9 chữ số, 2 chữ cái, ví dụ EL123456785VN). Vẫn có thể lưu, nhưng hãy kiểm tra lại với biên nhận của bưu điện.',
    };
  }
  const expected = s10CheckDigit(m[2]);
  if (expected !== Number(m[3])) {
    return {
      valid: false,
      kind: 'bad-check-digit',
      expectedCheckDigit: expected,
      message: `Mã bưu gửi ${normalized} sai số kiểm tra: chữ số thứ 11 phải là ${expected}. Có thể đã nhập hoặc quét nhầm.`,
    };
  }
  return { valid: true, kind: 's10', message: 'Mã bưu gửi hợp lệ.' };
}
