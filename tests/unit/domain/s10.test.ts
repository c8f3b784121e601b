import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeS10, s10CheckDigit, validateS10 } from '../../../src/shared/domain/s10';

describe('s10CheckDigit', () => {
  it('matches worked examples', () => {
    // 1·8+2·6+3·4+4·2+5·3+6·5+7·9+8·7 = 204; 204 mod 11 = 6; 11−6 = 5.
    expect(s10CheckDigit('12345678')).toBe(5);
    // The UPU standard's own example RA473124829GB: sum 200, 200 mod 11 = 2, 11−2 = 9.
    expect(s10CheckDigit('47312482')).toBe(9);
  });

  it('maps 10 to 0 and 11 to 5', () => {
    // 8·7 = 56, 56 mod 11 = 1 → 11−1 = 10 → 0.
    expect(s10CheckDigit('00000008')).toBe(0);
    // sum 0 → 11 → 5.
    expect(s10CheckDigit('00000000')).toBe(5);
  });

  it('refuses serials that are not eight digits', () => {
    expect(() => s10CheckDigit('1234567')).toThrow(RangeError);
    expect(() => s10CheckDigit('1234567A')).toThrow(/8 chữ số/);
  });
});

describe('validateS10', () => {
  it('accepts a valid code', () => {
    expect(validateS10('EL123456785VN')).toEqual({ valid: true, kind: 's10', message: 'Mã bưu gửi hợp lệ.' });
    expect(validateS10('RA473124829GB').valid).toBe(true);
  });

  it('reports a wrong check digit with the expected one', () => {
    const r = validateS10('EL123456789VN');
    expect(r).toMatchObject({ valid: false, kind: 'bad-check-digit', expectedCheckDigit: 5 });
    expect(r.message).toContain('phải là 5');
  });

  it('normalises case and spaces typed by people', () => {
    expect(normalizeS10(' el 1234 5678 5 vn ')).toBe('EL123456785VN');
    expect(validateS10('el 12345678 5 vn').valid).toBe(true);
  });

  it.each(['', 'EL12345678VN', 'EL1234567855VN', '1L123456785VN', 'EL123456785V1', '123456789012', 'ĐL123456785VN'])(
    'flags %j as not S10 (a warning, not a block)',
    (code) => {
      const r = validateS10(code);
      expect(r.kind).toBe('not-s10');
      expect(r.valid).toBe(false);
      expect(r.message).toContain('S10');
    },
  );

  it('accepts exactly one check digit for any serial', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), fc.integer({ min: 0, max: 9 }), (serial, digit) => {
        const r = validateS10(`CP${serial}${digit}VN`);
        if (digit === s10CheckDigit(serial)) expect(r.kind).toBe('s10');
        else expect(r).toMatchObject({ kind: 'bad-check-digit', expectedCheckDigit: s10CheckDigit(serial) });
      }),
    );
  });
});
