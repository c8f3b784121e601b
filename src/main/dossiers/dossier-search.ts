import type { AppContext } from '../app/app-context';
import { instantAt, toLocalDate, workingDaysRemaining } from '../../shared/calendar';
import { foldVietnamese } from '../../shared/domain/text-fold';
import { OPEN_STATUSES } from '../../shared/dossiers/lifecycle';
import type { DossierListItem } from '../../shared/dossiers/dossier-schemas';
import type { z } from 'zod';
import type { dossierSearchSchema } from '../../shared/dossiers/dossier-schemas';
import { getWorkCalendar } from '../calendar/calendar-service';
import { listItemOf, type DossierRow } from './dossier-repo';

export type DossierSearchInput = z.output<typeof dossierSearchSchema>;

const CODE_LIKE = /^\d{3}\.\d{2}/;
const LIST_COLUMNS = 'd.rid, d.id, d.code, d.procedure_code, d.procedure_name, d.owner_name, d.applicant_name, d.status, d.channel, d.received_at, d.due_at';

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

/**
 * Lists dossiers newest first with filters and keyset paging. A dossier code (or its prefix) is looked up
 * on the code index; anything else goes through the full-text index, which serves names without
 * diacritics, ID numbers, phones and postal codes.
 */
export function searchDossiers(app: AppContext, input: DossierSearchInput): { items: DossierListItem[]; nextAfter: string | null } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  let from = 'dossiers d';
  const q = input.query?.trim();
  if (q) {
    if (CODE_LIKE.test(q)) {
      where.push('d.code >= @codeLo AND d.code < @codeHi');
      params.codeLo = q.toUpperCase();
      params.codeHi = q.toUpperCase() + '\uffff';
    } else {
      const fts = ftsQuery(q);
      if (!fts) return { items: [], nextAfter: null };
      from = 'dossier_fts f JOIN dossiers d ON d.rid = f.rowid';
      where.push('dossier_fts MATCH @fts');
      params.fts = fts;
    }
  }
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
  if (input.after) {
    where.push('d.rid < @after');
    params.after = Number(input.after);
  }
  const sql = `SELECT ${LIST_COLUMNS} FROM ${from} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY d.rid DESC LIMIT @limit`;
  params.limit = input.limit;
  const rows = app.db.prepare(sql).all(params) as DossierRow[];
  const cal = getWorkCalendar(app);
  const now = app.clock.now();
  const items = rows.map((r) => listItemOf(r, OPEN_STATUSES.includes(r.status) || r.status === '5' ? workingDaysRemaining(now, new Date(r.due_at), cal) : null));
  return { items, nextAfter: rows.length === input.limit ? String(rows[rows.length - 1].rid) : null };
}
