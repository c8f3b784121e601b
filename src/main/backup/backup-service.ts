import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { BACKUP_FILE_RE, type BackupContents, type BackupEntry, type BackupKind, type BackupLocation, type BackupRunResult, type BackupStatus, type SecondCopyResult } from '../../shared/api/backup-contract';
import type { AppContext, Caller } from '../app/app-context';
import { SYSTEM_CALLER } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { mutate, writeAudit, type AuditInput } from '../audit/audit-log';
import { getSetting, setSetting } from '../settings/settings-store';
import { storageFailure } from '../api/dispatcher';
import { newSnapshotPath, removeBackupLeftovers } from './backup-work';
import { BackupError } from './backup-error';
import { encryptFile, verifyFile } from './crypto-stream';
import { checkFolderWritable, copyInto, folderProblem, listBackupFolder } from './folders';
import { readHeaderFile } from './format';
import { inspectDatabaseFile } from './inspect-db';
import { createPassphraseKeyring, passphraseMatches, passphraseOpener, type KeyProvider } from './keys';
import { createOsKeyring, currentOsOpener, currentSealer, osKeyAvailable, readKeyring, storedPassphraseKeyring, writeKeyring } from './keyring-store';
import { chooseBackupsToDelete } from './rotation';
import { cancelPendingRestore, readPendingRestore, stageRestore } from './restore';

export const BACKUP_SETTING_KEY = 'backup';
export interface BackupSettings {
  secondDir: string | null;
}

/** motcua-YYYYMMDD-HHmmss[-n]-kind.mcbk in local (+07:00) time: sorts by time, says what it is. */
export function backupFileName(now: Date, kind: BackupKind, taken: (name: string) => boolean): string {
  const stamp = isoLocal(now).slice(0, 19).replace(/-/g, '').replace('T', '-').replace(/:/g, '');
  for (let n = 1; n < 1000; n++) {
    const name = `motcua-${stamp}${n === 1 ? '' : `-${n}`}-${kind}.mcbk`;
    if (!taken(name)) return name;
  }
  throw new BackupError('busy', 'Quá nhiều bản sao lưu trong cùng một giây.');
}

export function localDay(d: Date): string {
  return isoLocal(d).slice(0, 10);
}

const NO_KEY = 'Chưa đặt mật khẩu sao lưu: vào Cài đặt › Sao lưu để đặt mật khẩu, rồi sao lưu lại.';

/** One per installation: runs backups one at a time and remembers the last outcome for the status screen. */
export class BackupService {
  private running: Promise<BackupRunResult> | null = null;
  private lastRun: BackupStatus['lastRun'] = null;
  constructor(private readonly app: AppContext) {}

  get primaryDir(): string {
    return this.app.paths.backups;
  }

  settings(): BackupSettings {
    return { secondDir: null, ...getSetting<BackupSettings>(this.app.db, BACKUP_SETTING_KEY) };
  }

  dirOf(location: BackupLocation): string | null {
    return location === 'primary' ? this.primaryDir : this.settings().secondDir;
  }

  status(): BackupStatus {
    const k = readKeyring(this.app.paths.root);
    const entries = listBackupFolder(this.primaryDir, 'primary');
    const pending = readPendingRestore(this.app.paths);
    return {
      keyScheme: k?.scheme ?? null,
      osKeyAvailable: osKeyAvailable(),
      primaryDir: this.primaryDir,
      secondDir: this.settings().secondDir,
      running: this.running !== null,
      lastRun: this.lastRun,
      todayDone: this.hasBackupForDay(localDay(this.app.clock.now())),
      count: entries.length,
      pendingRestore: pending ? { file: pending.file, createdAt: pending.createdAt, stagedAt: pending.stagedAt } : null,
    };
  }

  hasBackupForDay(day: string): boolean {
    return listBackupFolder(this.primaryDir, 'primary').some((e) => localDay(new Date(e.createdAt)) === day);
  }

