import type { Db } from '../db/database';
import { AppError } from '../api/app-error';
import { msBetween, type TicketRow } from './queue-rows';
import { average, percentile } from './call-order';
import type { QueueStats, QueueStatsRow, RatingSummary } from '../../shared/api/queue-contract';

export const SQL_STATS_TICKETS = `SELECT t.*, g.name AS group_name, u.full_name AS clerk_name, c.name AS counter_name
  FROM queue_tickets t JOIN queue_groups g ON g.id = t.group_id LEFT JOIN users u ON u.id = t.clerk_id
  LEFT JOIN queue_counters c ON c.number = t.counter_number
  WHERE t.business_date BETWEEN ? AND ?`;
export const SQL_STATS_RATINGS = `SELECT r.level, r.counter_number, r.clerk_id, u.full_name AS clerk_name, c.name AS counter_name
  FROM queue_ratings r LEFT JOIN users u ON u.id = r.clerk_id LEFT JOIN queue_counters c ON c.number = r.counter_number
  WHERE r.business_date BETWEEN ? AND ?`;

/** Longest period one statistics call covers (a year of tickets stays far below the UI budget). */
export const MAX_STATS_DAYS = 366;

type StatTicket = TicketRow & { group_name: string; clerk_name: string | null; counter_name: string | null };

class Acc {
  issued = 0;
  called = 0;
  served = 0;
  noShow = 0;
  transferred = 0;
  cancelled = 0;
  waits: number[] = [];
  services: number[] = [];
  constructor(
    readonly key: string,
    readonly label: string,
    readonly countsIssued: boolean,
  ) {}
  add(t: StatTicket): void {
    if (t.transferred_from === null) this.issued++;
    if (t.called_at) {
      this.called++;
      this.waits.push(msBetween(t.queued_at, t.called_at) / 1000);
    }
    if (t.state === 'done') {
      this.served++;
      if (t.started_at && t.finished_at) this.services.push(msBetween(t.started_at, t.finished_at) / 1000);
    }
    if (t.state === 'no_show') this.noShow++;
    if (t.state === 'transferred') this.transferred++;
    if (t.state === 'cancelled') this.cancelled++;
  }
  row(): QueueStatsRow {
    const round = (v: number | null) => (v === null ? null : Math.round(v));
    return {
      key: this.key,
      label: this.label,
      issued: this.countsIssued ? this.issued : null,
      called: this.called,
      served: this.served,
      noShow: this.noShow,
      transferred: this.transferred,
      cancelled: this.cancelled,
      waitAvgSec: round(average(this.waits)),
      waitP90Sec: round(percentile(this.waits, 90)),
      serviceAvgSec: round(average(this.services)),
      serviceP90Sec: round(percentile(this.services, 90)),
    };
  }
}

function grouped(rows: StatTicket[], keyOf: (t: StatTicket) => [string, string] | null, countsIssued: boolean): QueueStatsRow[] {
  const map = new Map<string, Acc>();
  for (const t of rows) {
    const k = keyOf(t);
    if (!k) continue;
    let acc = map.get(k[0]);
    if (!acc) map.set(k[0], (acc = new Acc(k[0], k[1], countsIssued)));
    acc.add(t);
  }
  return [...map.values()].sort((a, b) => (a.key < b.key ? -1 : 1)).map((a) => a.row());
}

function summary(key: string, label: string, levels: number[]): RatingSummary {
  const n = (l: number) => levels.filter((x) => x === l).length;
  const total = levels.length;
  return {
    key,
    label,
    total,
    veryGood: n(1),
    good: n(2),
    bad: n(3),
    satisfiedPercent: total ? Math.round(((n(1) + n(2)) * 1000) / total) / 10 : null,
  };
}

const dayLabel = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const counterLabel = (n: number, name: string | null) => (name ? `Quầy ${n} – ${name}` : `Quầy ${n}`);

export function checkPeriod(from: string, to: string): void {
  if (from > to) throw new AppError('VALIDATION', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', { from: 'Sau ngày kết thúc' });
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (!Number.isFinite(days)) throw new AppError('VALIDATION', 'Ngày không hợp lệ');
  if (days >= MAX_STATS_DAYS) throw new AppError('VALIDATION', `Mỗi lần thống kê tối đa ${MAX_STATS_DAYS} ngày`, { to: 'Kỳ quá dài' });
}

export function queueStats(db: Db, from: string, to: string): QueueStats {
  checkPeriod(from, to);
  const rows = db.prepare(SQL_STATS_TICKETS).all(from, to) as StatTicket[];
  const total = new Acc('total', 'Tổng cộng', true);
  for (const t of rows) total.add(t);
  const ratings = db.prepare(SQL_STATS_RATINGS).all(from, to) as { level: number; counter_number: number | null; clerk_id: string | null; clerk_name: string | null; counter_name: string | null }[];
  const by = <K extends string>(keyOf: (r: (typeof ratings)[number]) => [K, string] | null): RatingSummary[] => {
    const map = new Map<string, { label: string; levels: number[] }>();
    for (const r of ratings) {
      const k = keyOf(r);
      if (!k) continue;
      const e = map.get(k[0]) ?? { label: k[1], levels: [] };
      e.levels.push(r.level);
      map.set(k[0], e);
    }
    return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, e]) => summary(k, e.label, e.levels));
  };
  return {
    from,
    to,
    total: total.row(),
    byDay: grouped(rows, (t) => [t.business_date, dayLabel(t.business_date)], true),
    byGroup: grouped(rows, (t) => [t.group_id, t.group_name], true),
    byCounter: grouped(rows, (t) => (t.counter_number === null ? null : [String(t.counter_number).padStart(2, '0'), counterLabel(t.counter_number, t.counter_name)]), false),
    byClerk: grouped(rows, (t) => (t.clerk_id === null ? null : [t.clerk_id, t.clerk_name ?? '']), false),
    ratings: summary('total', 'Tổng cộng', ratings.map((r) => r.level)),
    ratingsByCounter: by((r) => (r.counter_number === null ? null : [String(r.counter_number).padStart(2, '0'), counterLabel(r.counter_number, r.counter_name)])),
    ratingsByClerk: by((r) => (r.clerk_id === null ? null : [r.clerk_id, r.clerk_name ?? ''])),
  };
}

/** The tickets of a period, for the export's detail sheet. */
export function statTickets(db: Db, from: string, to: string): StatTicket[] {
  return db.prepare(`${SQL_STATS_TICKETS} ORDER BY t.business_date, t.issued_at, t.id`).all(from, to) as StatTicket[];
}
