import fs from 'node:fs';
import { z } from 'zod';
import { BackupError } from './backup-error';

/**
 * Backup file layout (all integers big-endian):
 *   "MCBK" | u16 format version | u32 header length | header (UTF-8 JSON) | ciphertext | 16-byte GCM tag
 * The whole prefix (magic to header) is the GCM additional data, so the clear header cannot be altered
 * either. The ciphertext is AES-256-GCM over a gzip stream of a SQLite database file.
 */
export const MAGIC = Buffer.from('MCBK', 'ascii');
export const FORMAT_VERSION = 1;
export const PREFIX_BYTES = MAGIC.length + 2 + 4;
export const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 64 * 1024;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const sealed = z.object({ iv: b64, tag: b64, data: b64 });

export const passphraseKeyBlockSchema = z.object({
  scheme: z.literal('passphrase'),
  kdf: z.object({ name: z.literal('scrypt'), salt: b64, N: z.number().int().min(1024).max(1 << 22), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16) }),
  /** X25519 public key (SPKI DER) the backup was sealed to. */
  publicKey: b64,
  /** The matching private key (PKCS#8 DER), AES-256-GCM under the scrypt-derived key. */
  wrappedPrivateKey: sealed,
  /** This backup's ephemeral X25519 public key; ECDH with the private key + HKDF gives the content key. */
  ephemeralPublicKey: b64,
  hkdfSalt: b64,
});
export const osKeyBlockSchema = z.object({
  scheme: z.literal('os'),
  /** First bytes of SHA-256 of the master key: says which installation's key is needed. */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  wrappedContentKey: sealed,
});
export const keyBlockSchema = z.discriminatedUnion('scheme', [passphraseKeyBlockSchema, osKeyBlockSchema]);
export type KeyBlock = z.infer<typeof keyBlockSchema>;
export type PassphraseKeyBlock = z.infer<typeof passphraseKeyBlockSchema>;
export type OsKeyBlock = z.infer<typeof osKeyBlockSchema>;

export const headerSchema = z.object({
  createdAt: z.string(),
  kind: z.enum(['daily', 'manual', 'before-restore']),
  appVersion: z.string().max(40),
  schemaVersion: z.number().int().min(0),
  cipher: z.literal('aes-256-gcm'),
  compression: z.literal('gzip'),
  iv: b64,
  key: keyBlockSchema,
});
export type BackupHeader = z.infer<typeof headerSchema>;

export function encodeHeader(h: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(h), 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt16BE(FORMAT_VERSION, 4);
  prefix.writeUInt32BE(json.length, 6);
  return Buffer.concat([prefix, json]);
}

const NOT_A_BACKUP = 'Tệp này không phải bản sao lưu của Một cửa Desk (hoặc đã hỏng phần đầu).';

/** Parses the clear prefix of a backup held in memory (the first bytes of the file are enough). */
export function decodeHeader(buf: Buffer): { header: BackupHeader; prefix: Buffer } {
  if (buf.length < PREFIX_BYTES || !buf.subarray(0, 4).equals(MAGIC)) throw new BackupError('not-a-backup', NOT_A_BACKUP);
  const version = buf.readUInt16BE(4);
  if (version !== FORMAT_VERSION) throw new BackupError('too-new', `Bản sao lưu dùng định dạng ${version}, phiên bản ứng dụng này chỉ đọc được định dạng ${FORMAT_VERSION}. Hãy cập nhật ứng dụng.`);
  const len = buf.readUInt32BE(6);
  if (len > MAX_HEADER_BYTES || buf.length < PREFIX_BYTES + len) throw new BackupError('not-a-backup', NOT_A_BACKUP);
  let parsed: unknown;
  try {
    parsed = JSON.parse(buf.subarray(PREFIX_BYTES, PREFIX_BYTES + len).toString('utf8'));
  } catch (e) {
    throw new BackupError('not-a-backup', NOT_A_BACKUP, { cause: e });
  }
  const header = headerSchema.safeParse(parsed);
  if (!header.success) throw new BackupError('not-a-backup', NOT_A_BACKUP, { cause: header.error });
  return { header: header.data, prefix: buf.subarray(0, PREFIX_BYTES + len) };
}

/** Reads only the header of a backup file (a few hundred bytes), e.g. to list backups without the key. */
export function readHeaderFile(file: string): { header: BackupHeader; prefix: Buffer; size: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(PREFIX_BYTES);
    fs.readSync(fd, head, 0, PREFIX_BYTES, 0);
    if (!head.subarray(0, 4).equals(MAGIC)) throw new BackupError('not-a-backup', NOT_A_BACKUP);
    const len = Math.min(head.readUInt32BE(6), MAX_HEADER_BYTES + 1);
    const all = Buffer.alloc(PREFIX_BYTES + len);
    fs.readSync(fd, all, 0, all.length, 0);
    const { header, prefix } = decodeHeader(all);
    if (size < prefix.length + TAG_BYTES) throw new BackupError('tampered', 'Tệp sao lưu bị cắt cụt (thiếu dữ liệu ở cuối).');
    return { header, prefix, size };
  } finally {
    fs.closeSync(fd);
  }
}
