import { afterAll, describe, expect, it } from 'vitest';
import { differences, startSyncRig, type SyncRig } from './sync-rig';
import type { FaultKind } from '../../support/provincial-double';
import type { ActionInput } from '../../../src/main/dossiers/dossier-lifecycle';

const ALL_KINDS: FaultKind[] = ['dropAfterCommit', 'http5xx', 'http429', 'slow', 'expireSession', 'rateLimitCode', 'internalError', 'malformedAnswer'];
const N = 2000;

describe('push through faults of every kind', () => {
  let rig: SyncRig;
  afterAll(() => rig?.close());

  it(`${N} dossiers with their steps end with the server's copy EXACTLY equal to the local one, none twice, no change lost`, async () => {
    // Short client timeout so a held ("slow") answer times out and the batch is sent again.
    rig = await startSyncRig({ worker: { timeoutMs: 400 }, double: { seed: 2026 }, checkConnection: false });
    const { double, worker } = rig;
    const db = rig.t.core.app.db;
    // About 30% of requests fail, one way or another; applied-then-dropped and held answers included.
    const faults: [FaultKind, number, object?][] = [
      ['dropAfterCommit', 0.06],
      ['http5xx', 0.05, { status: 502 }],
      ['http429', 0.04, { retryAfterSec: 0 }],
      ['slow', 0.03, { delayMs: 900 }],
      ['expireSession', 0.04],
      ['rateLimitCode', 0.03],
      ['internalError', 0.03],
      ['malformedAnswer', 0.03],
    ];
    for (const [kind, probability, extra] of faults) double.faults.inject({ kind, probability, ...extra });

    const ids = rig.receive(N);
    // While the first run is pushing, the clerks keep working: transfers, results, returns land
    // in the outbox between the worker's calls (each progress event lets the next chunk in).
    const work: { id: string; action: ActionInput['action']; extra?: Partial<ActionInput> }[] = [];
    ids.forEach((id, i) => {
      work.push({ id, action: 'transfer', extra: { body: 'Phòng Tư pháp' } });
      if (i % 2 === 0) work.push({ id, action: 'resultReady', extra: { resultDocuments: [{ name: 'Bản sao có chứng thực', code: `KQ-${i}` }] } });
      if (i % 4 === 0) work.push({ id, action: 'returned', extra: { collectorName: 'Nguyễn Văn An' } });
    });
    // In order per dossier: transfers of all first, then results, then returns.
    work.sort((a, b) => ['transfer', 'resultReady', 'returned'].indexOf(a.action) - ['transfer', 'resultReady', 'returned'].indexOf(b.action));
    let next = 0;
    const off = rig.t.core.app.events.subscribe((e) => {
      if (e.type !== 'sync.progress' || e.payload.phase !== 'push' || next >= work.length) return;
      rig.actMany(work.slice(next, next + 150));
      next += 150;
    });
    const first = await worker.runNow('manual');
    off();
    expect(first.outcome, first.message).toBe('ok');
    expect(next).toBeGreaterThan(0);
    // Whatever the clerks did after the first run's last call goes with the next runs.
    rig.actMany(work.slice(next));
    for (let i = 0; i < 5 && (db.prepare("SELECT count(*) n FROM outbox WHERE status = 'pending'").get() as { n: number }).n > 0; i++) {
      const r = await worker.runNow('manual');
      expect(r.outcome, r.message).toBe('ok');
    }
    // One more run: its pull brings the versions our steps produced (their answers may have been lost).
    const last = await worker.runNow('manual');
    expect(last.outcome, last.message).toBe('ok');

    // Nothing waits, nothing was refused.
    expect(db.prepare('SELECT status, count(*) n FROM outbox GROUP BY status').all()).toEqual([{ status: 'sent', n: expect.any(Number) }]);
    // Every kind of fault happened, about 30% of all requests.
    const fired = new Set(double.faults.fired.map((f) => f.kind));
    expect([...fired].sort()).toEqual([...ALL_KINDS].sort());
    const share = double.faults.fired.length / double.requests.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    // The lost answers were repeats on the server's side: it recognised the change keys.
    expect(double.faults.fired.filter((f) => f.kind === 'dropAfterCommit' && f.path === '/api').length).toBeGreaterThan(0);

    // No dossier twice, none missing, and every one field by field equal, with its steps in order.
    const server = double.state.allDossiers();
    expect(server).toHaveLength(N);
    expect(new Set(server.map((h) => h.MaHoSo)).size).toBe(N);
    expect(differences(rig.t.core.app, rig.double)).toEqual([]);

    // No change lost: every step went exactly once, under its own key.
    const steps = db.prepare("SELECT change_id, entity_id FROM outbox WHERE kind = 'progress'").all() as { change_id: string; entity_id: string }[];
    expect(steps.length).toBe(work.length);
    const serverSteps = server.reduce((n, h) => n + double.state.progressSteps(h.MaHoSo).length, 0);
    expect(serverSteps).toBe(steps.length);
    for (const s of steps) expect(double.state.appliedChange(s.change_id)?.service).toBe('CapNhatTienDoHoSoMC');
    // The final statuses are the clerks' (returned, result ready or in processing).
    const byStatus = Object.fromEntries(server.reduce((m, h) => m.set(h.TrangThaiHoSo, (m.get(h.TrangThaiHoSo) ?? 0) + 1), new Map<string, number>()));
    expect(byStatus).toEqual({ '10': N / 4, '9': N / 4, '4': N / 2 });
  }, 120_000);
});
