/**
 * Generates a benchmark installation: a real data folder (migrations run by the app's own
 * openDatabase) holding five years of an office's dossiers, queue tickets, audit and outbox.
 *
 *   node dist/bench/generate.cjs --out DIR --size 1000000 --seed 1 [--to 2026-06-30] [--force] [--full-logs] [--mode auto|inline|worker]
 *
 * Deterministic: the same seed, size and end date give the same database content. Fast: the
 * rows are made in a worker thread while this thread writes them (bench/gen/load.ts) through
 * prepared statements, ~50,000 dossiers per transaction, with the journal in memory,
 * synchronous=OFF and foreign keys unchecked during the load only (a crash then leaves a broken
 * file, which for generated data just means generating again); the full-text index is built once
 * at the end ('rebuild') instead of row by row through its triggers; then ANALYZE, and the file
 * is put back to WAL + synchronous=FULL as the app expects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AppContext } from '../src/main/app/app-context';
import { EventBus } from '../src/main/app/event-bus';
import { silentLogger } from '../src/main/app/logger';
import { dataPaths, ensureDataDirs } from '../src/main/app/paths';
import { openDatabase, type Db } from '../src/main/db/database';
import { addDays } from '../src/shared/calendar/local-date';
import type { HistoryCounts } from './gen/history';
import { loadHistory } from './gen/load';
import { BENCH_AGENCY, BENCH_PASSWORDS, COUNTERS, setUpOffice } from './gen/office';

export interface GenerateOptions {
  out: string;
  size: number;
  seed: number;
  /** Last business day of the history; fixed by default so that a seed means one database. */
  to?: string;
  years?: number;
  /** Replace an existing database in `out`. */
  force?: boolean;
  /**
   * Days before the end for which the append-only logs (audit chain, outbox, ticket state log,
   * ticket number ledger) are written; older days have none. Those logs are only ever read at
   * their tail or for one day, so their length changes no measured figure, while writing five
   * years of them would triple the file and the generation time. `Infinity` writes them all.
   */
  logDays?: number;
  /** Where rows are produced: a worker thread when its bundle is there ('auto'), or this thread. */
  mode?: 'auto' | 'inline' | 'worker';
  log?: (line: string) => void;
}

/** Written beside the database: what the benchmark needs to drive it (accounts, period). */
export interface Manifest {
  format: 1;
  seed: number;
  size: number;
  from: string;
  to: string;
  agencyId: string;
  counters: number;
  accounts: { admin: { username: string; password: string }; supervisor: { username: string; password: string }; clerks: { username: string; password: string; counter: number }[] };
  groups: { id: string; prefix: string; name: string; counters: number[] }[];
  counts: HistoryCounts;
  seconds: { setup: number; rows: number; fts: number; analyze: number; total: number };
  fileBytes: number;
}

export const DEFAULT_END = '2026-06-30';
export const MANIFEST_FILE = 'bench-manifest.json';

/** A clock that never moves: every timestamp the app writes during setup is the same. */
const frozen = (at: Date) => ({ now: () => new Date(at.getTime()) });

function ftsTriggers(db: Db): { name: string; sql: string }[] {
  return db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'dossiers' AND sql LIKE '%dossier_fts%' ORDER BY name").all() as { name: string; sql: string }[];
}

