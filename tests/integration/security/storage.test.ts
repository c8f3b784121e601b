import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { silentLogger } from '../../../src/main/app/logger';
import { startOfficeProcess } from '../../../src/main/server/start';
import { httpCall } from '../../support/server-process';
import { ADMIN } from '../../support/core';
import { openCoreAt, dumpHash, PASSPHRASE } from './helpers';
import { forceKernelReadOnly, mountExt4, mountTmpfs, repairExt4, unmount } from './mounts';

const FULL = 'Ổ đĩa đã đầy: chưa lưu được. Dữ liệu đã lưu trước đó vẫn an toàn. Hãy giải phóng dung lượng rồi thử lại.';
const READ_ONLY = 'Thư mục dữ liệu chỉ cho đọc: chưa lưu được. Kiểm tra quyền ghi của thư mục dữ liệu.';
const newUser = (n: string) => ({ username: `moi${n}`, fullName: `Người Mới ${n}`, role: 'clerk' as const, password: 'matkhau-moi-12' });

const tmp = makeTempDir('motcua-storage-');
const mounted: string[] = [];
afterAll(() => {
  for (const m of mounted.reverse()) unmount(m);
  tmp.cleanup();
});

/** Fills a file system until the kernel says ENOSPC; returns the filler to delete later. */
function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (e) {
    expect((e as { code?: string }).code).toBe('ENOSPC');
  }
  const small = Buffer.alloc(512, 1);
  try {
    for (;;) fs.writeSync(fd, small);
  } catch {
    // now truly full
  }
  fs.closeSync(fd);
  return filler;
}

const tmpfsDir = path.join(tmp.dir, 'tmpfs');
const tmpfsOk = mountTmpfs(tmpfsDir, '8m');
if (tmpfsOk) mounted.push(tmpfsDir);

describe(tmpfsOk ? 'a full disk (real 8 MB tmpfs filled to ENOSPC)' : 'a full database (simulated with PRAGMA max_page_count: mounting refused here)', () => {
  it('answers the clear Vietnamese STORAGE message, writes nothing, keeps saved data, and works again when space returns', async () => {
    const dataDir = path.join(tmpfsOk ? tmpfsDir : tmp.dir, 'data-full');
    const t = await openCoreAt(dataDir);
    try {
      const admin = await t.setUp();
      await t.must('users.create', newUser('1'), admin);
      await t.must('backup.setPassphrase', { passphrase: PASSPHRASE }, admin);
      const db = t.core.app.db;
      // An empty WAL: the next commit must grow a file, which is what a full disk refuses.
      db.pragma('wal_checkpoint(TRUNCATE)');
      let release: () => void;
      if (tmpfsOk) {
        const filler = fillDisk(tmpfsDir);
        release = () => fs.rmSync(filler);
      } else {
        const pages = db.pragma('page_count', { simple: true }) as number;
        db.pragma(`max_page_count = ${pages}`);
        release = () => db.pragma('max_page_count = 1073741823');
        // The simulation must bite: one more page of data is refused.
        expect(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('probe', 'x'.repeat(8192))).toThrow();
      }
      const before = dumpHash(db);

      const create = await t.call('users.create', newUser('2'), admin);
      expect(create).toEqual({ ok: false, error: { code: 'STORAGE', message: FULL } });
      const login = await t.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
      expect(!login.ok && login.error.code).toBe('STORAGE');
      if (tmpfsOk) {
        const backup = await t.call('backup.run', {}, admin);
        expect(!backup.ok && backup.error.code).toBe('STORAGE');
        expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((n) => n.startsWith('.tmp-') || n.endsWith('.partial'))).toEqual([]);
      }

      // Nothing half-written; everything saved before is there and readable.
      expect(dumpHash(db)).toBe(before);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((await t.must('users.list', {}, admin)).map((u) => u.username).sort()).toEqual(['moi1', 'quantri']);
      expect((await t.must('audit.verify', {}, admin)).intact).toBe(true);

      release();
      expect((await t.must('users.create', newUser('2'), admin)).username).toBe('moi2');
      expect((await t.must('auth.login', { username: 'moi2', password: 'matkhau-moi-12' })).user.fullName).toBe('Người Mới 2');
      if (tmpfsOk) expect((await t.must('backup.run', {}, admin)).entry.kind).toBe('manual');
      expect((await t.must('audit.verify', {}, admin)).intact).toBe(true);
    } finally {
      t.close();
    }
  });
});

