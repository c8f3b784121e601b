/**
 * Re-creates the full-text index of an existing generated folder from the current migration 003
 * (after its index definition changed), without generating the rows again:
 *   node dist/bench/refresh-fts.cjs DIR
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { m003Dossiers } from '../src/main/db/migrations/003-dossiers';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node dist/bench/refresh-fts.cjs DIR');
// The migration's own statements, read back from a scratch database.
const scratch = new BetterSqlite3(':memory:');
scratch.exec('CREATE TABLE users (id TEXT PRIMARY KEY) STRICT');
m003Dossiers.up(scratch);
const fts = scratch.prepare("SELECT type, name, sql FROM sqlite_master WHERE name = 'dossier_fts' OR (type = 'trigger' AND sql LIKE '%dossier_fts%') ORDER BY type DESC, name").all() as { type: string; name: string; sql: string }[];
scratch.close();

const db = new BetterSqlite3(path.join(dir, 'motcua.sqlite'));
const t0 = performance.now();
db.transaction(() => {
  for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%dossier_fts%'").all() as { name: string }[]) db.exec(`DROP TRIGGER ${t.name}`);
  db.exec('DROP TABLE dossier_fts');
  for (const s of fts.filter((x) => x.type === 'table')) db.exec(s.sql);
  db.exec("INSERT INTO dossier_fts(dossier_fts) VALUES ('rebuild')");
  for (const s of fts.filter((x) => x.type === 'trigger')) db.exec(s.sql);
})();
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
console.log(`full-text index rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
