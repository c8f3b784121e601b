/**
 * Set-up shared by the sync tests: a real installation (temp SQLite file), a provincial double
 * on loopback, the sync configured through the API, and the database's sync worker with short
 * timeouts and backoff so fault-heavy runs stay quick.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { startTestCore, TEST_AGENCY, type TestCore } from '../../support/core';
import { sampleIntake } from '../../support/dossier-fixtures';
import { seededRng, startProvincialDouble, type ProvincialDouble, type ProvincialDoubleOptions } from '../../support/provincial-double';
import type { AppContext, Caller } from '../../../src/main/app/app-context';
import { resolveCaller } from '../../../src/main/users/caller';
import { requireOfficeSettings } from '../../../src/main/settings/settings-store';
import { receiveDossier } from '../../../src/main/dossiers/dossier-intake';
import { applyDossierAction, type ActionInput } from '../../../src/main/dossiers/dossier-lifecycle';
import { getRowByCode, type DossierRow } from '../../../src/main/dossiers/dossier-repo';
import { syncWorkerFor, type SyncWorker, type SyncWorkerOptions } from '../../../src/main/sync/sync-worker';
import { getStepRow, mapHoSo, mapTienDo, stepContext } from '../../../src/main/sync/hoso-mapper';
import { intakeInputSchema, type IntakeInput } from '../../../src/shared/dossiers/dossier-schemas';
import type { DossierStatus } from '../../../src/shared/domain/status';
import type { TienDo } from '../../../src/shared/sync/provincial-types';

export const SYNC_USER = 'motcua.h56';
export const SYNC_PASSWORD = 'mật-khẩu-tỉnh-cấp-2026';
export const AGENCY = TEST_AGENCY.agencyId;

export const FAST_WORKER: SyncWorkerOptions = {
  timeoutMs: 2000,
  backoff: { baseMs: 2, capMs: 40, maxRetryAfterMs: 5000 },
  maxConsecutiveFailures: 30,
  closeDayMaxFailures: 2,
  rng: seededRng(7),
};

export interface SyncRig {
  t: TestCore;
  tok: { admin: string; clerk: string; supervisor: string };
  double: ProvincialDouble;
  worker: SyncWorker;
  clerk: Caller;
  /** Receives `n` dossiers at the counter (the real intake), returning their ids. */
  receive(n: number, over?: (i: number) => Partial<IntakeInput>): string[];
  act(dossierId: string, action: ActionInput['action'], extra?: Partial<ActionInput>): DossierRow;
  /** Several actions in one transaction. */
  actMany(list: { id: string; action: ActionInput['action']; extra?: Partial<ActionInput> }[]): void;
  close(): Promise<void>;
}

export async function startSyncRig(
  opts: { now?: Date; worker?: SyncWorkerOptions; double?: Partial<ProvincialDoubleOptions>; configure?: boolean; checkConnection?: boolean } = {},
): Promise<SyncRig> {
  const t = await startTestCore({ now: opts.now ?? new Date('2026-03-03T09:32:00+07:00') });
  const tok = await t.setUpOffice();
  const double = await startProvincialDouble({ accounts: [{ username: SYNC_USER, password: SYNC_PASSWORD, madonvi: [AGENCY] }], ...opts.double });
  // The worker is created with the test's options before any handler creates the default one.
  const worker = syncWorkerFor(t.core.app, { ...FAST_WORKER, ...opts.worker });
  if (opts.configure !== false) {
    const check = opts.checkConnection !== false;
    const r = await t.must('sync.configure', { baseUrl: double.url, username: SYNC_USER, password: SYNC_PASSWORD, intervalSec: 300, timeoutSec: 5, test: check }, tok.admin);
    if (check) expect(r.connection).toEqual({ ok: true, message: 'Đăng nhập hệ thống tỉnh thành công.' });
  }
  const clerk = resolveCaller(t.core.app, tok.clerk, 'test')!;
  let n = 0;
  return {
    t,
    tok,
    double,
    worker,
    clerk,
    receive(count, over) {
      const ids: string[] = [];
      // One outer transaction per call (each intake nests as a savepoint): one disk sync instead of
      // one per dossier, so thousands of dossiers are set up in seconds. Durability is not under test here.
      t.core.app.db.transaction(() => {
        for (let i = 0; i < count; i++, n++) {
          const input = intakeInputSchema.parse(sampleIntake(n, over?.(n)));
          ids.push(receiveDossier(t.core.app, clerk, input, 1).id);
        }
      })();
      return ids;
    },
    actMany(list) {
      t.core.app.db.transaction(() => {
        for (const a of list) applyDossierAction(t.core.app, clerk, { ...a.extra, dossierId: a.id, action: a.action });
      })();
    },
    act(dossierId, action, extra = {}) {
      return applyDossierAction(t.core.app, clerk, { dossierId, action, ...extra });
    },
    async close() {
      await worker.stop();
      // A test may have stopped the double already (to go offline).
      await double.close().catch(() => undefined);
      t.close();
    },
  };
}

/** Every local dossier's step that went (or goes) to the server, as the TienDo it maps to, in outbox order. */
export function localSteps(app: AppContext, row: DossierRow): TienDo[] {
  const ctx = stepContext(app.db, requireOfficeSettings(app.db).receivingPointName);
  const entries = app.db.prepare("SELECT change_id, payload FROM outbox WHERE kind = 'progress' AND entity_id = ? ORDER BY id").all(row.id) as {
    change_id: string;
    payload: string;
  }[];
  return entries.map((e) => {
    const step = getStepRow(app.db, (JSON.parse(e.payload) as { stepId: string }).stepId)!;
    return mapTienDo({ ...step, to_status: step.to_status as DossierStatus }, row.code, e.change_id, ctx);
  });
}

/**
 * Compares the server's copy of every local dossier with a fresh mapping of the local one, field by
 * field, plus the known version and every step. Returns the differences (empty when converged).
 */
export function differences(app: AppContext, double: ProvincialDouble): string[] {
  const rows = app.db.prepare('SELECT code FROM dossiers ORDER BY rid').all() as { code: string }[];
  const out: string[] = [];
  for (const { code } of rows) {
    const row = getRowByCode(app.db, code)!;
    const server = double.state.getDossier(code);
    if (!server) {
      out.push(`${code}: missing on the server`);
      continue;
    }
    const { PhienBan, ...fields } = server;
    const local = mapHoSo(app.db, row);
    const keys = new Set([...Object.keys(fields), ...Object.keys(local)]);
    for (const k of keys) {
      const a = (local as unknown as Record<string, unknown>)[k];
      const b = (fields as unknown as Record<string, unknown>)[k];
      if (!isDeepStrictEqual(a, b)) out.push(`${code}.${k}: local ${JSON.stringify(a)} ≠ server ${JSON.stringify(b)}`);
    }
    if (PhienBan !== row.server_version) out.push(`${code}: server version ${PhienBan} ≠ known ${row.server_version}`);
    const steps = double.state.progressSteps(code);
    const mine = localSteps(app, row);
    if (!isDeepStrictEqual(steps, mine)) out.push(`${code}: steps differ (${steps.length} on the server, ${mine.length} local)`);
  }
  return out;
}
