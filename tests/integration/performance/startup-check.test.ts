import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backgroundIntegrity, DatabaseOpenError, openDatabase } from '../../../src/main/db/database';
import { migrations } from '../../../src/main/db/migrations';
import type { Logger } from '../../../src/main/app/logger';
import { silentLogger } from '../../../src/main/app/logger';
import { makeTempDir } from '../../support/temp-dir';

/**
 * On a large file the full integrity check leaves the start-up path for a worker thread: the
 * database opens at once, and a damaged page is still found (and logged) in the background.
 */
describe('integrity check of a large database at start', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let file: string;
  let backups: string;
  beforeEach(() => {
    tmp = makeTempDir();
    file = path.join(tmp.dir, 'motcua.sqlite');
    backups = path.join(tmp.dir, 'backups');
  });
  afterEach(() => tmp.cleanup());

  async function fileWithSettings(): Promise<void> {
    const db = await openDatabase({ file, backupDir: backups, log: silentLogger });
    const insert = db.prepare('INSERT INTO settings VALUES (?, ?)');
    for (let i = 0; i < 2000; i++) insert.run(`key-${i}`, JSON.stringify('x'.repeat(200)));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
  function damageMiddlePage(): void {
    const fd = fs.openSync(file, 'r+');
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
  }
  const recorder = () => {
    const errors: string[] = [];
    const infos: string[] = [];
    const log: Logger = { ...silentLogger, error: (m: string) => void errors.push(m), info: (m: string) => void infos.push(m) };
    return { log, errors, infos };
  };

  it('opens a damaged large file at once and reports the damage from the background check', async () => {
    await fileWithSettings();
    damageMiddlePage();
    const { log, errors } = recorder();
    const db = await openDatabase({ file, backupDir: backups, log, integrityDefer: { aboveBytes: 0, delayMs: 0 } });
    try {
      const check = backgroundIntegrity(db);
      expect(check).not.toBeNull();
      const outcome = await check!;
      expect(outcome.state).toBe('failed');
      expect(errors.some((e) => /integrity check FAILED/.test(e))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('reports a sound large file as sound', async () => {
    await fileWithSettings();
    const { log, infos } = recorder();
    const db = await openDatabase({ file, backupDir: backups, log, integrityDefer: { aboveBytes: 0, delayMs: 0 } });
    try {
      expect(await backgroundIntegrity(db)).toMatchObject({ state: 'ok' });
      expect(infos.some((m) => /integrity check passed/.test(m))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('still checks in full before a migration, and small files at open as before', async () => {
    await fileWithSettings();
    damageMiddlePage();
    // A migration is due (the app is newer than the file): the damaged file is refused before any write.
    const newer = [...migrations, { version: 999, name: 'test', up: () => {} }];
    const err = await openDatabase({ file, backupDir: backups, log: silentLogger, migrationList: newer, integrityDefer: { aboveBytes: 0, delayMs: 0 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseOpenError);
    // Default threshold: a file this small is checked at open, as before.
    const err2 = await openDatabase({ file, backupDir: backups, log: silentLogger }).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(DatabaseOpenError);
    expect((err2 as DatabaseOpenError).kind).toMatch(/corrupt|unreadable/);
  });
});
