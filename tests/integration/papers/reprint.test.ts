/**
 * Papers handed out are issued once and archived as issued: asking again returns the archived original,
 * a reprint is that original's bytes plus a copy mark — even after an extension changed the due date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { sampleIntake } from '../../support/dossier-fixtures';
import { pdfText, squash } from '../printing/pdf-tools';

const bytes = (b64: string): Buffer => Buffer.from(b64, 'base64');

describe('reprint = archived original', () => {
  let t: TestCore;
  let tok: { admin: string; clerk: string; supervisor: string };
  beforeEach(async () => {
    t = await startTestCore({ now: new Date('2026-03-03T09:32:00+07:00') });
    tok = await t.setUpOffice();
  });
  afterEach(() => t.close());

  it('a reprinted receipt after an extension is the original with a copy mark, never the new date', async () => {
    const d = await t.must('dossier.receive', sampleIntake(1, { procedureCode: '1.004873', documents: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1, certifiedCopies: 0, copies: 0 }], fee: { collection: 'THUTRUOC' } }), tok.clerk);
    const issued = await t.must('printing.render', { subjectId: d.id, form: 'receipt' }, tok.clerk);
    const original = bytes(issued.pdfBase64);
    const originalText = squash(await pdfText(original));
    t.clock.set(new Date(t.clock.now().getTime() + 2 * 86_400_000));
    tok = await t.relogin();
    await t.must('dossier.extend', { dossierId: d.id, newDueAt: '2026-03-20T16:00:00+07:00', reason: 'Cần xác minh tại nơi cư trú trước đây', faultBody: 'Công chức Tư pháp - Hộ tịch' }, tok.supervisor);

    // Asking for the receipt again gives the issued paper, not a new one with the extended date.
    const again = await t.must('printing.render', { subjectId: d.id, form: 'receipt' }, tok.clerk);
    expect(again.id).toBe(issued.id);
    expect(bytes(again.pdfBase64).equals(original)).toBe(true);

    const copy = await t.must('printing.reprint', { documentId: issued.id }, tok.clerk);
    const reprinted = bytes(copy.pdfBase64);
    expect(copy.originalId).toBe(issued.id);
    expect(reprinted.subarray(0, original.length).equals(original)).toBe(true);
    expect(squash(await pdfText(reprinted))).toBe(originalText);
    expect(originalText).not.toContain('20/03/2026');
    // The archived reprint on disk is exactly what was returned; the original file is untouched.
    const files = fs.readdirSync(t.core.app.paths.archive, { recursive: true }).map(String).filter((f) => f.endsWith('.pdf'));
    expect(files).toHaveLength(2);
    const copyFile = files.find((f) => f.includes('ban-sao'))!;
    expect(fs.readFileSync(path.join(t.core.app.paths.archive, copyFile)).equals(reprinted)).toBe(true);
    // A reprint of the reprint copies the same original.
    const second = await t.must('printing.reprint', { documentId: copy.id }, tok.clerk);
    expect(second.originalId).toBe(issued.id);
    expect(bytes(second.pdfBase64).subarray(0, original.length).equals(original)).toBe(true);
    const hist = await t.must('printing.history', { subjectId: d.id }, tok.clerk);
    expect(hist.filter((h) => h.originalId === issued.id)).toHaveLength(2);
    expect(t.core.app.db.prepare("SELECT count(*) n FROM audit_log WHERE action = 'print.reprint'").get()).toEqual({ n: 2 });
  });

  it('Mẫu 04 is dated when issued and printing it again a week later returns the same letter', async () => {
    const d = await t.must('dossier.receive', sampleIntake(2), tok.clerk);
    await t.must('dossier.extend', { dossierId: d.id, newDueAt: '2026-03-20T16:00:00+07:00', reason: 'Chờ ý kiến cơ quan phối hợp', faultBody: 'Công chức Tư pháp - Hộ tịch' }, tok.supervisor);
    const first = await t.must('printing.render', { subjectId: d.id, form: 'apology' }, tok.supervisor);
    expect(squash(await pdfText(bytes(first.pdfBase64)))).toContain('ngày 03 tháng 3 năm 2026');
    t.clock.set(new Date(t.clock.now().getTime() + 7 * 86_400_000));
    tok = await t.relogin();
    const later = await t.must('printing.render', { subjectId: d.id, form: 'apology' }, tok.supervisor);
    expect(later.id).toBe(first.id);
    expect(later.pdfBase64).toBe(first.pdfBase64);
  });

  it('the control sheet is a working paper: it is drawn again with the hand-overs so far', async () => {
    const d = await t.must('dossier.receive', sampleIntake(3), tok.clerk);
    const a = await t.must('printing.render', { subjectId: d.id, form: 'controlSheet' }, tok.clerk);
    await t.must('dossier.act', { dossierId: d.id, action: 'transfer', body: 'Công chức Tư pháp - Hộ tịch' }, tok.clerk);
    const b = await t.must('printing.render', { subjectId: d.id, form: 'controlSheet' }, tok.clerk);
    expect(b.id).not.toBe(a.id);
    expect(squash(await pdfText(bytes(b.pdfBase64)))).toContain('Công chức Tư pháp - Hộ tịch');
  });

  it('two counters issuing the same receipt at once get one original', async () => {
    const d = await t.must('dossier.receive', sampleIntake(4), tok.clerk);
    const [x, y] = await Promise.all([
      t.must('printing.render', { subjectId: d.id, form: 'receipt' }, tok.clerk),
      t.must('printing.render', { subjectId: d.id, form: 'receipt' }, tok.supervisor),
    ]);
    expect(x.id).toBe(y.id);
    expect(x.pdfBase64).toBe(y.pdfBase64);
    const files = fs.readdirSync(t.core.app.paths.archive, { recursive: true }).map(String).filter((f) => f.endsWith('.pdf'));
    expect(files).toHaveLength(1);
  });
});

describe('Mẫu 05: Thông báo dừng giải quyết hồ sơ', () => {
  let t: TestCore;
  let tok: { admin: string; clerk: string; supervisor: string };
  beforeEach(async () => {
    t = await startTestCore({ now: new Date('2026-03-03T09:32:00+07:00') });
    tok = await t.setUpOffice();
  });
  afterEach(() => t.close());

  it('prints for a stopped dossier only, signed by the one-stop head set by the administrator', async () => {
    const d = await t.must('dossier.receive', sampleIntake(0), tok.clerk);
    await t.must('dossier.act', { dossierId: d.id, action: 'transfer', body: 'Công chức Tư pháp - Hộ tịch' }, tok.clerk);
    const early = await t.call('printing.render', { subjectId: d.id, form: 'stopNotice' }, tok.clerk);
    expect(!early.ok && early.error.message).toMatch(/dừng xử lý/);
    await t.must('papers.saveSettings', { oneStopHead: { title: 'GIÁM ĐỐC', name: 'Hoàng Minh Tuấn' } }, tok.admin);
    t.clock.set(new Date(t.clock.now().getTime() + 86_400_000));
    tok = await t.relogin();
    await t.must('dossier.act', { dossierId: d.id, action: 'stop', note: 'Cơ quan có thẩm quyền có văn bản tạm dừng do đang có tranh chấp' }, tok.supervisor);
    const doc = await t.must('printing.render', { subjectId: d.id, form: 'stopNotice' }, tok.clerk);
    expect(doc.title).toBe('Mẫu số 05');
    const text = squash(await pdfText(bytes(doc.pdfBase64)));
    for (const s of ['Mẫu số 05', 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', d.code, 'đang có tranh chấp', 'ngày 04 tháng 3 năm 2026', 'GIÁM ĐỐC', 'Hoàng Minh Tuấn']) expect(text).toContain(s);
  });
});
