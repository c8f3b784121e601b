import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface DbInspection {
  /** "ok", or SQLite's first complaint. */
  integrity: string;
  schemaVersion: number;
  tables: { name: string; rows: number }[];
}

// Runs in a worker thread: integrity_check reads every page, which on a large database would stall the
// event loop that serves the counters for seconds. Plain CommonJS so it runs the same from the bundle and in tests.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file);
  // A single self-contained file (no -wal/-shm beside it) is what gets encrypted or put in place.
  db.pragma('journal_mode = DELETE');
  const rows = db.pragma('integrity_check');
  const first = rows[0] ? String(rows[0].integrity_check) : 'no answer';
  const schemaVersion = db.pragma('user_version', { simple: true });
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all().map((r) => r.name);
  const tables = first === 'ok' ? names.map((name) => ({ name, rows: db.prepare('SELECT count(*) AS n FROM "' + name.replace(/"/g, '""') + '"').get().n })) : [];
  parentPort.postMessage({ ok: true, value: { integrity: first, schemaVersion, tables } });
} catch (e) {
  parentPort.postMessage({ ok: false, code: e && e.code, message: String(e && e.message) });
} finally {
  if (db && db.open) db.close();
}
`;

function driverPath(): string {
  const base = typeof __filename !== 'undefined' ? __filename : path.join(process.cwd(), 'index.js');
  return createRequire(base).resolve('better-sqlite3');
}

/** Checks a plain SQLite copy off the main thread: integrity, schema version and row counts per table. */
export function inspectDatabaseFile(file: string): Promise<DbInspection> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver: driverPath() } });
    let settled = false;
    worker.once('message', (m: { ok: true; value: DbInspection } | { ok: false; code?: string; message: string }) => {
      settled = true;
      if (m.ok) resolve(m.value);
      else reject(Object.assign(new Error(m.message), { code: m.code }));
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`database inspection worker exited with ${code}`));
    });
  });
}