const image = path.join(tmp.dir, 'disk.ext4');
const ext4Dir = path.join(tmp.dir, 'ext4');
const ext4Ok = mountExt4(image, ext4Dir);
if (ext4Ok) mounted.push(ext4Dir);

describe(ext4Ok ? 'a data folder that turns read-only (real ext4 switched read-only by the kernel)' : 'a read-only database (simulated with PRAGMA query_only: mounting refused here)', () => {
  it('answers the read-only STORAGE message, keeps saved data readable, and works again once the disk is repaired', async () => {
    const dataDir = path.join(ext4Ok ? ext4Dir : tmp.dir, 'data-ro');
    let t = await openCoreAt(dataDir);
    const admin = await t.setUp();
    await t.must('users.create', newUser('1'), admin);
    const before = dumpHash(t.core.app.db);
    if (ext4Ok) expect(forceKernelReadOnly(ext4Dir)).toBe(true);
    else t.core.app.db.pragma('query_only = ON');

    const r = await t.call('users.create', newUser('2'), admin);
    expect(r).toEqual({ ok: false, error: { code: 'STORAGE', message: READ_ONLY } });
    expect((await t.must('users.list', {}, admin)).map((u) => u.username).sort()).toEqual(['moi1', 'quantri']);
    expect(dumpHash(t.core.app.db)).toBe(before);

    if (ext4Ok) {
      // The administrator repairs the disk (fsck) and restarts the app.
      try {
        t.close();
      } catch {
        // closing cannot checkpoint onto a read-only disk; the WAL stays for the next open
      }
      unmount(ext4Dir);
      mounted.pop();
      repairExt4(image);
      expect(mountExt4(image, ext4Dir, { format: false })).toBe(true);
      mounted.push(ext4Dir);
      t = await openCoreAt(dataDir);
    } else {
      t.core.app.db.pragma('query_only = OFF');
    }
    try {
      expect(dumpHash(t.core.app.db)).toBe(before);
      const again = await t.login();
      expect((await t.must('users.create', newUser('2'), again)).username).toBe('moi2');
      expect((await t.must('audit.verify', {}, again)).intact).toBe(true);
    } finally {
      t.close();
    }
  });

  it.runIf(ext4Ok)('starting on a read-only folder shows the recovery page saying so, without touching the file', async () => {
    const dataDir = path.join(ext4Dir, 'data-ro');
    unmount(ext4Dir);
    mounted.pop();
    expect(mountExt4(image, ext4Dir, { format: false, readOnly: true })).toBe(true);
    mounted.push(ext4Dir);
    const hash = crypto.createHash('sha256').update(fs.readFileSync(path.join(dataDir, 'motcua.sqlite'))).digest('hex');
    const office = await startOfficeProcess({ dataDir, port: 0, testMode: true, log: silentLogger, warn: () => undefined });
    try {
      expect(office.mode).toBe('recovery');
      const s = await httpCall(office.url, 'recovery.status', {});
      expect(s.body.value).toMatchObject({ mode: 'recovery', dataDirWritable: false });
      const page = await (await fetch(`${office.url}/recovery.js`)).text();
      expect(page).toContain('Thư mục dữ liệu đang chỉ cho đọc');
    } finally {
      await office.stop();
    }
    expect(crypto.createHash('sha256').update(fs.readFileSync(path.join(dataDir, 'motcua.sqlite'))).digest('hex')).toBe(hash);
  });
});
