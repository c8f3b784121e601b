import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differences, FAST_WORKER, startSyncRig, type SyncRig } from './sync-rig';
import { makeTempDir } from '../../support/temp-dir';
import type { FaultRule } from '../../support/provincial-double';
import { startCore, type Core } from '../../../src/main/app/bootstrap';
import { silentLogger } from '../../../src/main/app/logger';
import { resolveCaller } from '../../../src/main/users/caller';
import { applyDossierAction } from '../../../src/main/dossiers/dossier-lifecycle';
import { syncWorkerFor } from '../../../src/main/sync/sync-worker';

const ROOT = path.resolve(__dirname, '../../..');

describe('killed in the middle of a sync, the counter resumes and converges', () => {
  const tmp = makeTempDir('motcua-sync-child-');
  let script: string;
  let rig: SyncRig;
  let core2: Core | null = null;
  beforeAll(async () => {
    script = path.join(tmp.dir, 'sync-child.cjs');
    await build({ entryPoints: [path.join(__dirname, 'sync-child.ts')], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile: script, logLevel: 'warning' });
  });
  afterAll(async () => {
    core2?.close();
    await rig?.close();
    tmp.cleanup();
  });

  it('a batch the server applied but never answered goes again after the restart: nothing twice, nothing lost', async () => {
    rig = await startSyncRig();
    const { double } = rig;
    const ids = rig.receive(300);
    rig.actMany(ids.map((id) => ({ id, action: 'transfer' as const, extra: { body: 'Phòng Tư pháp' } })));
    const dataDir = rig.t.dataDir;
    // The worker process owns the database from now on.
    await rig.worker.stop();
    rig.t.core.close();

    // The third call of dossiers is applied at the server, and its answer held back.
    const slow = double.faults.inject({ kind: 'slow', service: 'DongBoHoSoMC', skip: 2, delayMs: 60_000 });
    const applied = new Promise<void>((resolve) => {
      const pick = double.faults.pick.bind(double.faults);
      double.faults.pick = (req): FaultRule | undefined => {
        const rule = pick(req);
        // The double applies the request right after this, in the same tick.
        if (rule === slow) setImmediate(resolve);
        return rule;
      };
    });
    const child = spawn(process.execPath, [script, dataDir], { cwd: ROOT, env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    child.stdout!.on('data', (d) => (stdout += String(d)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await Promise.race([applied, exited.then((code) => Promise.reject(new Error(`the sync process ended early (${code}): ${stderr}`)))]);
    child.kill('SIGKILL');
    await exited;
    // It was killed mid-run: progress had been reported, no result.
    expect(stdout).toContain('"progress"');
    expect(stdout).not.toContain('{"done"');
    // Two batches answered, the third applied without an answer.
    expect(double.state.allDossiers()).toHaveLength(150);

    // Restart on the same folder. Before the next sync, the clerk goes on with some of the dossiers
    // whose creation the server applied silently: their next copy carries a new change key.
    core2 = await startCore({ dataDir, clock: rig.t.clock, log: silentLogger, testMode: true });
    const app = core2.app;
    const clerk = resolveCaller(app, rig.tok.clerk, 'test')!;
    app.db.transaction(() => {
      for (const id of ids.slice(100, 125)) applyDossierAction(app, clerk, { dossierId: id, action: 'resultReady' });
    })();
    const codes: string[] = [];
    const spy: typeof fetch = async (url, init) => {
      const res = await fetch(url, init);
      try {
        for (const r of (JSON.parse(await res.clone().text()) as { result?: { error_code?: string }[] }).result ?? []) if (r?.error_code) codes.push(r.error_code);
      } catch {
        // not a batch answer
      }
      return res;
    };
    const worker = syncWorkerFor(app, { ...FAST_WORKER, fetch: spy });
    const first = await worker.runNow();
    expect(first.outcome, first.message).toBe('ok');
    // The unanswered creates under a new key met "already exists" (-3). Per v1.1 the answer carries the
    // server's copy (HoSoHienTai) with this dossier's IdHoSo: our own create, so it continues as an update on
    // that copy's version, with no version conflict (-8) on the way; the others were recognised as repeats.
    expect(codes).toContain('-3');
    expect(codes).not.toContain('-8');
    expect((await worker.runNow()).outcome).toBe('ok');
    await worker.stop();

    const server = double.state.allDossiers();
    expect(server).toHaveLength(300);
    expect(new Set(server.map((h) => h.MaHoSo)).size).toBe(300);
    expect(differences(app, double)).toEqual([]);
    expect(app.db.prepare("SELECT count(*) n FROM outbox WHERE status <> 'sent'").get()).toEqual({ n: 0 });
    // Every step exactly once.
    expect(server.reduce((n, h) => n + double.state.progressSteps(h.MaHoSo).length, 0)).toBe(325);
    // The log says the killed run did not finish.
    const runs = app.db.prepare('SELECT outcome, error FROM sync_runs ORDER BY id').all() as { outcome: string; error: string | null }[];
    expect(runs[runs.length - 3]).toMatchObject({ outcome: 'stopped' });
    expect(runs[runs.length - 3].error).toMatch(/tắt giữa lần đồng bộ/);
  }, 120_000);
});
