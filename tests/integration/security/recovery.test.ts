import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { httpCall } from '../../support/server-process';
import { ADMIN } from '../../support/core';
import { silentLogger } from '../../../src/main/app/logger';
import { startOfficeProcess, type OfficeProcess } from '../../../src/main/server/start';
import { openCoreAt, PASSPHRASE } from './helpers';

/** Overwrites whole pages in the middle of the file with random bytes, as a failing disk would. */
function damageMiddle(file: string): { offset: number; length: number } {
  const db = new BetterSqlite3(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  // Every page is in use (no free list), so any page overwritten belongs to a table or an index.
  expect(db.pragma('freelist_count', { simple: true })).toBe(0);
  db.close();
  const first = Math.floor(pages / 2);
  const length = Math.min(4, pages - first - 1) * pageSize;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, crypto.randomBytes(length), 0, length, first * pageSize);
  fs.closeSync(fd);
  return { offset: first * pageSize, length };
}

describe('a damaged database at start', () => {
  const tmp = makeTempDir('motcua-recovery-');
  const dataDir = path.join(tmp.dir, 'data');
  let office: OfficeProcess;
  let backupFile: string;

  beforeAll(async () => {
    const t = await openCoreAt(dataDir);
    const admin = await t.setUp();
    await t.must('users.create', { username: 'canbo1', fullName: 'Trần Thị Cán Bộ', role: 'clerk', password: 'matkhau-canbo-1' }, admin);
    await t.must('backup.setPassphrase', { passphrase: PASSPHRASE }, admin);
    backupFile = (await t.must('backup.run', {}, admin)).entry.file;
    // Work done after the backup is what a restore loses; it makes the database big enough to damage in the middle.
    await t.must('users.create', { username: 'sauluu', fullName: 'Người Sau Lưu', role: 'clerk', password: 'matkhau-sau-1' }, admin);
    const db = t.core.app.db;
    const insert = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
    db.transaction(() => {
      for (let i = 0; i < 400; i++) insert.run(`filler.${i}`, JSON.stringify('x'.repeat(200)));
    })();
    db.exec('VACUUM');
    t.close();
    damageMiddle(path.join(dataDir, 'motcua.sqlite'));
    office = await startOfficeProcess({ dataDir, port: 0, testMode: true, log: silentLogger, warn: () => undefined });
  });
  afterAll(async () => {
    await office?.stop();
    tmp.cleanup();
  });

  it('does not crash: it serves the recovery page on this PC only', async () => {
    expect(office.mode).toBe('recovery');
    expect(office.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(office.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('Cơ sở dữ liệu không mở được');
    expect(html).toContain('data-testid="recovery-submit"');
    expect((await fetch(`${office.url}/recovery.js`)).status).toBe(200);
  });

  it('reports the problem and the backups available', async () => {
    const r = await httpCall(office.url, 'recovery.status', {});
    expect(r.status).toBe(200);
    expect(r.body.value).toMatchObject({ mode: 'recovery', dataDirWritable: true, backups: [{ file: backupFile, location: 'primary' }] });
    expect((r.body.value as { problem: string }).problem).toMatch(/bị hỏng|Không mở được/);
  });

  it('answers every other method with a clear refusal, not an error page', async () => {
    const r = await httpCall(office.url, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(r.status).toBe(409);
    expect(r.body.error?.message).toContain('chế độ khôi phục');
    const unknown = await httpCall(office.url, 'khong.co', {});
    expect(unknown.body.error?.code).toBe('UNKNOWN_METHOD');
    const foreign = await httpCall(office.url, 'recovery.restoreLatest', { passphrase: PASSPHRASE }, undefined, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('refuses a wrong backup passphrase and changes nothing', async () => {
    const before = fs.readFileSync(path.join(dataDir, 'motcua.sqlite'));
    const r = await httpCall(office.url, 'recovery.restoreLatest', { passphrase: 'không phải mật khẩu này' });
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toBe('Mật khẩu sao lưu không đúng.');
    expect(fs.readFileSync(path.join(dataDir, 'motcua.sqlite')).equals(before)).toBe(true);
  });

  it('restores the newest good backup, keeps the damaged file, and comes back as the normal office server', async () => {
    const damaged = fs.readFileSync(path.join(dataDir, 'motcua.sqlite'));
    const r = await httpCall(office.url, 'recovery.restoreLatest', { passphrase: PASSPHRASE });
    expect(r.status).toBe(200);
    expect(r.body.value).toMatchObject({ restoredFrom: backupFile });
    const running = await office.normal;
    expect(running.server.url).toBe(office.url);
    const status = await httpCall(office.url, 'system.status', {});
    expect(status.body.value).toMatchObject({ setUp: true });
    const admin = await httpCall(office.url, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(admin.status).toBe(200);
    const token = (admin.body.value as { token: string }).token;
    const users = (await httpCall(office.url, 'users.list', {}, token)).body.value as { username: string }[];
    expect(users.map((u) => u.username).sort()).toEqual(['canbo1', ADMIN.username].sort());
    // The restore is in the restored database's own audit chain, and the chain verifies.
    const audit = (await httpCall(office.url, 'audit.list', { limit: 10 }, token)).body.value as { action: string; entityId: string }[];
    expect(audit.find((a) => a.action === 'backup.restored')?.entityId).toBe(backupFile);
    expect((await httpCall(office.url, 'audit.verify', {}, token)).body.value).toMatchObject({ intact: true });
    // The damaged file was moved aside, byte for byte, not deleted.
    const restoreDir = path.join(dataDir, 'restore');
    const aside = fs.readdirSync(restoreDir).filter((n) => n.startsWith('replaced-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(restoreDir, aside[0], 'motcua.sqlite')).equals(damaged)).toBe(true);
  });

  it('with no backup at all it says where to look instead, and changes nothing', async () => {
    const other = path.join(tmp.dir, 'no-backups');
    fs.mkdirSync(other, { recursive: true });
    const garbage = crypto.randomBytes(64 * 1024);
    fs.writeFileSync(path.join(other, 'motcua.sqlite'), garbage);
    const rec = await startOfficeProcess({ dataDir: other, port: 0, testMode: true, log: silentLogger, warn: () => undefined });
    try {
      expect(rec.mode).toBe('recovery');
      expect((await httpCall(rec.url, 'recovery.status', {})).body.value).toMatchObject({ backups: [] });
      const r = await httpCall(rec.url, 'recovery.restoreLatest', { passphrase: PASSPHRASE });
      expect(r.status).toBe(404);
      expect(r.body.error?.message).toContain('backup-cli');
      expect(fs.readFileSync(path.join(other, 'motcua.sqlite')).equals(garbage)).toBe(true);
    } finally {
      await rec.stop();
    }
  });
});
