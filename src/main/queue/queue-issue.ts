import { v7 as uuidv7 } from 'uuid';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import type { Db } from '../db/database';
import { getOfficeSettings } from '../settings/settings-store';
import { getGroupRow, getPrinterSettings, getQueueOptions, type GroupRow } from './queue-config';
import { allocateNumber, recordNumber } from './queue-numbers';
import { getTicket, getTicketRow, logTransition, msBetween, type TicketRow } from './queue-rows';
import { businessDate, mutateQueue } from './queue-tx';
import { average } from './call-order';
import { printTicket, testPrint, type TicketPrinterConfig } from './ticket-printer';
import type { IssueResult, PrintOutcome, QueuePrinterSettings } from '../../shared/api/queue-contract';
import { formatTicketCode, PRIORITY_LABELS, type PriorityCategory } from '../../shared/queue/queue-labels';
import type { TicketPrintData } from '../../shared/queue/ticket-data';

/** Service times averaged for the wait estimate: the group's most recent finished tickets. */
export const RECENT_SERVICE_SAMPLE = 20;

export const SQL_RECENT_SERVICE = `SELECT started_at, finished_at FROM queue_tickets
  WHERE group_id = ? AND state = 'done' AND started_at IS NOT NULL ORDER BY finished_at DESC LIMIT ${RECENT_SERVICE_SAMPLE}`;

export interface IssueInput {
  groupId: string;
  priority: PriorityCategory | null;
  source: 'kiosk' | 'counter';
  print: boolean;
}

/**
 * People ahead and a wait estimate for a newcomer to a group. A priority ticket only has the
 * priority tickets ahead of it (they are called first); an ordinary one has everybody waiting.
 * The estimate spreads the recent average service time over the open counters serving the group.
 */
export function waitEstimate(db: Db, group: GroupRow, date: string, priority: boolean, defaultServiceMinutes: number, issuedBefore?: string): { ahead: number; minutes: number } {
  const ahead = (
    db
      .prepare(
        `SELECT count(*) n FROM queue_tickets WHERE business_date = ? AND group_id = ? AND state = 'waiting' AND target_counter IS NULL
         AND issued_at < ? ${priority ? 'AND priority IS NOT NULL' : ''}`,
      )
      .get(date, group.id, issuedBefore ?? '9999') as { n: number }
  ).n;
  const samples = (db.prepare(SQL_RECENT_SERVICE).all(group.id) as { started_at: string; finished_at: string }[]).map((r) => msBetween(r.started_at, r.finished_at) / 1000);
  const serviceSec = average(samples) ?? defaultServiceMinutes * 60;
  const counters = (
    db
      .prepare('SELECT count(*) n FROM queue_counter_groups cg JOIN queue_counters c ON c.number = cg.counter_number WHERE cg.group_id = ? AND c.active = 1')
      .get(group.id) as { n: number }
  ).n;
  const minutes = ahead === 0 ? 0 : Math.ceil((ahead * serviceSec) / Math.max(1, counters) / 60);
  return { ahead, minutes };
}

export function issueTicket(app: AppContext, caller: Caller, input: IssueInput): { ticketId: string; ahead: number; minutes: number; willPrint: boolean } {
  const now = app.clock.now();
  const at = isoLocal(now);
  const date = businessDate(now);
  const printer = getPrinterSettings(app.db);
  const willPrint = input.print && printer.enabled;
  return mutateQueue(
    app,
    caller,
    (r) => ({ action: 'queue.issue', entity: 'queue_ticket', entityId: r.ticketId, detail: { source: input.source, priority: input.priority !== null } }),
    () => {
      const group = getGroupRow(app.db, input.groupId);
      if (!group.active) throw new AppError('INVALID_STATE', `Nhóm "${group.name}" đang tạm ngưng cấp số.`);
      const number = allocateNumber(app.db, group, date);
      const est = waitEstimate(app.db, group, date, input.priority !== null, getQueueOptions(app.db).defaultServiceMinutes);
      const id = uuidv7();
      app.db
        .prepare(
          `INSERT INTO queue_tickets (id, business_date, group_id, number, display_code, priority, state, issued_at, queued_at, print_status, source, clerk_id)
           VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?, NULL)`,
        )
        .run(id, date, group.id, number, formatTicketCode(group.prefix, number, group.range_end), input.priority, at, at, willPrint ? 'pending' : 'not_printed', input.source);
      recordNumber(app.db, group.id, date, number, id);
      logTransition(app.db, { ticketId: id, from: null, to: 'waiting', at, counterNumber: null, clerkId: caller.userId, note: input.source });
      return { ticketId: id, ahead: est.ahead, minutes: est.minutes, willPrint };
    },
  );
}

