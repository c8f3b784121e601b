import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, normalizeNfc } from '../../../src/shared/domain/text-fold';

describe('foldVietnamese', () => {
  it('strips tones and marks, lower-cases and maps đ', () => {
    expect(foldVietnamese('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldVietnamese('TRƯƠNG THỊ MỸ HẠNH')).toBe('truong thi my hanh');
    expect(foldVietnamese('Ủy ban nhân dân xã Ơn Thủy')).toBe('uy ban nhan dan xa on thuy');
  });

  it('gives the same result for NFC and NFD input', () => {
    const nfc = 'Phường Hoàn Kiếm, Thành phố Hà Nội';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldVietnamese(nfd)).toBe(foldVietnamese(nfc));
    expect(foldVietnamese(nfd)).toBe('phuong hoan kiem, thanh pho ha noi');
  });

  it('collapses and trims whitespace, including tabs and non-breaking spaces', () => {
    expect(foldVietnamese('  Lê\t\tThị \u00a0 Hoa \n')).toBe('le thi hoa');
  });

  it('maps the eth sometimes left by legacy font conversion', () => {
    expect(foldVietnamese('\u00d0ặng')).toBe('dang');
  });

  it('keeps digits and punctuation', () => {
    expect(foldVietnamese('000.00.06.H56-231027-0361')).toBe('000.00.06.h56-231027-0361');
  });

  it('is idempotent and leaves no combining marks or capitals', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = foldVietnamese(s);
        expect(foldVietnamese(once)).toBe(once);
        expect(/\p{M}/u.test(once.normalize('NFD'))).toBe(false);
      }),
    );
  });
});

describe('normalizeNfc', () => {
  it('composes decomposed Vietnamese', () => {
    const nfd = 'Nữ'.normalize('NFD');
    expect(nfd.length).toBe(4);
    expect(normalizeNfc(nfd)).toBe('Nữ');
    expect(normalizeNfc(nfd).length).toBe(2);
  });
});
