import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, DatabaseOpenError, latestVersion } from '../../../src/main/db/database';
import { migrations, type Migration } from '../../../src/main/db/migrations';
import { silentLogger } from '../../../src/main/app/logger';
import { makeTempDir } from '../../support/temp-dir';

describe('database store', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let file: string;
  let backups: string;
  beforeEach(() => {
    tmp = makeTempDir();
    file = path.join(tmp.dir, 'motcua.sqlite');
    backups = path.join(tmp.dir, 'backups');
  });
  afterEach(() => tmp.cleanup());

  it('creates a database with WAL, FULL sync, foreign keys and STRICT tables at the latest version', async () => {
    const db = await openDatabase({ file, backupDir: backups, log: silentLogger });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%_fts_%'").all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(4);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*(WITHOUT ROWID\s*,\s*)?STRICT(\s*,\s*WITHOUT ROWID)?\s*$/);
    db.close();
  });

  it('migration 001 creates the foundation tables with their constraints', async () => {
    const db = await openDatabase({ file, backupDir: backups, log: silentLogger, migrationList: migrations.filter((m) => m.version === 1) });
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['settings', 'users', 'sessions', 'audit_log', 'outbox']));
    expect(() => db.prepare("INSERT INTO users (id, username, full_name, role, password_hash, password_salt, created_at) VALUES ('1','a','A','root','h','s','t')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO sessions VALUES ('t','no-such-user','d','c','e')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses a database written by a newer app, leaving it untouched', async () => {
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${latestVersion() + 5}`);
    raw.exec('CREATE TABLE future (x INTEGER) STRICT');
    raw.close();
    const before = fs.readFileSync(file);
    await expect(openDatabase({ file, backupDir: backups, log: silentLogger })).rejects.toMatchObject({ kind: 'too-new' });
    await expect(openDatabase({ file, backupDir: backups, log: silentLogger })).rejects.toThrow(/phiên bản mới hơn/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('backs the file up before migrating, and rolls a failed migration back', async () => {
    const first = migrations.filter((m) => m.version === 1);
    const db1 = await openDatabase({ file, backupDir: backups, log: silentLogger, migrationList: first });
    db1.prepare("INSERT INTO settings VALUES ('k', '\"v\"')").run();
    db1.close();
    const broken: Migration = { version: 2, name: 'broken', up: (db) => { db.exec('CREATE TABLE half (x INTEGER) STRICT'); throw new Error('boom'); } };
    await expect(openDatabase({ file, backupDir: backups, log: silentLogger, migrationList: [...first, broken] })).rejects.toBeInstanceOf(DatabaseOpenError);
    const backupFiles = fs.readdirSync(backups);
    expect(backupFiles).toHaveLength(1);
    const copy = new BetterSqlite3(path.join(backups, backupFiles[0]), { readonly: true });
    expect(copy.prepare("SELECT value FROM settings WHERE key='k'").get()).toEqual({ value: '"v"' });
    copy.close();
    const db2 = new BetterSqlite3(file, { readonly: true });
    expect(db2.pragma('user_version', { simple: true })).toBe(1);
    expect(db2.prepare("SELECT count(*) n FROM sqlite_master WHERE name='half'").get()).toEqual({ n: 0 });
    db2.close();
  });

  it('detects a damaged file at start with a clear message', async () => {
    const db = await openDatabase({ file, backupDir: backups, log: silentLogger });
    const insert = db.prepare('INSERT INTO settings VALUES (?, ?)');
    for (let i = 0; i < 2000; i++) insert.run(`key-${i}`, JSON.stringify('x'.repeat(200)));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const fd = fs.openSync(file, 'r+');
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    const err = await openDatabase({ file, backupDir: backups, log: silentLogger }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseOpenError);
    expect((err as DatabaseOpenError).kind).toMatch(/corrupt|unreadable/);
    expect((err as Error).message).toMatch(/khôi phục/);
  });
});
