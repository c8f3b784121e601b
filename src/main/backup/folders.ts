import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_FILE_RE, type BackupEntry, type BackupLocation } from '../../shared/api/backup-contract';
import { readHeaderFile } from './format';

export type FolderCheck = { ok: true } | { ok: false; message: string };

const CHECK_TIMEOUT_MS = 15_000;

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout;
  const t = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** Turns a file-system error on a backup folder into a message an administrator can act on. */
export function folderProblem(dir: string, e: unknown): string {
  const code = (e as { code?: string })?.code ?? '';
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO') return `Không tìm thấy thư mục sao lưu "${dir}". Ổ USB đã cắm chưa, hoặc ổ mạng đã kết nối chưa?`;
  if (code === 'ENOTDIR') return `"${dir}" không phải là thư mục.`;
  if (code === 'EACCES' || code === 'EPERM') return `Không có quyền ghi vào thư mục sao lưu "${dir}".`;
  if (code === 'EROFS') return `Thư mục sao lưu "${dir}" chỉ cho đọc (ổ bị khoá ghi?).`;
  if (code === 'ENOSPC' || code === 'EDQUOT') return `Thư mục sao lưu "${dir}" đã đầy.`;
  if (code === 'ETIMEDOUT' || code === 'EHOSTDOWN' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `Không kết nối được thư mục mạng "${dir}".`;
  return `Không ghi được vào thư mục sao lưu "${dir}" (${code || (e as Error)?.message || 'lỗi không rõ'}).`;
}

/**
 * Checks that a folder exists and takes a write, without blocking the event loop (a dead network
 * share can hang a synchronous call for a minute) and giving up after 15 s.
 */
export function checkFolderWritable(dir: string): Promise<FolderCheck> {
  const probe = path.join(dir, `.motcua-probe-${process.pid}-${Date.now()}`);
  const run = async (): Promise<FolderCheck> => {
    try {
      const st = await fs.promises.stat(dir);
      if (!st.isDirectory()) return { ok: false, message: folderProblem(dir, { code: 'ENOTDIR' }) };
      await fs.promises.writeFile(probe, 'ok');
      await fs.promises.rm(probe, { force: true });
      return { ok: true };
    } catch (e) {
      return { ok: false, message: folderProblem(dir, e) };
    }
  };
  return withTimeout(run(), CHECK_TIMEOUT_MS, () => ({ ok: false, message: folderProblem(dir, { code: 'ETIMEDOUT' }) }));
}

/** Copies a finished backup into another folder: temp name, synced, renamed. */
export async function copyInto(src: string, dir: string): Promise<string> {
  const dest = path.join(dir, path.basename(src));
  const partial = `${dest}.partial`;
  try {
    await fs.promises.copyFile(src, partial);
    const fh = await fs.promises.open(partial, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.promises.rename(partial, dest);
  } catch (e) {
    await fs.promises.rm(partial, { force: true }).catch(() => undefined);
    throw e;
  }
  return dest;
}

/** The backups in one folder, read from their clear headers (no key needed), newest first. */
export function listBackupFolder(dir: string, location: BackupLocation): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => BACKUP_FILE_RE.test(n));
  } catch {
    return [];
  }
  const out: BackupEntry[] = [];
  for (const file of names) {
    try {
      const { header, size } = readHeaderFile(path.join(dir, file));
      out.push({ file, location, createdAt: header.createdAt, kind: header.kind, size, schemaVersion: header.schemaVersion, appVersion: header.appVersion });
    } catch {
      // A foreign or truncated file with a backup-like name is not offered for restore.
    }
  }
  return out.sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || (a.file < b.file ? 1 : -1));
}
