import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../app/logger';

/**
 * PRAGMA integrity_check reads every page and cross-checks every index: 26 s for the 3.9 GB of an
 * office with 1,000,000 dossiers (file in the OS cache; quick_check alone 16 s), more from a cold
 * disk. Run at start it kept the office server from answering for that long (budget: 1.5 s). Above this size the check
 * runs in a worker thread instead, on its own read-only connection, once the start-up rush is over.
 */
export const SYNC_CHECK_MAX_BYTES = 32 * 1024 * 1024;
/** Delay before the background check, so that it does not compete with the first logins and searches. */
export const DEFERRED_CHECK_DELAY_MS = 30_000;

export type IntegrityState = { state: 'pending' } | { state: 'ok'; ms: number } | { state: 'failed'; message: string };

// Plain CommonJS so it runs the same from the bundle and from sources (see backup/inspect-db.ts).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('cache_size = -2000');
  const started = Date.now();
  const rows = db.pragma('integrity_check(20)');
  const problems = rows.map((r) => String(r.integrity_check)).filter((x) => x !== 'ok');
  parentPort.postMessage({ ok: problems.length === 0, ms: Date.now() - started, problems });
} catch (e) {
  parentPort.postMessage({ ok: false, ms: 0, problems: [String(e && e.message)] });
} finally {
  if (db && db.open) db.close();
}
`;

function driverPath(): string {
  const base = typeof __filename !== 'undefined' ? __filename : path.join(process.cwd(), 'index.js');
  return createRequire(base).resolve('better-sqlite3');
}

/**
 * Starts the full check of `file` in the background after `delayMs`; the promise settles with the
 * outcome (it never rejects), which is also logged: an error entry names the first problems so that
 * support can restore from a backup. The worker never keeps the process alive.
 */
export function deferIntegrityCheck(file: string, log: Logger, delayMs = DEFERRED_CHECK_DELAY_MS): { result: Promise<IntegrityState>; cancel(): void } {
  let timer: NodeJS.Timeout | null = null;
  let worker: Worker | null = null;
  let settle: (s: IntegrityState) => void = () => {};
  const result = new Promise<IntegrityState>((resolve) => (settle = resolve));
  timer = setTimeout(() => {
    timer = null;
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver: driverPath() } });
    worker.unref();
    worker.once('message', (m: { ok: boolean; ms: number; problems: string[] }) => {
      if (m.ok) {
        log.info('database integrity check passed (background)', { ms: m.ms });
        settle({ state: 'ok', ms: m.ms });
      } else {
        const message = m.problems.slice(0, 5).join('; ').slice(0, 500);
        log.error('database integrity check FAILED (background): restore from a backup', { problems: message });
        settle({ state: 'failed', message });
      }
    });
    worker.once('error', (e) => {
      log.error('database integrity check could not run', { error: e });
      settle({ state: 'failed', message: e.message });
    });
  }, delayMs);
  timer.unref();
  return {
    result,
    cancel() {
      if (timer) clearTimeout(timer);
      void worker?.terminate();
    },
  };
}
