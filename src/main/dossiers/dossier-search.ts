import type { AppContext } from '../app/app-context';
import { instantAt, toLocalDate } from '../../shared/calendar';
import { foldVietnamese } from '../../shared/domain/text-fold';
import { OPEN_STATUSES } from '../../shared/dossiers/lifecycle';
import type { DossierListItem } from '../../shared/dossiers/dossier-schemas';
import type { z } from 'zod';
import type { dossierSearchSchema } from '../../shared/dossiers/dossier-schemas';
import { getWorkCalendar } from '../calendar/calendar-service';
import { listItemOf, type DossierRow } from './dossier-repo';
import { daysRemainingFast } from './days-remaining';

export type DossierSearchInput = z.output<typeof dossierSearchSchema>;

const CODE_LIKE = /^\d{3}\.\d{2}/;
const LIST_COLUMNS = 'd.rid, d.id, d.code, d.procedure_code, d.procedure_name, d.owner_name, d.applicant_name, d.status, d.channel, d.received_at, d.due_at';

/**
 * Statuses a dossier leaves again (in progress, waiting for the citizen or the result to be
 * collected): at any time an office has few of them, however old it is. The finished ones
 * (refused, withdrawn, stopped, returned) pile up for ever.
 */
const TRANSIENT_STATUSES = new Set(['1', '2', '4', '5', '6', '9']);

/**
 * Turns what the clerk typed into an FTS5 query over the folded search text: every word must match,
 * the last one as a prefix (the clerk may still be typing). Quotes keep user text from being read as syntax.
 */
export function ftsQuery(text: string): string | null {
  const words = foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 8);
  if (!words.length) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** The WHERE terms on dossier columns (alias `d`) other than the text query and the page key. */
function filterTerms(app: AppContext, input: DossierSearchInput): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.statuses?.length) {
    where.push(`d.status IN (${input.statuses.map((_, i) => `@st${i}`).join(', ')})`);
    input.statuses.forEach((s, i) => (params[`st${i}`] = s));
  }
  if (input.channel) {
    where.push('d.channel = @channel');
    params.channel = input.channel;
  }
  if (input.procedureCode) {
    where.push('d.procedure_code = @procedureCode');
    params.procedureCode = input.procedureCode;
  }
  if (input.receivedFrom) {
    where.push('d.business_date >= @receivedFrom');
    params.receivedFrom = input.receivedFrom;
  }
  if (input.receivedTo) {
    where.push('d.business_date <= @receivedTo');
    params.receivedTo = input.receivedTo;
  }
  if (input.counterNumber) {
    where.push('d.counter_number = @counterNumber');
    params.counterNumber = input.counterNumber;
  }
  if (input.clerkId) {
    where.push('d.clerk_id = @clerkId');
    params.clerkId = input.clerkId;
  }
  if (input.due) {
    const now = app.clock.now();
    const today = toLocalDate(now);
    where.push(`d.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`);
    if (input.due === 'overdue') {
      where.push('d.due_ms < @nowMs');
      params.nowMs = now.getTime();
    } else {
      const startMs = instantAt(today).getTime();
      const days = input.due === 'today' ? 1 : (input.withinDays ?? 3) + 1;
      where.push('d.due_ms >= @dayStart AND d.due_ms < @dayEnd');
      params.dayStart = input.due === 'today' ? startMs : now.getTime();
      params.dayEnd = startMs + days * 86_400_000;
    }
  }
  return { where, params };
}

/**
 * How a filtered list (no text query) finds its page, newest first. SQLite's planner does not
 * weigh LIMIT, so left alone it picked plans that read (and sorted) every matching dossier, or
 * scanned the table from the start; the shape of the filters tells us better:
 *  - a due filter: the open dossiers by due time (dossiers_status_due), few by nature;
 *  - a period: that period's entries of dossiers_day (or of the clerk's / procedure's index);
 *  - in-progress statuses only: their entries of dossiers_status_due;
 * each read from the index alone, sorted by rowid, and only the page's rows are then fetched.
 * Anything else (finished statuses, channel, counter) walks back from the newest dossier and stops
 * when the page is full, which is quick precisely because such rows are common.
 */
function listIndex(input: DossierSearchInput): string | null {
  if (input.due) return 'dossiers_status_due';
  if (input.receivedFrom || input.receivedTo) {
    if (input.clerkId) return 'dossiers_clerk_day';
    if (input.procedureCode) return 'dossiers_procedure_day';
    return 'dossiers_day';
  }
  if (input.statuses?.length && input.statuses.every((s) => TRANSIENT_STATUSES.has(s))) return 'dossiers_status_due';
  return null;
}

