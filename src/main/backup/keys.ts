import crypto from 'node:crypto';
import { BackupError } from './backup-error';
import type { KeyBlock, OsKeyBlock, PassphraseKeyBlock } from './format';

/** A 256-bit key for one backup file and the header block that lets the secret's holder recover it. */
export interface SealedKey {
  contentKey: Buffer;
  keyBlock: KeyBlock;
}

/**
 * Where backup keys come from. Sealing runs unattended (the nightly backup has nobody to type a
 * passphrase); opening needs the secret: the administrator's passphrase, or the OS-protected key.
 */
export interface KeyProvider {
  readonly scheme: 'passphrase' | 'os';
  sealNewKey(): SealedKey;
  openKey(block: KeyBlock): Buffer;
}

/** The desktop side protects a random master key with the OS (Electron safeStorage: DPAPI, Keychain, libsecret). */
export interface OsKeyProtector {
  protect(plain: Buffer): Buffer;
  unprotect(protectedKey: Buffer): Buffer;
}

type Sealed = { iv: string; tag: string; data: string };

function gcmSeal(key: Buffer, plain: Buffer, aad: string): Sealed {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const data = Buffer.concat([c.update(plain), c.final()]);
  return { iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function gcmOpen(key: Buffer, s: Sealed, aad: string): Buffer | null {
  try {
    const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'base64'));
    d.setAAD(Buffer.from(aad));
    d.setAuthTag(Buffer.from(s.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(s.data, 'base64')), d.final()]);
  } catch {
    return null;
  }
}

// --- Passphrase scheme --------------------------------------------------------------------------

/**
 * scrypt N=2^16, r=8 (64 MiB): about 0.3 s on an office PC, so an offline guess costs the same.
 * Parameters are stored with every keyring and backup, so they can be raised later.
 */
export const DEFAULT_KDF = { N: 1 << 16, r: 8, p: 1 };
const WRAP_AAD = 'motcua-backup-private-key-v1';
const HKDF_INFO = 'motcua-backup-content-key-v1';

/** Kept in the data folder (not in the database, so a corrupt database does not lose it). */
export interface PassphraseKeyring {
  scheme: 'passphrase';
  kdf: PassphraseKeyBlock['kdf'];
  /** SHA-256 of the second half of the scrypt output: checks a passphrase without unwrapping anything. */
  verifier: string;
  publicKey: string;
  wrappedPrivateKey: Sealed;
}

function derive(passphrase: string, kdf: PassphraseKeyBlock['kdf']): { kek: Buffer; verifier: string } {
  const out = crypto.scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 64, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * 1024 * 1024 });
  return { kek: out.subarray(0, 32), verifier: crypto.createHash('sha256').update(out.subarray(32)).digest('hex') };
}

/** A fresh X25519 key pair whose private half only the passphrase unlocks. */
export function createPassphraseKeyring(passphrase: string, cost: { N: number; r: number; p: number } = DEFAULT_KDF): PassphraseKeyring {
  const kdf = { name: 'scrypt' as const, salt: crypto.randomBytes(16).toString('base64'), ...cost };
  const { kek, verifier } = derive(passphrase, kdf);
  const pair = crypto.generateKeyPairSync('x25519');
  const privateDer = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
  return {
    scheme: 'passphrase',
    kdf,
    verifier,
    publicKey: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    wrappedPrivateKey: gcmSeal(kek, privateDer, WRAP_AAD),
  };
}

export function passphraseMatches(keyring: PassphraseKeyring, passphrase: string): boolean {
  const { verifier } = derive(passphrase, keyring.kdf);
  return crypto.timingSafeEqual(Buffer.from(verifier, 'hex'), Buffer.from(keyring.verifier, 'hex'));
}

function contentKeyFrom(shared: Buffer, salt: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', shared, salt, HKDF_INFO, 32));
}

