import { v7 as uuidv7 } from 'uuid';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import type { Db } from '../db/database';
import { getGroupRow, requireActiveCounter } from './queue-config';
import { getTicket, getTicketRow, logTransition, msBetween, type TicketRow } from './queue-rows';
import { businessDate, mutateQueue } from './queue-tx';
import { pickNext, type GroupPolicy, type WaitingCandidate } from './call-order';
import type { TicketView } from '../../shared/api/queue-contract';
import type { TicketState } from '../../shared/queue/queue-labels';
import { parseDossierCode } from '../../shared/domain/dossier-code';

/** A call may be repeated at most once in this many milliseconds (a clerk double-pressing F3). */
export const RECALL_MIN_INTERVAL_MS = 10_000;

// Hot queries, exported so the migration test can prove with EXPLAIN QUERY PLAN that they use an index.
export const SQL_ACTIVE_AT_COUNTER = "SELECT * FROM queue_tickets WHERE counter_number = ? AND state IN ('called','serving')";
export const SQL_WAITING_IN_GROUP = `SELECT id, group_id, priority, issued_at, target_counter FROM queue_tickets
  WHERE business_date = ? AND group_id = ? AND state = 'waiting' ORDER BY issued_at`;
export const SQL_WAITING_FOR_COUNTER = `SELECT id, group_id, priority, issued_at, target_counter FROM queue_tickets
  WHERE business_date = ? AND state = 'waiting' AND target_counter = ?`;
export const SQL_LAST_PRIORITY_CALL = `SELECT max(called_at) AS at FROM queue_tickets
  WHERE business_date = ? AND group_id = ? AND called_at IS NOT NULL AND priority IS NOT NULL`;
export const SQL_ORDINARY_CALLS_SINCE = `SELECT count(*) AS n FROM queue_tickets
  WHERE business_date = ? AND group_id = ? AND called_at > ? AND priority IS NULL`;

type Action = 'call' | 'recall' | 'no_show' | 'start' | 'finish' | 'transfer' | 'cancel' | 'link';

interface Ctx {
  app: AppContext;
  caller: Caller;
  now: Date;
  at: string;
  date: string;
}

function ctx(app: AppContext, caller: Caller): Ctx {
  const now = app.clock.now();
  return { app, caller, now, at: isoLocal(now), date: businessDate(now) };
}

export function activeAtCounter(db: Db, counterNumber: number): TicketRow | undefined {
  return db.prepare(SQL_ACTIVE_AT_COUNTER).get(counterNumber) as TicketRow | undefined;
}

function setState(c: Ctx, t: TicketRow, to: TicketState, counterNumber: number | null, sets: Record<string, unknown> = {}, note?: string): void {
  const cols = Object.keys(sets);
  c.app.db
    .prepare(`UPDATE queue_tickets SET state = ?${cols.map((k) => `, ${k} = ?`).join('')} WHERE id = ?`)
    .run(to, ...cols.map((k) => sets[k]), t.id);
  logTransition(c.app.db, { ticketId: t.id, from: t.state, to, at: c.at, counterNumber, clerkId: c.caller.userId, note });
}

/** The ticket being handled at this counter, checked against the ticket the clerk acted on. */
function requireCurrent(c: Ctx, counterNumber: number, ticketId: string, allowed: TicketState[], verb: string): TicketRow {
  const t = getTicketRow(c.app.db, ticketId);
  if (t.counter_number !== counterNumber || !['called', 'serving'].includes(t.state)) {
    throw new AppError('INVALID_STATE', `Số ${t.display_code} không phải số quầy ${counterNumber} đang gọi hoặc đang phục vụ; không thể ${verb}.`);
  }
  if (!allowed.includes(t.state)) {
    const why = t.state === 'called' ? 'đang được gọi, chưa bắt đầu phục vụ' : 'đang được phục vụ';
    throw new AppError('INVALID_STATE', `Số ${t.display_code} ${why}; không thể ${verb}.`);
  }
  return t;
}

