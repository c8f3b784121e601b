import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Logger } from '../app/logger';
import { migrations, type Migration } from './migrations';

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
  /** Full integrity_check reads every page; the office server defers it on very large files. */
  integrityCheck?: 'full' | 'quick' | 'none';
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
    // Nothing is written (not even the switch to WAL) before the file is known to be sound and not too new.
    if (existed && mode !== 'none') {
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
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
