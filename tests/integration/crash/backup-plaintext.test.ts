import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, httpCall } from '../../support/server-process';
import { makeTempDir } from '../../support/temp-dir';
import { TEST_AGENCY, ADMIN } from '../../support/core';
import { sampleIntake } from '../../support/dossier-fixtures';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file starts like a plain SQLite database (readable by anyone with sqlite3). */
function isPlainSqlite(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(16);
      return fs.readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_MAGIC);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/**
 * Issue 19 item 9: a backup killed midway used to leave its plaintext snapshot (.tmp-*.sqlite) in
 * `backups/` — the folder that is copied to USB sticks and shares — until the next backup.
 */
describe('a backup killed while its plaintext snapshot exists', () => {
  const tmp = makeTempDir('motcua-backup-plain-');
  afterAll(() => tmp.cleanup());

  it('leaves no plain database in backups/, and the next start removes the snapshot', async () => {
    let server = await startServerProcess({ dataDir: tmp.dir });
    await httpCall(server.url, 'system.setup', { ...TEST_AGENCY, admin: ADMIN });
    const login = async () => ((await httpCall(server.url, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).body.value as { token: string }).token;
    let token = await login();
    expect((await httpCall(server.url, 'backup.setPassphrase', { passphrase: 'mat-khau-sao-luu-2026' }, token)).status).toBe(200);
    for (let i = 0; i < 150; i++) expect((await httpCall(server.url, 'dossier.receive', sampleIntake(i), token)).status).toBe(200);

    // SIGKILL the server the moment a snapshot with real content exists anywhere in the data folder
    // (event-driven: every file-system event is checked, no timer).
    const live = path.join(tmp.dir, 'motcua.sqlite');
    const snapshot = new Promise<string>((resolve) => {
      const w = fs.watch(tmp.dir, { recursive: true }, (_e, name) => {
        if (!name) return;
        const file = path.join(tmp.dir, String(name));
        if (file !== live && file.endsWith('.sqlite') && isPlainSqlite(file)) {
          process.kill(server.child.pid!, 'SIGKILL');
          w.close();
          resolve(file);
        }
      });
    });
    const inFlight = httpCall(server.url, 'backup.run', {}, token).catch(() => null);
    const caught = await snapshot;
    await server.kill();
    await inFlight;

    // The kill really came mid-backup: the snapshot is still on disk — but not in backups/.
    expect(isPlainSqlite(caught)).toBe(true);
    expect(path.relative(path.join(tmp.dir, 'backups'), caught).startsWith('..')).toBe(true);
    const backupsDir = path.join(tmp.dir, 'backups');
    expect(filesUnder(backupsDir).filter(isPlainSqlite)).toEqual([]);

    // The next start removes it before anything else, without waiting for the next backup.
    server = await startServerProcess({ dataDir: tmp.dir });
    try {
      expect(fs.existsSync(caught)).toBe(false);
      expect(filesUnder(path.join(tmp.dir, 'backup-work'))).toEqual([]);
      expect(filesUnder(backupsDir).filter((f) => !f.endsWith('.mcbk'))).toEqual([]);
      token = await login();
      expect((await httpCall(server.url, 'backup.run', {}, token)).status).toBe(200);
      expect(filesUnder(path.join(tmp.dir, 'backup-work'))).toEqual([]);
      expect(filesUnder(backupsDir).filter(isPlainSqlite)).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
