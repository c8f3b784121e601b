/**
 * Where the provincial account's password is kept: never in the clear. A sealed secret is a
 * string "<scheme>:<payload>" stored in the database:
 *
 * - `os:` — sealed by the operating system's key store (Electron `safeStorage`: DPAPI on
 *   Windows, Keychain on macOS, libsecret on Linux). Only the desktop app on this PC, as this
 *   Windows user, can open it. Registered by the Electron host at start.
 * - `file:` — AES-256-GCM with a random 256-bit key kept in `sync-secret.key` in the data folder,
 *   created readable and writable by the owner only (0600). This is the office server's fallback
 *   (it has no OS key store when it runs headless). It protects the password in the database and in
 *   backups (which do not contain the key file); it does not protect against someone who can
 *   read the whole data folder as the service's user. On Windows the file's protection is the
 *   data folder's ACL (POSIX modes do not apply).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface SecretStore {
  readonly scheme: 'os' | 'file';
  seal(plain: string): string;
  open(sealed: string): string;
}

export class SecretUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretUnavailableError';
  }
}

export const SECRET_KEY_FILE = 'sync-secret.key';
const AAD = Buffer.from('motcua-desk/sync-password/v1');

function readOrCreateKey(dataDir: string): Buffer {
  const file = path.join(dataDir, SECRET_KEY_FILE);
  try {
    const key = fs.readFileSync(file);
    if (key.length !== 32) throw new SecretUnavailableError(`Tệp khoá ${SECRET_KEY_FILE} bị hỏng; quản trị hãy nhập lại mật khẩu đồng bộ.`);
    // Someone loosened the permissions (a copy, an unzip): put them back to owner-only.
    if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const key = crypto.randomBytes(32);
  // 'wx': two processes starting together cannot both write a key; the loser reads the winner's.
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateKey(dataDir);
    throw e;
  }
  try {
    fs.writeSync(fd, key);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return key;
}

/** AES-256-GCM with the data folder's key file (created on first use, mode 0600). */
export function fileKeySecretStore(dataDir: string): SecretStore {
  return {
    scheme: 'file',
    seal(plain) {
      const key = readOrCreateKey(dataDir);
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(AAD);
      const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['file', 'v1', iv.toString('base64'), c.getAuthTag().toString('base64'), data.toString('base64')].join(':');
    },
    open(sealed) {
      const parts = sealed.split(':');
      if (parts.length !== 5 || parts[0] !== 'file' || parts[1] !== 'v1') throw new SecretUnavailableError('Mật khẩu đồng bộ đã lưu không đúng định dạng; quản trị hãy nhập lại.');
      const key = readOrCreateKey(dataDir);
      try {
        const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(parts[2], 'base64'));
        d.setAAD(AAD);
        d.setAuthTag(Buffer.from(parts[3], 'base64'));
        return Buffer.concat([d.update(Buffer.from(parts[4], 'base64')), d.final()]).toString('utf8');
      } catch {
        throw new SecretUnavailableError(`Không giải mã được mật khẩu đồng bộ (tệp khoá ${SECRET_KEY_FILE} đã đổi?); quản trị hãy nhập lại mật khẩu.`);
      }
    },
  };
}

// The OS key store exists only in the desktop process, which registers it at start.
let osStore: SecretStore | null = null;

export function registerOsSecretStore(store: SecretStore | null): void {
  osStore = store;
}

/** The store that seals a newly entered password: the OS key store when there is one. */
export function secretStoreForNew(dataDir: string): SecretStore {
  return osStore ?? fileKeySecretStore(dataDir);
}

/** Opens a sealed secret with the store its scheme names. */
export function openSecret(dataDir: string, sealed: string): string {
  const scheme = sealed.slice(0, sealed.indexOf(':'));
  if (scheme === 'file') return fileKeySecretStore(dataDir).open(sealed);
  if (scheme === 'os') {
    if (!osStore) {
      throw new SecretUnavailableError('Mật khẩu đồng bộ được khoá bằng kho khoá của ứng dụng máy tính; máy chủ văn phòng chạy riêng không mở được. Quản trị hãy nhập lại mật khẩu tại đây.');
    }
    return osStore.open(sealed);
  }
  throw new SecretUnavailableError('Mật khẩu đồng bộ đã lưu không đúng định dạng; quản trị hãy nhập lại.');
}

/** The scheme of a sealed secret, for the status screen. */
export function schemeOf(sealed: string): 'os' | 'file' | null {
  const s = sealed.slice(0, sealed.indexOf(':'));
  return s === 'os' || s === 'file' ? s : null;
}
