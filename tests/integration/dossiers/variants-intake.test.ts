import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { sampleIntake } from '../../support/dossier-fixtures';
import { pdfText, squash } from '../printing/pdf-tools';

// Birth registration (1.001193) has two cases in the sample catalog: on time (free, the default) and
// late (8.000 đ). The first release summed both lines, so a free registration was charged 8.000 đ.
const birth = (variantCode?: string) =>
  sampleIntake(0, {
    procedureCode: '1.001193',
    variantCode,
    documents: [{ code: 'TOKHAI', name: 'Tờ khai đăng ký khai sinh', originals: 1, certifiedCopies: 0, copies: 0 }],
    fee: { collection: 'THUTRUOC', copies: 1, pagesPerCopy: 1 },
  });

describe('procedure cases (trường hợp) at intake', () => {
  let t: TestCore;
  let tok: { admin: string; clerk: string; supervisor: string };
  beforeEach(async () => {
    t = await startTestCore({ now: new Date('2026-03-03T09:32:00+07:00') });
    tok = await t.setUpOffice();
  });
  afterEach(() => t.close());

  it('charges nothing for an on-time birth registration, the default case, and records the case', async () => {
    const d = await t.must('dossier.receive', birth(), tok.clerk);
    expect(d.feeTotal).toBe(0);
    expect(d.variant).toEqual({ code: 'DUNGHAN', name: expect.stringContaining('đúng hạn') });
    const again = await t.must('dossier.get', { id: d.id }, tok.clerk);
    expect(again.variant?.code).toBe('DUNGHAN');
    expect(again.feeTotal).toBe(0);
  });

  it('charges 8.000 đ for the late case, once, and prices the same through catalog.fees', async () => {
    const d = await t.must('dossier.receive', birth('quahan'), tok.clerk);
    expect(d.feeTotal).toBe(8_000);
    expect(d.variant?.code).toBe('QUAHAN');
    const q = await t.must('catalog.fees', { code: '1.001193', variantCode: 'QUAHAN', copies: 1, pagesPerCopy: 1 }, tok.clerk);
    expect(q.total).toBe(8_000);
    const free = await t.must('catalog.fees', { code: '1.001193', copies: 1, pagesPerCopy: 1 }, tok.clerk);
    expect([free.variantCode, free.total]).toEqual(['DUNGHAN', 0]);
  });

  it('prints the case on the receipt, and the fee it was charged', async () => {
    const d = await t.must('dossier.receive', birth('QUAHAN'), tok.clerk);
    const doc = await t.must('printing.render', { subjectId: d.id, form: 'receipt' }, tok.clerk);
    const text = squash(await pdfText(Buffer.from(doc.pdfBase64, 'base64')));
    expect(text).toContain('Trường hợp: Đăng ký khai sinh quá hạn');
    expect(text).toContain('8.000');
  });

  it('marks a due date counted into a year not yet announced as provisional, on the dossier and the receipt', async () => {
    // Wed 30 Dec 2026 + 3 working days runs into 2027, whose holidays are only the app's proposal.
    t.clock.set(new Date('2026-12-30T09:00:00+07:00'));
    tok = await t.relogin();
    const threeDays = { procedureCode: '1.004873', documents: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1, certifiedCopies: 0, copies: 0 }], fee: { collection: 'THUTRUOC' as const } };
    const preview = await t.must('calendar.dueDate', { code: '1.004873' }, tok.clerk);
    expect(preview.provisionalYears).toEqual([2027]);
    const late = await t.must('dossier.receive', sampleIntake(2, threeDays), tok.clerk);
    expect(late.dueProvisional).toBe(true);
    expect(late.dueAt.slice(0, 10)).toBe('2027-01-05');
    // The explanation is kept with the dossier and shown again when it is opened.
    const opened = await t.must('dossier.get', { id: late.id }, tok.clerk);
    expect(opened.dueNotes.join('\n')).toContain('Không tính Thứ Sáu 01/01/2027 – Chủ nhật 03/01/2027: Tết Dương lịch; nghỉ cuối tuần');
    const doc = await t.must('printing.render', { subjectId: late.id, form: 'receipt' }, tok.clerk);
    expect(squash(await pdfText(Buffer.from(doc.pdfBase64, 'base64')))).toContain('(dự kiến: lịch nghỉ lễ năm tới chưa được công bố chính thức');
    // Same day, due today in the announced 2026: firm, and the receipt says nothing of the kind.
    const firm = await t.must('dossier.receive', sampleIntake(3), tok.clerk);
    expect(firm.dueProvisional).toBe(false);
    const firmDoc = await t.must('printing.render', { subjectId: firm.id, form: 'receipt' }, tok.clerk);
    expect(squash(await pdfText(Buffer.from(firmDoc.pdfBase64, 'base64')))).not.toContain('dự kiến');
  });

  it('refuses a case the procedure does not have, in Vietnamese, and saves nothing', async () => {
    const r = await t.call('dossier.receive', birth('KHAC'), tok.clerk);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toContain('không có trường hợp "KHAC"');
    }
    // A case of another procedure: the message lists the cases this one has.
    const other = await t.call('dossier.receive', sampleIntake(0, { variantCode: 'DUNGHAN' }), tok.clerk);
    expect(!other.ok && other.error.message).toContain('các trường hợp: THUONG');
    expect(t.core.app.db.prepare('SELECT count(*) n FROM dossiers').get()).toEqual({ n: 0 });
  });
});
