import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { ADMIN } from '../../support/core';
import { decryptFile } from '../../../src/main/backup/crypto-stream';
import { passphraseOpener } from '../../../src/main/backup/keys';
import { readHeaderFile } from '../../../src/main/backup/format';
import { startBackupScheduler } from '../../../src/main/backup/scheduler';
import { backupService } from '../../../src/main/backup/backup-service';
import { openCoreAt, auditActions, tableCounts, PASSPHRASE } from './helpers';

describe('encrypted online backups', () => {
  const tmp = makeTempDir('motcua-backup-');
  const dataDir = path.join(tmp.dir, 'data');
  let t: Awaited<ReturnType<typeof openCoreAt>>;
  let admin: string;
  beforeAll(async () => {
    t = await openCoreAt(dataDir);
    admin = await t.setUp();
  });
  afterAll(() => {
    t.close();
    tmp.cleanup();
  });

  it('refuses to back up before a backup passphrase is set, saying what to do', async () => {
    const status = await t.must('backup.status', {}, admin);
    expect(status.keyScheme).toBeNull();
    const r = await t.call('backup.run', {}, admin);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_STATE');
      expect(r.error.message).toContain('Chưa đặt mật khẩu sao lưu');
    }
    const short = await t.call('backup.setPassphrase', { passphrase: 'ngắn' }, admin);
    expect(!short.ok && short.error.fields?.passphrase).toMatch(/ít nhất 10 ký tự/);
  });

  it('keeps only a verifier and a wrapped key on disk, never the passphrase', async () => {
    await t.must('backup.setPassphrase', { passphrase: PASSPHRASE }, admin);
    const keyring = fs.readFileSync(path.join(dataDir, 'backup-key.json'), 'utf8');
    expect(keyring).not.toContain(PASSPHRASE);
    expect(JSON.parse(keyring)).toMatchObject({ scheme: 'passphrase', verifier: expect.stringMatching(/^[0-9a-f]{64}$/), wrappedPrivateKey: { iv: expect.any(String), tag: expect.any(String), data: expect.any(String) } });
    expect((await t.must('backup.status', {}, admin)).keyScheme).toBe('passphrase');
    // Replacing it with a wrong "current" passphrase is refused.
    const wrong = await t.call('backup.setPassphrase', { passphrase: 'mật khẩu mới dài đủ', currentPassphrase: 'không phải nó đâu' }, admin);
    expect(!wrong.ok && wrong.error.code).toBe('VALIDATION');
  });

  it('writes an encrypted file that holds the same data as the live database', async () => {
    await t.must('users.create', { username: 'canbo1', fullName: 'Trần Thị Cán Bộ', role: 'clerk', password: 'matkhau-canbo-1' }, admin);
    const live = tableCounts(t.core.app.db);
    const r = await t.must('backup.run', {}, admin);
    expect(r.entry.file).toMatch(/^motcua-\d{8}-\d{6}-manual\.mcbk$/);
    expect(r.secondCopy).toBeNull();
    const file = path.join(dataDir, 'backups', r.entry.file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 4).toString()).toBe('MCBK');
    // Neither SQLite's header nor any personal data is readable in the file.
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('Trần Thị Cán Bộ'))).toBe(false);
    expect(bytes.includes(Buffer.from('canbo1'))).toBe(false);
    const { header } = readHeaderFile(file);
    expect(header).toMatchObject({ kind: 'manual', cipher: 'aes-256-gcm', appVersion: t.core.app.version, key: { scheme: 'passphrase' } });
    expect(header.createdAt).toMatch(/\+07:00$/);

    const plain = path.join(tmp.dir, 'plain.sqlite');
    await decryptFile(file, plain, passphraseOpener(PASSPHRASE));
    const copy = new BetterSqlite3(plain, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(tableCounts(copy)).toEqual(live);
    expect(copy.prepare('SELECT full_name FROM users WHERE username = ?').get('canbo1')).toEqual({ full_name: 'Trần Thị Cán Bộ' });
    copy.close();

    const list = await t.must('backup.list', {}, admin);
    expect(list.map((e) => e.file)).toContain(r.entry.file);
    expect(auditActions(t.core.app.db)).toContain('backup.created');
    const status = await t.must('backup.status', {}, admin);
    expect(status).toMatchObject({ todayDone: true, lastRun: { ok: true, file: r.entry.file } });
  });

  it('refuses a wrong passphrase, a flipped ciphertext byte and an edited header', async () => {
    const [latest] = await t.must('backup.list', {}, admin);
    const file = path.join(dataDir, 'backups', latest.file);
    const out = path.join(tmp.dir, 'x.sqlite');
    await expect(decryptFile(file, out, passphraseOpener('mật khẩu sai hoàn toàn'))).rejects.toThrow('Mật khẩu sao lưu không đúng');

    const original = fs.readFileSync(file);
    const flipped = Buffer.from(original);
    flipped[Math.floor(flipped.length * 0.6)] ^= 0x01;
    const bad1 = path.join(tmp.dir, 'flipped.mcbk');
    fs.writeFileSync(bad1, flipped);
    await expect(decryptFile(bad1, out, passphraseOpener(PASSPHRASE))).rejects.toThrow('bị sửa đổi');
    expect(fs.existsSync(out)).toBe(false);

    // The clear header is authenticated too: changing the stated time breaks the tag.
    const edited = Buffer.from(original.toString('latin1').replace(/"createdAt":"(\d{4})/, (_m, y: string) => `"createdAt":"${Number(y) - 1}`), 'latin1');
    expect(edited.equals(original)).toBe(false);
    const bad2 = path.join(tmp.dir, 'edited.mcbk');
    fs.writeFileSync(bad2, edited);
    await expect(decryptFile(bad2, out, passphraseOpener(PASSPHRASE))).rejects.toThrow('bị sửa đổi');
  });

  it('copies to a second folder, and says clearly when that folder is not reachable', async () => {
    const usb = path.join(tmp.dir, 'usb');
    const set = await t.must('backup.setSecondDir', { dir: usb }, admin);
    expect(set).toMatchObject({ dir: usb, reachable: false });
    expect(set.message).toContain('Không tìm thấy thư mục sao lưu');
    const missing = await t.must('backup.run', {}, admin);
    expect(missing.secondCopy).toMatchObject({ ok: false, dir: usb });
    expect(missing.secondCopy && !missing.secondCopy.ok && missing.secondCopy.message).toMatch(/Ổ USB đã cắm chưa/);
    expect(fs.existsSync(path.join(dataDir, 'backups', missing.entry.file))).toBe(true);

    fs.mkdirSync(usb);
    const ok = await t.must('backup.run', {}, admin);
    expect(ok.secondCopy).toEqual({ ok: true, dir: usb });
    expect(fs.readFileSync(path.join(usb, ok.entry.file)).equals(fs.readFileSync(path.join(dataDir, 'backups', ok.entry.file)))).toBe(true);
    expect(fs.readdirSync(usb).some((n) => n.endsWith('.partial'))).toBe(false);
    const list = await t.must('backup.list', {}, admin);
    expect(list.filter((e) => e.location === 'second').map((e) => e.file)).toEqual([ok.entry.file]);
    await t.must('backup.setSecondDir', { dir: null }, admin);
  });

  it('backs up while the counters keep writing (online, consistent)', async () => {
    const writes = Array.from({ length: 5 }, (_, i) => t.must('users.create', { username: `song${i}`, fullName: `Người Song ${i}`, role: 'clerk', password: 'matkhau-song-1' }, admin));
    const [r] = await Promise.all([t.must('backup.run', {}, admin), ...writes]);
    const plain = path.join(tmp.dir, 'online.sqlite');
    await decryptFile(path.join(dataDir, 'backups', r.entry.file), plain, passphraseOpener(PASSPHRASE));
    const copy = new BetterSqlite3(plain, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    // Whatever the snapshot caught, users and their audit entries moved together.
    const users = (copy.prepare("SELECT count(*) n FROM users WHERE username LIKE 'song%'").get() as { n: number }).n;
    const audits = (copy.prepare("SELECT count(*) n FROM audit_log WHERE action = 'users.create' AND entity_id IN (SELECT id FROM users WHERE username LIKE 'song%')").get() as { n: number }).n;
    expect(audits).toBe(users);
    copy.close();
  });

  it('runs the daily backup when today has none, once a day, and rotates old files', async () => {
    const scheduler = startBackupScheduler(t.core.app, { runAtStart: false, everyMs: 3_600_000 });
    try {
      expect(await scheduler.checkNow()).toBe('already-done');
      const start = new Date('2031-03-01T09:00:00+07:00');
      const names: string[] = [];
      for (let day = 0; day < 16; day++) {
        t.clock.set(new Date(start.getTime() + day * 86_400_000));
        expect(await scheduler.checkNow()).toBe('ran');
        expect(await scheduler.checkNow()).toBe('already-done');
        // (the admin's 12-hour session has long expired at these dates: ask the service directly)
        names.push(backupService(t.core.app).status().lastRun!.file!);
      }
      expect(names[0]).toMatch(/^motcua-20310301-090000-daily\.mcbk$/);
      const files = fs.readdirSync(path.join(dataDir, 'backups')).filter((n) => n.endsWith('.mcbk'));
      // The 14 most recent days are kept; the two oldest March days go (March's newest already stands for the month).
      for (const n of names.slice(-14)) expect(files).toContain(n);
      expect(files).not.toContain(names[0]);
      expect(files).not.toContain(names[1]);
    } finally {
      scheduler.stop();
      t.clock.set(new Date());
    }
  });

  it('does nothing on schedule without a key', async () => {
    const other = await openCoreAt(path.join(tmp.dir, 'nokey'));
    const s = startBackupScheduler(other.core.app, { runAtStart: false });
    try {
      expect(await s.checkNow()).toBe('no-key');
      expect(fs.readdirSync(path.join(tmp.dir, 'nokey', 'backups')).filter((n) => n.endsWith('.mcbk'))).toEqual([]);
    } finally {
      s.stop();
      other.close();
    }
  });

  it('keeps the administrator account usable after all this (sanity of the live database)', async () => {
    expect((await t.must('auth.login', { username: ADMIN.username, password: ADMIN.password })).user.role).toBe('admin');
    expect(t.core.app.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
