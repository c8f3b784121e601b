import { afterEach, describe, expect, it } from 'vitest';
import { startSyncRig, SYNC_PASSWORD, SYNC_USER, type SyncRig } from './sync-rig';
import type { AppEvent } from '../../../src/shared/api/events';
import type { TestCore } from '../../support/core';

/** Resolves with the next event of that type. */
function nextEvent<T extends AppEvent['type']>(t: TestCore, type: T, where: (e: Extract<AppEvent, { type: T }>) => boolean = () => true) {
  return new Promise<Extract<AppEvent, { type: T }>>((resolve) => {
    const off = t.core.app.events.subscribe((e) => {
      if (e.type === type && where(e as Extract<AppEvent, { type: T }>)) {
        off();
        resolve(e as Extract<AppEvent, { type: T }>);
      }
    });
  });
}

describe('the sync worker: retries, configuration errors, schedule', () => {
  let rig: SyncRig;
  afterEach(() => rig?.close());

  it('retries with exponential backoff and jitter, and never comes back before Retry-After', async () => {
    const waits: number[] = [];
    rig = await startSyncRig({ worker: { backoff: { baseMs: 100, capMs: 10_000 }, rng: () => 0.5, sleep: async (ms) => void waits.push(ms) } });
    rig.receive(3);
    rig.double.faults.inject({ kind: 'http5xx', path: '/api', times: 3 });
    rig.double.faults.inject({ kind: 'http429', path: '/api', retryAfterSec: 2 });
    const run = await rig.worker.runNow();
    expect(run.outcome).toBe('ok');
    expect(run.pushed).toBe(3);
    // 100 ms nominal, doubling, half fixed and half drawn (0.5 here); then the server's 2 s floor.
    expect(waits.slice(0, 3)).toEqual([75, 150, 300]);
    expect(waits[3]).toBeGreaterThanOrEqual(2000);
    expect(rig.double.state.allDossiers()).toHaveLength(3);
  });

  it('wrong credentials (-1) stop the run as a configuration error and the background schedule waits for the administrator', async () => {
    rig = await startSyncRig({ worker: { firstRunDelayMs: 0 } });
    // The province changed the password; the old session ended with it.
    rig.double.state.accounts[0].password = 'mật khẩu đã đổi ở tỉnh';
    rig.double.state.expireAllSessions();
    rig.receive(1);
    const finished = nextEvent(rig.t, 'sync.finished');
    rig.worker.start();
    const e = await finished;
    expect(e.payload).toMatchObject({ ok: false, pushed: 0 });
    expect(e.payload.message).toBe('Sai tên đăng nhập hoặc mật khẩu hệ thống tỉnh: quản trị hãy kiểm tra cấu hình đồng bộ.');
    const status = rig.worker.status(false);
    expect(status).toMatchObject({ state: 'config-error', lastErrorKind: 'config', pending: 1, nextRunAt: null });
    // The administrator enters the new password: the error clears and the connection test passes.
    const r = await rig.t.must('sync.configure', { baseUrl: rig.double.url, username: SYNC_USER, password: 'mật khẩu đã đổi ở tỉnh' }, rig.tok.admin);
    expect(r.connection).toEqual({ ok: true, message: 'Đăng nhập hệ thống tỉnh thành công.' });
    expect(r.status.state).not.toBe('config-error');
    expect((await rig.worker.runNow()).outcome).toBe('ok');
  });

  it('an agency the account may not send for (-6) is a configuration error', async () => {
    rig = await startSyncRig();
    await rig.t.must('sync.configure', { baseUrl: rig.double.url, username: SYNC_USER, agencyId: '000.00.99.H56', test: false }, rig.tok.admin);
    rig.receive(1);
    const run = await rig.worker.runNow();
    expect(run.outcome).toBe('config');
    expect(run.message).toMatch(/madonvi "000\.00\.99\.H56"/);
    expect(rig.double.state.allDossiers()).toHaveLength(0);
  });

  it('learns it is offline by trying, keeps everything pending, and schedules the next try with backoff', async () => {
    rig = await startSyncRig({ worker: { maxConsecutiveFailures: 2, firstRunDelayMs: 0, offlineBackoff: { baseMs: 60_000, capMs: 60_000 } } });
    rig.receive(2);
    await rig.double.close();
    const finished = nextEvent(rig.t, 'sync.finished');
    rig.worker.start();
    expect((await finished).payload.ok).toBe(false);
    const s = rig.worker.status(false);
    expect(s).toMatchObject({ online: false, lastErrorKind: 'offline', pending: 2, state: 'idle' });
    expect(s.lastError).toMatch(/^Chưa kết nối được hệ thống tỉnh: Không kết nối được máy chủ tỉnh/);
    // The next try is planned, not forgotten (30 s to 60 s away with this backoff).
    expect(Date.parse(s.nextRunAt!) - Date.now()).toBeGreaterThan(25_000);
  });

  it('a clerk\'s change is sent soon, without waiting for the interval', async () => {
    rig = await startSyncRig({ worker: { firstRunDelayMs: 0, changeDebounceMs: 20, intervalMs: 3_600_000 } });
    const first = nextEvent(rig.t, 'sync.finished');
    rig.worker.start();
    await first;
    const sent = nextEvent(rig.t, 'sync.finished', (e) => e.payload.pushed > 0);
    const { sampleIntake } = await import('../../support/dossier-fixtures');
    const d = await rig.t.must('dossier.receive', sampleIntake(0), rig.tok.clerk);
    expect((await sent).payload.pushed).toBe(1);
    expect(rig.double.state.getDossier(d.code)?.TrangThaiHoSo).toBe('2');
  });

  it('"Đồng bộ ngay" during a backoff wait cuts the wait short and shares the run', async () => {
    rig = await startSyncRig({ worker: { backoff: { baseMs: 600_000, capMs: 600_000 } } });
    rig.receive(1);
    rig.double.faults.inject({ kind: 'internalError', path: '/api', times: 1 });
    const waiting = nextEvent(rig.t, 'sync.progress', (e) => e.payload.phase === 'wait');
    const started = Date.now();
    const run = rig.worker.runNow('background');
    expect((await waiting).payload.message).toMatch(/^Chưa kết nối được, sẽ thử lại sau \d+ giây$/);
    const again = await rig.t.must('sync.runNow', {}, rig.tok.clerk);
    expect(again).toEqual({ started: false, run: null });
    expect((await run).outcome).toBe('ok');
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('a body too large (413) is split until it fits; a lone item too large is parked', async () => {
    rig = await startSyncRig({ double: { bodyLimitBytes: 5000 } });
    const ids = rig.receive(12);
    // One dossier with a note that is too large on its own (2,000 characters of 3 bytes each).
    const note = 'Ghi chú: ' + 'ồ'.repeat(1990);
    expect(Buffer.byteLength(note)).toBeGreaterThan(5000);
    rig.t.core.app.db.prepare('UPDATE dossiers SET note = ? WHERE id = ?').run(note, ids[5]);
    const run = await rig.worker.runNow();
    expect(run.outcome).toBe('ok');
    expect(run.pushed).toBe(11);
    expect(run.parked).toBe(1);
    expect(rig.double.requests.filter((r) => r.status === 413).length).toBeGreaterThan(2);
    const [p] = await rig.t.must('sync.parked', {}, rig.tok.supervisor);
    expect(p.message).toBe('Dữ liệu của mục này vượt quá giới hạn 1 MiB của máy chủ tỉnh (HTTP 413).');
  });

  it('configuration: the password never reaches the database in the clear; only an administrator configures', async () => {
    rig = await startSyncRig();
    const fs = await import('node:fs');
    const path = await import('node:path');
    const db = rig.t.core.app.db;
    const sealed = (db.prepare('SELECT password_sealed FROM sync_config').get() as { password_sealed: string }).password_sealed;
    expect(sealed).toMatch(/^file:v1:/);
    expect(sealed).not.toContain(SYNC_PASSWORD);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.readFileSync(path.join(rig.t.dataDir, 'motcua.sqlite'));
    expect(bytes.includes(Buffer.from(SYNC_PASSWORD))).toBe(false);
    expect(fs.statSync(path.join(rig.t.dataDir, 'sync-secret.key')).mode & 0o777).toBe(0o600);

    const asClerk = await rig.t.call('sync.configure', { baseUrl: rig.double.url, username: 'x', password: 'y' }, rig.tok.clerk);
    expect(!asClerk.ok && asClerk.error.code).toBe('FORBIDDEN');
    const badUrl = await rig.t.call('sync.configure', { baseUrl: 'motcua tỉnh', username: 'x' }, rig.tok.admin);
    expect(!badUrl.ok && badUrl.error.fields?.baseUrl).toMatch(/Địa chỉ máy chủ tỉnh không hợp lệ/);
    const wrong = await rig.t.must('sync.configure', { baseUrl: rig.double.url, username: SYNC_USER, password: 'sai mật khẩu' }, rig.tok.admin);
    expect(wrong.connection).toEqual({ ok: false, message: 'Sai tên đăng nhập hoặc mật khẩu hệ thống tỉnh.' });
    // Supervisors see the configuration (never the password), clerks do not.
    const sup = await rig.t.must('sync.status', {}, rig.tok.supervisor);
    expect(sup.config).toMatchObject({ baseUrl: rig.double.url, username: SYNC_USER, agencyId: '000.00.06.H56', secretScheme: 'file', enabled: true });
    expect(JSON.stringify(sup)).not.toContain('sai mật khẩu');
    expect((await rig.t.must('sync.status', {}, rig.tok.clerk)).config).toBeNull();
    const audit = db.prepare("SELECT detail FROM audit_log WHERE action = 'sync.configure'").all() as { detail: string }[];
    expect(audit.length).toBe(2);
    for (const a of audit) expect(a.detail).not.toMatch(/mật khẩu|sai/);
  });

  it('runs on demand through the API and keeps a log of runs, newest first', async () => {
    rig = await startSyncRig();
    rig.receive(2);
    const r = await rig.t.must('sync.runNow', { wait: true }, rig.tok.clerk);
    expect(r.started).toBe(true);
    expect(r.run).toMatchObject({ reason: 'manual', outcome: 'ok', pushed: 2, pending: 0 });
    await rig.t.must('sync.runNow', { wait: true }, rig.tok.clerk);
    const log = await rig.t.must('sync.log', { limit: 10 }, rig.tok.clerk);
    expect(log.map((l) => l.pushed)).toEqual([0, 2]);
    expect(log[0].id).toBeGreaterThan(log[1].id);
    const s = await rig.t.must('sync.status', {}, rig.tok.clerk);
    expect(s).toMatchObject({ configured: true, online: true, pending: 0, parked: 0, lastError: null });
    expect(s.lastSuccessAt).toBe(log[0].finishedAt);
  });
});
