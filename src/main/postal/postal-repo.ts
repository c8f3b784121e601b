import type { Db } from '../db/database';
import { AppError } from '../api/app-error';
import type { PostalCodeKind } from '../../shared/postal/postal-code';
import type { HandoverCounts, HandoverDirection, HandoverItemView, HandoverState, HandoverSummary, HandoverView, ItemOutcome, SealCondition } from '../../shared/postal/postal-types';

export interface HandoverRow {
  id: string; number: string; direction: HandoverDirection; state: HandoverState; business_date: string;
  employee_name: string; employee_phone: string | null; post_office: string; clerk_id: string | null; clerk_name: string;
  opened_at: string; closed_at: string | null; slip_document_id: string | null; note: string | null;
}

export interface ItemRow {
  id: string; handover_id: string; direction: HandoverDirection; idx: number; postal_code: string; code_kind: PostalCodeKind; is_open: number | null;
  dossier_id: string | null; outcome_id: string | null; returns_item_id: string | null; seal: SealCondition; seal_note: string | null; sets: number;
  outcome: ItemOutcome; postal_fee: number; note: string | null; added_at: string; decided_at: string | null;
}

/** The open hand-over (if any) that holds an item code: served by the partial unique index. */
export const SQL_OPEN_CODE = `SELECT i.id, i.handover_id, h.number FROM postal_handover_items i JOIN postal_handovers h ON h.id = i.handover_id
  WHERE i.postal_code = ? AND i.is_open = 1`;
/** Items of one hand-over, in the order they were handed over, with what they became. */
export const SQL_ITEMS_OF = `SELECT i.*, d.code AS dossier_code, d.owner_name AS dossier_owner, d.procedure_name AS dossier_procedure,
    o.applicant AS outcome_applicant, o.procedure_name AS outcome_procedure
  FROM postal_handover_items i
  LEFT JOIN dossiers d ON d.id = i.dossier_id
  LEFT JOIN intake_outcomes o ON o.id = i.outcome_id
  WHERE i.handover_id = ? ORDER BY i.idx`;
/** Per-hand-over counts, for the list. */
export const SQL_COUNTS_OF = `SELECT count(*) AS items,
    coalesce(sum(outcome = 'pending'), 0) AS pending, coalesce(sum(outcome = 'received'), 0) AS received,
    coalesce(sum(outcome = 'incomplete'), 0) AS incomplete, coalesce(sum(outcome = 'returned'), 0) AS returned,
    coalesce(sum(sets), 0) AS sets, coalesce(sum(postal_fee), 0) AS postalFees
  FROM postal_handover_items WHERE handover_id = ?`;

export function getHandoverRow(db: Db, id: string): HandoverRow | undefined {
  return db.prepare('SELECT * FROM postal_handovers WHERE id = ?').get(id) as HandoverRow | undefined;
}

export function requireHandover(db: Db, id: string): HandoverRow {
  const h = getHandoverRow(db, id);
  if (!h) throw new AppError('NOT_FOUND', 'Không tìm thấy phiếu bàn giao bưu chính');
  return h;
}

export function getItemRow(db: Db, id: string): ItemRow | undefined {
  return db.prepare('SELECT * FROM postal_handover_items WHERE id = ?').get(id) as ItemRow | undefined;
}

export function itemByCode(db: Db, handoverId: string, code: string): ItemRow | undefined {
  return db.prepare('SELECT * FROM postal_handover_items WHERE handover_id = ? AND postal_code = ?').get(handoverId, code) as ItemRow | undefined;
}

/** The open hand-over holding this code, if any. */
export function openHolderOf(db: Db, code: string): { id: string; handover_id: string; number: string } | undefined {
  return db.prepare(SQL_OPEN_CODE).get(code) as { id: string; handover_id: string; number: string } | undefined;
}

function summaryOf(db: Db, h: HandoverRow): HandoverSummary {
  const counts = db.prepare(SQL_COUNTS_OF).get(h.id) as HandoverCounts;
  return {
    id: h.id, number: h.number, direction: h.direction, state: h.state, employeeName: h.employee_name, employeePhone: h.employee_phone,
    postOffice: h.post_office, clerkName: h.clerk_name, openedAt: h.opened_at, closedAt: h.closed_at, slipDocumentId: h.slip_document_id, note: h.note, counts,
  };
}

