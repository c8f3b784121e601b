/**
 * A hash of a database's content (every row of every table, in key order), independent of how
 * SQLite laid the pages out: what "same seed, same database" is checked against.
 */
import crypto from 'node:crypto';
import type { Db } from '../../src/main/db/database';

export function contentHash(db: Db): string {
  const h = crypto.createHash('sha256');
  // FTS5 keeps its index in shadow tables derived from dossiers; sqlite_stat* follow from the rows.
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'dossier_fts%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  for (const t of tables) {
    const q = `"${t.replace(/"/g, '""')}"`;
    const n = (db.prepare(`SELECT * FROM ${q} LIMIT 0`).columns() as unknown[]).length;
    const order = Array.from({ length: n }, (_, i) => i + 1).join(', ');
    h.update(`\u0000${t}\u0000`);
    for (const row of db.prepare(`SELECT * FROM ${q} ORDER BY ${order}`).raw().iterate() as IterableIterator<unknown[]>) {
      h.update(JSON.stringify(row));
      h.update('\n');
    }
  }
  return h.digest('hex');
}
