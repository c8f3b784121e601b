import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/database';
import { isoLocal } from '../app/clock';

export type OutboxKind = 'dossier' | 'progress' | 'rating';

/**
 * Records a change for the provincial server. Must run inside the mutation's transaction.
 * The change id (MaThayDoi) is fixed now, so a resend after a lost answer is recognised by the server.
 */
export function enqueueChange(db: Db, now: Date, change: { kind: OutboxKind; entityId: string; payload: unknown }): string {
  const changeId = uuidv7();
  db.prepare('INSERT INTO outbox (change_id, kind, entity_id, payload, created_at) VALUES (?, ?, ?, ?, ?)').run(
    changeId,
    change.kind,
    change.entityId,
    JSON.stringify(change.payload),
    isoLocal(now),
  );
  return changeId;
}
