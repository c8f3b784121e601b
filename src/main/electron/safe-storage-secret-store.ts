import { safeStorage } from 'electron';
import { SecretUnavailableError, type SecretStore } from '../sync/secret-store';

const PREFIX = 'os:v1:';

/**
 * The sync password sealed by the OS key store (DPAPI / Keychain / libsecret) through Electron's
 * safeStorage. Null when the platform offers no real key store: on Linux without a keyring,
 * Electron falls back to a hard-coded key ("basic_text"), which is no better than the data
 * folder's key file, so the caller keeps the file-key store instead. Call after `app` is ready.
 */
export function safeStorageSecretStore(platform: NodeJS.Platform = process.platform): SecretStore | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    scheme: 'os',
    seal: (plain) => PREFIX + safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => {
      if (!sealed.startsWith(PREFIX)) throw new SecretUnavailableError('Mật khẩu đồng bộ đã lưu không đúng định dạng; quản trị hãy nhập lại.');
      try {
        return safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'));
      } catch {
        throw new SecretUnavailableError('Kho khoá của máy tính không mở được mật khẩu đồng bộ (đã đổi người dùng Windows?); quản trị hãy nhập lại mật khẩu.');
      }
    },
  };
}
