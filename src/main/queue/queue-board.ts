import type { AppContext } from '../app/app-context';
import type { Db } from '../db/database';
import { getOfficeSettings } from '../settings/settings-store';
import { getCounter, getQueueOptions, listCounters, listGroups } from './queue-config';
import { queryTickets, type TicketRow } from './queue-rows';
import { activeAtCounter, RECALL_MIN_INTERVAL_MS } from './queue-service';
import { rateTarget } from './queue-ratings';
import { businessDate } from './queue-tx';
import type { BoardView, ConsoleView } from '../../shared/api/queue-contract';

export const SQL_LAST_CALLS = `SELECT t.display_code, t.counter_number, t.last_called_at, g.name AS group_name, c.name AS counter_name
  FROM queue_tickets t JOIN queue_groups g ON g.id = t.group_id JOIN queue_counters c ON c.number = t.counter_number
  WHERE t.business_date = ? AND t.last_called_at IS NOT NULL ORDER BY t.last_called_at DESC LIMIT ?`;
export const SQL_WAITING_COUNTS = `SELECT group_id, count(*) AS n, count(priority) AS p FROM queue_tickets
  WHERE business_date = ? AND state = 'waiting' GROUP BY group_id`;

const LAST_CALLS_SHOWN = 8;

function waitingCounts(db: Db, date: string): Map<string, { n: number; p: number }> {
  const rows = db.prepare(SQL_WAITING_COUNTS).all(date) as { group_id: string; n: number; p: number }[];
  return new Map(rows.map((r) => [r.group_id, { n: r.n, p: r.p }]));
}

/** The display board's data: codes and counters only (it is readable by anyone in the room). */
export function boardView(app: AppContext): BoardView {
  const date = businessDate(app.clock.now());
  const groups = listGroups(app.db);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const counts = waitingCounts(app.db, date);
  const options = getQueueOptions(app.db);
  const counters = listCounters(app.db)
    .filter((c) => c.active)
    .map((c) => {
      const t = activeAtCounter(app.db, c.number);
      return {
        number: c.number,
        name: c.name,
        code: t?.display_code ?? null,
        state: (t?.state as 'called' | 'serving' | undefined) ?? null,
        groupName: t ? (groupName.get(t.group_id) ?? null) : null,
        calledAt: t?.last_called_at ?? null,
      };
    });
  const lastCalls = (
    app.db.prepare(SQL_LAST_CALLS).all(date, LAST_CALLS_SHOWN) as { display_code: string; counter_number: number; last_called_at: string; group_name: string; counter_name: string }[]
  ).map((r) => ({ code: r.display_code, counterNumber: r.counter_number, counterName: r.counter_name, groupName: r.group_name, at: r.last_called_at }));
  return {
    agencyName: getOfficeSettings(app.db)?.agencyName ?? '',
    businessDate: date,
    counters,
    lastCalls,
    waiting: groups.filter((g) => g.active).map((g) => ({ groupId: g.id, name: g.name, prefix: g.prefix, waiting: counts.get(g.id)?.n ?? 0 })),
    announceRepeat: options.announceRepeat,
    voice: options.voice,
  };
}

export function consoleView(app: AppContext, counterNumber: number): ConsoleView {
  const now = app.clock.now();
  const date = businessDate(now);
  const counter = getCounter(app.db, counterNumber);
  const cur: TicketRow | undefined = activeAtCounter(app.db, counterNumber);
  const current = cur ? queryTickets(app.db, 't.id = ?', [cur.id])[0] : null;
  const groupIds = counter.groupIds;
  const inGroups = groupIds.length ? `(t.group_id IN (${groupIds.map(() => '?').join(',')}) AND t.target_counter IS NULL)` : '0';
  const waiting = queryTickets(
    app.db,
    `t.business_date = ? AND t.state = 'waiting' AND (${inGroups} OR t.target_counter = ?)`,
    [date, ...groupIds, counterNumber],
    'ORDER BY (t.target_counter IS NULL), (t.priority IS NULL), t.issued_at LIMIT 200',
  );
  const counts = waitingCounts(app.db, date);
  const groups = listGroups(app.db).filter((g) => groupIds.includes(g.id));
  const recent = queryTickets(
    app.db,
    "t.counter_number = ? AND t.business_date = ? AND t.state IN ('done','no_show','transferred')",
    [counterNumber, date],
    'ORDER BY t.last_called_at DESC LIMIT 10',
  );
  let recallAllowedAt: string | null = null;
  if (cur?.state === 'called' && cur.last_called_at) {
    const allowed = Date.parse(cur.last_called_at) + RECALL_MIN_INTERVAL_MS;
    if (allowed > now.getTime()) recallAllowedAt = new Date(allowed).toISOString();
  }
  return {
    counter,
    current,
    waiting,
    waitingByGroup: groups.map((g) => ({ groupId: g.id, name: g.name, prefix: g.prefix, waiting: counts.get(g.id)?.n ?? 0, priority: counts.get(g.id)?.p ?? 0 })),
    recent,
    recallAllowedAt,
  };
}

export function rateTargetView(app: AppContext, counterNumber: number): { counterNumber: number; code: string | null; ticketId: string | null; rated: boolean } {
  getCounter(app.db, counterNumber);
  const t = rateTarget(app.db, counterNumber, businessDate(app.clock.now()));
  const rated = !!t && !!app.db.prepare('SELECT 1 FROM queue_ratings WHERE ticket_id = ?').get(t.id);
  return { counterNumber, code: t?.display_code ?? null, ticketId: t?.id ?? null, rated };
}
