import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { sampleIntake } from '../../support/dossier-fixtures';
import { makeTempDir } from '../../support/temp-dir';

function pdfText(base64: string, dir: string): string {
  const file = path.join(dir, `p-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('printing service: render, archive, send, record', () => {
  let t: TestCore;
  let tok: { admin: string; clerk: string; supervisor: string };
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(async () => {
    t = await startTestCore({ now: new Date('2026-03-03T09:32:00+07:00') });
    tok = await t.setUpOffice();
    tmp = makeTempDir('motcua-print-');
  });
  afterEach(() => {
    t.close();
    tmp.cleanup();
  });

  it('renders the receipt from the stored dossier, archives it and lists it in the history', async () => {
    const d = await t.must('dossier.receive', sampleIntake(1, { owner: { type: '2', name: 'Công ty TNHH Thương mại và Dịch vụ Hoàng Long Phát', idNumber: '0101234567', address: 'Số 5 Liễu Giai, Ba Đình, Hà Nội' } }), tok.clerk);
    const doc = await t.must('printing.render', { subjectId: d.id, form: 'receipt' }, tok.clerk);
    expect(doc.pages).toBe(1);
    const text = pdfText(doc.pdfBase64, tmp.dir);
    for (const s of [d.code, 'Trần Thị Bích Ngọc', 'Hoàng Long Phát', 'GIẤY TIẾP NHẬN HỒ SƠ', 'Trần Thị Cán Bộ', '10.000']) expect(text).toContain(s);
    const archived = fs.readdirSync(t.core.app.paths.archive, { recursive: true }).map(String).filter((f) => f.endsWith('.pdf'));
    expect(archived).toHaveLength(1);
    const hist = await t.must('printing.history', { subjectId: d.id }, tok.clerk);
    expect(hist.map((h) => h.form)).toEqual(['receipt']);
    const again = await t.must('printing.get', { documentId: doc.id }, tok.clerk);
    expect(again.pdfBase64).toBe(doc.pdfBase64);
    expect(t.core.app.db.prepare("SELECT count(*) n FROM audit_log WHERE action = 'print.render'").get()).toEqual({ n: 1 });
  });

  it('records every send: a failing printer is recorded with its message, a hot folder succeeds', async () => {
    const d = await t.must('dossier.receive', sampleIntake(0), tok.clerk);
    const doc = await t.must('printing.render', { subjectId: d.id, form: 'receipt' }, tok.clerk);
    await t.must('printing.saveSettings', { printer: 'May-In-Khong-Ton-Tai' }, tok.admin);
    const failed = await t.must('printing.print', { documentId: doc.id }, tok.clerk);
    expect(failed.attempts).toHaveLength(1);
    expect(failed.attempts[0].ok).toBe(false);
    expect(failed.attempts[0].message).toBeTruthy();
    const folder = path.join(tmp.dir, 'hot-folder');
    await t.must('printing.saveSettings', { printer: `folder:${folder}` }, tok.admin);
    const sent = await t.must('printing.print', { documentId: doc.id }, tok.clerk);
    expect(sent.attempts.map((a) => a.ok)).toEqual([false, true]);
    expect(fs.readdirSync(folder)).toHaveLength(1);
    // Receipts can go to their own printer (e.g. the counter's A5 printer) while other papers use the shared one.
    const receipts = path.join(tmp.dir, 'receipt-printer');
    await t.must('printing.saveSettings', { perForm: { receipt: `folder:${receipts}` } }, tok.admin);
    const own = await t.must('printing.print', { documentId: doc.id }, tok.clerk);
    expect(own.attempts[2]).toMatchObject({ ok: true, printer: `folder:${receipts}` });
    expect(fs.readdirSync(receipts)).toHaveLength(1);
    expect(fs.readdirSync(folder)).toHaveLength(1);
  });

  it('prints the control sheet with each hand-over, and the apology letter after an extension', async () => {
    const d = await t.must('dossier.receive', sampleIntake(2, { procedureCode: '1.004873', documents: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1, certifiedCopies: 0, copies: 0 }], fee: { collection: 'THUTRUOC' } }), tok.clerk);
    await t.must('dossier.act', { dossierId: d.id, action: 'transfer', body: 'Công chức Tư pháp - Hộ tịch' }, tok.clerk);
    const cs = await t.must('printing.render', { subjectId: d.id, form: 'controlSheet' }, tok.clerk);
    const csText = pdfText(cs.pdfBase64, tmp.dir);
    expect(csText).toContain('PHIẾU KIỂM SOÁT');
    expect(csText).toContain('Công chức Tư pháp - Hộ tịch');
    const noExt = await t.call('printing.render', { subjectId: d.id, form: 'apology' }, tok.clerk);
    expect(!noExt.ok && noExt.error.message).toMatch(/gia hạn/);
    await t.must('dossier.extend', { dossierId: d.id, newDueAt: '2026-03-20T16:00:00+07:00', reason: 'Cần xác minh thông tin tại nơi cư trú trước đây', faultBody: 'Công chức Tư pháp - Hộ tịch' }, tok.supervisor);
    const ap = await t.must('printing.render', { subjectId: d.id, form: 'apology' }, tok.supervisor);
    const apText = pdfText(ap.pdfBase64, tmp.dir);
    expect(apText).toContain('Cần xác minh thông tin');
    expect(apText).toContain(d.code);
  });

  it('prints Mẫu 02 and Mẫu 03 for citizens served without a received dossier', async () => {
    const refusal = await t.must('dossier.recordOutcome', { kind: 'refusal', procedureCode: '1.001193', applicant: sampleIntake(3).applicant, reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường' }, tok.clerk);
    const r = await t.must('printing.render', { subjectId: refusal.id, form: 'refusal' }, tok.clerk);
    const text = pdfText(r.pdfBase64, tmp.dir);
    expect(text).toContain('TỪ CHỐI');
    expect(text).toContain('không thuộc thẩm quyền');
    const wrong = await t.call('printing.render', { subjectId: refusal.id, form: 'receipt' }, tok.clerk);
    expect(wrong.ok).toBe(false);
    const sup = await t.must('dossier.recordOutcome', { kind: 'supplement_request', procedureCode: '1.001193', applicant: sampleIntake(4).applicant, items: [{ name: 'Giấy chứng sinh', originals: 1, certifiedCopies: 0, copies: 0 }], reason: 'Thiếu giấy chứng sinh' }, tok.clerk);
    const s = await t.must('printing.render', { subjectId: sup.id, form: 'supplementRequest' }, tok.clerk);
    expect(pdfText(s.pdfBase64, tmp.dir)).toContain('Giấy chứng sinh');
  });
});
