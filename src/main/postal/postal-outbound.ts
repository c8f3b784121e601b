import { v7 as uuidv7 } from 'uuid';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import { mutate } from '../audit/audit-log';
import { getRowById, type DossierRow } from '../dossiers/dossier-repo';
import { applyDossierAction } from '../dossiers/dossier-lifecycle';
import { checkPostalCode } from '../../shared/postal/postal-code';
import { POSTAL_FEE_LINE_NAME, type OutboundCandidate } from '../../shared/postal/postal-types';
import { DOSSIER_STATUS_LABELS } from '../../shared/domain/status';
import { openHandover, type PartyInput } from './postal-inbound';
import { getItemRow, insertItem, isOpenCodeConflict, openHolderOf } from './postal-repo';

/** Results ready and to be delivered by post, oldest due first (served by dossiers_status_due). */
export const SQL_READY_BY_POST = `SELECT id, code, owner_name, procedure_name, sets, delivery_address, owner_address, finished_at,
    (SELECT i.postal_code FROM postal_handover_items i WHERE i.dossier_id = d.id AND i.direction = 'IN' LIMIT 1) AS inbound_code
  FROM dossiers d WHERE d.status = '9' AND d.result_delivery = '1' ORDER BY d.due_ms`;
/** Incomplete postal items whose papers have not been sent back yet (served by postal_items_incomplete). */
export const SQL_RETURNS_PENDING = `SELECT i.id, i.postal_code, i.sets, o.applicant, o.procedure_name, o.at
  FROM postal_handover_items i JOIN intake_outcomes o ON o.id = i.outcome_id
  WHERE i.outcome = 'incomplete' AND NOT EXISTS (SELECT 1 FROM postal_handover_items r WHERE r.returns_item_id = i.id)
  ORDER BY o.at`;

export function outboundCandidates(app: AppContext): OutboundCandidate[] {
  const ready = app.db.prepare(SQL_READY_BY_POST).all() as {
    id: string; code: string; owner_name: string; procedure_name: string; sets: number; delivery_address: string | null; owner_address: string; finished_at: string | null; inbound_code: string | null;
  }[];
  const returns = app.db.prepare(SQL_RETURNS_PENDING).all() as { id: string; postal_code: string; sets: number; applicant: string; procedure_name: string; at: string }[];
  return [
    ...ready.map((d): OutboundCandidate => ({
      kind: 'result', key: d.id, dossierId: d.id, inboundItemId: null, dossierCode: d.code, ownerName: d.owner_name, procedureName: d.procedure_name, sets: d.sets,
      deliveryAddress: d.delivery_address ?? d.owner_address, finishedAt: d.finished_at, inboundPostalCode: d.inbound_code,
    })),
    ...returns.map((r): OutboundCandidate => {
      const a = JSON.parse(r.applicant) as { fullName: string; address?: string };
      return {
        kind: 'supplementReturn', key: r.id, dossierId: null, inboundItemId: r.id, dossierCode: null, ownerName: a.fullName, procedureName: r.procedure_name, sets: r.sets,
        deliveryAddress: a.address ?? null, finishedAt: r.at, inboundPostalCode: r.postal_code,
      };
    }),
  ];
}

export interface OutboundItemInput {
  dossierId?: string;
  inboundItemId?: string;
  postalCode: string;
  confirmNonS10?: boolean;
  postalFee?: number;
}

interface Planned {
  input: OutboundItemInput;
  code: string;
  kind: 's10' | 'not-s10' | 'confirmed';
  dossier: DossierRow | null;
  returnOf: { id: string; outcomeId: string; sets: number } | null;
}

