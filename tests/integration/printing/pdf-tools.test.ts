/**
 * The checks the form tests rely on must be able to fail: overlapping or out-of-margin
 * words are reported, and fields out of order are not found.
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { A4_PORTRAIT, findInOrder, layoutProblems, wordBoxes } from './pdf-tools';

function pdfOf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

describe('layoutProblems', () => {
  it('accepts words inside the text area', async () => {
    const pdf = await pdfOf((d) => d.fontSize(12).text('Hello world', 100, 100).text('Second line', 100, 120));
    expect(layoutProblems(await wordBoxes(pdf), A4_PORTRAIT)).toEqual([]);
  });

  it('reports words drawn over each other', async () => {
    const pdf = await pdfOf((d) => d.fontSize(12).text('Overflowing', 100, 100).text('Neighbour', 130, 101));
    const problems = layoutProblems(await wordBoxes(pdf), A4_PORTRAIT);
    expect(problems.some((p) => p.includes('chồng lên'))).toBe(true);
  });

  it('reports words past the right or bottom margin', async () => {
    const pdf = await pdfOf((d) => d.fontSize(12).text('Margin', 570, 100, { lineBreak: false }).text('Bottom', 200, 820, { lineBreak: false }));
    const problems = layoutProblems(await wordBoxes(pdf), A4_PORTRAIT);
    expect(problems.filter((p) => p.includes('ra ngoài lề'))).toHaveLength(2);
  });
});

describe('findInOrder', () => {
  const text = 'Họ tên: Nguyễn Văn A      Số điện thoại: 0912\nĐịa chỉ: Số 5 phố   Ghi chú: gấp\nĐội Cấn';

  it('finds fields in order, across interleaved columns', () => {
    expect(findInOrder(text, ['Họ tên: Nguyễn Văn A', 'Địa chỉ: Số 5 phố Đội Cấn'])).toBeNull();
    expect(findInOrder(text, [['Số điện thoại: 0912', 'Họ tên: Nguyễn Văn A'], 'Ghi chú: gấp'])).toBeNull();
  });

  it('fails for fields out of order or missing', () => {
    expect(findInOrder(text, ['Địa chỉ: Số 5 phố', 'Họ tên: Nguyễn Văn A'])).toMatch(/không thấy/);
    expect(findInOrder(text, ['Họ tên: Nguyễn Văn B'])).toMatch(/không thấy/);
  });

  it('joins a code broken across lines of a narrow cell', () => {
    const broken = '1 000.00.06.H56-231   Đăng ký\n  027-0361            khai sinh';
    // Cells of one row interleave, so they are checked as a group.
    expect(findInOrder(broken, [['1 000.00.06.H56-231027-0361', 'Đăng ký khai sinh']])).toBeNull();
    expect(findInOrder(broken, ['000.00.06.H56-231027-0362'])).toMatch(/không thấy/);
  });
});