/**
 * Before a new call: a ticket still only "called" blocks it (the clerk must say whether the
 * citizen came); one being served is finished, as pressing "call next" means the clerk is done.
 */
function clearCounterForCall(c: Ctx, counterNumber: number): void {
  const cur = activeAtCounter(c.app.db, counterNumber);
  if (!cur) return;
  if (cur.state === 'called') {
    throw new AppError(
      'INVALID_STATE',
      `Quầy ${counterNumber} đang gọi số ${cur.display_code}. Hãy bắt đầu phục vụ (F7), đánh dấu vắng mặt (F4) hoặc chuyển (F6) trước khi gọi số mới.`,
    );
  }
  setState(c, cur, 'done', counterNumber, { finished_at: c.at }, 'finished by next call');
}

function markCalled(c: Ctx, t: TicketRow, counterNumber: number): void {
  setState(c, t, 'called', counterNumber, {
    counter_number: counterNumber,
    clerk_id: c.caller.userId,
    called_at: t.called_at ?? c.at,
    last_called_at: c.at,
    call_count: t.call_count + 1,
  });
}

function groupPolicy(db: Db, date: string, groupId: string): GroupPolicy {
  const g = getGroupRow(db, groupId);
  const last = (db.prepare(SQL_LAST_PRIORITY_CALL).get(date, groupId) as { at: string | null }).at;
  const since = last === null ? null : (db.prepare(SQL_ORDINARY_CALLS_SINCE).get(date, groupId, last) as { n: number }).n;
  return { mode: g.priority_mode, every: g.interleave_every, ordinarySincePriority: since };
}

interface WaitingRow {
  id: string;
  group_id: string;
  priority: string | null;
  issued_at: string;
  target_counter: number | null;
}
const candidate = (r: WaitingRow): WaitingCandidate => ({ id: r.id, groupId: r.group_id, priority: r.priority !== null, issuedAt: r.issued_at, targetCounter: r.target_counter });

function announce(app: AppContext, t: TicketView, counterNumber: number, recall: boolean): void {
  app.events.emit('queue.called', { ticketNumber: t.code, counterNumber, groupName: t.groupName, at: t.lastCalledAt ?? '', recall });
  app.events.emit('queue.changed', { reason: recall ? 'recalled' : 'called', ticketId: t.id, counterNumber });
}

function audit(action: Action, ticketId: string, counterNumber: number, detail: Record<string, unknown> = {}) {
  return { action: `queue.${action}`, entity: 'queue_ticket', entityId: ticketId, detail: { counter: counterNumber, ...detail } };
}

export function callNext(app: AppContext, caller: Caller, counterNumber: number): TicketView {
  const c = ctx(app, caller);
  const id = mutateQueue(app, caller, (tid: string) => audit('call', tid, counterNumber, { next: true }), () => {
    const counter = requireActiveCounter(app.db, counterNumber);
    clearCounterForCall(c, counterNumber);
    const rows = app.db.prepare(SQL_WAITING_FOR_COUNTER).all(c.date, counterNumber) as WaitingRow[];
    const policies = new Map<string, GroupPolicy>();
    for (const g of counter.groupIds) {
      rows.push(...(app.db.prepare(SQL_WAITING_IN_GROUP).all(c.date, g) as WaitingRow[]));
      policies.set(g, groupPolicy(app.db, c.date, g));
    }
    const pick = pickNext(counterNumber, rows.map(candidate), policies);
    if (!pick) throw new AppError('NOT_FOUND', `Không còn ai đang chờ ở các nhóm dịch vụ của quầy ${counterNumber}.`);
    markCalled(c, getTicketRow(app.db, pick.id), counterNumber);
    return pick.id;
  });
  const t = getTicket(app.db, id);
  announce(app, t, counterNumber, false);
  return t;
}

