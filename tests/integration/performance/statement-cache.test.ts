import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/main/db/database';
import { silentLogger } from '../../../src/main/app/logger';
import { makeTempDir } from '../../support/temp-dir';

/** The app's connection compiles each SQL text once; callers must not be able to tell. */
describe('statement cache of the app connection', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let db: Db;
  beforeEach(async () => {
    tmp = makeTempDir();
    db = await openDatabase({ file: path.join(tmp.dir, 'motcua.sqlite'), backupDir: path.join(tmp.dir, 'backups'), log: silentLogger });
    const ins = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (let i = 0; i < 5; i++) ins.run(`k${i}`, `"v${i}"`);
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('returns the compiled statement again for the same SQL', () => {
    const sql = 'SELECT value FROM settings WHERE key = ?';
    expect(db.prepare(sql)).toBe(db.prepare(sql));
    expect(db.prepare(sql)).not.toBe(db.prepare(`${sql} `));
  });

  it('gives a fresh statement while the cached one is being iterated', () => {
    const sql = 'SELECT key FROM settings ORDER BY key';
    const outer = db.prepare(sql);
    const seen: string[] = [];
    for (const r of outer.iterate() as IterableIterator<{ key: string }>) {
      const inner = db.prepare(sql);
      expect(inner).not.toBe(outer);
      seen.push(`${r.key}:${(inner.all() as unknown[]).length}`);
    }
    expect(seen).toEqual(['k0:5', 'k1:5', 'k2:5', 'k3:5', 'k4:5']);
  });

  it('resets pluck/raw/expand so the next caller gets plain rows', () => {
    const sql = "SELECT key, value FROM settings WHERE key = 'k1'";
    expect(db.prepare(sql).pluck().get()).toBe('k1');
    expect(db.prepare(sql).get()).toEqual({ key: 'k1', value: '"v1"' });
    expect(db.prepare(sql).raw().get()).toEqual(['k1', '"v1"']);
    expect(db.prepare(sql).get()).toEqual({ key: 'k1', value: '"v1"' });
  });

  it('keeps working across a schema change', () => {
    const sql = 'SELECT * FROM settings WHERE key = ?';
    expect(db.prepare(sql).get('k2')).toEqual({ key: 'k2', value: '"v2"' });
    db.exec('CREATE TABLE extra (x INTEGER) STRICT; DROP TABLE extra;');
    expect(db.prepare(sql).get('k2')).toEqual({ key: 'k2', value: '"v2"' });
  });
});
