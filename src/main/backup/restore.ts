import fs from 'node:fs';
import path from 'node:path';
import type { BackupContents } from '../../shared/api/backup-contract';
import type { DataPaths } from '../app/paths';
import { SYSTEM_CALLER, type AppContext } from '../app/app-context';
import { writeAudit } from '../audit/audit-log';
import type { Logger } from '../app/logger';
import { isoLocal } from '../app/clock';
import { latestVersion } from '../db/database';
import { BackupError } from './backup-error';
import { decryptFile, fsyncDir, fsyncFile } from './crypto-stream';
import { inspectDatabaseFile } from './inspect-db';
import type { KeyProvider } from './keys';

/**
 * A restore happens in two steps so a running app never has its database swapped underneath it:
 *   stage: decrypt + check into restore/pending.sqlite, then write restore/pending.json (last, as the commit);
 *   apply: before the database is opened, move the current files aside and rename the pending file in.
 * Each apply step is idempotent, so a power cut in the middle is finished by the next start.
 */
export function restoreDir(p: DataPaths): string {
  return path.join(p.root, 'restore');
}
const PENDING_DB = 'pending.sqlite';
const PENDING_MARK = 'pending.json';
const KEEP_REPLACED = 3;

export interface PendingRestore {
  file: string;
  createdAt: string;
  stagedAt: string;
  by: string | null;
}

/** Decrypts a backup to a temp file beside `workDir` and checks it; the caller removes `plain`. */
export async function openBackupToTemp(file: string, keys: KeyProvider, workDir: string): Promise<{ plain: string; contents: BackupContents }> {
  fs.mkdirSync(workDir, { recursive: true });
  const plain = path.join(workDir, `.open-${process.pid}-${Date.now()}.sqlite`);
  try {
    const header = await decryptFile(file, plain, keys);
    const info = await inspectDatabaseFile(plain).catch((e: Error) => {
      throw new BackupError('integrity', `Bản sao lưu giải mã được nhưng không phải cơ sở dữ liệu đọc được: ${e.message}`, { cause: e });
    });
    if (info.integrity !== 'ok') throw new BackupError('integrity', `Bản sao lưu không toàn vẹn: ${info.integrity.slice(0, 200)}`);
    const contents: BackupContents = { file: path.basename(file), createdAt: header.createdAt, appVersion: header.appVersion, schemaVersion: info.schemaVersion, tables: info.tables };
    return { plain, contents };
  } catch (e) {
    fs.rmSync(plain, { force: true });
    fs.rmSync(`${plain}-journal`, { force: true });
    throw e;
  }
}

export function readPendingRestore(p: DataPaths): PendingRestore | null {
  const mark = path.join(restoreDir(p), PENDING_MARK);
  if (!fs.existsSync(mark)) return null;
  try {
    return JSON.parse(fs.readFileSync(mark, 'utf8')) as PendingRestore;
  } catch {
    return null;
  }
}

/** Decrypts and checks a backup, and leaves it ready to be put in place at the next start. */
export async function stageRestore(p: DataPaths, file: string, keys: KeyProvider, now: Date, by: string | null): Promise<BackupContents> {
  const dir = restoreDir(p);
  const { plain, contents } = await openBackupToTemp(file, keys, dir);
  try {
    if (contents.schemaVersion > latestVersion()) {
      throw new BackupError('too-new', `Bản sao lưu có lược đồ ${contents.schemaVersion}, mới hơn ứng dụng này (${latestVersion()}). Hãy cập nhật ứng dụng trước khi khôi phục.`);
    }
    cancelPendingRestore(p);
    fsyncFile(plain);
    fs.renameSync(plain, path.join(dir, PENDING_DB));
    const pending: PendingRestore = { file: contents.file, createdAt: contents.createdAt, stagedAt: isoLocal(now), by };
    const tmp = path.join(dir, `${PENDING_MARK}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(pending, null, 2));
    fsyncFile(tmp);
    fs.renameSync(tmp, path.join(dir, PENDING_MARK));
    fsyncDir(dir);
    return contents;
  } finally {
    fs.rmSync(plain, { force: true });
  }
}

export function cancelPendingRestore(p: DataPaths): boolean {
  const dir = restoreDir(p);
  const had = fs.existsSync(path.join(dir, PENDING_MARK));
  fs.rmSync(path.join(dir, PENDING_MARK), { force: true });
  fs.rmSync(path.join(dir, PENDING_DB), { force: true });
  return had;
}

const DB_SIDE_FILES = ['', '-wal', '-shm', '-journal'];

/**
 * Puts a staged restore in place; call before opening the database. The replaced files are kept in
 * restore/replaced-<time>/ (the last few), so even a mistaken restore can be undone by hand.
 */
export function applyPendingRestore(p: DataPaths, log: Logger, now: Date = new Date()): PendingRestore | null {
  const dir = restoreDir(p);
  const mark = path.join(dir, PENDING_MARK);
  if (!fs.existsSync(mark)) return null;
  const pending = readPendingRestore(p);
  const staged = path.join(dir, PENDING_DB);
  if (fs.existsSync(staged)) {
    const aside = fs.mkdtempSync(path.join(dir, `replaced-${isoLocal(now).slice(0, 19).replace(/[-:T]/g, '')}-`));
    // The WAL and shared-memory files belong to the old database: left in place they would be replayed into the restored one.
    for (const suffix of DB_SIDE_FILES) {
      const f = p.database + suffix;
      if (fs.existsSync(f)) fs.renameSync(f, path.join(aside, path.basename(f)));
    }
    fs.renameSync(staged, p.database);
    fsyncDir(p.root);
    pruneReplaced(dir);
  }
  fs.rmSync(mark, { force: true });
  log.info('restore applied', { file: pending?.file, createdAt: pending?.createdAt });
  return pending;
}

function pruneReplaced(dir: string): void {
  const old = fs.readdirSync(dir).filter((n) => n.startsWith('replaced-')).sort().reverse().slice(KEEP_REPLACED);
  for (const n of old) fs.rmSync(path.join(dir, n), { recursive: true, force: true });
}

/** The restored database's own audit chain records that it was put back, by whom and from which file. */
export function auditAppliedRestore(app: AppContext, pending: PendingRestore): void {
  app.db.transaction(() =>
    writeAudit(app.db, app.clock.now(), { ...SYSTEM_CALLER, username: pending.by ?? SYSTEM_CALLER.username }, {
      action: 'backup.restored',
      entity: 'backup',
      entityId: pending.file,
      detail: { backupCreatedAt: pending.createdAt, stagedAt: pending.stagedAt },
    }),
  )();
}
