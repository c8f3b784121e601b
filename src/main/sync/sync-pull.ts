/**
 * The pull phase: the change feed (`LayThayDoiHoSo`) into local dossiers, the procedure catalog
 * (`LayDanhSachTTHC`) and the official calendars of this year and the next (`LayLichNghi`).
 * The feed cursor is saved in the same transaction as the page it follows: if applying a page
 * fails, nothing of it is stored and the cursor stays where it was.
 */
import { getRowByCode } from '../dossiers/dossier-repo';
import { applyProvincialCatalog } from '../catalog/catalog-service';
import { applyProvincialCalendar } from '../calendar/calendar-service';
import { applyServerCopy } from './server-copy';
import { isSameDossier, recordCollision } from './collisions';
import { importServerDossier } from './rebuild';
import { readSyncState, updateSyncState } from './sync-store';
import { bookkeeping } from './statements';
import { RunStop, TOO_LARGE, type RunContext } from './sync-run';
import { formatProvincialTime } from '../../shared/sync/provincial-time';
import type { HoSo } from '../../shared/sync/provincial-types';

/** Feed pages read in one run at most (a safety stop against a server that never ends its feed). */
const MAX_PAGES = 10_000;
/** The catalog is asked for changes since a little before the last pull: clocks differ. */
const CATALOG_OVERLAP_MS = 10 * 60_000;

export interface FeedApplied {
  /** Dossiers whose local copy changed (a step was recorded): the clerk is told. */
  changed: { id: string; code: string; status: number }[];
  /** Dossiers of the feed not known at this counter (received elsewhere, or before a restore or reinstall), now created here. */
  imported: number;
  /** Feed dossiers that could not be created here (malformed), skipped. */
  unknown: number;
  /** Codes the province holds for another dossier than the local one with that code. */
  collisions: { id: string; code: string }[];
}

/** Applies one feed page; inside the caller's transaction. */
export function applyFeedPage(ctx: Pick<RunContext, 'app'>, items: readonly HoSo[]): FeedApplied {
  const out: FeedApplied = { changed: [], imported: 0, unknown: 0, collisions: [] };
  for (const h of items) {
    const row = getRowByCode(ctx.app.db, h.MaHoSo);
    if (!row) {
      // The feed exists to rebuild a counter: a dossier of this agency we do not know is created here.
      if (importServerDossier(ctx.app, h)) out.imported += 1;
      else out.unknown += 1;
      continue;
    }
    // Our own change coming back, or older than what we know: nothing new.
    if (h.PhienBan <= row.server_version) continue;
    // The same code, another dossier: never merged into ours.
    if (!isSameDossier(ctx.app.db, row, h)) {
      if (recordCollision(ctx.app, row, h, 'feed')) out.collisions.push({ id: row.id, code: row.code });
      continue;
    }
    const r = applyServerCopy(ctx.app, row, h, { enqueueCounterChanges: true });
    if (r.changed) out.changed.push({ id: row.id, code: row.code, status: Number(r.status) });
  }
  return out;
}

export async function pullFeed(ctx: RunContext): Promise<void> {
  const { app } = ctx;
  let cursor = readSyncState(app.db).feed_cursor;
  for (let page = 0; page < MAX_PAGES; page++) {
    ctx.checkStopped();
    ctx.progress('pull');
    const p = await ctx.exchange(() => ctx.client.changes(cursor, ctx.feedPageSize));
    if (p === TOO_LARGE) throw new RunStop('config', 'Máy chủ tỉnh từ chối yêu cầu lấy thay đổi (HTTP 413).');
    if (!p.items.length && p.nextCursor === cursor) return;
    const applied = bookkeeping(app.db, () => {
      const a = applyFeedPage(ctx, p.items);
      updateSyncState(app.db, { feed_cursor: p.nextCursor });
      return a;
    });
    for (const c of applied.changed) app.events.emit('dossier.changed', c);
    for (const c of applied.collisions) app.events.emit('sync.collision', c);
    ctx.counts.pulled += applied.changed.length + applied.imported;
    cursor = p.nextCursor;
    // A short page is the end of the feed for now.
    if (p.items.length < ctx.feedPageSize) return;
  }
}

export async function pullCatalog(ctx: RunContext): Promise<void> {
  const { app } = ctx;
  ctx.progress('catalog');
  const since = readSyncState(app.db).catalog_since ?? undefined;
  const askedAt = app.clock.now();
  const list = await ctx.exchange(() => ctx.client.catalog(since));
  if (list === TOO_LARGE) return;
  if (list.length) {
    const r = applyProvincialCatalog(app, list);
    if (r.errors.length) app.log.warn('provincial catalog items refused', { count: r.errors.length });
  }
  updateSyncState(app.db, { catalog_since: formatProvincialTime(new Date(askedAt.getTime() - CATALOG_OVERLAP_MS)) });
}

/** The calendars of this year and the next, once a day (always when `force`). */
export async function pullCalendars(ctx: RunContext, force: boolean): Promise<void> {
  const { app } = ctx;
  const today = formatProvincialTime(app.clock.now()).slice(0, 8);
  if (!force && readSyncState(app.db).calendar_checked_on === today) return;
  ctx.progress('calendar');
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const cal = await ctx.exchange(() => ctx.client.calendar(y));
    if (cal === TOO_LARGE || cal === null) continue;
    const r = applyProvincialCalendar(app, cal, { year: y });
    if (!r.applied && r.reason === 'invalid') app.log.warn('provincial calendar refused', { year: y });
  }
  updateSyncState(app.db, { calendar_checked_on: today });
}
