/**
 * Every Vietnamese vowel with every tone, both cases, plus đ/Đ, drawn with the bundled
 * Tinos faces and read back with pdftotext: the text must come back identical (NFC),
 * even when it went in decomposed. This catches a missing glyph, a wrong ToUnicode
 * entry, or marks drawn as separate characters.
 */
import { describe, expect, it } from 'vitest';
import { FormWriter } from '../../../src/main/printing/pdf/layout';
import type { FontStyle } from '../../../src/main/printing/pdf/fonts';
import { pdfFonts, pdfText, renderPngs } from './pdf-tools';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
// Không dấu, huyền, sắc, hỏi, ngã, nặng as combining marks.
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

function vowelLines(): string[] {
  const lower = VOWELS.map((v) => TONES.map((t) => (v.normalize('NFD') + t).normalize('NFC')).join(' '));
  const upperLines = lower.map((l) => l.toLocaleUpperCase('vi-VN'));
  return [...lower, ...upperLines, 'đ Đ đường Đường ĐƯỜNG'];
}

async function render(lines: string[], style: FontStyle, decomposed: boolean): Promise<Buffer> {
  const w = new FormWriter({ title: 'Kiểm tra phông chữ' });
  for (const line of lines) w.para(decomposed ? line.normalize('NFD') : line, { style, align: 'left' });
  return w.end();
}

describe('Vietnamese text survives the PDF round trip', () => {
  const lines = vowelLines();

  it('has 72 distinct vowel forms per case', () => {
    const forms = new Set(lines.slice(0, 24).join(' ').split(' '));
    expect(forms.size).toBe(144);
    for (const f of forms) expect(f.normalize('NFC')).toBe(f);
    expect([...forms].every((f) => [...f].length === 1)).toBe(true); // one precomposed code point each
  });

  for (const style of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
    it(`reads back identical NFC text in ${style}, from NFC and from NFD input`, async () => {
      for (const decomposed of [false, true]) {
        const pdf = await render(lines, style, decomposed);
        const text = await pdfText(pdf);
        // poppler drops the spaces between runs of one-letter words (it infers word
        // breaks from gaps), so lines are compared without whitespace: every glyph
        // must still come back as exactly its one precomposed character.
        const bare = (l: string): string => l.replace(/\s+/g, '');
        const got = text.split('\n').map(bare).filter((l) => l !== '');
        expect(got).toEqual(lines.map(bare));
        if (!decomposed) await renderPngs(pdf, `font-${style}`, { dpi: 110 });
      }
    });
  }

  it('keeps base letters readable in later documents after composites used them', async () => {
    // "Ơ", "Ờ", "ạ" are built from "O", "a" components; the font objects are shared
    // between documents, and a component must not lose its character for the next PDF.
    for (const style of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      await render(['HỒ SƠ Ờ ƯỚ ạ ă Ặ Ở ợ'], style, false);
      const later = await pdfText(await render(['THEO HOÀN GIAO hai sao Oa'], style, false));
      expect(later.trim()).toBe('THEO HOÀN GIAO hai sao Oa');
    }
  });

  it('embeds only the Tinos subsets it used', async () => {
    const pdf = await render(lines, 'regular', false);
    const fonts = await pdfFonts(pdf);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatch(/^[A-Z]{6}\+Tinos/);
  });
});