/** The SQL of one page and how to read its sort key back. */
function pageQuery(app: AppContext, input: DossierSearchInput): { sql: string; params: Record<string, unknown>; key: (r: DossierRow) => string } | null {
  const { where, params } = filterTerms(app, input);
  params.limit = input.limit;
  const q = input.query?.trim();
  const and = (terms: string[]) => (terms.length ? ` AND ${terms.join(' AND ')}` : '');

  if (q && CODE_LIKE.test(q)) {
    // A dossier code or its beginning: newest first is highest code first (the day, then the
    // day's number), read straight off the code index, so the page costs the same for a whole
    // agency ("000.00.06.H56") as for one day. The page key is the code itself.
    params.codeLo = q.toUpperCase();
    params.codeHi = q.toUpperCase() + '\uffff';
    const terms = ['d.code >= @codeLo', 'd.code < @codeHi', ...where];
    if (input.after) {
      terms.push('d.code < @after');
      params.after = input.after;
    }
    return { sql: `SELECT ${LIST_COLUMNS} FROM dossiers d WHERE ${terms.join(' AND ')} ORDER BY d.code DESC LIMIT @limit`, params, key: (r) => r.code };
  }

  const after = input.after === undefined ? undefined : Number(input.after);
  if (after !== undefined && !Number.isSafeInteger(after)) return null; // a key from another kind of list
  if (after !== undefined) params.after = after;

  if (q) {
    const fts = ftsQuery(q);
    if (!fts) return null;
    params.fts = fts;
    // Ordered by the FTS table's own rowid, FTS5 walks its lists newest first and stops at the
    // page; ordering by d.rid (the same number) made SQLite fetch and sort every match first.
    const terms = ['dossier_fts MATCH @fts', ...(after !== undefined ? ['f.rowid < @after'] : []), ...where];
    return {
      sql: `SELECT ${LIST_COLUMNS} FROM dossier_fts f JOIN dossiers d ON d.rid = f.rowid WHERE ${terms.join(' AND ')} ORDER BY f.rowid DESC LIMIT @limit`,
      params,
      key: (r) => String(r.rid),
    };
  }

  const page = after !== undefined ? ['d.rid < @after'] : [];
  const index = listIndex(input);
  if (!index) {
    // NOT INDEXED: walk the table backwards from the newest row (see listIndex).
    const terms = [...where, ...page];
    return {
      sql: `SELECT ${LIST_COLUMNS} FROM dossiers d NOT INDEXED ${terms.length ? `WHERE ${terms.join(' AND ')}` : ''} ORDER BY d.rid DESC LIMIT @limit`,
      params,
      key: (r) => String(r.rid),
    };
  }
  const inner = `SELECT d.rid FROM dossiers d INDEXED BY ${index} WHERE 1${and([...where, ...page])} ORDER BY d.rid DESC LIMIT @limit`;
  return {
    sql: `SELECT ${LIST_COLUMNS} FROM dossiers d WHERE d.rid IN (${inner}) ORDER BY d.rid DESC`,
    params,
    key: (r) => String(r.rid),
  };
}

/**
 * Lists dossiers newest first with filters and keyset paging. A dossier code (or its prefix) is looked up
 * on the code index; anything else goes through the full-text index, which serves names without
 * diacritics, ID numbers, phones and postal codes. `after` is the `sortKey` of the previous page's last row.
 */
export function searchDossiers(app: AppContext, input: DossierSearchInput): { items: DossierListItem[]; nextAfter: string | null } {
  const page = pageQuery(app, input);
  if (!page) return { items: [], nextAfter: null };
  const rows = app.db.prepare(page.sql).all(page.params) as DossierRow[];
  const cal = getWorkCalendar(app);
  const now = app.clock.now();
  const items = rows.map((r) => ({
    ...listItemOf(r, OPEN_STATUSES.includes(r.status) || r.status === '5' ? daysRemainingFast(now, new Date(r.due_at), cal) : null),
    sortKey: page.key(r),
  }));
  return { items, nextAfter: rows.length === input.limit ? page.key(rows[rows.length - 1]) : null };
}

/** The SQL a search runs, for EXPLAIN QUERY PLAN tests and the benchmark (null when nothing is searched). */
export function searchPlanSql(app: AppContext, input: DossierSearchInput): { sql: string; params: Record<string, unknown> } | null {
  const page = pageQuery(app, input);
  return page && { sql: page.sql, params: page.params };
}
