import fs from 'node:fs';
import type { RecoveryStatus } from '../../shared/api/security-contract';
import type { DataPaths } from '../app/paths';
import type { Logger } from '../app/logger';
import { BackupError } from '../backup/backup-error';
import { listBackupFolder } from '../backup/folders';
import { readHeaderFile } from '../backup/format';
import { passphraseOpener, type KeyProvider } from '../backup/keys';
import { currentOsOpener } from '../backup/keyring-store';
import { stageRestore } from '../backup/restore';

function writable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function recoveryStatus(paths: DataPaths, problem: string): RecoveryStatus {
  return {
    mode: 'recovery',
    problem,
    dataDirWritable: writable(paths.root),
    backups: listBackupFolder(paths.backups, 'primary').map(({ file, location, createdAt, size }) => ({ file, location, createdAt, size })),
  };
}

/**
 * Finds the newest backup that decrypts and passes the integrity check, and stages it; the next
 * startCore puts it in place (moving the damaged files aside) and audits the restore.
 * Older backups are tried when a newer one is damaged or was sealed under an earlier passphrase.
 */
export async function stageLatestGoodBackup(paths: DataPaths, passphrase: string, log: Logger, now: Date): Promise<{ restoredFrom: string; createdAt: string }> {
  const candidates = listBackupFolder(paths.backups, 'primary');
  if (!candidates.length) throw new BackupError('not-found', 'Không có bản sao lưu nào trong thư mục dữ liệu. Hãy dùng lệnh backup-cli với tệp sao lưu từ ổ USB hoặc thư mục mạng.');
  const byPassphrase = passphraseOpener(passphrase);
  const os = currentOsOpener(paths.root);
  const failures: string[] = [];
  let wrongPassphraseOnly = true;
  for (const c of candidates) {
    const file = `${paths.backups}/${c.file}`;
    try {
      const keys: KeyProvider = readHeaderFile(file).header.key.scheme === 'os' && os ? os : byPassphrase;
      const contents = await stageRestore(paths, file, keys, now, 'recovery');
      log.info('recovery staged a backup', { file: c.file, tried: failures.length + 1 });
      return { restoredFrom: c.file, createdAt: contents.createdAt };
    } catch (e) {
      if (!(e instanceof BackupError)) throw e;
      if (e.kind !== 'wrong-passphrase') wrongPassphraseOnly = false;
      failures.push(`${c.file}: ${e.message}`);
      log.warn('recovery candidate refused', { file: c.file, kind: e.kind });
    }
  }
  if (wrongPassphraseOnly) throw new BackupError('wrong-passphrase', 'Mật khẩu sao lưu không đúng.');
  throw new BackupError('integrity', `Không bản sao lưu nào dùng được: ${failures.slice(0, 3).join('; ')}`);
}
