import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { lockDataFolder } from '../../../src/main/app/data-folder-lock';
import { openCoreAt, auditActions, PASSPHRASE } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');

function usernames(t: Awaited<ReturnType<typeof openCoreAt>>): string[] {
  return (t.core.app.db.prepare('SELECT username FROM users ORDER BY username').all() as { username: string }[]).map((r) => r.username);
}

/** Hash of every file under a folder (names and bytes): "nothing changed" made checkable. */
function folderHash(dir: string): string {
  const h = crypto.createHash('sha256');
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(path.relative(dir, p)).update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

function runCli(cli: string, args: string[], stdin: string, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), MOTCUA_BACKUP_PASSPHRASE: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('exit', (code) => resolve({ code: code ?? -1, out, err }));
    child.stdin.end(stdin);
  });
}

describe('restoring a backup', () => {
  const tmp = makeTempDir('motcua-restore-');
  const dataDir = path.join(tmp.dir, 'data');
  let t: Awaited<ReturnType<typeof openCoreAt>>;
  let admin: string;
  let first: string;

  beforeAll(async () => {
    t = await openCoreAt(dataDir);
    admin = await t.setUp();
    await t.must('backup.setPassphrase', { passphrase: PASSPHRASE }, admin);
    await t.must('users.create', { username: 'truoc', fullName: 'Người Trước', role: 'clerk', password: 'matkhau-truoc-1' }, admin);
    first = (await t.must('backup.run', {}, admin)).entry.file;
    await t.must('users.create', { username: 'sau', fullName: 'Người Sau', role: 'clerk', password: 'matkhau-sau-11' }, admin);
  });
  afterAll(() => {
    t.close();
    tmp.cleanup();
  });

  it('accepts only a backup name, never a path', async () => {
    for (const file of ['../motcua.sqlite', '/etc/passwd', 'motcua-20240101-000000-daily.mcbk/../../x']) {
      const r = await t.call('backup.restore', { file, passphrase: PASSPHRASE }, admin);
      expect(!r.ok && r.error.code).toBe('VALIDATION');
    }
    const missing = await t.call('backup.restore', { file: 'motcua-20200101-000000-daily.mcbk', passphrase: PASSPHRASE }, admin);
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('checks the passphrase before doing anything', async () => {
    const before = (await t.must('backup.list', {}, admin)).length;
    const r = await t.call('backup.restore', { file: first, passphrase: 'mật khẩu sai rồi nhé' }, admin);
    expect(!r.ok && r.error.code).toBe('VALIDATION');
    expect(!r.ok && r.error.fields?.passphrase).toContain('không đúng');
    expect((await t.must('backup.list', {}, admin)).length).toBe(before);
    expect((await t.must('backup.status', {}, admin)).pendingRestore).toBeNull();
  });

  it('stages a restore (after backing up the current data) and can cancel it', async () => {
    const r = await t.must('backup.restore', { file: first, passphrase: PASSPHRASE }, admin);
    expect(r.restartRequired).toBe(true);
    expect(r.contents.tables.find((x) => x.name === 'users')?.rows).toBe(2);
    const status = await t.must('backup.status', {}, admin);
    expect(status.pendingRestore).toMatchObject({ file: first });
    const list = await t.must('backup.list', {}, admin);
    expect(list.filter((e) => e.kind === 'before-restore')).toHaveLength(1);
    await t.must('backup.cancelRestore', {}, admin);
    expect((await t.must('backup.status', {}, admin)).pendingRestore).toBeNull();
    expect(auditActions(t.core.app.db)).toEqual(expect.arrayContaining(['backup.restore.staged', 'backup.restore.cancelled']));
  });

  it('puts the backup in place at the next start, audited, and the restore can itself be undone', async () => {
    await t.must('backup.restore', { file: first, passphrase: PASSPHRASE }, admin);
    const undo = (await t.must('backup.list', {}, admin)).find((e) => e.kind === 'before-restore')!;
    expect(usernames(t)).toContain('sau');
    t.close();
    t = await openCoreAt(dataDir);
    expect(usernames(t)).toEqual(['quantri', 'truoc']);
    expect(auditActions(t.core.app.db).at(-1)).toBe('backup.restored');
    admin = await t.login();
    expect((await t.must('audit.verify', {}, admin)).intact).toBe(true);
    expect((await t.must('backup.status', {}, admin)).pendingRestore).toBeNull();
    // The newest before-restore backup holds the data as it was just before: restoring it brings "sau" back.
    const newestUndo = (await t.must('backup.list', {}, admin)).filter((e) => e.kind === 'before-restore')[0];
    expect(new Date(newestUndo.createdAt).getTime()).toBeGreaterThanOrEqual(new Date(undo.createdAt).getTime());
    await t.must('backup.restore', { file: newestUndo.file, passphrase: PASSPHRASE }, admin);
    t.close();
    t = await openCoreAt(dataDir);
    expect(usernames(t)).toEqual(['quantri', 'sau', 'truoc']);
    admin = await t.login();
  });

  describe('from the command line', () => {
    let cli: string;
    beforeAll(async () => {
      cli = path.join(tmp.dir, 'backup-cli.cjs');
      await build({ entryPoints: [path.join(ROOT, 'src/main/backup/cli.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', outfile: cli, logLevel: 'warning' });
    });

    it('prints usage and exits 2 without the required options', async () => {
      const r = await runCli(cli, ['restore', '--data-dir', dataDir], '');
      expect(r.code).toBe(2);
      expect(r.err).toContain('--file');
    });

    it('--dry-run shows schema version, created time and rows per table, and changes nothing', async () => {
      t.close();
      const before = folderHash(dataDir);
      const file = path.join(dataDir, 'backups', first);
      const r = await runCli(cli, ['restore', '--data-dir', dataDir, '--file', file, '--dry-run'], `${PASSPHRASE}\n`);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Tạo lúc: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00/);
      expect(r.out).toMatch(/Lược đồ cơ sở dữ liệu: \d+/);
      expect(r.out).toMatch(/^\s+users\s+2$/m);
      expect(r.out).toContain('không thay đổi gì');
      expect(folderHash(dataDir)).toBe(before);
      t = await openCoreAt(dataDir);
    });

    it('refuses a wrong passphrase with a clear message', async () => {
      t.close();
      const r = await runCli(cli, ['restore', '--data-dir', dataDir, '--file', path.join(dataDir, 'backups', first), '--dry-run'], 'sai mật khẩu\n');
      expect(r.code).toBe(1);
      expect(r.err).toContain('Mật khẩu sao lưu không đúng');
      t = await openCoreAt(dataDir);
    });

    it('refuses to restore under a running app, then restores into a fresh folder', async () => {
      // This test process stands in for a running office server on dataDir: it holds the folder's OS lock.
      const held = lockDataFolder(dataDir);
      const busy = await runCli(cli, ['restore', '--data-dir', dataDir, '--file', path.join(dataDir, 'backups', first)], '', { MOTCUA_BACKUP_PASSPHRASE: PASSPHRASE });
      held.release();
      expect(busy.code).toBe(3);
      expect(busy.err).toContain('đang chạy');
      expect(busy.err).toContain(`tiến trình ${process.pid}`);

      // A new PC: only the backup file (e.g. from the USB stick) and the passphrase.
      const fresh = path.join(tmp.dir, 'new-pc');
      const usbCopy = path.join(tmp.dir, first);
      fs.copyFileSync(path.join(dataDir, 'backups', first), usbCopy);
      const r = await runCli(cli, ['restore', '--data-dir', fresh, '--file', usbCopy], '', { MOTCUA_BACKUP_PASSPHRASE: PASSPHRASE });
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain('Đã khôi phục');
      const restored = await openCoreAt(fresh);
      try {
        expect(usernames(restored)).toEqual(['quantri', 'truoc']);
        expect((await restored.must('auth.login', { username: 'truoc', password: 'matkhau-truoc-1' })).user.fullName).toBe('Người Trước');
      } finally {
        restored.close();
      }
    });
  });
});
