import { v7 as uuidv7 } from 'uuid';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import { mutate } from '../audit/audit-log';
import { receiveDossier, type IntakeResult } from '../dossiers/dossier-intake';
import { recordIntakeOutcome, type IntakeOutcomeInput } from '../dossiers/intake-outcome';
import { toLocalDate } from '../../shared/calendar';
import { normalizeS10 } from '../../shared/domain/s10';
import { checkPostalCode } from '../../shared/postal/postal-code';
import type { IntakeParsed } from '../../shared/dossiers/dossier-schemas';
import type { IntakeOutcomeView } from '../../shared/api/dossier-contract';
import type { SealCondition } from '../../shared/postal/postal-types';
import { getItemRow, insertHandover, insertItem, isOpenCodeConflict, itemByCode, openHolderOf, requireHandover, type HandoverRow, type ItemRow } from './postal-repo';

export interface PartyInput {
  employeeName: string;
  employeePhone?: string;
  postOffice: string;
  note?: string;
}

const actorName = (c: Caller) => c.fullName ?? c.username ?? 'Cán bộ một cửa';

/** Opens a hand-over (IN here; OUT inside handOverResults). Inside or outside a transaction. */
export function openHandover(app: AppContext, caller: Caller, direction: 'IN' | 'OUT', p: PartyInput): { id: string; number: string } {
  const now = app.clock.now();
  const id = uuidv7();
  const number = insertHandover(app.db, {
    id, direction, businessDate: toLocalDate(now), employeeName: p.employeeName, employeePhone: p.employeePhone ?? null, postOffice: p.postOffice,
    clerkId: caller.userId, clerkName: actorName(caller), openedAt: isoLocal(now), note: p.note ?? null,
  });
  return { id, number };
}

export function openInbound(app: AppContext, caller: Caller, p: PartyInput): string {
  return mutate(app, caller, (r: { id: string; number: string }) => ({ action: 'postal.open', entity: 'postal_handover', entityId: r.id, detail: { number: r.number, direction: 'IN' } }), () =>
    openHandover(app, caller, 'IN', p),
  ).id;
}

function requireOpenInbound(app: AppContext, id: string): HandoverRow {
  const h = requireHandover(app.db, id);
  if (h.direction !== 'IN') throw new AppError('INVALID_STATE', `Phiếu ${h.number} là phiếu giao kết quả, không nhận bưu gửi vào.`);
  if (h.state !== 'open') throw new AppError('INVALID_STATE', `Phiếu ${h.number} đã kết thúc, không thay đổi được nữa.`);
  return h;
}

/**
 * Validates an item code for use in a new hand-over item: S10 check digit (explicit confirmation
 * needed to keep a wrong one), and not already in an open hand-over.
 */
export function acceptCode(app: AppContext, raw: string, confirmNonS10: boolean | undefined, field = 'postalCode'): { code: string; kind: 's10' | 'not-s10' | 'confirmed'; warning: string | null } {
  const c = checkPostalCode(raw, !!confirmNonS10);
  if (!c.ok) throw new AppError('VALIDATION', c.message, c.badCheckDigit ? { [field]: c.message, confirmNonS10: 'Cần xác nhận giữ mã' } : { [field]: c.message });
  const holder = openHolderOf(app.db, c.code);
  if (holder) throw new AppError('CONFLICT', `Mã bưu gửi ${c.code} đang có trong phiếu bàn giao ${holder.number} chưa kết thúc. Một mã chỉ được ở một phiếu đang mở.`, { [field]: `Đã có trong phiếu ${holder.number}` });
  return { code: c.code, kind: c.kind, warning: c.warning };
}

export interface AddItemInput {
  handoverId: string;
  postalCode: string;
  confirmNonS10?: boolean;
  seal: SealCondition;
  sealNote?: string;
  sets: number;
  note?: string;
}

export function addInboundItem(app: AppContext, caller: Caller, input: AddItemInput): { itemId: string; warning: string | null } {
  const h = requireOpenInbound(app, input.handoverId);
  if (input.seal === 'damaged' && !input.sealNote) throw new AppError('VALIDATION', 'Niêm phong không nguyên vẹn: ghi rõ tình trạng bưu gửi', { sealNote: 'Ghi rõ tình trạng niêm phong' });
  const c = acceptCode(app, input.postalCode, input.confirmNonS10);
  const id = uuidv7();
  try {
    mutate(app, caller, { action: 'postal.addItem', entity: 'postal_handover', entityId: h.id, detail: { number: h.number, code: c.code, kind: c.kind, seal: input.seal } }, () =>
      insertItem(app.db, {
        id, handoverId: h.id, direction: 'IN', postalCode: c.code, codeKind: c.kind, seal: input.seal, sealNote: input.seal === 'damaged' ? input.sealNote ?? null : null,
        sets: input.sets, outcome: 'pending', postalFee: 0, note: input.note ?? null, dossierId: null, outcomeId: null, returnsItemId: null,
        addedAt: isoLocal(app.clock.now()), decidedAt: null,
      }),
    );
  } catch (e) {
    if (isOpenCodeConflict(e)) throw new AppError('CONFLICT', `Mã bưu gửi ${c.code} vừa được thêm vào một phiếu đang mở khác.`, { postalCode: 'Đã có trong phiếu đang mở' });
    throw e;
  }
  return { itemId: id, warning: c.warning };
}

