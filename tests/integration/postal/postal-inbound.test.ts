import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { makeTempDir } from '../../support/temp-dir';
import { sampleIntake } from '../../support/dossier-fixtures';
import { pdfText, postalIntake, s10, withWrongDigit } from './postal-fixtures';

const EMPLOYEE = { employeeName: 'Vũ Thị Hồng Nhung', employeePhone: '0987654321', postOffice: 'Bưu cục Ba Đình' };

describe('postal inbound: items in from the post, received or found incomplete, slip printed', () => {
  let t: TestCore;
  let tok: { admin: string; clerk: string; supervisor: string };
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(async () => {
    // Tuesday 3 March 2026, 09:10 local time.
    t = await startTestCore({ now: new Date('2026-03-03T09:10:00+07:00') });
    tok = await t.setUpOffice();
    tmp = makeTempDir('motcua-postal-');
  });
  afterEach(() => {
    t.close();
    tmp.cleanup();
  });

  it('opens a numbered hand-over per direction and local day', async () => {
    const h1 = await t.must('postal.openInbound', EMPLOYEE, tok.clerk);
    const h2 = await t.must('postal.openInbound', { ...EMPLOYEE, employeePhone: '+84912345678' }, tok.clerk);
    expect([h1.number, h2.number]).toEqual(['BN-260303-01', 'BN-260303-02']);
    expect(h1).toMatchObject({ direction: 'IN', state: 'open', clerkName: 'Trần Thị Cán Bộ', employeeName: 'Vũ Thị Hồng Nhung', closedAt: null });
    expect(h2.employeePhone).toBe('0912345678');
    expect(h1.openedAt).toMatch(/^2026-03-03T09:10:\d\d(\.\d+)?\+07:00$/);
    // 06:30 local on 4 March is still 3 March in UTC: the number follows the local day.
    t.clock.set(new Date('2026-03-04T06:30:00+07:00'));
    tok = await t.relogin();
    expect((await t.must('postal.openInbound', EMPLOYEE, tok.clerk)).number).toBe('BN-260304-01');
    const bad = await t.call('postal.openInbound', { ...EMPLOYEE, employeePhone: '12345' }, tok.clerk);
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
  });

  it('refuses a wrong S10 check digit unless the clerk confirms it, and warns on other shapes', async () => {
    const h = await t.must('postal.openInbound', EMPLOYEE, tok.clerk);
    const good = s10('12345678', 'EL');
    expect(good).toBe('EL123456785VN');
    const wrong = await t.call('postal.addItem', { handoverId: h.id, postalCode: 'EL123456789VN' }, tok.clerk);
    expect((await t.call('postal.addItem', { handoverId: h.id, postalCode: withWrongDigit(s10('31415926')) }, tok.clerk)).ok).toBe(false);
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    expect(wrong.error.code).toBe('VALIDATION');
    expect(wrong.error.message).toContain('sai số kiểm tra');
    expect(wrong.error.message).toContain('phải là 5');
    expect(wrong.error.fields).toMatchObject({ postalCode: expect.any(String), confirmNonS10: expect.any(String) });
    expect((await t.must('postal.get', { id: h.id }, tok.clerk)).items).toHaveLength(0);

    const confirmed = await t.must('postal.addItem', { handoverId: h.id, postalCode: 'EL123456789VN', confirmNonS10: true }, tok.clerk);
    expect(confirmed.warning).toContain('đã được xác nhận');
    // Scanners type exactly; people type spaces and lower case.
    const typed = await t.must('postal.addItem', { handoverId: h.id, postalCode: ' el 1234 5678 5 vn ' }, tok.clerk);
    expect(typed.warning).toBeNull();
    const other = await t.must('postal.addItem', { handoverId: h.id, postalCode: 'BD0012345' }, tok.clerk);
    expect(other.warning).toContain('không theo chuẩn S10');
    const garbage = await t.call('postal.addItem', { handoverId: h.id, postalCode: '001085012345|123456789|Lê Hoàng Đức' }, tok.clerk);
    expect(!garbage.ok && garbage.error.code).toBe('VALIDATION');
    expect(other.handover.items.map((i) => [i.postalCode, i.codeKind])).toEqual([
      ['EL123456789VN', 'confirmed'],
      ['EL123456785VN', 's10'],
      ['BD0012345', 'not-s10'],
    ]);
  });

  it('refuses an item code already in another open hand-over, and allows it again once that one is closed', async () => {
    const code = s10('20260303');
    const h1 = await t.must('postal.openInbound', EMPLOYEE, tok.clerk);
    const h2 = await t.must('postal.openInbound', { ...EMPLOYEE, postOffice: 'Bưu cục Hoàn Kiếm' }, tok.clerk);
    await t.must('postal.addItem', { handoverId: h1.id, postalCode: code }, tok.clerk);
    const again = await t.call('postal.addItem', { handoverId: h2.id, postalCode: code.toLowerCase() }, tok.clerk);
    expect(!again.ok && again.error.code).toBe('CONFLICT');
    expect(!again.ok && again.error.message).toContain(h1.number);
    const same = await t.call('postal.addItem', { handoverId: h1.id, postalCode: code }, tok.clerk);
    expect(!same.ok && same.error.code).toBe('CONFLICT');
    // Close h1 (the item becomes a dossier first), then the code is free again.
    await t.must('postal.receiveItem', { handoverId: h1.id, postalCode: code, intake: postalIntake(0) }, tok.clerk);
    await t.must('postal.closeInbound', { handoverId: h1.id }, tok.clerk);
    const later = await t.must('postal.addItem', { handoverId: h2.id, postalCode: code }, tok.clerk);
    expect(later.handover.items.map((i) => i.postalCode)).toEqual([code]);
  });

  it('receives a batch: two items become postal dossiers, one is incomplete (Mẫu 02); the slip lists all with totals', async () => {
    const codes = [s10('10000001'), s10('10000002'), s10('10000003')];
    const h = await t.must('postal.openInbound', EMPLOYEE, tok.clerk);
    await t.must('postal.addItem', { handoverId: h.id, postalCode: codes[0] }, tok.clerk);
    await t.must('postal.addItem', { handoverId: h.id, postalCode: codes[1], seal: 'damaged', sealNote: 'Rách góc phong bì' }, tok.clerk);
    await t.must('postal.addItem', { handoverId: h.id, postalCode: codes[2] }, tok.clerk);
    const damagedWithoutNote = await t.call('postal.addItem', { handoverId: h.id, postalCode: s10('10000004'), seal: 'damaged' }, tok.clerk);
    expect(!damagedWithoutNote.ok && damagedWithoutNote.error.fields).toHaveProperty('sealNote');

    // Closing is refused while items wait for a decision.
    const early = await t.call('postal.closeInbound', { handoverId: h.id }, tok.clerk);
    expect(!early.ok && early.error.message).toContain(codes[0]);

    // Every intake check applies: a bad ID number is refused and nothing is recorded for the item.
    const badId = await t.call('postal.receiveItem', { handoverId: h.id, postalCode: codes[0], intake: postalIntake(0, { applicant: { ...sampleIntake(0).applicant, idNumber: '12345' } }) }, tok.clerk);
    expect(!badId.ok && badId.error.code).toBe('VALIDATION');
    // So is a postal code that is not the item's.
    const mismatch = await t.call('postal.receiveItem', { handoverId: h.id, postalCode: codes[0], intake: postalIntake(0, { postalCode: codes[1] }) }, tok.clerk);
    expect(!mismatch.ok && mismatch.error.fields).toHaveProperty('postalCode');
    expect((await t.must('postal.get', { id: h.id }, tok.clerk)).counts.pending).toBe(3);

    const owner = { type: '2' as const, name: 'Công ty TNHH Thương mại Hồng Hà', idNumber: '0101234567', address: 'Số 5 Liễu Giai, Ba Đình, Hà Nội' };
    const r1 = await t.must('postal.receiveItem', { handoverId: h.id, postalCode: codes[0], intake: postalIntake(0, { sets: 2 }) }, tok.clerk);
    const r2 = await t.must('postal.receiveItem', { handoverId: h.id, postalCode: codes[1], intake: postalIntake(1, { channel: '3', owner }) }, tok.clerk);
    expect(r1.dossier).toMatchObject({ channel: '3', postalCode: codes[0], status: '2', sets: 2, code: '000.00.06.H56-260303-0001' });
    expect(r2.dossier.postalCode).toBe(codes[1]);
    const twice = await t.call('postal.receiveItem', { handoverId: h.id, postalCode: codes[0], intake: postalIntake(0) }, tok.clerk);
    expect(!twice.ok && twice.error.code).toBe('INVALID_STATE');

    const inc = await t.must(
      'postal.markIncomplete',
      {
        handoverId: h.id, postalCode: codes[2], procedureCode: '1.004873', applicant: sampleIntake(2).applicant,
        items: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1, certifiedCopies: 0, copies: 0 }], reason: 'Thiếu tờ khai theo mẫu',
      },
      tok.clerk,
    );
    expect(inc.outcome.kind).toBe('supplement_request');
    expect(inc.handover.counts).toMatchObject({ items: 3, received: 2, incomplete: 1, pending: 0, sets: 4 });
    // The Mẫu 02 prints from the recorded outcome, as at the counter.
    const m02 = await t.must('printing.render', { subjectId: inc.outcome.id, form: 'supplementRequest' }, tok.clerk);
    expect(pdfText(m02.pdfBase64, tmp.dir).flat).toContain('Thiếu tờ khai theo mẫu');

    t.clock.set(new Date('2026-03-03T10:05:00+07:00'));
    const closed = await t.must('postal.closeInbound', { handoverId: h.id }, tok.clerk);
    expect(closed.handover).toMatchObject({ state: 'closed', slipDocumentId: closed.document.id });
    expect(closed.handover.closedAt).toMatch(/^2026-03-03T10:05:/);
    const { layout, flat } = pdfText(closed.document.pdfBase64, tmp.dir);
    expect(flat).toContain('PHIẾU BÀN GIAO HỒ SƠ');
    expect(flat).toContain(`Số: ${h.number}`);
    expect(flat).toContain('Vũ Thị Hồng Nhung');
    expect(flat).toContain('Bưu cục Ba Đình');
    expect(flat).toContain('Trần Thị Cán Bộ');
    const lines = layout.split('\n');
    const rowOf = (code: string) => lines.find((l) => l.includes(code)) ?? '';
    // One table row per item: No., postal code, dossier code, owner, procedure (first words), sets.
    expect(rowOf(codes[0])).toMatch(new RegExp(`^\\s*1\\s+${codes[0]}\\s+${r1.dossier.code.replace(/\./g, '\\.')}\\s+.*Nguyễn Văn.*Chứng thực.*\\s2(\\s|$)`));
    expect(rowOf(codes[1])).toMatch(new RegExp(`^\\s*2\\s+${codes[1]}\\s+${r2.dossier.code.replace(/\./g, '\\.')}\\s+.*Công ty.*Chứng thực.*\\s1(\\s|$)`));
    expect(rowOf(codes[2])).toMatch(new RegExp(`^\\s*3\\s+${codes[2]}\\s+Chưa cấp mã\\s+.*Lê Hoàng.*Cấp Giấy.*\\s1(\\s|$)`));
    expect(flat).toContain('Thương mại Hồng Hà');
    expect(flat).toContain('Rách góc phong bì');
    expect(flat).toContain('Thiếu giấy tờ, Mẫu 02');
    expect(flat).toContain('Tổng cộng: 3 hồ sơ');
    expect(flat).toContain('Tổng số: 3 hồ sơ, 4 bộ');

    // Closed means closed: no more items, no reopening.
    const add = await t.call('postal.addItem', { handoverId: h.id, postalCode: s10('10000009') }, tok.clerk);
    expect(!add.ok && add.error.code).toBe('INVALID_STATE');
    // The slip is in the printing history of the hand-over; reprinting gets the archived PDF back.
    const hist = await t.must('printing.history', { subjectId: h.id }, tok.clerk);
    expect(hist.map((d) => [d.id, d.form])).toEqual([[closed.document.id, 'postalHandover']]);
    const again = await t.must('postal.printSlip', { handoverId: h.id }, tok.clerk);
    expect(again.pdfBase64).toBe(closed.document.pdfBase64);
    expect(await t.must('printing.history', { subjectId: h.id }, tok.clerk)).toHaveLength(1);

    // Audit entries carry no personal data.
    const details = (t.core.app.db.prepare("SELECT detail FROM audit_log WHERE action LIKE 'postal.%'").all() as { detail: string }[]).map((d) => d.detail).join(' ');
    expect(details).not.toContain('Nhung');
    expect(details).not.toContain('0987654321');
  });

  it('an intake refused inside the postal transaction leaves neither a dossier nor a decided item', async () => {
    const code = s10('30000001');
    const h = await t.must('postal.openInbound', EMPLOYEE, tok.clerk);
    await t.must('postal.addItem', { handoverId: h.id, postalCode: code }, tok.clerk);
    const unknown = await t.call('postal.receiveItem', { handoverId: h.id, postalCode: code, intake: postalIntake(0, { procedureCode: '9.999999' }) }, tok.clerk);
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    const db = t.core.app.db;
    expect(db.prepare('SELECT count(*) n FROM dossiers').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT outcome, dossier_id FROM postal_handover_items').get()).toEqual({ outcome: 'pending', dossier_id: null });
    // A pending item typed by mistake can be taken off the open hand-over.
    const item = (await t.must('postal.get', { id: h.id }, tok.clerk)).items[0];
    const after = await t.must('postal.removeItem', { itemId: item.id }, tok.clerk);
    expect(after.items).toHaveLength(0);
  });

  it('lists open and closed hand-overs with their counts', async () => {
    const a = await t.must('postal.openInbound', EMPLOYEE, tok.clerk);
    const b = await t.must('postal.openInbound', EMPLOYEE, tok.clerk);
    await t.must('postal.addItem', { handoverId: a.id, postalCode: s10('40000001') }, tok.clerk);
    await t.must('postal.addItem', { handoverId: a.id, postalCode: s10('40000002') }, tok.clerk);
    await t.must('postal.receiveItem', { handoverId: a.id, postalCode: s10('40000001'), intake: postalIntake(0) }, tok.clerk);
    await t.must('postal.markIncomplete', { handoverId: a.id, postalCode: s10('40000002'), procedureCode: '1.001193', applicant: sampleIntake(1).applicant, reason: 'Thiếu giấy chứng sinh' }, tok.clerk);
    await t.must('postal.closeInbound', { handoverId: a.id }, tok.clerk);
    const open = await t.must('postal.list', { state: 'open' }, tok.clerk);
    expect(open.map((h) => h.id)).toEqual([b.id]);
    const closed = await t.must('postal.list', { state: 'closed' }, tok.clerk);
    expect(closed.map((h) => [h.id, h.counts.items, h.counts.received, h.counts.incomplete])).toEqual([[a.id, 2, 1, 1]]);
    expect((await t.must('postal.list', {}, tok.clerk)).map((h) => h.id)).toEqual([b.id, a.id]);
  });
});
