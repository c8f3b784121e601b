import { safeStorage } from 'electron';
import type { OsKeyProtector } from '../backup/keys';

/**
 * Protects the random backup master key with the OS key store (DPAPI / Keychain / libsecret) through
 * Electron's safeStorage. Null where there is no real key store (Linux "basic_text" uses a hard-coded
 * key): the administrator then uses a backup passphrase. Call after `app` is ready.
 */
export function safeStorageKeyProtector(platform: NodeJS.Platform = process.platform): OsKeyProtector | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    // safeStorage works on strings: the 32-byte key travels as base64.
    protect: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unprotect: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