  async list(): Promise<BackupEntry[]> {
    const primary = listBackupFolder(this.primaryDir, 'primary');
    const second = this.settings().secondDir;
    if (!second || !(await checkFolderWritable(second)).ok) return primary;
    return [...primary, ...listBackupFolder(second, 'second')].sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());
  }

  /** Runs a backup, or joins the one already running (the nightly timer and an admin's click can meet). */
  run(kind: BackupKind, caller: Caller = SYSTEM_CALLER): Promise<BackupRunResult> {
    if (this.running) return this.running;
    const p = this.runOnce(kind, caller).finally(() => {
      this.running = null;
    });
    this.running = p;
    return p;
  }

  private audit(caller: Caller, input: AuditInput): void {
    try {
      this.app.db.transaction(() => writeAudit(this.app.db, this.app.clock.now(), caller, input))();
    } catch (e) {
      this.app.log.error('backup audit not written', { error: e });
    }
  }

  private async runOnce(kind: BackupKind, caller: Caller): Promise<BackupRunResult> {
    const now = this.app.clock.now();
    // Only one backup runs at a time, so anything an earlier, interrupted one left is stale.
    let tmp: string | null = null;
    try {
      const sealer = currentSealer(this.app.paths.root);
      if (!sealer) throw new BackupError('no-key', NO_KEY);
      fs.mkdirSync(this.primaryDir, { recursive: true });
      removeBackupLeftovers(this.app.paths);
      tmp = newSnapshotPath(this.app.paths, uuidv7());
      // SQLite's online backup API: a consistent snapshot including the WAL, while the counters keep writing.
      await this.app.db.backup(tmp);
      const info = await inspectDatabaseFile(tmp);
      if (info.integrity !== 'ok') throw new BackupError('integrity', `Cơ sở dữ liệu đang dùng không toàn vẹn (${info.integrity.slice(0, 200)}); chưa ghi bản sao lưu. Hãy liên hệ hỗ trợ kỹ thuật.`);
      const name = backupFileName(now, kind, (n) => fs.existsSync(path.join(this.primaryDir, n)));
      const dest = path.join(this.primaryDir, name);
      const sealed = sealer.sealNewKey();
      const { size } = await encryptFile(tmp, dest, { createdAt: isoLocal(now), kind, appVersion: this.app.version, schemaVersion: info.schemaVersion }, sealed);
      // Read back what is on disk: a backup never read back is a hope, not a backup.
      await verifyFile(dest, sealed.contentKey);
      const entry: BackupEntry = { file: name, location: 'primary', createdAt: isoLocal(now), kind, size, schemaVersion: info.schemaVersion, appVersion: this.app.version };
      const deleted = this.rotate(this.primaryDir, 'primary');
      const secondCopy = await this.copyToSecond(dest);
      this.lastRun = { at: isoLocal(now), ok: true, message: `Đã sao lưu ${name}`, file: name, secondCopy };
      this.audit(caller, { action: 'backup.created', entity: 'backup', entityId: name, detail: { kind, size, secondCopy: secondCopy ? secondCopy.ok : null, deleted: deleted.length } });
      return { entry, secondCopy, deleted };
    } catch (e) {
      const message = e instanceof BackupError ? e.message : (storageFailure(e, this.app.paths.root) ?? `Sao lưu thất bại: ${(e as Error).message}`);
      this.lastRun = { at: isoLocal(now), ok: false, message, file: null, secondCopy: null };
      this.app.log.error('backup failed', { error: e });
      if (!(e instanceof BackupError && e.kind === 'no-key')) this.audit(caller, { action: 'backup.failed', entity: 'backup', detail: { kind, reason: e instanceof BackupError ? e.kind : ((e as { code?: string }).code ?? 'error') } });
      throw e;
    } finally {
      if (tmp) {
        fs.rmSync(tmp, { force: true });
        fs.rmSync(`${tmp}-journal`, { force: true });
      }
    }
  }

  private rotate(dir: string, location: BackupLocation): string[] {
    const doomed = chooseBackupsToDelete(listBackupFolder(dir, location));
    for (const f of doomed) fs.rmSync(path.join(dir, f), { force: true });
    return doomed;
  }

  private async copyToSecond(file: string): Promise<SecondCopyResult | null> {
    const dir = this.settings().secondDir;
    if (!dir) return null;
    const check = await checkFolderWritable(dir);
    if (!check.ok) return { ok: false, dir, message: check.message };
    try {
      await copyInto(file, dir);
      this.rotate(dir, 'second');
      return { ok: true, dir };
    } catch (e) {
      return { ok: false, dir, message: folderProblem(dir, e) };
    }
  }

  setPassphrase(caller: Caller, passphrase: string, current: string | undefined): void {
    const existing = readKeyring(this.app.paths.root);
    if (existing?.scheme === 'passphrase' && current !== undefined && !passphraseMatches(existing, current)) {
      throw new BackupError('wrong-passphrase', 'Mật khẩu sao lưu hiện tại không đúng.');
    }
    // A new key pair, not just a re-wrapped one: a leaked old passphrase must not open future backups.
    const keyring = storedPassphraseKeyring(createPassphraseKeyring(passphrase), isoLocal(this.app.clock.now()));
    mutate(this.app, caller, { action: 'backup.key.set', entity: 'backup', detail: { scheme: 'passphrase', replaced: existing?.scheme ?? null } }, () => {
      writeKeyring(this.app.paths.root, keyring);
    });
  }

  useOsKey(caller: Caller): void {
    const existing = readKeyring(this.app.paths.root);
    const keyring = createOsKeyring(isoLocal(this.app.clock.now()));
    mutate(this.app, caller, { action: 'backup.key.set', entity: 'backup', detail: { scheme: 'os', replaced: existing?.scheme ?? null } }, () => {
      writeKeyring(this.app.paths.root, keyring);
    });
  }

  async setSecondDir(caller: Caller, dir: string | null): Promise<{ dir: string | null; reachable: boolean; message: string | null }> {
    const check = dir ? await checkFolderWritable(dir) : ({ ok: true } as const);
    mutate(this.app, caller, { action: 'backup.secondDir.set', entity: 'backup', detail: { configured: dir !== null } }, () => {
      setSetting(this.app.db, BACKUP_SETTING_KEY, { ...this.settings(), secondDir: dir });
    });
    return { dir, reachable: check.ok, message: check.ok ? null : check.message };
  }

  /** The key that opens a given backup: the passphrase, or this PC's OS-protected key. */
  openerFor(passphrase: string | undefined): KeyProvider {
    if (passphrase !== undefined && passphrase !== '') return passphraseOpener(passphrase);
    const os = currentOsOpener(this.app.paths.root);
    if (os) return os;
    throw new BackupError('wrong-passphrase', 'Nhập mật khẩu sao lưu để khôi phục.');
  }

  resolveFile(file: string, location: BackupLocation): string {
    const dir = this.dirOf(location);
    if (!BACKUP_FILE_RE.test(file) || !dir) throw new BackupError('not-found', 'Không tìm thấy bản sao lưu này.');
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) throw new BackupError('not-found', `Không tìm thấy tệp sao lưu ${file}.`);
    return full;
  }

  /**
   * Prepares a restore to be applied at the next start. The current database is backed up first
   * (kind "before-restore"), so the restore itself can be undone from the list.
   */
  async stageRestore(caller: Caller, file: string, location: BackupLocation, passphrase: string | undefined): Promise<BackupContents> {
    const full = this.resolveFile(file, location);
    const opener = this.openerFor(passphrase);
    // Check the key on this file before anything else, so a typo costs no backup.
    opener.openKey(readHeaderFile(full).header.key);
    await this.run('before-restore', caller);
    const contents = await stageRestore(this.app.paths, full, opener, this.app.clock.now(), caller.username);
    this.audit(caller, { action: 'backup.restore.staged', entity: 'backup', entityId: file, detail: { location, schemaVersion: contents.schemaVersion } });
    return contents;
  }

  cancelRestore(caller: Caller): void {
    if (cancelPendingRestore(this.app.paths)) this.audit(caller, { action: 'backup.restore.cancelled', entity: 'backup' });
  }
}

const services = new WeakMap<AppContext, BackupService>();
export function backupService(app: AppContext): BackupService {
  let s = services.get(app);
  if (!s) services.set(app, (s = new BackupService(app)));
  return s;
}