export function printerConfig(p: Pick<QueuePrinterSettings, 'host' | 'port' | 'widthDots'>): TicketPrinterConfig {
  return { host: p.host, port: p.port, widthDots: p.widthDots, mode: 'raster' };
}

function printData(app: AppContext, t: TicketRow, ahead: number, minutes: number): TicketPrintData {
  const office = getOfficeSettings(app.db);
  const group = getGroupRow(app.db, t.group_id);
  const footer = getQueueOptions(app.db).ticketFooter;
  return {
    agencyName: office?.agencyName ?? 'Bộ phận Một cửa',
    serviceGroupName: group.name,
    ticketNumber: t.display_code,
    priorityLabel: t.priority ? PRIORITY_LABELS[t.priority] : null,
    issuedAt: t.issued_at,
    waitingAhead: ahead,
    estimatedWaitMinutes: minutes,
    ...(footer ? { footer } : {}),
  };
}

/** Sends the ticket to the configured printer and records the outcome on the ticket. */
export async function printAndRecord(app: AppContext, caller: Caller, ticketId: string, ahead: number, minutes: number): Promise<PrintOutcome> {
  const printer = getPrinterSettings(app.db);
  const t = getTicketRow(app.db, ticketId);
  const result = await printTicket(printerConfig(printer), printData(app, t, ahead, minutes));
  const outcome: PrintOutcome = result.ok
    ? { status: 'printed', message: null }
    : { status: 'failed', message: `Chưa in được phiếu ${t.display_code}: ${result.error.message}` };
  mutateQueue(app, caller, { action: 'queue.print', entity: 'queue_ticket', entityId: ticketId, detail: { status: outcome.status, code: result.ok ? null : result.error.code } }, () => {
    app.db.prepare('UPDATE queue_tickets SET print_status = ?, print_error = ? WHERE id = ?').run(outcome.status, result.ok ? null : result.error.message, ticketId);
  });
  app.events.emit('queue.changed', { reason: 'printed', ticketId });
  return outcome;
}

export async function issueAndPrint(app: AppContext, caller: Caller, input: IssueInput): Promise<IssueResult> {
  const issued = issueTicket(app, caller, input);
  app.events.emit('queue.changed', { reason: 'issued', ticketId: issued.ticketId });
  let print: PrintOutcome = { status: 'not_printed', message: null };
  if (issued.willPrint) print = await printAndRecord(app, caller, issued.ticketId, issued.ahead, issued.minutes);
  else if (input.print) print = { status: 'not_printed', message: 'Chưa bật máy in phiếu số thứ tự (Cài đặt › Hàng đợi). Hãy ghi nhớ số thứ tự trên màn hình.' };
  return { ticket: getTicket(app.db, issued.ticketId), waitingAhead: issued.ahead, estimatedWaitMinutes: issued.minutes, print };
}

/** Prints a ticket again (after a failed print); a failure is an error the clerk sees. */
export async function reprintTicket(app: AppContext, caller: Caller, ticketId: string): Promise<PrintOutcome> {
  const t = getTicketRow(app.db, ticketId);
  if (!['waiting', 'called', 'serving'].includes(t.state) || t.business_date !== businessDate(app.clock.now())) {
    throw new AppError('INVALID_STATE', `Phiếu ${t.display_code} không còn trong hàng đợi hôm nay; không cần in lại.`);
  }
  if (!getPrinterSettings(app.db).enabled) throw new AppError('PRINTER', 'Chưa bật máy in phiếu số thứ tự (Cài đặt › Hàng đợi).');
  const group = getGroupRow(app.db, t.group_id);
  const est = waitEstimate(app.db, group, t.business_date, t.priority !== null, getQueueOptions(app.db).defaultServiceMinutes, t.issued_at);
  const outcome = await printAndRecord(app, caller, ticketId, t.state === 'waiting' ? est.ahead : 0, t.state === 'waiting' ? est.minutes : 0);
  if (outcome.status === 'failed') throw new AppError('PRINTER', outcome.message ?? 'Chưa in được phiếu.');
  return outcome;
}

export async function testPrintQueue(app: AppContext, override: Partial<Pick<QueuePrinterSettings, 'host' | 'port' | 'widthDots'>>): Promise<{ done: true }> {
  const saved = getPrinterSettings(app.db);
  const target = { ...saved, ...Object.fromEntries(Object.entries(override).filter(([, v]) => v !== undefined && v !== '')) };
  if (!target.host) throw new AppError('VALIDATION', 'Nhập địa chỉ IP của máy in', { host: 'Nhập địa chỉ IP của máy in' });
  const result = await testPrint(printerConfig(target), app.clock.now());
  if (!result.ok) throw new AppError('PRINTER', result.error.message);
  return { done: true };
}