type ItemJoin = ItemRow & { dossier_code: string | null; dossier_owner: string | null; dossier_procedure: string | null; outcome_applicant: string | null; outcome_procedure: string | null };

export function itemViews(db: Db, handoverId: string): HandoverItemView[] {
  return (db.prepare(SQL_ITEMS_OF).all(handoverId) as ItemJoin[]).map((i) => ({
    id: i.id, idx: i.idx, postalCode: i.postal_code, codeKind: i.code_kind, seal: i.seal, sealNote: i.seal_note, sets: i.sets, outcome: i.outcome,
    postalFee: i.postal_fee, note: i.note, dossierId: i.dossier_id, dossierCode: i.dossier_code,
    ownerName: i.dossier_owner ?? (i.outcome_applicant ? (JSON.parse(i.outcome_applicant) as { fullName: string }).fullName : null),
    procedureName: i.dossier_procedure ?? i.outcome_procedure, outcomeId: i.outcome_id, returnsItemId: i.returns_item_id, addedAt: i.added_at, decidedAt: i.decided_at,
  }));
}

export function handoverView(db: Db, id: string): HandoverView {
  const h = requireHandover(db, id);
  return { ...summaryOf(db, h), items: itemViews(db, id) };
}

/** Hand-overs newest first; the WHERE is built from the filters given so each shape can use an index. */
export function listHandovers(db: Db, f: { state?: HandoverState; direction?: HandoverDirection; limit: number }): HandoverSummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.state) {
    where.push('state = ?');
    params.push(f.state);
  }
  if (f.direction) {
    where.push('direction = ?');
    params.push(f.direction);
  }
  const sql = `SELECT * FROM postal_handovers ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY opened_at DESC, id DESC LIMIT ?`;
  return (db.prepare(sql).all(...params, f.limit) as HandoverRow[]).map((h) => summaryOf(db, h));
}

export interface NewHandover {
  id: string; direction: HandoverDirection; businessDate: string; employeeName: string; employeePhone: string | null; postOffice: string;
  clerkId: string | null; clerkName: string; openedAt: string; note: string | null;
}

/**
 * Inserts an open hand-over with the next slip number of its direction and local day. The number is
 * computed inside the INSERT itself, so the count and the write are one atomic step.
 */
export function insertHandover(db: Db, h: NewHandover): string {
  const prefix = h.direction === 'IN' ? 'BN' : 'BG';
  const day = h.businessDate.slice(2).replace(/-/g, '');
  const row = db
    .prepare(
      `INSERT INTO postal_handovers (id, number, direction, state, business_date, employee_name, employee_phone, post_office, clerk_id, clerk_name, opened_at, note)
       VALUES (@id, printf('%s-%s-%02d', @prefix, @day, (SELECT count(*) + 1 FROM postal_handovers WHERE direction = @direction AND business_date = @businessDate)),
               @direction, 'open', @businessDate, @employeeName, @employeePhone, @postOffice, @clerkId, @clerkName, @openedAt, @note)
       RETURNING number`,
    )
    .get({ ...h, prefix, day }) as { number: string };
  return row.number;
}

export interface NewItem {
  id: string; handoverId: string; direction: HandoverDirection; postalCode: string; codeKind: PostalCodeKind; seal: SealCondition; sealNote: string | null;
  sets: number; outcome: ItemOutcome; postalFee: number; note: string | null; dossierId: string | null; outcomeId: string | null; returnsItemId: string | null;
  addedAt: string; decidedAt: string | null;
}

export function insertItem(db: Db, i: NewItem): void {
  db.prepare(
    `INSERT INTO postal_handover_items (id, handover_id, direction, idx, postal_code, code_kind, dossier_id, outcome_id, returns_item_id, seal, seal_note, sets, outcome, postal_fee, note, added_at, decided_at)
     VALUES (@id, @handoverId, @direction, (SELECT coalesce(max(idx), -1) + 1 FROM postal_handover_items WHERE handover_id = @handoverId), @postalCode, @codeKind,
             @dossierId, @outcomeId, @returnsItemId, @seal, @sealNote, @sets, @outcome, @postalFee, @note, @addedAt, @decidedAt)`,
  ).run(i);
}

/** A UNIQUE failure of the open-code index (another counter added the same code a moment earlier). */
export function isOpenCodeConflict(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === 'SQLITE_CONSTRAINT_UNIQUE' && /postal_handover_items\.postal_code/.test(err.message ?? '');
}
