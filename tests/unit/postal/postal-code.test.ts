import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkPostalCode } from '../../../src/shared/postal/postal-code';

/** Check digit from the rule in the domain brief, written out here independently. */
function withCheckDigit(serial: string): string {
  const w = [8, 6, 4, 2, 3, 5, 9, 7];
  const c = 11 - ([...serial].reduce((s, d, i) => s + Number(d) * w[i], 0) % 11);
  return `EE${serial}${c === 10 ? 0 : c === 11 ? 5 : c}VN`;
}

describe('checkPostalCode', () => {
  it('accepts the brief’s example and refuses its mistyped twin unless confirmed', () => {
    expect(checkPostalCode('EL123456785VN')).toEqual({ ok: true, code: 'EL123456785VN', kind: 's10', warning: null });
    const bad = checkPostalCode('EL123456789VN');
    expect(bad).toMatchObject({ ok: false, badCheckDigit: true });
    expect(!bad.ok && bad.message).toContain('phải là 5');
    expect(checkPostalCode('EL123456789VN', true)).toMatchObject({ ok: true, kind: 'confirmed' });
  });

  it('normalises what people type, warns on other shapes, refuses what is not a code', () => {
    expect(checkPostalCode(' el 1234 5678 5 vn')).toMatchObject({ ok: true, code: 'EL123456785VN' });
    expect(checkPostalCode('BD0012345')).toMatchObject({ ok: true, kind: 'not-s10', warning: expect.stringContaining('S10') });
    expect(checkPostalCode('')).toMatchObject({ ok: false, badCheckDigit: false });
    expect(checkPostalCode('001085012345|123456789|Lê')).toMatchObject({ ok: false, badCheckDigit: false });
    expect(checkPostalCode('AB1')).toMatchObject({ ok: false });
  });

  it('every serial with its own check digit passes; every other digit in that place is refused', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), fc.integer({ min: 0, max: 9 }), (serial, digit) => {
        const good = withCheckDigit(serial);
        expect(checkPostalCode(good)).toMatchObject({ ok: true, kind: 's10' });
        const other = `${good.slice(0, 10)}${digit}VN`;
        expect(checkPostalCode(other).ok).toBe(other === good);
      }),
      { numRuns: 300 },
    );
  });
});
