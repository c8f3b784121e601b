import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountInWords, formatVnd, groupThousands } from '../../../src/shared/domain/money';

describe('formatVnd', () => {
  it.each([
    [0, '0 đ'],
    [500, '500 đ'],
    [1000, '1.000 đ'],
    [2000, '2.000 đ'],
    [10000, '10.000 đ'],
    [100000, '100.000 đ'],
    [200000, '200.000 đ'],
    [2005000, '2.005.000 đ'],
    [1234567891, '1.234.567.891 đ'],
  ])('%i → %s', (n, expected) => {
    expect(formatVnd(n)).toBe(expected);
  });

  it('rejects fractions and negative amounts', () => {
    expect(() => formatVnd(1.5)).toThrow(RangeError);
    expect(() => formatVnd(-1000)).toThrow(RangeError);
    expect(() => formatVnd(Number.NaN)).toThrow(RangeError);
  });

  it('groups so that removing the dots gives the number back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const g = groupThousands(n);
        expect(g.replace(/\./g, '')).toBe(String(n));
        expect(g).toMatch(/^\d{1,3}(\.\d{3})*$/);
      }),
    );
  });
});

describe('amountInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [20, 'Hai mươi đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [45, 'Bốn mươi lăm đồng'],
    [91, 'Chín mươi mốt đồng'],
    [94, 'Chín mươi tư đồng'],
    [100, 'Một trăm đồng'],
    [101, 'Một trăm linh một đồng'],
    [104, 'Một trăm linh bốn đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [115, 'Một trăm mười lăm đồng'],
    [1000, 'Một nghìn đồng'],
    [1005, 'Một nghìn không trăm linh năm đồng'],
    [1050, 'Một nghìn không trăm năm mươi đồng'],
    [1500, 'Một nghìn năm trăm đồng'],
    // Real fees: certified copy 2.000 đ/page, signature certification 10.000 đ, household business 100.000 đ.
    [2000, 'Hai nghìn đồng'],
    [10000, 'Mười nghìn đồng'],
    [15000, 'Mười lăm nghìn đồng'],
    [21000, 'Hai mươi mốt nghìn đồng'],
    [35500, 'Ba mươi lăm nghìn năm trăm đồng'],
    [100000, 'Một trăm nghìn đồng'],
    [105000, 'Một trăm linh năm nghìn đồng'],
    [200000, 'Hai trăm nghìn đồng'],
    [310000, 'Ba trăm mười nghìn đồng'],
    [1000000, 'Một triệu đồng'],
    [1000001, 'Một triệu không trăm linh một đồng'],
    [1001000, 'Một triệu không trăm linh một nghìn đồng'],
    [1010000, 'Một triệu không trăm mười nghìn đồng'],
    [1250000, 'Một triệu hai trăm năm mươi nghìn đồng'],
    [2005000, 'Hai triệu không trăm linh năm nghìn đồng'],
    [15_750_000, 'Mười lăm triệu bảy trăm năm mươi nghìn đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [1_500_000_000, 'Một tỷ năm trăm triệu đồng'],
    [2_000_000_005, 'Hai tỷ không trăm linh năm đồng'],
    [
      1_234_567_891,
      'Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt đồng',
    ],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [25_000_000_000_000, 'Hai mươi lăm nghìn tỷ đồng'],
  ])('%i → %s', (n, expected) => {
    expect(amountInWords(n)).toBe(expected);
  });

  it('rejects amounts that are not whole, non-negative đồng', () => {
    expect(() => amountInWords(-5)).toThrow(RangeError);
    expect(() => amountInWords(0.5)).toThrow(RangeError);
    expect(() => amountInWords(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });

  it('reads back to the same number (independent parser) and follows the spelling rules', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const text = amountInWords(n);
        expect(text).toMatch(/^\p{Lu}/u);
        expect(text.endsWith(' đồng')).toBe(true);
        expect(text).not.toMatch(/\s{2}/);
        const lower = text.toLowerCase();
        // After "mươi" the forms are mốt / tư / lăm; after "mười" never "năm"; "linh" only follows "trăm".
        expect(lower).not.toMatch(/mươi (một|năm)\b/u);
        expect(lower).not.toMatch(/mươi bốn/u);
        expect(lower).not.toMatch(/mười năm/u);
        expect(lower).not.toMatch(/(^|\s)(?!trăm)\S+ linh/u);
        expect(parseWords(lower)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});

/** A reader of Vietnamese number words written for the test, not shared with the code under test. */
function parseWords(text: string): number {
  const digit: Record<string, number> = {
    không: 0, một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9,
  };
  const tokens = text.replace(/ đồng$/u, '').split(' ');
  let total = 0; // whole billions already closed
  let sub = 0; // millions + thousands of the current below-billion part
  let acc = 0; // current three-digit group
  let pending = 0;
  for (const t of tokens) {
    if (t in digit) pending = digit[t];
    else if (t === 'trăm') { acc += pending * 100; pending = 0; }
    else if (t === 'mươi') { acc += pending * 10; pending = 0; }
    else if (t === 'mười') acc += 10;
    else if (t === 'linh') { /* zero tens */ }
    else if (t === 'nghìn') { sub += (acc + pending) * 1000; acc = pending = 0; }
    else if (t === 'triệu') { sub += (acc + pending) * 1_000_000; acc = pending = 0; }
    else if (t === 'tỷ') { total += (sub + acc + pending) * 1_000_000_000; sub = acc = pending = 0; }
    else throw new Error(`unknown word ${t}`);
  }
  return total + sub + acc + pending;
}