/** Seals with the public key only, so unattended backups never need the passphrase in memory. */
export function passphraseSealer(keyring: PassphraseKeyring): KeyProvider {
  return {
    scheme: 'passphrase',
    sealNewKey() {
      const eph = crypto.generateKeyPairSync('x25519');
      const publicKey = crypto.createPublicKey({ key: Buffer.from(keyring.publicKey, 'base64'), format: 'der', type: 'spki' });
      const hkdfSalt = crypto.randomBytes(16);
      const contentKey = contentKeyFrom(crypto.diffieHellman({ privateKey: eph.privateKey, publicKey }), hkdfSalt);
      return {
        contentKey,
        keyBlock: {
          scheme: 'passphrase',
          kdf: keyring.kdf,
          publicKey: keyring.publicKey,
          wrappedPrivateKey: keyring.wrappedPrivateKey,
          ephemeralPublicKey: eph.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
          hkdfSalt: hkdfSalt.toString('base64'),
        },
      };
    },
    openKey() {
      throw new BackupError('wrong-passphrase', 'Cần mật khẩu sao lưu để mở bản sao lưu.');
    },
  };
}

/**
 * Opens backups sealed under the passphrase scheme. Every backup carries its own wrapped private key,
 * so a backup restores on a new PC with nothing but the passphrase.
 */
export function passphraseOpener(passphrase: string): KeyProvider {
  const kekCache = new Map<string, Buffer>();
  return {
    scheme: 'passphrase',
    sealNewKey() {
      throw new Error('passphraseOpener does not seal');
    },
    openKey(block) {
      if (block.scheme !== 'passphrase') throw new BackupError('wrong-key', 'Bản sao lưu này được bảo vệ bằng khoá của hệ điều hành trên máy đã tạo nó, không phải bằng mật khẩu.');
      const cacheKey = `${block.kdf.salt}|${block.kdf.N}|${block.kdf.r}|${block.kdf.p}`;
      let kek = kekCache.get(cacheKey);
      if (!kek) {
        kek = derive(passphrase, block.kdf).kek;
        kekCache.set(cacheKey, kek);
      }
      const privateDer = gcmOpen(kek, block.wrappedPrivateKey, WRAP_AAD);
      if (!privateDer) throw new BackupError('wrong-passphrase', 'Mật khẩu sao lưu không đúng (với bản sao lưu này).');
      const privateKey = crypto.createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' });
      const ephemeral = crypto.createPublicKey({ key: Buffer.from(block.ephemeralPublicKey, 'base64'), format: 'der', type: 'spki' });
      return contentKeyFrom(crypto.diffieHellman({ privateKey, publicKey: ephemeral }), Buffer.from(block.hkdfSalt, 'base64'));
    },
  };
}

// --- OS-protected scheme ------------------------------------------------------------------------

const OS_WRAP_AAD = 'motcua-backup-content-key-os-v1';

export function osKeyId(masterKey: Buffer): string {
  return crypto.createHash('sha256').update(masterKey).digest('hex').slice(0, 16);
}

/** A random 256-bit master key (kept OS-protected on disk) wraps each backup's random content key. */
export function osKeyProvider(masterKey: Buffer): KeyProvider {
  const keyId = osKeyId(masterKey);
  return {
    scheme: 'os',
    sealNewKey() {
      const contentKey = crypto.randomBytes(32);
      const block: OsKeyBlock = { scheme: 'os', keyId, wrappedContentKey: gcmSeal(masterKey, contentKey, OS_WRAP_AAD) };
      return { contentKey, keyBlock: block };
    },
    openKey(block) {
      if (block.scheme !== 'os') throw new BackupError('wrong-passphrase', 'Bản sao lưu này cần mật khẩu sao lưu.');
      if (block.keyId !== keyId) throw new BackupError('wrong-key', 'Bản sao lưu này được tạo trên máy khác (khoá của hệ điều hành khác); không mở được ở đây.');
      const key = gcmOpen(masterKey, block.wrappedContentKey, OS_WRAP_AAD);
      if (!key) throw new BackupError('tampered', 'Khoá trong bản sao lưu bị sửa đổi.');
      return key;
    },
  };
}