export function callTicket(app: AppContext, caller: Caller, counterNumber: number, ticketId: string): TicketView {
  const c = ctx(app, caller);
  mutateQueue(app, caller, audit('call', ticketId, counterNumber, { chosen: true }), () => {
    requireActiveCounter(app.db, counterNumber);
    const t = getTicketRow(app.db, ticketId);
    if (t.business_date !== c.date) throw new AppError('INVALID_STATE', `Phiếu ${t.display_code} là của ngày khác; phiếu chỉ có giá trị trong ngày.`);
    if (t.state !== 'waiting' && t.state !== 'no_show') {
      throw new AppError('INVALID_STATE', `Số ${t.display_code} không ở trạng thái chờ hoặc vắng mặt nên không gọi được.`);
    }
    if (t.target_counter !== null && t.target_counter !== counterNumber) {
      throw new AppError('INVALID_STATE', `Số ${t.display_code} đã được chuyển đến quầy ${t.target_counter}.`);
    }
    clearCounterForCall(c, counterNumber);
    markCalled(c, t, counterNumber);
  });
  const t = getTicket(app.db, ticketId);
  announce(app, t, counterNumber, false);
  return t;
}

export function recall(app: AppContext, caller: Caller, counterNumber: number, ticketId: string): TicketView {
  const c = ctx(app, caller);
  mutateQueue(app, caller, audit('recall', ticketId, counterNumber), () => {
    const t = requireCurrent(c, counterNumber, ticketId, ['called'], 'gọi lại');
    const since = msBetween(t.last_called_at ?? t.queued_at, c.at);
    if (since < RECALL_MIN_INTERVAL_MS) {
      // Whole seconds that add up to the interval, rounded so that the few milliseconds
      // a request takes never turn "4 giây" into "3 giây … 7 giây".
      const ago = Math.max(0, Math.round(since / 1000));
      const wait = Math.max(1, RECALL_MIN_INTERVAL_MS / 1000 - ago);
      throw new AppError('RATE_LIMITED', `Vừa gọi số ${t.display_code} cách đây ${ago} giây. Chờ thêm ${wait} giây rồi gọi lại.`);
    }
    app.db.prepare('UPDATE queue_tickets SET last_called_at = ?, call_count = call_count + 1 WHERE id = ?').run(c.at, t.id);
    logTransition(app.db, { ticketId: t.id, from: 'called', to: 'called', at: c.at, counterNumber, clerkId: caller.userId, note: 'recall' });
  });
  const t = getTicket(app.db, ticketId);
  announce(app, t, counterNumber, true);
  return t;
}

function simpleAction(app: AppContext, caller: Caller, counterNumber: number, ticketId: string, action: Action, run: (c: Ctx) => void): TicketView {
  const c = ctx(app, caller);
  mutateQueue(app, caller, audit(action, ticketId, counterNumber), () => run(c));
  app.events.emit('queue.changed', { reason: action, ticketId, counterNumber });
  return getTicket(app.db, ticketId);
}

export function noShow(app: AppContext, caller: Caller, counterNumber: number, ticketId: string): TicketView {
  return simpleAction(app, caller, counterNumber, ticketId, 'no_show', (c) => {
    const t = requireCurrent(c, counterNumber, ticketId, ['called'], 'đánh dấu vắng mặt');
    setState(c, t, 'no_show', counterNumber, { finished_at: c.at });
  });
}

export function startService(app: AppContext, caller: Caller, counterNumber: number, ticketId: string): TicketView {
  return simpleAction(app, caller, counterNumber, ticketId, 'start', (c) => {
    const t = requireCurrent(c, counterNumber, ticketId, ['called'], 'bắt đầu phục vụ');
    setState(c, t, 'serving', counterNumber, { started_at: c.at, clerk_id: caller.userId });
  });
}

/** Finishing a ticket that was only called counts its service from the (last) call. */
export function finishService(app: AppContext, caller: Caller, counterNumber: number, ticketId: string): TicketView {
  return simpleAction(app, caller, counterNumber, ticketId, 'finish', (c) => {
    const t = requireCurrent(c, counterNumber, ticketId, ['called', 'serving'], 'kết thúc');
    setState(c, t, 'done', counterNumber, { finished_at: c.at, started_at: t.started_at ?? t.last_called_at ?? c.at });
  });
}

