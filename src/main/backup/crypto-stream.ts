import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BackupError } from './backup-error';
import { TAG_BYTES, encodeHeader, readHeaderFile, type BackupHeader } from './format';
import type { KeyProvider, SealedKey } from './keys';

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable; directories cannot be fsynced on Windows, where NTFS journals the rename. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Streams a plain SQLite file through gzip and AES-256-GCM into `dest` (written as dest.partial, synced,
 * then renamed, so a half-written backup never carries a backup's name).
 */
export async function encryptFile(plainFile: string, dest: string, meta: Omit<BackupHeader, 'iv' | 'key' | 'cipher' | 'compression'>, sealed: SealedKey): Promise<{ size: number }> {
  const iv = crypto.randomBytes(12);
  const prefix = encodeHeader({ ...meta, cipher: 'aes-256-gcm', compression: 'gzip', iv: iv.toString('base64'), key: sealed.keyBlock });
  const cipher = crypto.createCipheriv('aes-256-gcm', sealed.contentKey, iv);
  cipher.setAAD(prefix);
  const partial = `${dest}.partial`;
  try {
    await pipeline(
      fs.createReadStream(plainFile),
      zlib.createGzip({ level: 6 }),
      cipher,
      async function* (body: AsyncIterable<Buffer>) {
        yield prefix;
        for await (const chunk of body) yield chunk;
        yield cipher.getAuthTag();
      },
      fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
    );
    fsyncFile(partial);
    fs.renameSync(partial, dest);
    fsyncDir(path.dirname(dest));
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
  return { size: fs.statSync(dest).size };
}

function decipherFor(file: string, key: Buffer): { decipher: crypto.DecipherGCM; body: fs.ReadStream } {
  const { header, prefix, size } = readHeaderFile(file);
  const fd = fs.openSync(file, 'r');
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    fs.closeSync(fd);
  }
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(prefix);
  decipher.setAuthTag(tag);
  // An empty body range would make createReadStream read the whole file; guard it.
  const end = size - TAG_BYTES - 1;
  const body = fs.createReadStream(file, end >= prefix.length ? { start: prefix.length, end } : { start: prefix.length, end: prefix.length - 1 });
  return { decipher, body };
}

const TAMPERED = 'Tệp sao lưu bị sửa đổi, hỏng hoặc không khớp khoá (kiểm tra xác thực AES-GCM thất bại).';

function isAuthFailure(e: unknown): boolean {
  return e instanceof Error && /unable to authenticate|Unsupported state/i.test(e.message);
}

/** Decrypts and checks the tag over the whole file without keeping the plaintext (reads it back after writing). */
export async function verifyFile(file: string, key: Buffer): Promise<void> {
  const { decipher, body } = decipherFor(file, key);
  try {
    await pipeline(body, decipher, new Writable({ write: (_c, _e, cb) => cb() }));
  } catch (e) {
    if (isAuthFailure(e)) throw new BackupError('tampered', TAMPERED, { cause: e });
    throw e;
  }
}

/**
 * Decrypts a backup into a plain SQLite file. The gzip stream is authenticated first (written to a temp
 * file and its GCM tag checked) and only then decompressed, so nothing unauthenticated is ever parsed.
 */
export async function decryptFile(file: string, plainDest: string, keys: KeyProvider): Promise<BackupHeader> {
  const { header } = readHeaderFile(file);
  const key = keys.openKey(header.key);
  const { decipher, body } = decipherFor(file, key);
  const gz = `${plainDest}.gz.partial`;
  try {
    try {
      await pipeline(body, decipher, fs.createWriteStream(gz, { mode: 0o600 }));
    } catch (e) {
      if (isAuthFailure(e)) throw new BackupError('tampered', TAMPERED, { cause: e });
      throw e;
    }
    await pipeline(fs.createReadStream(gz), zlib.createGunzip(), fs.createWriteStream(plainDest, { mode: 0o600 }));
    return header;
  } catch (e) {
    fs.rmSync(plainDest, { force: true });
    throw e;
  } finally {
    fs.rmSync(gz, { force: true });
  }
}
