import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, httpCall } from '../../support/server-process';
import { makeTempDir } from '../../support/temp-dir';
import { TEST_AGENCY, ADMIN } from '../../support/core';
import { sampleIntake } from '../../support/dossier-fixtures';

/**
 * Power-cut test: the office server is SIGKILLed while clerks' intakes stream in. After restart every
 * dossier whose receipt was acknowledged must be there, whole (documents, fees, step, audit, outbox),
 * and the file must pass integrity_check.
 */
describe('dossier intake survives a killed process', () => {
  const tmp = makeTempDir('motcua-crash-');
  afterAll(() => tmp.cleanup());

  it('loses no acknowledged dossier across repeated SIGKILLs', async () => {
    const acknowledged: string[] = [];
    let server = await startServerProcess({ dataDir: tmp.dir });
    await httpCall(server.url, 'system.setup', { ...TEST_AGENCY, admin: ADMIN });
    const rounds = 3;
    for (let round = 0; round < rounds; round++) {
      if (round > 0) server = await startServerProcess({ dataDir: tmp.dir });
      const login = await httpCall(server.url, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      const token = (login.body.value as { token: string }).token;
      const killAfter = 15 + round * 7;
      // Two concurrent streams, as two counters would send; the kill lands while requests are in flight.
      const stream = async (offset: number) => {
        for (let i = 0; ; i++) {
          let r;
          try {
            r = await httpCall(server.url, 'dossier.receive', sampleIntake(offset + i), token);
          } catch {
            return; // connection cut by the kill
          }
          if (r.status !== 200) throw new Error(JSON.stringify(r.body));
          acknowledged.push((r.body.value as { code: string }).code);
          if (acknowledged.length >= killAfter * (round + 1)) {
            await server.kill();
            return;
          }
        }
      };
      await Promise.all([stream(round * 1000), stream(round * 1000 + 500)]);
    }
    const db = new BetterSqlite3(path.join(tmp.dir, 'motcua.sqlite'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const codes = new Set((db.prepare('SELECT code FROM dossiers').all() as { code: string }[]).map((r) => r.code));
      const lost = acknowledged.filter((c) => !codes.has(c));
      expect(lost).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(15 + 22 + 29);
      // Nothing half-written: every dossier has its documents, fees, first step, audit entry and outbox entry.
      const incomplete = db
        .prepare(
          `SELECT d.code FROM dossiers d WHERE
             NOT EXISTS (SELECT 1 FROM dossier_documents x WHERE x.dossier_rid = d.rid) OR
             NOT EXISTS (SELECT 1 FROM dossier_fees x WHERE x.dossier_rid = d.rid) OR
             NOT EXISTS (SELECT 1 FROM dossier_steps x WHERE x.dossier_rid = d.rid AND x.action = 'receive') OR
             NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_id = d.id AND a.action = 'dossier.receive') OR
             NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = d.id)`,
        )
        .all();
      expect(incomplete).toEqual([]);
      // Codes stayed unique and gap-free per day after every restart.
      const seqs = (db.prepare("SELECT CAST(substr(code, -4) AS INTEGER) s FROM dossiers ORDER BY s").all() as { s: number }[]).map((r) => r.s);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    } finally {
      db.close();
    }
  });
});
