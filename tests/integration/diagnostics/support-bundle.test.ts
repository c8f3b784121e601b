import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { createFileLogger } from '../../../src/main/app/logger';
import { setSetting } from '../../../src/main/settings/settings-store';
import { writeInstallConfig } from '../../../src/main/app/install-config';
import { scrubMore } from '../../../src/main/diagnostics/support-bundle';

/** Every entry of a zip as text, read with yauzl (the same format support staff open with any unzip tool). */
function readZip(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const CCCD = '001203004567';
const PHONE = '0912345678';
const CLERK_NAME = 'Trần Thị Cán Bộ';
const NOW = new Date('2025-03-10T03:00:00Z'); // 10:00 in Hà Nội
const day = (offsetDays: number) => new Date(NOW.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('support bundle (diagnostics.supportBundle)', () => {
  let t: TestCore;
  let tokens: { admin: string; clerk: string; supervisor: string };
  let bundle: { path: string; fileName: string; size: number; createdAt: string; files: number };
  let entries: Map<string, string>;

  beforeAll(async () => {
    t = await startTestCore({ now: NOW });
    tokens = await t.setUpOffice(); // admin, a clerk and a supervisor: users rows and audit rows
    await t.must('settings.update', { idleLockMinutes: 20 }, tokens.admin);
    await t.must('diagnostics.setUpdateSource', { feedUrl: 'https://capnhat.hanoi.gov.vn/motcua-desk/' }, tokens.admin);
    // A setting holding credentials, as the sync settings will.
    setSetting(t.core.app.db, 'sync', { endpoint: 'https://dvc.hanoi.gov.vn/api', clientId: 'motcua-bd', clientSecret: 's3cr3t-value', accessToken: 'tok-abc', nested: { apiKey: 'k-123', retries: 3 } });
    setSetting(t.core.app.db, 'printerPassword', 'p4ss-value');
    writeInstallConfig(t.core.app.paths.config, { mode: 'host', port: 8686 });

    const logs = t.core.app.paths.logs;
    // Written by the real logger (scrubbed at write time; it names files by the wall clock, so the
    // line is moved into the test clock's day) …
    createFileLogger(logs).info('dossier received', { note: `CCCD ${CCCD} phone ${PHONE}` });
    for (const f of fs.readdirSync(logs)) {
      fs.appendFileSync(path.join(logs, `app-${day(0)}.log`), fs.readFileSync(path.join(logs, f)));
      if (f !== `app-${day(0)}.log`) fs.rmSync(path.join(logs, f));
    }
    // … and raw lines as an older version or a crash handler might have left them.
    fs.appendFileSync(path.join(logs, `app-${day(0)}.log`), `{"t":"${NOW.toISOString()}","level":"error","msg":"lookup failed for ${CCCD}, phone ${PHONE}, mail an@example.vn, path C:\\\\Users\\\\nguyenvana\\\\AppData"}\n`);
    fs.writeFileSync(path.join(logs, `app-${day(-6)}.log`), `{"t":"x","level":"info","msg":"six days ago +84912345678"}\n`);
    fs.writeFileSync(path.join(logs, `app-${day(-7)}.log`), `{"t":"x","level":"info","msg":"seven days ago: too old"}\n`);
    fs.writeFileSync(path.join(logs, 'other.txt'), 'not a log of ours');

    bundle = await t.must('diagnostics.supportBundle', {}, tokens.admin);
    entries = await readZip(bundle.path);
  });
  afterAll(() => t.close());

  it('writes a zip into the data folder’s support/ and reports its path and size', () => {
    expect(path.dirname(bundle.path)).toBe(path.join(t.dataDir, 'support'));
    expect(bundle.fileName).toMatch(/^ho-tro-ky-thuat-2025-03-10T10-00-\d\d\.zip$/);
    expect(bundle.size).toBe(fs.statSync(bundle.path).size);
    expect(bundle.createdAt.endsWith('+07:00')).toBe(true);
    expect(bundle.files).toBe(entries.size);
    expect(fs.readdirSync(path.dirname(bundle.path)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('holds the logs of the last 7 days only, plus versions, settings and database statistics', () => {
    expect([...entries.keys()].sort()).toEqual(['README.txt', 'database.json', `logs/app-${day(-6)}.log`, `logs/app-${day(0)}.log`, 'settings.json', 'versions.json'].sort());
  });

  it('re-scrubs the logs: no ID number, phone, e-mail or Windows account name', () => {
    const today = entries.get(`logs/app-${day(0)}.log`)!;
    expect(today).toContain('lookup failed for [số]');
    expect(today).toContain('dossier received');
    expect(today).toContain('[người dùng]');
    expect(today).not.toContain('nguyenvana');
    expect(entries.get(`logs/app-${day(-6)}.log`)).toContain('six days ago');
  });

  it('reports versions of the app, Node, SQLite and the OS', () => {
    const v = JSON.parse(entries.get('versions.json')!) as Record<string, unknown> & { os: Record<string, unknown> };
    expect(v.app).toBe(t.core.app.version);
    expect(v.node).toBe(process.versions.node);
    expect(v.electron).toBeNull(); // not running inside Electron here
    expect(v.sqlite).toMatch(/^3\.\d+\.\d+$/);
    expect(v.os.platform).toBe(process.platform);
    expect(typeof v.os.release).toBe('string');
  });

  it('includes settings without any password, secret, token or key', () => {
    const s = JSON.parse(entries.get('settings.json')!) as { stored: Record<string, Record<string, unknown>>; install: unknown };
    expect(s.stored.office).toMatchObject({ agencyId: '000.00.06.H56', idleLockMinutes: 20 });
    expect(s.stored.updates).toEqual({ feedUrl: 'https://capnhat.hanoi.gov.vn/motcua-desk/' });
    expect(s.stored.sync).toEqual({ endpoint: 'https://dvc.hanoi.gov.vn/api', clientId: 'motcua-bd', nested: { retries: 3 } });
    expect(s.stored).not.toHaveProperty('printerPassword');
    expect(s.install).toEqual({ mode: 'host', port: 8686 });
  });

  it('gives database statistics without row contents', () => {
    const d = JSON.parse(entries.get('database.json')!) as { tables: Record<string, number>; userVersion: number; journalMode: string; pageCount: number; pageSize: number; walBytes: number; fileBytes: number };
    const db = t.core.app.db;
    expect(d.tables.users).toBe(3);
    // Counted before this bundle's own audit entry was written.
    expect(d.tables.audit_log).toBe((db.prepare('SELECT count(*) n FROM audit_log').get() as { n: number }).n - 1);
    expect(d.tables.audit_log).toBeGreaterThanOrEqual(5);
    expect(d.userVersion).toBe(db.pragma('user_version', { simple: true }));
    expect(d.journalMode).toBe('wal');
    expect(d.pageSize).toBe(db.pragma('page_size', { simple: true }));
    expect(d.pageCount).toBeGreaterThan(0);
    expect(d.fileBytes).toBeGreaterThan(0);
    expect(typeof d.walBytes).toBe('number');
  });

  it('contains no personal data and no secret anywhere', () => {
    const all = [...entries.values()].join('\n');
    for (const forbidden of [CCCD, PHONE, '912345678', 'an@example.vn', CLERK_NAME, 'Nguyễn Quản Trị', 'Lê Văn Trưởng', 's3cr3t-value', 'tok-abc', 'k-123', 'p4ss-value', 'matkhau', 'nguyenvana']) {
      expect(all, forbidden).not.toContain(forbidden);
    }
    // Nor a password hash or session token from the database.
    const hashes = (t.core.app.db.prepare('SELECT password_hash h FROM users').all() as { h: string }[]).map((r) => r.h);
    for (const h of hashes) expect(all).not.toContain(h);
    expect(all).not.toContain(tokens.admin);
  });

  it('is audited without personal data', async () => {
    const [last] = await t.must('audit.list', { limit: 1 }, tokens.admin);
    expect(last).toMatchObject({ action: 'diagnostics.supportBundle', actor: 'quantri', entity: 'support' });
    expect(JSON.parse(last.detail!)).toEqual({ fileName: bundle.fileName, size: bundle.size });
  });

  it('is refused to a clerk and a supervisor', async () => {
    for (const token of [tokens.clerk, tokens.supervisor]) {
      const r = await t.call('diagnostics.supportBundle', {}, token);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
    }
    expect((await t.call('diagnostics.supportBundle', {})).ok).toBe(false);
  });

  it('keeps only the newest five bundles', async () => {
    const made: string[] = [bundle.fileName];
    for (let i = 0; i < 6; i++) {
      t.clock.set(new Date(NOW.getTime() + (i + 1) * 60_000));
      made.push((await t.must('diagnostics.supportBundle', {}, tokens.admin)).fileName);
    }
    const kept = fs.readdirSync(path.join(t.dataDir, 'support')).sort();
    expect(kept).toEqual(made.slice(-5).sort());
  });
});

describe('diagnostics update source', () => {
  let t: TestCore;
  let tokens: { admin: string; clerk: string; supervisor: string };
  beforeAll(async () => {
    t = await startTestCore();
    tokens = await t.setUpOffice();
  });
  afterAll(() => t.close());

  it('is the built-in one until an administrator sets it, and can be reset', async () => {
    expect(await t.must('diagnostics.getUpdateSource', {}, tokens.admin)).toEqual({ feedUrl: null });
    await t.must('diagnostics.setUpdateSource', { feedUrl: '  https://capnhat.hanoi.gov.vn/motcua-desk/ ' }, tokens.admin);
    expect(await t.must('diagnostics.getUpdateSource', {}, tokens.admin)).toEqual({ feedUrl: 'https://capnhat.hanoi.gov.vn/motcua-desk/' });
    await t.must('diagnostics.setUpdateSource', { feedUrl: null }, tokens.admin);
    expect(await t.must('diagnostics.getUpdateSource', {}, tokens.admin)).toEqual({ feedUrl: null });
  });

  it('refuses an http URL on the internet with a Vietnamese field message, and changes nothing', async () => {
    await t.must('diagnostics.setUpdateSource', { feedUrl: 'https://capnhat.hanoi.gov.vn/' }, tokens.admin);
    const r = await t.call('diagnostics.setUpdateSource', { feedUrl: 'http://capnhat.hanoi.gov.vn/' }, tokens.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.fields?.feedUrl).toMatch(/https:\/\//);
    }
    expect(await t.must('diagnostics.getUpdateSource', {}, tokens.admin)).toEqual({ feedUrl: 'https://capnhat.hanoi.gov.vn/' });
  });

  it('is for administrators only', async () => {
    const r = await t.call('diagnostics.setUpdateSource', { feedUrl: 'https://evil.example/' }, tokens.supervisor);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
  });
});

describe('scrubMore', () => {
  it('hides the account name in Windows profile paths, plain or JSON-escaped', () => {
    expect(scrubMore('C:\\Users\\nguyenvana\\AppData\\Roaming')).toBe('C:\\Users\\[người dùng]\\AppData\\Roaming');
    expect(scrubMore('"C:\\\\Users\\\\nguyenvana\\\\AppData"')).toBe('"C:\\\\Users\\\\[người dùng]\\\\AppData"');
    expect(scrubMore('d:/users/tran.b/x')).toBe('d:/users/[người dùng]/x');
    expect(scrubMore('C:\\Program Files\\MotCuaDesk')).toBe('C:\\Program Files\\MotCuaDesk');
  });
});
