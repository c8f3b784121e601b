/**
 * The control sheet (Mẫu 05 of 2018 / Mẫu 06 of 2025): every hand-over is a row, judged against the due
 * date in force at that moment; both the original and the extended due dates are printed; at intake the
 * sheet has blank rows to sign by hand; postal hand-overs and the final return (who collected, ID) are rows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { sampleIntake } from '../../support/dossier-fixtures';
import { postalIntake, s10 } from '../postal/postal-fixtures';
import { pdfText, renderPngs, squash } from '../printing/pdf-tools';

const bytes = (b64: string): Buffer => Buffer.from(b64, 'base64');
const DAY = 86_400_000;

describe('control sheet: hand-overs judged against the due date in force', () => {
  let t: TestCore;
  let tok: { admin: string; clerk: string; supervisor: string };
  beforeEach(async () => {
    t = await startTestCore({ now: new Date('2026-03-03T09:32:00+07:00') });
    tok = await t.setUpOffice();
  });
  afterEach(() => t.close());

  const at = async (iso: string) => {
    t.clock.set(new Date(iso));
    tok = await t.relogin();
  };

  it('at intake: blank hand-over rows to sign by hand', async () => {
    const d = await t.must('dossier.receive', sampleIntake(1), tok.clerk);
    const cs = await t.must('printing.render', { subjectId: d.id, form: 'controlSheet' }, tok.clerk);
    const pdf = bytes(cs.pdfBase64);
    await renderPngs(pdf, 'control-sheet-intake');
    const text = await pdfText(pdf, false);
    // Three hand-overs to come: to the processing body, back to the centre, to the citizen.
    expect(text.match(/Giao:/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(text.match(/Nhận:/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    for (const n of ['1', '2', '3']) expect(text.split('\n').map((l) => l.trim())).toContain(n);
  });

  it('a late transfer stays late after an extension; later hand-overs are judged against the extended date; the collector and ID are printed', async () => {
    const d = await t.must('dossier.receive', sampleIntake(2, { procedureCode: '1.004873', documents: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1, certifiedCopies: 0, copies: 0 }] }), tok.clerk);
    const due = new Date(d.dueAt);
    // Sent to the processing body a day after the appointment: late, whatever happens next.
    await at(new Date(due.getTime() + DAY).toISOString());
    await t.must('dossier.act', { dossierId: d.id, action: 'transfer', body: 'Công chức Tư pháp - Hộ tịch' }, tok.clerk);
    await t.must('dossier.extend', { dossierId: d.id, newDueAt: '2026-03-31T16:00:00+07:00', reason: 'Cần xác minh tại nơi cư trú trước đây', faultBody: 'Công chức Tư pháp - Hộ tịch' }, tok.supervisor);
    // Result back 4 days after the original appointment, well before the extended one.
    await at(new Date(due.getTime() + 4 * DAY).toISOString());
    await t.must('dossier.act', { dossierId: d.id, action: 'resultReady' }, tok.clerk);
    await at(new Date(due.getTime() + 5 * DAY).toISOString());
    await t.must('dossier.act', { dossierId: d.id, action: 'returned', collectorName: 'Trần Văn Bình', collectorIdNumber: '001085012345' }, tok.clerk);

    const cs = await t.must('printing.render', { subjectId: d.id, form: 'controlSheet' }, tok.clerk);
    const pdf = bytes(cs.pdfBase64);
    await renderPngs(pdf, 'control-sheet-extended');
    const text = squash(await pdfText(pdf, false));
    const fmt = (iso: string) => {
      const l = new Date(new Date(iso).getTime() + 7 * 3600_000);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${p(l.getUTCHours())} giờ ${p(l.getUTCMinutes())} phút, ngày ${p(l.getUTCDate())}/${p(l.getUTCMonth() + 1)}/${l.getUTCFullYear()}`;
    };
    // Both dates in the header: the original appointment and the extended one.
    expect(text).toContain(`Ngày, giờ hẹn trả kết quả: ${fmt(d.dueAt)}`);
    expect(text).toContain(`Ngày, giờ hẹn trả kết quả sau gia hạn: ${fmt('2026-03-31T16:00:00+07:00')}`);
    // Row results in order: transfer late (before the extension), result and return early (against the extension).
    const results = [...text.matchAll(/Trước hạn|Đúng hạn|Quá hạn/g)].map((m) => m[0]);
    expect(results).toEqual(['Quá hạn', 'Trước hạn', 'Trước hạn']);
    expect(text).toContain('Trần Văn Bình');
    expect(text).toContain('001085012345');
    // The sheet is complete: no blank rows once the result was returned.
    expect(text.match(/Giao:/g)).toHaveLength(3);
  });

  it('a dossier that came and went by post: both postal hand-overs are rows, with the postal employee and item code', async () => {
    await at('2026-03-05T08:30:00+07:00');
    const inCode = s10('55500001');
    const h = await t.must('postal.openInbound', { employeeName: 'Vũ Thị Hồng Nhung', employeePhone: '0987654321', postOffice: 'Bưu cục Ba Đình' }, tok.clerk);
    await t.must('postal.addItem', { handoverId: h.id, postalCode: inCode }, tok.clerk);
    const { dossier: r } = await t.must('postal.receiveItem', { handoverId: h.id, postalCode: inCode, intake: postalIntake(3) }, tok.clerk);
    await t.must('postal.closeInbound', { handoverId: h.id }, tok.clerk);
    await t.must('dossier.act', { dossierId: r.id, action: 'transfer', body: 'Công chức Tư pháp - Hộ tịch' }, tok.clerk);
    await t.must('dossier.act', { dossierId: r.id, action: 'resultReady' }, tok.clerk);
    const outCode = s10('55500002');
    await t.must('postal.handOver', { employeeName: 'Đỗ Minh Tuấn', employeePhone: '0978111222', postOffice: 'Bưu cục Kim Mã', items: [{ dossierId: r.id, postalCode: outCode }] }, tok.clerk);

    const cs = await t.must('printing.render', { subjectId: r.id, form: 'controlSheet' }, tok.clerk);
    const pdf = bytes(cs.pdfBase64);
    await renderPngs(pdf, 'control-sheet-postal');
    const text = squash(await pdfText(pdf, false));
    expect(text.match(/Giao:/g)).toHaveLength(4);
    // pdftotext reads the table column by column: check the order within each column.
    const inOrder = (parts: string[]) => {
      let from = 0;
      for (const p of parts) {
        const i = text.indexOf(p, from);
        expect(i, `"${p}" after position ${from}`).toBeGreaterThanOrEqual(0);
        from = i + p.length;
      }
    };
    inOrder(['Giao: Bưu chính công ích (Bưu cục Ba Đình)', 'Giao: Bộ phận Một cửa', 'Nhận: Công chức Tư pháp - Hộ tịch', 'Giao: Công chức Tư pháp - Hộ tịch', 'Nhận: Bưu chính công ích (Bưu cục Kim Mã)']);
    inOrder([`Số hiệu bưu gửi: ${inCode}`, 'Vũ Thị Hồng Nhung', `Số hiệu bưu gửi: ${outCode}`, 'Đỗ Minh Tuấn']);
  });
});