/** Checks every line before anything is written; reports all problems at once, per line. */
function plan(app: AppContext, items: OutboundItemInput[]): { planned: Planned[]; warnings: string[] } {
  const fields: Record<string, string> = {};
  const warnings: string[] = [];
  const planned: Planned[] = [];
  const seenCodes = new Map<string, number>();
  const seenSubjects = new Set<string>();
  items.forEach((it, i) => {
    const field = `items.${i}.postalCode`;
    let dossier: DossierRow | null = null;
    let returnOf: Planned['returnOf'] = null;
    if (it.dossierId) {
      dossier = getRowById(app.db, it.dossierId) ?? null;
      if (!dossier) fields[`items.${i}`] = 'Không tìm thấy hồ sơ';
      else if (dossier.status !== '9') fields[`items.${i}`] = `Hồ sơ ${dossier.code} đang "${DOSSIER_STATUS_LABELS[dossier.status]}", chưa thể trả kết quả`;
      else if (dossier.result_delivery !== '1') fields[`items.${i}`] = `Hồ sơ ${dossier.code} nhận kết quả tại Bộ phận Một cửa, không qua bưu chính`;
    } else if (it.inboundItemId) {
      const src = getItemRow(app.db, it.inboundItemId);
      const sent = src && app.db.prepare('SELECT 1 FROM postal_handover_items WHERE returns_item_id = ?').get(src.id);
      if (!src || src.outcome !== 'incomplete' || !src.outcome_id) fields[`items.${i}`] = 'Không có bưu gửi thiếu hồ sơ này';
      else if (sent) fields[`items.${i}`] = `Hồ sơ thiếu của bưu gửi ${src.postal_code} đã được gửi trả`;
      else if (it.postalFee) fields[`items.${i}.postalFee`] = 'Hồ sơ chưa được tiếp nhận: không ghi cước vào phí hồ sơ';
      else returnOf = { id: src.id, outcomeId: src.outcome_id, sets: src.sets };
    }
    const subject = it.dossierId ?? it.inboundItemId ?? '';
    if (seenSubjects.has(subject)) fields[`items.${i}`] = 'Hồ sơ này đã có ở dòng trên';
    seenSubjects.add(subject);
    const c = checkPostalCode(it.postalCode, !!it.confirmNonS10);
    if (!c.ok) {
      fields[field] = c.message;
      if (c.badCheckDigit) fields[`items.${i}.confirmNonS10`] = 'Cần xác nhận giữ mã';
      return;
    }
    const dup = seenCodes.get(c.code);
    if (dup !== undefined) fields[field] = `Trùng mã bưu gửi với dòng ${dup + 1}`;
    seenCodes.set(c.code, i);
    const holder = openHolderOf(app.db, c.code);
    if (holder) fields[field] = `Mã ${c.code} đang có trong phiếu ${holder.number} chưa kết thúc`;
    if (c.warning) warnings.push(c.warning);
    planned.push({ input: it, code: c.code, kind: c.kind, dossier, returnOf });
  });
  const problems = Object.entries(fields);
  if (problems.length) {
    const [key, msg] = problems[0];
    const line = Number(key.split('.')[1]) + 1;
    throw new AppError('VALIDATION', `Dòng ${line}: ${msg}${problems.length > 1 ? ` (và ${problems.length - 1} lỗi khác)` : ''}`, fields);
  }
  return { planned, warnings };
}

/**
 * Hands results to the postal employee in one transaction: the OUT hand-over and its items, the postal
 * fee appended to each dossier's fees, and every dossier moved to "returned" (status 10) under its item
 * code; then the hand-over is closed. Either all of it happens or none.
 */
export function handOverResults(app: AppContext, caller: Caller, input: PartyInput & { items: OutboundItemInput[] }): { handoverId: string; warnings: string[]; dossiers: DossierRow[] } {
  const { planned, warnings } = plan(app, input.items);
  try {
    return mutate(app, caller, (r: { handoverId: string }) => ({ action: 'postal.handOver', entity: 'postal_handover', entityId: r.handoverId, detail: { items: planned.length } }), () => {
      const { id } = openHandover(app, caller, 'OUT', input);
      const nowIso = isoLocal(app.clock.now());
      const dossiers: DossierRow[] = [];
      for (const p of planned) {
        const fee = p.input.postalFee ?? 0;
        insertItem(app.db, {
          id: uuidv7(), handoverId: id, direction: 'OUT', postalCode: p.code, codeKind: p.kind, seal: 'intact', sealNote: null,
          sets: p.dossier?.sets ?? p.returnOf?.sets ?? 1, outcome: 'returned', postalFee: fee, note: null,
          dossierId: p.dossier?.id ?? null, outcomeId: p.returnOf?.outcomeId ?? null, returnsItemId: p.returnOf?.id ?? null, addedAt: nowIso, decidedAt: nowIso,
        });
        if (!p.dossier) continue;
        if (fee > 0) {
          // Kept with the dossier's fees (collected on delivery), so the fee list stays the one record of money.
          app.db
            .prepare("INSERT INTO dossier_fees (dossier_rid, idx, code, name, amount, collection) VALUES (?, (SELECT coalesce(max(idx), -1) + 1 FROM dossier_fees WHERE dossier_rid = ?), '', ?, ?, 'THUSAU')")
            .run(p.dossier.rid, p.dossier.rid, POSTAL_FEE_LINE_NAME, fee);
          app.db.prepare('UPDATE dossiers SET fee_total = fee_total + ? WHERE rid = ?').run(fee, p.dossier.rid);
        }
        dossiers.push(applyDossierAction(app, caller, { dossierId: p.dossier.id, action: 'returned', postalCode: p.code, note: `Giao bưu chính: ${input.postOffice}` }));
      }
      app.db.prepare("UPDATE postal_handovers SET state = 'closed', closed_at = ? WHERE id = ?").run(nowIso, id);
      return { handoverId: id, warnings, dossiers };
    });
  } catch (e) {
    if (isOpenCodeConflict(e)) throw new AppError('CONFLICT', 'Một mã bưu gửi vừa được dùng ở phiếu đang mở khác; tải lại và thử lại.');
    throw e;
  }
}