/**
 * Ends the ticket here and puts the same number (the citizen keeps the paper) back in a queue:
 * another group's, or one particular counter's. It keeps its original issue time, so it is not
 * sent to the back of the line.
 */
export function transfer(app: AppContext, caller: Caller, counterNumber: number, ticketId: string, to: { groupId?: string; counterNumber?: number }): TicketView {
  const c = ctx(app, caller);
  const newId = uuidv7();
  mutateQueue(app, caller, audit('transfer', ticketId, counterNumber, { toGroup: to.groupId ?? null, toCounter: to.counterNumber ?? null, newId }), () => {
    const t = requireCurrent(c, counterNumber, ticketId, ['called', 'serving'], 'chuyển');
    let groupId = t.group_id;
    if (to.groupId) {
      const g = getGroupRow(app.db, to.groupId);
      if (!g.active) throw new AppError('INVALID_STATE', `Nhóm "${g.name}" đang tạm ngưng.`);
      groupId = g.id;
    }
    if (to.counterNumber !== undefined) {
      if (to.counterNumber === counterNumber) throw new AppError('VALIDATION', 'Chọn một quầy khác quầy hiện tại', { toCounterNumber: 'Trùng quầy hiện tại' });
      requireActiveCounter(app.db, to.counterNumber);
    }
    setState(c, t, 'transferred', counterNumber, { finished_at: c.at });
    app.db
      .prepare(
        `INSERT INTO queue_tickets (id, business_date, group_id, number, display_code, priority, state, target_counter, issued_at, queued_at,
           transferred_from, dossier_code, print_status, print_error, source)
         VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(newId, t.business_date, groupId, t.number, t.display_code, t.priority, to.counterNumber ?? null, t.issued_at, c.at, t.id, t.dossier_code, t.print_status, t.print_error, t.source);
    logTransition(app.db, { ticketId: newId, from: null, to: 'waiting', at: c.at, counterNumber, clerkId: caller.userId, note: `transfer from ${t.id}` });
  });
  app.events.emit('queue.changed', { reason: 'transfer', ticketId: newId, counterNumber });
  return getTicket(app.db, newId);
}

export function cancelTicket(app: AppContext, caller: Caller, ticketId: string): TicketView {
  const c = ctx(app, caller);
  mutateQueue(app, caller, { action: 'queue.cancel', entity: 'queue_ticket', entityId: ticketId }, () => {
    const t = getTicketRow(app.db, ticketId);
    if (t.state !== 'waiting') throw new AppError('INVALID_STATE', `Chỉ huỷ được phiếu đang chờ; số ${t.display_code} không còn chờ.`);
    setState(c, t, 'cancelled', null, { finished_at: c.at });
  });
  app.events.emit('queue.changed', { reason: 'cancel', ticketId });
  return getTicket(app.db, ticketId);
}

/** Links the ticket to the dossier received for it (dossier intake). */
export function linkDossier(app: AppContext, caller: Caller, ticketId: string, dossierCode: string): TicketView {
  const parsed = parseDossierCode(dossierCode);
  if (!parsed.ok) throw new AppError('VALIDATION', parsed.error, { dossierCode: parsed.error });
  const code = dossierCode.trim();
  mutateQueue(app, caller, { action: 'queue.link', entity: 'queue_ticket', entityId: ticketId, detail: { dossierCode: code } }, () => {
    const t = getTicketRow(app.db, ticketId);
    if (!['called', 'serving', 'done'].includes(t.state)) {
      throw new AppError('INVALID_STATE', `Số ${t.display_code} chưa được gọi hoặc đã kết thúc không phục vụ; không gắn được hồ sơ.`);
    }
    app.db.prepare('UPDATE queue_tickets SET dossier_code = ? WHERE id = ?').run(code, ticketId);
  });
  app.events.emit('queue.changed', { reason: 'link', ticketId });
  return getTicket(app.db, ticketId);
}
