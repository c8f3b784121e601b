import type { Db } from '../db/database';
import { AppError } from '../api/app-error';
import type { TicketView } from '../../shared/api/queue-contract';
import type { PrintStatus, PriorityCategory, TicketState } from '../../shared/queue/queue-labels';

export interface TicketRow {
  id: string;
  business_date: string;
  group_id: string;
  number: number;
  display_code: string;
  priority: PriorityCategory | null;
  state: TicketState;
  target_counter: number | null;
  counter_number: number | null;
  clerk_id: string | null;
  issued_at: string;
  queued_at: string;
  called_at: string | null;
  last_called_at: string | null;
  call_count: number;
  started_at: string | null;
  finished_at: string | null;
  transferred_from: string | null;
  dossier_code: string | null;
  print_status: PrintStatus;
  print_error: string | null;
  source: 'kiosk' | 'counter';
}

/** Ticket columns plus what a view needs from the joined tables. */
export const TICKET_SELECT = `SELECT t.*, g.name AS group_name, u.full_name AS clerk_name,
  EXISTS (SELECT 1 FROM queue_ratings r WHERE r.ticket_id = t.id) AS rated
  FROM queue_tickets t JOIN queue_groups g ON g.id = t.group_id LEFT JOIN users u ON u.id = t.clerk_id`;

type JoinedRow = TicketRow & { group_name: string; clerk_name: string | null; rated: number };

export function ticketView(r: JoinedRow): TicketView {
  return {
    id: r.id,
    businessDate: r.business_date,
    groupId: r.group_id,
    groupName: r.group_name,
    number: r.number,
    code: r.display_code,
    priority: r.priority,
    state: r.state,
    counterNumber: r.counter_number,
    targetCounter: r.target_counter,
    clerkName: r.clerk_name,
    issuedAt: r.issued_at,
    queuedAt: r.queued_at,
    calledAt: r.called_at,
    lastCalledAt: r.last_called_at,
    callCount: r.call_count,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    transferredFrom: r.transferred_from,
    dossierCode: r.dossier_code,
    printStatus: r.print_status,
    printError: r.print_error,
    source: r.source,
    rated: !!r.rated,
  };
}

export function getTicketRow(db: Db, id: string): TicketRow {
  const r = db.prepare('SELECT * FROM queue_tickets WHERE id = ?').get(id) as TicketRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy phiếu số thứ tự');
  return r;
}

export function getTicket(db: Db, id: string): TicketView {
  const r = db.prepare(`${TICKET_SELECT} WHERE t.id = ?`).get(id) as JoinedRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy phiếu số thứ tự');
  return ticketView(r);
}

export function queryTickets(db: Db, where: string, params: unknown[], tail = ''): TicketView[] {
  return (db.prepare(`${TICKET_SELECT} WHERE ${where} ${tail}`).all(...params) as JoinedRow[]).map(ticketView);
}

/** Appends one state change to the ticket's log (inside the caller's transaction). */
export function logTransition(
  db: Db,
  e: { ticketId: string; from: TicketState | null; to: TicketState; at: string; counterNumber: number | null; clerkId: string | null; note?: string },
): void {
  db.prepare('INSERT INTO queue_ticket_log (ticket_id, from_state, to_state, at, counter_number, clerk_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    e.ticketId,
    e.from,
    e.to,
    e.at,
    e.counterNumber,
    e.clerkId,
    e.note ?? null,
  );
}

/** Milliseconds between two stored instants (ISO 8601 with offsets). */
export function msBetween(from: string, to: string): number {
  return Date.parse(to) - Date.parse(from);
}
