/** What the end-of-day report says about one local business day (Asia/Ho_Chi_Minh). */
import type { AppContext } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { queueStats } from '../queue/queue-stats';
import { agencyHeader } from '../printing/form-mapper';
import { getOfficeSettings } from '../settings/settings-store';
import { listParked, pendingCount } from './sync-store';
import type { DayReportCounts, ParkedItemView, SyncRunView } from '../../shared/api/sync-contract';
import type { AgencyHeader } from '../../shared/printing/form-data';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../shared/domain/status';
import { OPEN_STATUSES } from '../../shared/dossiers/lifecycle';

export interface DayDossierLine {
  code: string;
  procedureName: string;
  ownerName: string;
  status: string;
  receivedAt: string;
  dueAt: string;
  returnedAt: string | null;
}

export interface ProcedureCount {
  code: string;
  name: string;
  received: number;
  returned: number;
}

export interface DayReportData {
  date: string;
  closedAt: string;
  header: AgencyHeader;
  receivingPoint: string;
  closedBy: string;
  counts: DayReportCounts;
  byProcedure: ProcedureCount[];
  received: DayDossierLine[];
  returned: DayDossierLine[];
  overdue: DayDossierLine[];
  sync: SyncRunView | null;
  syncProblem: string | null;
  unsynced: { pending: number; parked: ParkedItemView[] };
  backup: { ok: boolean; file: string | null; message: string } | null;
}

interface LineRow {
  code: string;
  procedure_code: string;
  procedure_name: string;
  owner_name: string;
  status: DossierStatus;
  received_at: string;
  due_at: string;
  returned_at: string | null;
}

const line = (r: LineRow): DayDossierLine => ({
  code: r.code,
  procedureName: r.procedure_name,
  ownerName: r.owner_name,
  status: DOSSIER_STATUS_LABELS[r.status],
  receivedAt: r.received_at,
  dueAt: r.due_at,
  returnedAt: r.returned_at,
});

const COLS = 'code, procedure_code, procedure_name, owner_name, status, received_at, due_at, returned_at';

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function tableExists(app: AppContext, name: string): boolean {
  return app.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Everything but the sync and backup outcomes, which the close fills in. */
export function dayReportData(app: AppContext, day: string, closedBy: string): Omit<DayReportData, 'sync' | 'syncProblem' | 'backup'> {
  const db = app.db;
  const now = app.clock.now();
  const received = (db.prepare(`SELECT ${COLS} FROM dossiers WHERE business_date = ? ORDER BY rid`).all(day) as LineRow[]);
  // Stored instants all carry +07:00, so the local day is a plain string range.
  const returned = db
    .prepare(`SELECT ${COLS} FROM dossiers WHERE returned_at >= ? AND returned_at < ? ORDER BY returned_at`)
    .all(`${day}T00:00`, `${nextDay(day)}T00:00`) as LineRow[];
  const open = OPEN_STATUSES.map(() => '?').join(', ');
  const overdue = db
    .prepare(`SELECT ${COLS} FROM dossiers WHERE status IN (${open}) AND due_ms < ? ORDER BY due_ms`)
    .all(...OPEN_STATUSES, now.getTime()) as LineRow[];
  const awaitingPickup = (db.prepare("SELECT count(*) n FROM dossiers WHERE status = '9'").get() as { n: number }).n;

  const byCode = new Map<string, ProcedureCount>();
  const bump = (r: LineRow, k: 'received' | 'returned') => {
    const e = byCode.get(r.procedure_code) ?? { code: r.procedure_code, name: r.procedure_name, received: 0, returned: 0 };
    e[k] += 1;
    byCode.set(r.procedure_code, e);
  };
  received.forEach((r) => bump(r, 'received'));
  returned.forEach((r) => bump(r, 'returned'));

  let tickets: DayReportCounts['tickets'] = null;
  let ratings: DayReportCounts['ratings'] = null;
  if (tableExists(app, 'queue_tickets') && tableExists(app, 'queue_ratings')) {
    const q = queueStats(db, day, day);
    tickets = { issued: q.total.issued ?? 0, served: q.total.served, noShow: q.total.noShow };
    ratings = { total: q.ratings.total, veryGood: q.ratings.veryGood, good: q.ratings.good, bad: q.ratings.bad };
  }
  const office = getOfficeSettings(db);
  return {
    date: day,
    closedAt: isoLocal(now),
    header: agencyHeader(app),
    receivingPoint: office?.receivingPointName ?? '',
    closedBy,
    counts: { received: received.length, returned: returned.length, overdue: overdue.length, awaitingPickup, tickets, ratings },
    byProcedure: [...byCode.values()].sort((a, b) => b.received + b.returned - (a.received + a.returned) || a.code.localeCompare(b.code)),
    received: received.map(line),
    returned: returned.map(line),
    overdue: overdue.map(line),
    unsynced: { pending: pendingCount(db), parked: listParked(db, 500) },
  };
}
