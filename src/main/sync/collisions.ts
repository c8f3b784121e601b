/**
 * Dossier identity and code collisions (contract v1.1, `IdHoSo`).
 *
 * The dossier code is only the human identity. A counter restored from a morning backup, a reinstalled PC
 * or two PCs set up with one agency ID can issue a code the province already holds for ANOTHER citizen's
 * dossier. Such a copy is never merged into the local dossier and never overwritten: the local dossier is
 * parked as a code collision, the supervisor is alerted on every staff screen, and the repair gives the local
 * dossier a new code (its citizen is called back with a reprinted receipt) and rebuilds the province's dossier
 * here under the code it holds.
 */
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import { mutate, writeAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import { allocateDossierCode } from '../dossiers/dossier-intake';
import { getRowById, getRowByCode, searchTextOf, type DossierRow } from '../dossiers/dossier-repo';
import { enqueueChange } from './outbox';
import { mapHoSo } from './hoso-mapper';
import { importServerDossier } from './rebuild';
import { SYNC_CALLER } from './server-copy';
import { stmt } from './statements';
import { parseDossierCode } from '../../shared/domain/dossier-code';
import type { HoSo } from '../../shared/sync/provincial-types';
import type { CollisionView } from '../../shared/api/sync-contract';
import { v7 as uuidv7 } from 'uuid';

/**
 * Is `server` the province's copy of this very dossier? By `IdHoSo` when the copy has one (this counter
 * sends its dossier id as `IdHoSo`); a copy without it (made by a v1 client, e.g. this counter before the
 * upgrade) is ours only if its receipt time and owner ID equal what we send.
 */
export function isSameDossier(db: Db, row: DossierRow, server: HoSo): boolean {
  if (server.IdHoSo) return server.IdHoSo.toLowerCase() === row.id.toLowerCase();
  const mine = mapHoSo(db, row);
  const ownerOf = (h: Pick<HoSo, 'DinhDanhCHS'>) => h.DinhDanhCHS?.[0]?.SoDinhDanh ?? '';
  return server.NgayTiepNhan === mine.NgayTiepNhan && ownerOf(server) === ownerOf(mine);
}

/** Numbering of the code's day continues above its number (the province holds it). Inside a transaction. */
export function raiseSequenceAbove(db: Db, code: string): void {
  const p = parseDossierCode(code);
  if (!p.ok) return;
  stmt(
    db,
    `INSERT INTO dossier_sequences (agency_id, business_date, last_seq) VALUES (?, ?, ?)
     ON CONFLICT(agency_id, business_date) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`,
  ).run(p.value.agencyId, p.value.localDate, p.value.seq);
}

export function collisionMessage(code: string, server: HoSo): string {
  const when = server.NgayTiepNhan ? `${server.NgayTiepNhan.slice(6, 8)}/${server.NgayTiepNhan.slice(4, 6)}/${server.NgayTiepNhan.slice(0, 4)}` : '';
  return `Trùng mã hồ sơ: hệ thống tỉnh đã có mã ${code} cho một hồ sơ khác (chủ hồ sơ ${server.ChuHoSo}${when ? `, tiếp nhận ${when}` : ''}). Không ghi đè; chờ giám sát xử lý trùng mã.`;
}

/**
 * Parks `row` as a code collision with the province's `server` copy: its pending dossier copies are parked
 * (its steps wait, having no dossier on the server), nothing of the foreign copy is taken. Inside the caller's
 * transaction. Returns true when the collision is new (the screens are told).
 */
export function recordCollision(app: AppContext, row: DossierRow, server: HoSo, source: 'create' | 'conflict' | 'feed'): boolean {
  const now = app.clock.now();
  const at = isoLocal(now);
  const inserted =
    stmt(app.db, 'INSERT OR IGNORE INTO sync_collisions (dossier_id, code, server_copy, source, detected_at) VALUES (?, ?, ?, ?, ?)').run(row.id, row.code, JSON.stringify(server), source, at)
      .changes === 1;
  stmt(app.db, "UPDATE outbox SET status = 'parked', parked_at = ?, last_error = ? WHERE entity_id = ? AND kind = 'dossier' AND status = 'pending'").run(
    at,
    collisionMessage(row.code, server),
    row.id,
  );
  // One dossier is one item for the supervisor, however many copies of it were waiting.
  stmt(
    app.db,
    `UPDATE outbox SET superseded_by = (SELECT max(id) FROM outbox WHERE entity_id = @id AND kind = 'dossier' AND status = 'parked' AND superseded_by IS NULL)
     WHERE entity_id = @id AND kind = 'dossier' AND status = 'parked' AND superseded_by IS NULL
       AND id < (SELECT max(id) FROM outbox WHERE entity_id = @id AND kind = 'dossier' AND status = 'parked' AND superseded_by IS NULL)`,
  ).run({ id: row.id });
  raiseSequenceAbove(app.db, row.code);
  if (inserted) {
    writeAudit(app.db, now, SYNC_CALLER, { action: 'sync.codeCollision', entity: 'dossier', entityId: row.id, detail: { code: row.code, source, serverVersion: server.PhienBan } });
  }
  return inserted;
}

interface CollisionRow {
  id: number;
  dossier_id: string;
  code: string;
  server_copy: string;
  source: 'create' | 'conflict' | 'feed';
  detected_at: string;
  repaired_at: string | null;
  repaired_by: string | null;
  new_code: string | null;
  called_back_at: string | null;
  called_back_by: string | null;
}

export function openCollisionCount(db: Db): number {
  return (stmt(db, 'SELECT count(*) n FROM sync_collisions WHERE repaired_at IS NULL OR called_back_at IS NULL').get() as { n: number }).n;
}

function viewOf(db: Db, c: CollisionRow): CollisionView {
  const local = getRowById(db, c.dossier_id);
  const server = JSON.parse(c.server_copy) as HoSo;
  return {
    id: c.id,
    code: c.code,
    detectedAt: c.detected_at,
    source: c.source,
    local: local
      ? { dossierId: local.id, code: local.code, ownerName: local.owner_name, applicantName: local.applicant_name, applicantPhone: local.applicant_phone, receivedAt: local.received_at, procedureName: local.procedure_name }
      : null,
    server: { ownerName: server.ChuHoSo, procedureName: server.TenTTHC ?? server.MaTTHC, receivedAt: server.NgayTiepNhan, status: server.TrangThaiHoSo },
    repairedAt: c.repaired_at,
    newCode: c.new_code,
    calledBackAt: c.called_back_at,
  };
}

/** Open collisions first (not repaired, or citizen not yet called back), then the latest repaired ones. */
export function listCollisions(db: Db, limit = 100): CollisionView[] {
  const rows = stmt(db, 'SELECT * FROM sync_collisions ORDER BY (repaired_at IS NOT NULL AND called_back_at IS NOT NULL), id DESC LIMIT ?').all(limit) as CollisionRow[];
  return rows.map((r) => viewOf(db, r));
}

/**
 * The repair: the local dossier gets a new code (numbering continues above every code the province holds),
 * goes to the province as a new dossier with its own identity, and the province's dossier is rebuilt here
 * under the code it holds. The citizen still has a receipt with the old code: they are to be called back
 * and given the reprinted one (`markCalledBack`).
 */
export function repairCollision(app: AppContext, caller: Caller, collisionId: number): CollisionView {
  return mutate(app, caller, (v: CollisionView) => ({ action: 'sync.repairCollision', entity: 'dossier', entityId: v.local?.dossierId ?? '', detail: { code: v.code, newCode: v.newCode } }), () => {
    const c = stmt(app.db, 'SELECT * FROM sync_collisions WHERE id = ?').get(collisionId) as CollisionRow | undefined;
    if (!c) throw new AppError('NOT_FOUND', 'Không tìm thấy trường hợp trùng mã này.');
    if (c.repaired_at) throw new AppError('INVALID_STATE', `Đã xử lý: hồ sơ đã được cấp mã mới ${c.new_code}.`);
    const row = getRowById(app.db, c.dossier_id);
    if (!row) throw new AppError('NOT_FOUND', 'Không còn hồ sơ của quầy trong trường hợp trùng mã này.');
    const now = app.clock.now();
    const nowIso = isoLocal(now);
    const server = JSON.parse(c.server_copy) as HoSo;
    raiseSequenceAbove(app.db, c.code);
    const businessDate = row.business_date;
    let code = allocateDossierCode(app, row.agency_id, businessDate).code;
    // A code the province is known to hold (another open collision) is skipped too.
    while (getRowByCode(app.db, code) || stmt(app.db, 'SELECT 1 FROM sync_collisions WHERE code = ?').get(code)) {
      code = allocateDossierCode(app, row.agency_id, businessDate).code;
    }
    const renamed = { ...row, code };
    app.db.prepare('UPDATE dossiers SET code = ?, server_version = 0, search_text = ?, updated_at = ? WHERE rid = ?').run(code, searchTextOf(renamed), nowIso, row.rid);
    app.db
      .prepare('INSERT INTO dossier_steps (id, dossier_rid, at, action, from_status, to_status, actor_id, actor_name, body, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(uuidv7(), row.rid, nowIso, 'codeChanged', row.status, null, caller.userId, caller.fullName ?? caller.username, `Đổi mã hồ sơ ${c.code} → ${code} (trùng mã trên hệ thống tỉnh)`, 'Gọi công dân, in lại giấy tiếp nhận', JSON.stringify({ from: c.code, to: code }));
    // Its parked copies are answered by a fresh create under the new code.
    const fresh = enqueueChange(app.db, now, { kind: 'dossier', entityId: row.id, payload: { op: 'create' } });
    const freshId = (stmt(app.db, 'SELECT id FROM outbox WHERE change_id = ?').get(fresh) as { id: number }).id;
    app.db.prepare("UPDATE outbox SET superseded_by = ? WHERE entity_id = ? AND kind = 'dossier' AND status = 'parked' AND superseded_by IS NULL").run(freshId, row.id);
    app.db.prepare('UPDATE sync_collisions SET repaired_at = ?, repaired_by = ?, new_code = ? WHERE id = ?').run(nowIso, caller.username, code, c.id);
    // The province's dossier that holds the old code belongs to this agency: it is rebuilt here.
    if (!getRowByCode(app.db, c.code)) importServerDossier(app, server);
    return viewOf(app.db, { ...c, repaired_at: nowIso, repaired_by: caller.username, new_code: code });
  });
}

/** The citizen of a repaired collision was called back and given the reprinted receipt. */
export function markCalledBack(app: AppContext, caller: Caller, collisionId: number): CollisionView {
  return mutate(app, caller, (v: CollisionView) => ({ action: 'sync.collisionCalledBack', entity: 'dossier', entityId: v.local?.dossierId ?? '', detail: { code: v.code, newCode: v.newCode } }), () => {
    const c = stmt(app.db, 'SELECT * FROM sync_collisions WHERE id = ?').get(collisionId) as CollisionRow | undefined;
    if (!c) throw new AppError('NOT_FOUND', 'Không tìm thấy trường hợp trùng mã này.');
    if (!c.repaired_at) throw new AppError('INVALID_STATE', 'Cần cấp mã mới cho hồ sơ trước khi báo đã gọi công dân.');
    const nowIso = isoLocal(app.clock.now());
    app.db.prepare('UPDATE sync_collisions SET called_back_at = ?, called_back_by = ? WHERE id = ?').run(nowIso, caller.username, c.id);
    return viewOf(app.db, { ...c, called_back_at: nowIso, called_back_by: caller.username });
  });
}

