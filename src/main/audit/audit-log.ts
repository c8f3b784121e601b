import crypto from 'node:crypto';
import type { Db } from '../db/database';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { toWellFormedText } from '../../shared/security/text-rules';

export interface AuditInput {
  action: string;
  entity?: string;
  entityId?: string;
  /** Free detail; must not carry ID numbers, phones or names (they stay in the records themselves). */
  detail?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

/** Text as SQLite stores it (UTF-8: a lone surrogate becomes U+FFFD), so the hash covers what is read back. */
const stored = (s: string | null): string | null => (s === null ? null : toWellFormedText(s));

/**
 * SHA-256 over the UTF-8 bytes of a JSON array of the fields in their stored form. For well-formed text this
 * is exactly the historical form (older chains verify unchanged); no input can make written ≠ read back.
 */
function entryHash(prev: string, at: string, actor: string | null, device: string | null, action: string, entity: string | null, entityId: string | null, detail: string | null): string {
  const fields = [prev, at, actor, device, action, entity, entityId, detail].map(stored);
  return crypto.createHash('sha256').update(Buffer.from(JSON.stringify(fields), 'utf8')).digest('hex');
}

const lastHashSql = 'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1';
const insertSql = `INSERT INTO audit_log (at, actor, device, action, entity, entity_id, detail, prev_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Appends one entry; call inside the mutation's transaction so both commit or neither. */
export function writeAudit(db: Db, at: Date, caller: Caller, input: AuditInput): void {
  const prev = (db.prepare(lastHashSql).get() as { hash: string } | undefined)?.hash ?? GENESIS;
  const atStr = isoLocal(at);
  const actor = stored(caller.username);
  const device = stored(caller.device);
  const detail = stored(input.detail ? JSON.stringify(input.detail) : null);
  const [action, entity, entityId] = [stored(input.action)!, stored(input.entity ?? null), stored(input.entityId ?? null)];
  const hash = entryHash(prev, atStr, actor, device, action, entity, entityId, detail);
  db.prepare(insertSql).run(atStr, actor, device, action, entity, entityId, detail, prev, hash);
}

/** Recomputes the chain; reports the first entry whose hash or link does not match. */
export function verifyAuditChain(db: Db): { intact: boolean; checked: number; firstBrokenId: number | null } {
  let prev = GENESIS;
  let checked = 0;
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<{
    id: number; at: string; actor: string | null; device: string | null; action: string; entity: string | null; entity_id: string | null; detail: string | null; prev_hash: string; hash: string;
  }>;
  for (const r of rows) {
    checked++;
    const expect = entryHash(prev, r.at, r.actor, r.device, r.action, r.entity, r.entity_id, r.detail);
    if (r.prev_hash !== prev || r.hash !== expect) return { intact: false, checked, firstBrokenId: r.id };
    prev = r.hash;
  }
  return { intact: true, checked, firstBrokenId: null };
}

/**
 * Runs a mutation: its rows, its audit entry (and, inside `fn`, its outbox entry) in ONE transaction.
 * The audit detail may depend on fn's result.
 */
export function mutate<T>(app: AppContext, caller: Caller, audit: AuditInput | ((result: T) => AuditInput), fn: () => T): T {
  // BEGIN IMMEDIATE: take the write lock before reading (next number, last audit hash…). In a deferred
  // transaction a second process committing in between would make our lock upgrade fail with SQLITE_BUSY
  // instead of waiting its turn under busy_timeout.
  return app.db
    .transaction(() => {
      const result = fn();
      writeAudit(app.db, app.clock.now(), caller, typeof audit === 'function' ? audit(result) : audit);
      return result;
    })
    .immediate();
}