export async function generateDataset(o: GenerateOptions): Promise<Manifest> {
  const log = o.log ?? (() => {});
  const to = o.to ?? DEFAULT_END;
  const years = o.years ?? 5;
  const from = addDays(`${Number(to.slice(0, 4)) - years}${to.slice(4)}`, 1);
  const paths = dataPaths(o.out);
  if (fs.existsSync(paths.database)) {
    if (!o.force) throw new Error(`${paths.database} already exists (use --force to replace it)`);
    for (const f of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`]) fs.rmSync(f, { force: true });
  }
  const t0 = performance.now();
  ensureDataDirs(paths);
  // The app's own open path: migrations in order, WAL, pragmas. Not startCore, which would also
  // load every capability's handlers (spreadsheets, canvas…) that a bulk load has no use for.
  const db = await openDatabase({ file: paths.database, backupDir: paths.backups, log: silentLogger, integrityCheck: 'none' });
  const app: AppContext = { db, clock: frozen(new Date(`${from}T07:00:00+07:00`)), log: silentLogger, events: new EventBus(), paths, version: 'bench', testMode: false };
  try {
    const office = setUpOffice(app, o.seed, new Date(`${from}T07:00:00+07:00`));
    const t1 = performance.now();

    // Bulk-load settings (see the file comment). The FTS triggers would index row by row.
    const triggers = ftsTriggers(db);
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    const mode = db.pragma('journal_mode = MEMORY', { simple: true });
    if (mode !== 'memory') throw new Error(`could not leave WAL for the bulk load (journal_mode ${String(mode)})`);
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -1000000');
    db.pragma('temp_store = MEMORY');
    let shown = 0;
    const counts = await loadHistory(app, office, {
      size: o.size,
      seed: o.seed,
      from,
      to,
      agencyId: BENCH_AGENCY.agencyId,
      batch: 50_000,
      logDays: o.logDays ?? 30,
      mode: o.mode,
      onProgress: (n) => {
        if (Math.floor(n / 100_000) > Math.floor(shown / 100_000)) log(`  ${n.toLocaleString('en')} dossiers (${((performance.now() - t1) / 1000).toFixed(0)} s)`);
        shown = n;
      },
    });
    const t2 = performance.now();
    log(`rows written in ${((t2 - t1) / 1000).toFixed(1)} s; building the full-text index`);
    db.exec("INSERT INTO dossier_fts(dossier_fts) VALUES ('rebuild')");
    for (const t of triggers) db.exec(t.sql);
    const t3 = performance.now();
    log(`full-text index in ${((t3 - t2) / 1000).toFixed(1)} s; ANALYZE`);
    db.exec('ANALYZE');
    const t4 = performance.now();
    db.pragma('foreign_keys = ON');
    db.pragma('locking_mode = NORMAL');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const total = (performance.now() - t0) / 1000;
    const manifest: Manifest = {
      format: 1,
      seed: o.seed,
      size: o.size,
      from,
      to,
      agencyId: BENCH_AGENCY.agencyId,
      counters: COUNTERS,
      accounts: {
        admin: { username: 'quantri', password: BENCH_PASSWORDS.admin },
        supervisor: { username: 'truongbp', password: BENCH_PASSWORDS.supervisor },
        clerks: office.clerks.map((c) => ({ username: c.username, password: BENCH_PASSWORDS.clerk, counter: c.counter! })),
      },
      groups: office.groups.map((g) => ({ id: g.id, prefix: g.key, name: g.name, counters: g.counters })),
      counts,
      seconds: { setup: (t1 - t0) / 1000, rows: (t2 - t1) / 1000, fts: (t3 - t2) / 1000, analyze: (t4 - t3) / 1000, total },
      fileBytes: fs.statSync(paths.database).size,
    };
    fs.writeFileSync(path.join(o.out, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    return manifest;
  } finally {
    if (db.open) db.close();
  }
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new Error(`${dir} is not a generated benchmark folder (no ${MANIFEST_FILE})`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      size: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      to: { type: 'string', default: DEFAULT_END },
      years: { type: 'string', default: '5' },
      force: { type: 'boolean', default: false },
      'full-logs': { type: 'boolean', default: false },
      mode: { type: 'string', default: 'auto' },
    },
  });
  if (!values.out) throw new Error('usage: node dist/bench/generate.cjs --out DIR [--size N] [--seed S] [--to YYYY-MM-DD] [--years Y] [--force] [--full-logs] [--mode auto|inline|worker]');
  if (!['auto', 'inline', 'worker'].includes(values.mode)) throw new Error(`--mode must be auto, inline or worker: ${values.mode}`);
  const size = Number(values.size);
  if (!Number.isInteger(size) || size < 1) throw new Error(`--size must be a positive integer: ${values.size}`);
  const m = await generateDataset({
    out: path.resolve(values.out),
    size,
    seed: Number(values.seed),
    to: values.to,
    years: Number(values.years),
    force: values.force,
    logDays: values['full-logs'] ? Infinity : 30,
    mode: values.mode as GenerateOptions['mode'],
    log: (l) => console.log(l),
  });
  console.log(
    `generated ${m.counts.dossiers.toLocaleString('en')} dossiers (${m.from} … ${m.to}) in ${m.seconds.total.toFixed(1)} s: ` +
      `${(m.fileBytes / 1e6).toFixed(0)} MB, ${JSON.stringify(m.counts)}`,
  );
}

// Run as a script (the bundle's own entry), not when the suite or a test imports it.
if (typeof require !== 'undefined' && require.main === module) {
  main().catch((e: Error) => {
    console.error(e.stack ?? e.message);
    process.exit(1);
  });
}
