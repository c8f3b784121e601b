import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { startTestCore, type TestCore } from '../../support/core';
import { sampleIntake } from '../../support/dossier-fixtures';
import { allocateDossierCode } from '../../../src/main/dossiers/dossier-intake';
import { applyPragmas } from '../../../src/main/db/database';

describe('dossier intake and lifecycle', () => {
  let t: TestCore;
  let tok: { admin: string; clerk: string; supervisor: string };
  beforeEach(async () => {
    // Tuesday 3 March 2026, 09:32 local time.
    t = await startTestCore({ now: new Date('2026-03-03T09:32:00+07:00') });
    tok = await t.setUpOffice();
  });
  afterEach(() => t.close());

  it('receives a dossier: code of the local day, fees, due date, audit and outbox in one go', async () => {
    const d = await t.must('dossier.receive', sampleIntake(0), tok.clerk);
    expect(d.code).toBe('000.00.06.H56-260303-0001');
    expect(d.status).toBe('2');
    expect(d.formSet).toBe('2025');
    // Certified copies: 2 copies × (2×2.000 + 1×1.000) = 10.000 đ
    expect(d.feeTotal).toBe(10_000);
    expect(d.counterNumber).toBe(1);
    expect(d.clerkName).toBe('Trần Thị Cán Bộ');
    expect(d.steps.map((s) => s.action)).toEqual(['receive']);
    const db = t.core.app.db;
    expect(db.prepare("SELECT count(*) n FROM outbox WHERE entity_id = ? AND kind = 'dossier'").get(d.id)).toEqual({ n: 1 });
    expect(db.prepare("SELECT count(*) n FROM audit_log WHERE action = 'dossier.receive' AND entity_id = ?").get(d.id)).toEqual({ n: 1 });
    // The audit entry carries no personal data.
    const detail = db.prepare("SELECT detail FROM audit_log WHERE action = 'dossier.receive'").get() as { detail: string };
    expect(detail.detail).not.toContain('Nguyễn');
    const second = await t.must('dossier.receive', sampleIntake(1), tok.clerk);
    expect(second.code).toBe('000.00.06.H56-260303-0002');
  });

  it('numbers restart on the LOCAL business day: the UTC date flips at 07:00 local', async () => {
    t.clock.set(new Date('2026-03-03T23:59:00+07:00'));
    tok = await t.relogin();
    expect((await t.must('dossier.receive', sampleIntake(0), tok.clerk)).code).toBe('000.00.06.H56-260303-0001');
    t.clock.set(new Date('2026-03-04T06:59:00+07:00')); // still 3 March in UTC
    tok = await t.relogin();
    expect((await t.must('dossier.receive', sampleIntake(1), tok.clerk)).code).toBe('000.00.06.H56-260304-0001');
    t.clock.set(new Date('2026-03-04T07:01:00+07:00'));
    expect((await t.must('dossier.receive', sampleIntake(2), tok.clerk)).code).toBe('000.00.06.H56-260304-0002');
  });

  it('two connections to the same file never get the same number', async () => {
    const file = t.core.app.paths.database;
    const other = new BetterSqlite3(file);
    applyPragmas(other);
    const app2 = { ...t.core.app, db: other };
    const codes = new Set<string>();
    for (let i = 0; i < 50; i++) {
      for (const app of [t.core.app, app2]) {
        codes.add(app.db.transaction(() => allocateDossierCode(app, '000.00.06.H56', '2026-03-03').code)());
      }
    }
    other.close();
    expect(codes.size).toBe(100);
  });

  it('refuses bad input at the fields with Vietnamese messages and saves nothing', async () => {
    const before = t.core.app.db.prepare('SELECT count(*) n FROM dossiers').get();
    const bad = await t.call('dossier.receive', sampleIntake(0, {
      applicant: { fullName: 'Nguyễn Văn An', idNumber: '12345', address: 'Hà Nội', phone: '12345', email: 'abc@gmail' },
    }), tok.clerk);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.fields?.['applicant.idNumber']).toMatch(/12 chữ số/);
      expect(bad.error.fields?.['applicant.phone']).toMatch(/Số điện thoại không hợp lệ/);
      expect(bad.error.fields?.['applicant.email']).toMatch(/thư điện tử/);
    }
    const future = await t.call('dossier.receive', sampleIntake(0, { applicant: { ...sampleIntake(0).applicant, birthDate: '2030-01-01' } }), tok.clerk);
    expect(!future.ok && future.error.message).toMatch(/sau ngày hôm nay/);
    const old = await t.call('dossier.receive', sampleIntake(0, { applicant: { ...sampleIntake(0).applicant, birthDate: '1899-12-31' } }), tok.clerk);
    expect(!old.ok && old.error.message).toMatch(/1900/);
    const rtl = await t.call('dossier.receive', sampleIntake(0, { applicant: { ...sampleIntake(0).applicant, fullName: 'Nguyễn\u202eAn' } }), tok.clerk);
    expect(rtl.ok).toBe(false);
    expect(t.core.app.db.prepare('SELECT count(*) n FROM dossiers').get()).toEqual(before);
  });

  it('only a supervisor may override the due date, with a reason', async () => {
    const input = sampleIntake(0, { dueOverride: { dueAt: '2026-03-10T16:00:00+07:00', reason: 'Cần xác minh' } });
    const byClerk = await t.call('dossier.receive', input, tok.clerk);
    expect(!byClerk.ok && byClerk.error.code).toBe('FORBIDDEN');
    const bySupervisor = await t.must('dossier.receive', input, tok.supervisor);
    expect(bySupervisor.dueAt).toBe('2026-03-10T16:00:00.000+07:00');
  });

  it('moves a dossier through processing to returned, recording each step; illegal moves are refused', async () => {
    const d = await t.must('dossier.receive', sampleIntake(0, { procedureCode: '1.004873', documents: [{ name: 'Tờ khai', originals: 1, certifiedCopies: 0, copies: 0 }], fee: { collection: 'THUTRUOC' } }), tok.clerk);
    const early = await t.call('dossier.act', { dossierId: d.id, action: 'returned', collectorName: 'X' }, tok.clerk);
    expect(!early.ok && early.error.code).toBe('INVALID_STATE');
    if (!early.ok) expect(early.error.message).toMatch(/Được tiếp nhận/);
    await t.must('dossier.act', { dossierId: d.id, action: 'transfer', body: 'Công chức Tư pháp - Hộ tịch' }, tok.clerk);
    // Supplement requested Wednesday 09:32, received Friday 09:32: the clock stands still for 2 working days.
    t.clock.set(new Date('2026-03-04T09:32:00+07:00'));
    tok = await t.relogin();
    const paused = await t.must('dossier.act', { dossierId: d.id, action: 'requestSupplement', content: 'Bổ sung bản sao giấy khai sinh' }, tok.clerk);
    expect(paused.status).toBe('5');
    t.clock.set(new Date('2026-03-06T09:32:00+07:00'));
    tok = await t.relogin();
    const resumed = await t.must('dossier.act', { dossierId: d.id, action: 'supplementReceived' }, tok.clerk);
    expect(resumed.status).toBe('4');
    const shift = new Date(resumed.dueAt).getTime() - new Date(d.dueAt).getTime();
    expect(shift).toBeGreaterThanOrEqual(2 * 86_400_000);
    await t.must('dossier.act', { dossierId: d.id, action: 'resultReady', resultDocuments: [{ name: 'Giấy xác nhận tình trạng hôn nhân' }] }, tok.clerk);
    const missing = await t.call('dossier.act', { dossierId: d.id, action: 'returned' }, tok.clerk);
    expect(!missing.ok && missing.error.fields?.collectorName).toBeTruthy();
    const done = await t.must('dossier.act', { dossierId: d.id, action: 'returned', collectorName: 'Nguyễn Văn An', collectorIdNumber: '001085012345' }, tok.clerk);
    expect(done.status).toBe('10');
    expect(done.steps.map((s) => s.action)).toEqual(['receive', 'transfer', 'requestSupplement', 'supplementReceived', 'resultReady', 'returned']);
    expect(done.availableActions).toEqual([]);
    const progress = t.core.app.db.prepare("SELECT count(*) n FROM outbox WHERE entity_id = ? AND kind = 'progress'").get(d.id) as { n: number };
    expect(progress.n).toBe(5);
  });

  it('finds dossiers without diacritics by name, and by ID, phone and code', async () => {
    const a = await t.must('dossier.receive', sampleIntake(0), tok.clerk); // Nguyễn Văn An
    await t.must('dossier.receive', sampleIntake(1), tok.clerk); // Trần Thị Bích Ngọc
    await t.must('dossier.receive', sampleIntake(2), tok.clerk); // Lê Hoàng Đức
    const find = async (query: string) => (await t.must('dossier.search', { query }, tok.clerk)).items.map((i) => i.applicantName);
    expect(await find('nguyen van an')).toEqual(['Nguyễn Văn An']);
    expect(await find('NGUYEN van')).toEqual(['Nguyễn Văn An']);
    expect(await find('bich ngoc')).toEqual(['Trần Thị Bích Ngọc']);
    expect(await find('le hoang duc')).toEqual(['Lê Hoàng Đức']);
    expect(await find('Đức')).toEqual(['Lê Hoàng Đức']);
    expect(await find(a.applicant.idNumber)).toEqual(['Nguyễn Văn An']);
    expect(await find(a.applicant.phone!)).toEqual(['Nguyễn Văn An']);
    expect(await find('000.00.06.H56-260303-000')).toHaveLength(3);
    expect(await find(a.code)).toEqual(['Nguyễn Văn An']);
    expect(await find('"; DROP TABLE dossiers; --')).toEqual([]);
    expect(await find('khong co ai')).toEqual([]);
  });

  it('detects overdue and due-today dossiers, and a supervisor extends one with an apology', async () => {
    const d = await t.must('dossier.receive', sampleIntake(0, { procedureCode: '1.004873', documents: [{ name: 'Tờ khai', originals: 1, certifiedCopies: 0, copies: 0 }], fee: { collection: 'THUTRUOC' } }), tok.clerk);
    t.clock.set(new Date(new Date(d.dueAt).getTime() - 3600_000));
    tok = await t.relogin();
    expect((await t.must('dossier.search', { due: 'today' }, tok.clerk)).items.map((i) => i.id)).toEqual([d.id]);
    t.clock.set(new Date(new Date(d.dueAt).getTime() + 86_400_000));
    tok = await t.relogin();
    const overdue = await t.must('dossier.search', { due: 'overdue' }, tok.clerk);
    expect(overdue.items.map((i) => i.id)).toEqual([d.id]);
    expect(overdue.items[0].daysRemaining).toBeLessThan(0);
    const byClerk = await t.call('dossier.extend', { dossierId: d.id, newDueAt: '2026-03-20T16:00:00+07:00', reason: 'Chờ xác minh', faultBody: 'Công chức Tư pháp - Hộ tịch' }, tok.clerk);
    expect(!byClerk.ok && byClerk.error.code).toBe('FORBIDDEN');
    const ext = await t.must('dossier.extend', { dossierId: d.id, newDueAt: '2026-03-20T16:00:00+07:00', reason: 'Chờ xác minh', faultBody: 'Công chức Tư pháp - Hộ tịch' }, tok.supervisor);
    expect(ext.originalDueAt).toBe(d.dueAt);
    expect(ext.extendedDueAt).toBe('2026-03-20T16:00:00.000+07:00');
    expect((await t.must('dossier.search', { due: 'overdue' }, tok.clerk)).items).toEqual([]);
  });

  it('records a request to complete and a refusal without creating a received dossier', async () => {
    const r = await t.must('dossier.recordOutcome', { kind: 'refusal', procedureCode: '1.001193', applicant: sampleIntake(0).applicant, reason: 'Không thuộc thẩm quyền' }, tok.clerk);
    expect(r.kind).toBe('refusal');
    expect(t.core.app.db.prepare('SELECT count(*) n FROM dossiers').get()).toEqual({ n: 0 });
    expect(t.core.app.db.prepare('SELECT count(*) n FROM intake_outcomes').get()).toEqual({ n: 1 });
  });
});
