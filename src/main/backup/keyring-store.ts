import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BackupError } from './backup-error';
import { osKeyId, osKeyProvider, passphraseSealer, type KeyProvider, type OsKeyProtector, type PassphraseKeyring } from './keys';
import { passphraseKeyBlockSchema } from './format';

export const KEYRING_FILE = 'backup-key.json';

const sealedSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
const keyringSchema = z.discriminatedUnion('scheme', [
  z.object({
    scheme: z.literal('passphrase'),
    kdf: passphraseKeyBlockSchema.shape.kdf,
    verifier: z.string().regex(/^[0-9a-f]{64}$/),
    publicKey: z.string(),
    wrappedPrivateKey: sealedSchema,
    createdAt: z.string(),
  }),
  z.object({ scheme: z.literal('os'), keyId: z.string(), protectedKey: z.string(), createdAt: z.string() }),
]);
export type StoredKeyring = z.infer<typeof keyringSchema>;

export function keyringPath(dataDir: string): string {
  return path.join(dataDir, KEYRING_FILE);
}

export function readKeyring(dataDir: string): StoredKeyring | null {
  const file = keyringPath(dataDir);
  if (!fs.existsSync(file)) return null;
  const parsed = keyringSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new BackupError('no-key', `Tệp khoá sao lưu ${KEYRING_FILE} bị hỏng; hãy đặt lại mật khẩu sao lưu.`);
  return parsed.data;
}

/** Written to a temp file, synced, then renamed: a power cut leaves the old keyring or the new one. */
export function writeKeyring(dataDir: string, k: StoredKeyring): void {
  const file = keyringPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(k, null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export function storedPassphraseKeyring(k: PassphraseKeyring, createdAt: string): StoredKeyring {
  return { ...k, createdAt };
}

// Electron's safeStorage exists only in the desktop process; it registers itself at start.
let osProtector: OsKeyProtector | null = null;
export function registerOsKeyProtector(p: OsKeyProtector | null): void {
  osProtector = p;
}
export function osKeyAvailable(): boolean {
  return osProtector !== null;
}

export function createOsKeyring(createdAt: string): StoredKeyring {
  if (!osProtector) throw new BackupError('os-key-unavailable', 'Máy chủ văn phòng chạy không giao diện không có kho khoá của hệ điều hành; hãy dùng mật khẩu sao lưu.');
  const master = crypto.randomBytes(32);
  return { scheme: 'os', keyId: osKeyId(master), protectedKey: osProtector.protect(master).toString('base64'), createdAt };
}

function osMasterKey(k: Extract<StoredKeyring, { scheme: 'os' }>): Buffer {
  if (!osProtector) throw new BackupError('os-key-unavailable', 'Khoá sao lưu do hệ điều hành bảo vệ chỉ dùng được trong ứng dụng máy tính trên chính máy này.');
  return osProtector.unprotect(Buffer.from(k.protectedKey, 'base64'));
}

/** What seals new backups on this installation, or null when no key is set up yet. */
export function currentSealer(dataDir: string): KeyProvider | null {
  const k = readKeyring(dataDir);
  if (!k) return null;
  return k.scheme === 'passphrase' ? passphraseSealer(k) : osKeyProvider(osMasterKey(k));
}

/** Opens OS-scheme backups of this installation (the passphrase scheme opens with passphraseOpener). */
export function currentOsOpener(dataDir: string): KeyProvider | null {
  const k = readKeyring(dataDir);
  return k?.scheme === 'os' && osProtector ? osKeyProvider(osMasterKey(k)) : null;
}
