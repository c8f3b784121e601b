/**
 * A reprint is the archived original plus a copy mark: the original's bytes are the reprint's first
 * bytes, its text is unchanged, and its pixels differ only inside the mark in the top margin.
 */
import { describe, expect, it } from 'vitest';
import { renderReceipt, renderTrackingBook } from '../../../src/main/printing/pdf';
import { appendCopyMark } from '../../../src/main/printing/pdf/copy-mark';
import { grayRaster, pdfInfo, pdfText, renderPngs, mm } from '../printing/pdf-tools';
import * as S from '../printing/samples';

const MARK = { title: 'BẢN SAO', detail: 'In lại ngày 04/12/2026 lúc 10:15 từ bản lưu (bản gốc cấp ngày 27/10/2023)' };

async function expectMarkOnly(original: Buffer, reprint: Buffer, name: string): Promise<void> {
  expect(reprint.subarray(0, original.length).equals(original)).toBe(true);
  expect(reprint.length).toBeGreaterThan(original.length);
  const pages = (await pdfInfo(original)).pages;
  expect(await pdfInfo(reprint)).toMatchObject({ pages });
  expect(await pdfText(reprint)).toBe(await pdfText(original));
  await renderPngs(reprint, name, { dpi: 110 });
  for (let p = 1; p <= pages; p++) {
    const a = await grayRaster(original, p);
    const b = await grayRaster(reprint, p);
    expect([b.width, b.height]).toEqual([a.width, a.height]);
    // 72 dpi: one pixel per point. The mark lives in the top 20 mm and the left half of the page.
    const band = Math.ceil(mm(20));
    let inside = 0;
    let outside = 0;
    for (let y = 0; y < a.height; y++) {
      for (let x = 0; x < a.width; x++) {
        const i = y * a.width + x;
        if (Math.abs(a.data[i] - b.data[i]) < 40) continue;
        if (y < band && x < a.width * 0.5) inside++;
        else outside++;
      }
    }
    expect(outside, `trang ${p}: điểm ảnh khác ngoài dấu bản sao`).toBe(0);
    expect(inside, `trang ${p}: không thấy dấu bản sao`).toBeGreaterThan(200);
  }
}

describe('copy mark on an archived PDF', () => {
  it('keeps the original receipt byte for byte and adds only the mark (A4 and A5, two pages)', async () => {
    const a4 = await renderReceipt(S.receipt);
    await expectMarkOnly(a4, appendCopyMark(a4, MARK), 'copy-mark-receipt-a4');
    const a5 = await renderReceipt(S.receipt, { paper: 'A5' });
    expect((await pdfInfo(a5)).pages).toBe(2);
    await expectMarkOnly(a5, appendCopyMark(a5, MARK), 'copy-mark-receipt-a5');
  });

  it('marks every page of a landscape register, and a reprint of a reprint keeps both updates', async () => {
    const book = await renderTrackingBook(S.trackingBook);
    const once = appendCopyMark(book, MARK);
    await expectMarkOnly(book, once, 'copy-mark-book');
    const twice = appendCopyMark(once, MARK);
    expect(twice.subarray(0, book.length).equals(book)).toBe(true);
    expect(await pdfText(twice)).toBe(await pdfText(book));
  });

  it('refuses a file that is not a PDF with a clear message', () => {
    expect(() => appendCopyMark(Buffer.from('không phải PDF'), MARK)).toThrow(/PDF lưu trữ/);
  });
});
