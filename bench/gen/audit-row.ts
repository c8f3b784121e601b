import crypto from 'node:crypto';

/**
 * One audit_log row with the chain of src/main/audit/audit-log.ts (sha256 over the JSON array of
 * the previous hash and the fields), for rows written in bulk. Values are in the column order
 * (at, actor, device, action, entity, entity_id, detail, prev_hash, hash); audit.verify checks the
 * result in the generator's test.
 */
export function auditRow(
  prev: string,
  at: string,
  actor: string | null,
  device: string,
  action: string,
  entity: string | null,
  entityId: string | null,
  detail: Record<string, unknown> | null,
): { values: unknown[]; hash: string } {
  const d = detail ? JSON.stringify(detail) : null;
  const hash = crypto.createHash('sha256').update(JSON.stringify([prev, at, actor, device, action, entity, entityId, d])).digest('hex');
  return { values: [at, actor, device, action, entity, entityId, d, prev, hash], hash };
}

export const AUDIT_INSERT = 'INSERT INTO audit_log (at, actor, device, action, entity, entity_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
