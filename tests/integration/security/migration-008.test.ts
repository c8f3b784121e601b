import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/database';
import { migrations } from '../../../src/main/db/migrations';
import { silentLogger } from '../../../src/main/app/logger';
import { makeTempDir } from '../../support/temp-dir';

describe('migration 008: devices, pairing codes, session lock', () => {
  const tmp = makeTempDir();
  afterAll(() => tmp.cleanup());

  it('upgrades a database that has sessions, keeping them, and adds the new tables with their constraints', async () => {
    const file = path.join(tmp.dir, 'motcua.sqlite');
    const before = await openDatabase({ file, backupDir: path.join(tmp.dir, 'backups'), log: silentLogger, migrationList: migrations.filter((m) => m.version < 8) });
    before.prepare("INSERT INTO users (id, username, full_name, role, password_hash, password_salt, created_at) VALUES ('u1','a','A','clerk','h','s','t')").run();
    before.prepare("INSERT INTO sessions VALUES ('tok','u1','d','c','e')").run();
    before.close();

    const db = await openDatabase({ file, backupDir: path.join(tmp.dir, 'backups'), log: silentLogger });
    expect(db.prepare('SELECT token_hash, locked_at FROM sessions').all()).toEqual([{ token_hash: 'tok', locked_at: null }]);
    // It backed up before migrating (the foundation's rule).
    expect(fs.readdirSync(path.join(tmp.dir, 'backups')).some((n) => n.startsWith('truoc-nang-cap-'))).toBe(true);
    for (const t of ['devices', 'device_pairing_codes']) {
      expect((db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(t) as { sql: string }).sql).toMatch(/STRICT\s*$/);
    }
    expect(() => db.prepare("INSERT INTO devices (id, kind, name, token_hash, paired_at) VALUES ('d1','printer','x','h','t')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO devices (id, kind, name, token_hash, paired_at) VALUES ('d1','board','x','h','t')").run();
    expect(() => db.prepare("INSERT INTO devices (id, kind, name, token_hash, paired_at) VALUES ('d2','board','y','h','t')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO device_pairing_codes VALUES ('c','board','a','t','t',NULL,'no-such-device')").run()).toThrow(/FOREIGN KEY/);

    // The token checks run on every board poll: both are index lookups, never scans.
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT * FROM devices WHERE token_hash = 'x'")).toMatch(/SEARCH devices USING INDEX sqlite_autoindex_devices_\d/);
    expect(plan("SELECT kind FROM device_pairing_codes WHERE code_hash = 'x'")).toMatch(/SEARCH device_pairing_codes USING INDEX sqlite_autoindex_device_pairing_codes_\d/);
    expect(plan("SELECT locked_at FROM sessions WHERE token_hash = 'x'")).toMatch(/SEARCH sessions USING INDEX sqlite_autoindex_sessions_\d/);
    db.close();
  });
});
