import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, httpCall } from '../../support/server-process';
import { makeTempDir } from '../../support/temp-dir';
import { TEST_AGENCY, ADMIN } from '../../support/core';
import { sampleIntake } from '../../support/dossier-fixtures';

/**
 * Power cut in the middle of a backup: the database must be intact with every dossier, no half-written
 * backup may be listed as a backup, leftovers are cleared, and the next backup succeeds.
 */
describe('a backup interrupted by SIGKILL', () => {
  const tmp = makeTempDir('motcua-backup-crash-');
  afterAll(() => tmp.cleanup());

  it('leaves the database whole and no partial backup behind', async () => {
    let server = await startServerProcess({ dataDir: tmp.dir });
    await httpCall(server.url, 'system.setup', { ...TEST_AGENCY, admin: ADMIN });
    const login = async () => ((await httpCall(server.url, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).body.value as { token: string }).token;
    let token = await login();
    expect((await httpCall(server.url, 'backup.setPassphrase', { passphrase: 'mat-khau-sao-luu-2026' }, token)).status).toBe(200);
    const codes: string[] = [];
    for (let i = 0; i < 150; i++) codes.push(((await httpCall(server.url, 'dossier.receive', sampleIntake(i), token)).body.value as { code: string }).code);

    const backups = path.join(tmp.dir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    const before = new Set(fs.readdirSync(backups));
    // Kill the moment the backup starts writing into the backups folder (event-driven, no timer).
    const started = new Promise<void>((resolve) => {
      const w = fs.watch(backups, (_e, name) => {
        if (name && !before.has(String(name))) {
          w.close();
          resolve();
        }
      });
    });
    const inFlight = httpCall(server.url, 'backup.run', {}, token).catch(() => null);
    await started;
    await server.kill();
    await inFlight;

    server = await startServerProcess({ dataDir: tmp.dir });
    token = await login();
    const listed = (await httpCall(server.url, 'backup.list', {}, token)).body.value as { file: string; size: number }[];
    // Whatever was listed is a complete, named backup; no temp or partial file is presented as one.
    for (const b of listed) expect(b.file).toMatch(/\.mcbk$/);
    const after = await httpCall(server.url, 'backup.run', {}, token);
    expect(after.status).toBe(200);
    const leftovers = fs.readdirSync(backups).filter((f) => f.startsWith('.tmp-') || f.endsWith('.partial'));
    expect(leftovers).toEqual([]);
    await server.stop();
    const db = new BetterSqlite3(path.join(tmp.dir, 'motcua.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set((db.prepare('SELECT code FROM dossiers').all() as { code: string }[]).map((r) => r.code));
      expect(codes.filter((c) => !stored.has(c))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
