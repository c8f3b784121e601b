import { v7 as uuidv7 } from 'uuid';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import { mutate } from '../audit/audit-log';
import { enqueueChange } from '../sync/outbox';
import { getWorkCalendar } from '../calendar/calendar-service';
import { addOfficeTime, officeTimeBetween } from '../../shared/calendar';
import { DOSSIER_ACTIONS, canApply, FINAL_STATUSES, type DossierAction } from '../../shared/dossiers/lifecycle';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../shared/domain/status';
import { getRowById, searchTextOf, type DossierRow } from './dossier-repo';

export interface ActionInput {
  dossierId: string;
  action: DossierAction;
  note?: string;
  body?: string;
  content?: string;
  collectorName?: string;
  collectorIdNumber?: string;
  resultDocuments?: { name: string; code?: string }[];
  /** Set by the postal hand-over: the item code the result travels under. */
  postalCode?: string;
}

function requireRow(app: AppContext, id: string): DossierRow {
  const r = getRowById(app.db, id);
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ');
  return r;
}

/** Records one step and queues it (and the updated dossier) for the provincial server. Inside a transaction. */
export function recordStep(app: AppContext, caller: Caller, row: DossierRow, step: { action: string; to: DossierStatus | null; body?: string | null; note?: string | null; data?: unknown }, now: Date): string {
  const stepId = uuidv7();
  app.db
    .prepare('INSERT INTO dossier_steps (id, dossier_rid, at, action, from_status, to_status, actor_id, actor_name, body, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(stepId, row.rid, isoLocal(now), step.action, row.status, step.to, caller.userId, caller.fullName ?? caller.username, step.body ?? null, step.note ?? null, step.data === undefined ? null : JSON.stringify(step.data));
  if (step.to) enqueueChange(app.db, now, { kind: 'progress', entityId: row.id, payload: { stepId } });
  enqueueChange(app.db, now, { kind: 'dossier', entityId: row.id, payload: { op: 'update' } });
  return stepId;
}

/**
 * Applies a lifecycle action: checks the transition is legal for the current status, updates the dossier
 * (status, dates, pauses, result) and records the step, audit entry and outbox entries in one transaction.
 */
export function applyDossierAction(app: AppContext, caller: Caller, input: ActionInput): DossierRow {
  const row = requireRow(app, input.dossierId);
  const spec = DOSSIER_ACTIONS[input.action];
  if (!canApply(input.action, row.status)) {
    throw new AppError('INVALID_STATE', `Không thể "${spec.label}" khi hồ sơ đang ở trạng thái "${DOSSIER_STATUS_LABELS[row.status]}".`);
  }
  const now = app.clock.now();
  const nowIso = isoLocal(now);
  const sets: Record<string, unknown> = { status: spec.to, updated_at: nowIso };
  let body: string | null = input.body ?? null;
  let data: unknown;

  switch (input.action) {
    case 'transfer':
      if (!input.body) throw new AppError('VALIDATION', 'Chọn cơ quan, bộ phận xử lý', { body: 'Chưa chọn nơi xử lý' });
      break;
    case 'requestSupplement': {
      if (!input.content) throw new AppError('VALIDATION', 'Nhập nội dung cần bổ sung', { content: 'Chưa nhập nội dung bổ sung' });
      body = input.content;
      const idx = (app.db.prepare('SELECT count(*) n FROM dossier_pauses WHERE dossier_rid = ?').get(row.rid) as { n: number }).n;
      app.db.prepare('INSERT INTO dossier_pauses (dossier_rid, idx, from_at, content, due_before) VALUES (?, ?, ?, ?, ?)').run(row.rid, idx, nowIso, input.content, row.due_at);
      break;
    }
    case 'supplementReceived': {
      const pause = app.db.prepare('SELECT idx, from_at FROM dossier_pauses WHERE dossier_rid = ? AND to_at IS NULL ORDER BY idx DESC LIMIT 1').get(row.rid) as { idx: number; from_at: string } | undefined;
      if (pause) {
        // The clock stood still while the citizen completed the dossier: move the due date by that office time.
        const cal = getWorkCalendar(app);
        const waited = officeTimeBetween(cal, new Date(pause.from_at), now);
        const newDue = addOfficeTime(cal, new Date(row.due_at), waited);
        app.db.prepare('UPDATE dossier_pauses SET to_at = ?, due_after = ? WHERE dossier_rid = ? AND idx = ?').run(nowIso, isoLocal(newDue), row.rid, pause.idx);
        sets.due_at = isoLocal(newDue);
        sets.due_ms = newDue.getTime();
        data = { dueBefore: row.due_at, dueAfter: isoLocal(newDue) };
      }
      break;
    }
    case 'resultReady':
      sets.finished_at = nowIso;
      if (input.resultDocuments?.length) sets.result_documents = JSON.stringify(input.resultDocuments);
      break;
    case 'returned':
      if (row.result_delivery === '0' && !input.postalCode && !input.collectorName) {
        throw new AppError('VALIDATION', 'Nhập họ tên người nhận kết quả', { collectorName: 'Chưa nhập người nhận' });
      }
      sets.returned_at = nowIso;
      if (input.postalCode) {
        sets.postal_code = input.postalCode;
        // Keep the inbound item code searchable too: a clerk may look the dossier up by either code.
        const inbound = row.postal_code && row.postal_code !== input.postalCode ? ` ${row.postal_code.toLowerCase()}` : '';
        sets.search_text = searchTextOf({ ...row, postal_code: input.postalCode }) + inbound;
      }
      data = { collectorName: input.collectorName ?? null, collectorIdNumber: input.collectorIdNumber ?? null, postalCode: input.postalCode ?? null };
      break;
    case 'withdraw':
    case 'stop':
      if (!input.note) throw new AppError('VALIDATION', 'Nhập lý do', { note: 'Chưa nhập lý do' });
      break;
    default:
      break;
  }

  return mutate(app, caller, { action: `dossier.${input.action}`, entity: 'dossier', entityId: row.id, detail: { from: row.status, to: spec.to } }, () => {
    const cols = Object.keys(sets);
    app.db.prepare(`UPDATE dossiers SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE rid = @rid`).run({ ...sets, rid: row.rid });
    recordStep(app, caller, row, { action: input.action, to: spec.to, body, note: input.note ?? null, data }, now);
    return requireRow(app, row.id);
  });
}

/**
 * Apology and extension (Mẫu 04): a supervisor sets a new return date for a dossier that is, or will be,
 * late. The original due date is kept alongside.
 */
export function extendDossier(app: AppContext, caller: Caller, input: { dossierId: string; newDueAt: string; reason: string; faultBody: string }): DossierRow {
  const row = requireRow(app, input.dossierId);
  if (FINAL_STATUSES.includes(row.status) || row.status === '9') throw new AppError('INVALID_STATE', 'Hồ sơ đã có kết quả hoặc đã kết thúc, không cần gia hạn.');
  const now = app.clock.now();
  const newDue = new Date(input.newDueAt);
  if (newDue <= new Date(row.due_at)) throw new AppError('VALIDATION', 'Ngày hẹn mới phải sau hạn trả hiện tại', { newDueAt: 'Phải sau hạn hiện tại' });
  const cal = getWorkCalendar(app);
  const local = isoLocal(newDue).slice(0, 10);
  if (!cal.isWorkingDay(local)) throw new AppError('VALIDATION', 'Ngày hẹn mới rơi vào ngày nghỉ', { newDueAt: 'Ngày nghỉ' });
  return mutate(app, caller, { action: 'dossier.extend', entity: 'dossier', entityId: row.id, detail: { from: row.due_at, to: isoLocal(newDue) } }, () => {
    app.db.prepare('UPDATE dossiers SET due_at = ?, due_ms = ?, extended_due_at = ?, updated_at = ? WHERE rid = ?').run(isoLocal(newDue), newDue.getTime(), isoLocal(newDue), isoLocal(now), row.rid);
    recordStep(app, caller, row, { action: 'extend', to: null, body: input.faultBody, note: input.reason, data: { dueBefore: row.due_at, dueAfter: isoLocal(newDue) } }, now);
    return requireRow(app, row.id);
  });
}