export function removeInboundItem(app: AppContext, caller: Caller, itemId: string): string {
  const item = getItemRow(app.db, itemId);
  if (!item) throw new AppError('NOT_FOUND', 'Không tìm thấy bưu gửi');
  const h = requireOpenInbound(app, item.handover_id);
  if (item.outcome !== 'pending') throw new AppError('INVALID_STATE', `Bưu gửi ${item.postal_code} đã được xử lý, không bỏ khỏi phiếu được.`);
  mutate(app, caller, { action: 'postal.removeItem', entity: 'postal_handover', entityId: h.id, detail: { number: h.number, code: item.postal_code } }, () => {
    app.db.prepare('DELETE FROM postal_handover_items WHERE id = ?').run(item.id);
  });
  return h.id;
}

function requirePendingItem(app: AppContext, h: HandoverRow, rawCode: string): ItemRow {
  const code = normalizeS10(rawCode);
  const item = itemByCode(app.db, h.id, code);
  if (!item) throw new AppError('NOT_FOUND', `Bưu gửi ${code} không có trong phiếu ${h.number}`, { postalCode: 'Không có trong phiếu' });
  if (item.outcome !== 'pending') {
    throw new AppError('INVALID_STATE', `Bưu gửi ${code} đã được xử lý (${item.outcome === 'received' ? 'đã tiếp nhận' : 'thiếu hồ sơ, đã lập Mẫu 02'}).`);
  }
  return item;
}

/**
 * Receives a postal item as a dossier through the normal intake (channel 3 with the item code; every
 * intake check applies) and marks the item received — one transaction: both or neither.
 */
export function receiveInboundItem(app: AppContext, caller: Caller, input: { handoverId: string; postalCode: string; intake: IntakeParsed }, counterNumber: number | null): IntakeResult {
  const h = requireOpenInbound(app, input.handoverId);
  const item = requirePendingItem(app, h, input.postalCode);
  if (input.intake.channel !== '3') throw new AppError('VALIDATION', 'Hồ sơ nhận từ bưu chính phải có kênh nộp "Qua bưu chính"', { channel: 'Phải là qua bưu chính' });
  if (input.intake.postalCode && normalizeS10(input.intake.postalCode) !== item.postal_code) {
    throw new AppError('VALIDATION', `Mã bưu gửi của hồ sơ (${input.intake.postalCode}) khác mã trong phiếu (${item.postal_code})`, { postalCode: 'Không khớp với phiếu' });
  }
  const intake: IntakeParsed = { ...input.intake, channel: '3', postalCode: item.postal_code };
  return mutate(app, caller, { action: 'postal.receiveItem', entity: 'postal_handover', entityId: h.id, detail: { number: h.number, code: item.postal_code } }, () => {
    const r = receiveDossier(app, caller, intake, counterNumber);
    app.db
      .prepare("UPDATE postal_handover_items SET dossier_id = ?, outcome = 'received', sets = ?, decided_at = ? WHERE id = ?")
      .run(r.id, intake.sets, isoLocal(app.clock.now()), item.id);
    return r;
  });
}

/** The item lacks papers: records the Mẫu 02 (like the counter does) so the papers can go back by post. */
export function markInboundIncomplete(
  app: AppContext,
  caller: Caller,
  input: { handoverId: string; postalCode: string; sets?: number } & Omit<IntakeOutcomeInput, 'kind' | 'ticketId'>,
  counterNumber: number | null,
): IntakeOutcomeView {
  const h = requireOpenInbound(app, input.handoverId);
  const item = requirePendingItem(app, h, input.postalCode);
  return mutate(app, caller, { action: 'postal.markIncomplete', entity: 'postal_handover', entityId: h.id, detail: { number: h.number, code: item.postal_code } }, () => {
    const o = recordIntakeOutcome(app, caller, { kind: 'supplement_request', procedureCode: input.procedureCode, applicant: input.applicant, items: input.items, reason: input.reason }, counterNumber);
    app.db
      .prepare("UPDATE postal_handover_items SET outcome_id = ?, outcome = 'incomplete', sets = ?, decided_at = ? WHERE id = ?")
      .run(o.id, input.sets ?? item.sets, isoLocal(app.clock.now()), item.id);
    return o;
  });
}

/** Ends the inbound hand-over once every item is received or found incomplete. */
export function closeInbound(app: AppContext, caller: Caller, handoverId: string): HandoverRow {
  const h = requireOpenInbound(app, handoverId);
  const items = app.db.prepare('SELECT postal_code, outcome FROM postal_handover_items WHERE handover_id = ? ORDER BY idx').all(h.id) as { postal_code: string; outcome: string }[];
  if (!items.length) throw new AppError('INVALID_STATE', 'Phiếu chưa có bưu gửi nào: thêm mã bưu gửi trước khi kết thúc.');
  const pending = items.filter((i) => i.outcome === 'pending').map((i) => i.postal_code);
  if (pending.length) throw new AppError('INVALID_STATE', `Còn ${pending.length} bưu gửi chưa xử lý (tiếp nhận hoặc lập Mẫu 02): ${pending.join(', ')}.`);
  mutate(app, caller, { action: 'postal.close', entity: 'postal_handover', entityId: h.id, detail: { number: h.number, items: items.length } }, () => {
    app.db.prepare("UPDATE postal_handovers SET state = 'closed', closed_at = ? WHERE id = ?").run(isoLocal(app.clock.now()), h.id);
  });
  return requireHandover(app.db, h.id);
}
