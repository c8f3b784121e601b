/**
 * Prepared statements of the sync code, prepared once per connection: preparing is most of the
 * cost of a small query, and the push runs thousands of them per minute on a backlog.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database';
import type { DossierRow } from '../dossiers/dossier-repo';

const caches = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}

export function dossierRowById(db: Db, id: string): DossierRow | undefined {
  return stmt(db, 'SELECT * FROM dossiers WHERE id = ?').get(id) as DossierRow | undefined;
}

/** What the push needs to route an entry: the code and the last known server version. */
export function dossierSyncHead(db: Db, id: string): { id: string; code: string; server_version: number } | undefined {
  return stmt(db, 'SELECT id, code, server_version FROM dossiers WHERE id = ?').get(id) as { id: string; code: string; server_version: number } | undefined;
}

/**
 * A transaction for the sync's own bookkeeping (entries marked sent, known versions, merged copies,
 * feed pages with their cursor), committed without waiting for the disk (`synchronous = NORMAL`).
 * Losing its last commits in a power cut is harmless: the entries go again and the server answers
 * the repeats from their change keys; a feed page and its cursor are lost together and read again.
 * WAL keeps the order, so the next durable commit (a clerk's) makes these durable too.
 */
export function bookkeeping<T>(db: Db, fn: () => T): T {
  const before = db.pragma('synchronous', { simple: true }) as number;
  if (before <= 1 || db.inTransaction) return db.transaction(fn)();
  db.pragma('synchronous = NORMAL');
  try {
    return db.transaction(fn)();
  } finally {
    db.pragma(`synchronous = ${before}`);
  }
}
