import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Logger } from '../app/logger';
import { migrations, type Migration } from './migrations';
import { deferIntegrityCheck, SYNC_CHECK_MAX_BYTES, type IntegrityState } from './integrity-check';

export type Db = BetterSqlite3.Database;

export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: 'too-new' | 'corrupt' | 'migration-failed' | 'unreadable',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface OpenOptions {
  file: string;
  backupDir: string;
  log: Logger;
  /**
   * 'full' (default): integrity_check before anything is written — on files over
   * SYNC_CHECK_MAX_BYTES it reads every page for tens of seconds, so there it runs in a worker
   * thread after start instead (see integrity-check.ts; outcome in the log and backgroundIntegrity).
   * 'quick': quick_check at open whatever the size. 'none': no check (tools, benchmarks).
   */
  integrityCheck?: 'full' | 'quick' | 'none';
  /** Overrides of the background check's size threshold and delay (tests). */
  integrityDefer?: { aboveBytes?: number; delayMs?: number };
  migrationList?: Migration[];
}

/** Applies the connection settings the architecture requires on every connection we open. */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // An acknowledged dossier must survive a power cut: FULL syncs the WAL on every commit.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -32000');
}

const background = new WeakMap<Db, Promise<IntegrityState>>();

/** Distinct SQL texts kept compiled per connection; the app has a few hundred. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Makes `db.prepare(sql)` return the already compiled statement for SQL it has seen. Services
 * prepare their statements at each call (`app.db.prepare('…').run(…)`); compiling costs 20–100 µs
 * per statement, and an intake prepares about fifteen (≈1 ms of its budget on a busy PC, see
 * docs/performance.md). A statement still being iterated is never handed out twice (a fresh
 * one is compiled instead), and a reused one is reset to plain object rows, so callers see no
 * difference from a new statement. SQLite recompiles cached statements by itself after a schema change.
 * (Statement.bind() would pin parameters on the shared statement: pass them to run/get/all instead.)
 */
export function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db) as (sql: string) => BetterSqlite3.Statement;
  const cache = new Map<string, BetterSqlite3.Statement>();
  (db as { prepare: (sql: string) => BetterSqlite3.Statement }).prepare = (sql: string) => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      if (hit.reader) hit.raw(false).pluck(false).expand(false);
      return hit;
    }
    const fresh = prepare(sql);
    if (!hit) {
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(sql, fresh);
    }
    return fresh;
  };
}

/** Outcome of the full integrity check deferred to a worker for a large file; null when it ran at open (or not at all). */
export function backgroundIntegrity(db: Db): Promise<IntegrityState> | null {
  return background.get(db) ?? null;
}

export function latestVersion(list: Migration[] = migrations): number {
  return list.reduce((m, x) => Math.max(m, x.version), 0);
}

/**
 * Opens (creating if needed) the installation's database: checks integrity, refuses a file written
 * by a newer app, backs the file up before migrating, and runs each pending migration in a transaction.
 */
export async function openDatabase(opts: OpenOptions): Promise<Db> {
  const list = opts.migrationList ?? migrations;
  const existed = fs.existsSync(opts.file) && fs.statSync(opts.file).size > 0;
  let db: Db;
  try {
    db = new BetterSqlite3(opts.file);
  } catch (e) {
    throw new DatabaseOpenError('unreadable', `Không mở được cơ sở dữ liệu ${path.basename(opts.file)}: tệp hỏng hoặc không có quyền đọc. Hãy khôi phục từ bản sao lưu.`, { cause: e });
  }
  try {
    const mode = opts.integrityCheck ?? 'full';
    // A large file is checked in the background instead (start-up budget: 1.5 s at 1,000,000 dossiers).
    // Opening still reads the header and the schema below, which catches a file that is not a database.
    // Not when a migration is due: a file is checked in full before the app writes its new schema.
    let deferFull = existed && mode === 'full' && fs.statSync(opts.file).size > (opts.integrityDefer?.aboveBytes ?? SYNC_CHECK_MAX_BYTES);
    if (deferFull) {
      try {
        deferFull = (db.pragma('user_version', { simple: true }) as number) >= latestVersion(list);
      } catch {
        deferFull = false; // unreadable: let the full check below say so
      }
    }
    // Nothing is written (not even the switch to WAL) before the file is known to be sound and not too new.
    if (existed && mode !== 'none' && !deferFull) {
      let first: unknown;
      try {
        const rows = db.pragma(mode === 'full' ? 'integrity_check' : 'quick_check') as { integrity_check?: string; quick_check?: string }[];
        first = rows[0] && (rows[0].integrity_check ?? rows[0].quick_check);
      } catch (e) {
        first = (e as Error).message;
      }
      if (first !== 'ok') throw new DatabaseOpenError('corrupt', `Cơ sở dữ liệu bị hỏng (${String(first).slice(0, 200)}). Hãy khôi phục từ bản sao lưu gần nhất.`);
    }
    let current: number;
    try {
      current = db.pragma('user_version', { simple: true }) as number;
    } catch (e) {
      throw new DatabaseOpenError('unreadable', 'Tệp cơ sở dữ liệu không đọc được (không phải SQLite hoặc đã hỏng). Hãy khôi phục từ bản sao lưu.', { cause: e });
    }
    const latest = latestVersion(list);
    if (current > latest) {
      throw new DatabaseOpenError('too-new', `Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ ${current}, ứng dụng này hỗ trợ đến ${latest}). Hãy cập nhật ứng dụng; không mở để tránh làm hỏng dữ liệu.`);
    }
    applyPragmas(db);
    const pending = list.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
    if (pending.length && existed && current > 0) {
      fs.mkdirSync(opts.backupDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const target = path.join(opts.backupDir, `truoc-nang-cap-v${current}-${stamp}.sqlite`);
      await db.backup(target);
      opts.log.info('backup before migration', { target: path.basename(target), from: current });
    }
    for (const m of pending) {
      try {
        db.transaction(() => {
          m.up(db);
          db.pragma(`user_version = ${m.version}`);
        })();
        opts.log.info('migration applied', { version: m.version, name: m.name });
      } catch (e) {
        throw new DatabaseOpenError('migration-failed', `Nâng cấp cơ sở dữ liệu lên lược đồ ${m.version} (${m.name}) thất bại; dữ liệu giữ nguyên như trước.`, { cause: e });
      }
    }
    cacheStatements(db);
    if (deferFull) {
      const check = deferIntegrityCheck(opts.file, opts.log, opts.integrityDefer?.delayMs);
      background.set(db, check.result);
      // Closing the database (app quit, tests) also drops a check that has not finished.
      const close = db.close.bind(db);
      db.close = () => {
        check.cancel();
        return close();
      };
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
