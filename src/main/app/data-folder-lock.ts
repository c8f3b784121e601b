import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/**
 * One office server (or desktop host, or restore command) per data folder, enforced by the operating
 * system. A pid file alone cannot do it: two servers can both write one, and the second to stop deletes
 * the first's. Here the lock is SQLite's own file lock (fcntl on Linux/macOS, LockFileEx on Windows) on
 * a small side file, held in EXCLUSIVE locking mode for the life of the connection: the OS drops it when
 * the process dies (no stale lock after a power cut or a kill), and a second process — or a second
 * connection in the same process — is refused at once. The pid file stays only to name the holder in
 * the message; it is written after the lock is won and removed only by the holder.
 */
const LOCK_FILE = 'instance.lock';
const PID_FILE = 'instance.pid';

export class DataFolderBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number | null,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được một máy chủ văn phòng khác dùng${holderPid ? ` (tiến trình ${holderPid})` : ''}. ` +
        'Mỗi thư mục dữ liệu chỉ được một máy chủ chạy: hãy dừng máy chủ kia trước, hoặc chọn thư mục dữ liệu khác.',
    );
    this.name = 'DataFolderBusyError';
  }
}

export interface DataFolderLock {
  /**
   * True when the folder cannot be written at all (read-only disk): no lock file can exist there, and
   * none is needed, since no server can change anything in it; the recovery page then says so.
   */
  readOnly: boolean;
  /** Releases the lock and removes the pid file (idempotent). */
  release(): void;
}

function writable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function readHolderPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, PID_FILE), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** Takes the data folder's lock or throws DataFolderBusyError (Vietnamese message naming the holder). */
export function lockDataFolder(dataDir: string): DataFolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  let db: BetterSqlite3.Database;
  try {
    // timeout 0: a held lock is an answer, not something to wait for.
    db = new BetterSqlite3(path.join(dataDir, LOCK_FILE), { timeout: 0 });
  } catch (e) {
    if (!writable(dataDir)) return { readOnly: true, release: () => undefined };
    throw e;
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // A write takes the EXCLUSIVE file lock; in this locking mode it is kept after the commit.
    db.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, since TEXT NOT NULL)');
    db.prepare('INSERT OR REPLACE INTO holder (id, pid, since) VALUES (1, ?, ?)').run(process.pid, new Date().toISOString());
  } catch (e) {
    db.close();
    if (isBusy(e)) throw new DataFolderBusyError(dataDir, readHolderPid(dataDir));
    if (!writable(dataDir)) return { readOnly: true, release: () => undefined };
    throw e;
  }
  const pidFile = path.join(dataDir, PID_FILE);
  try {
    fs.writeFileSync(pidFile, String(process.pid));
  } catch {
    // the pid only improves the message; the lock is what counts
  }
  let held = true;
  return {
    readOnly: false,
    release() {
      if (!held) return;
      held = false;
      try {
        if (fs.readFileSync(pidFile, 'utf8').trim() === String(process.pid)) fs.rmSync(pidFile, { force: true });
      } catch {
        // already gone
      }
      db.close();
    },
  };
}
