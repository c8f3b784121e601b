/**
 * The office's working-day calendar, as stored: office hours (settings key 'officeHours') and
 * the years the administrator, an import or the province has set (table calendar_years); every
 * other year is the proposal computed from the lunar calendar.
 *
 * Due dates are computed from one cached WorkCalendar per installation. Every write here
 * drops the cache, so a due date computed after an administrator's correction uses it.
 */
import { SYSTEM_CALLER, type AppContext, type Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import { mutate } from '../audit/audit-log';
import { getSetting, setSetting } from '../settings/settings-store';
import type { CalendarYearView } from '../../shared/api/calendar-contract';
import {
  DEFAULT_OFFICE_HOURS,
  computeDueDate,
  createWorkCalendar,
  ANNOUNCED_SOURCES,
  defaultYear,
  validateCalendarYear,
  workingDaysRemaining,
  type CalendarYear,
  type DueDateResult,
  type OfficeHours,
  type Pause,
  type WorkCalendar,
} from '../../shared/calendar';
import type { Procedure } from '../../shared/catalog/procedure';
import { calendarFromFile, calendarFromLichNghi, sortYear } from './calendar-files';

const OFFICE_HOURS_KEY = 'officeHours';

interface YearRow {
  year: number;
  data: string;
  status: CalendarYear['status'];
  source: CalendarYear['source'];
  provincial_data: string | null;
  updated_at: string;
}

const cache = new WeakMap<AppContext, WorkCalendar>();

function invalidate(app: AppContext, year: number | null): void {
  cache.delete(app);
  app.events.emit('calendar.changed', { year });
}

function yearOfRow(r: YearRow): CalendarYear {
  // status and source live in their own columns (queried by reports); they win over the JSON copy.
  return { ...(JSON.parse(r.data) as CalendarYear), year: r.year, status: r.status, source: r.source };
}

function storedYears(app: AppContext): CalendarYear[] {
  return (app.db.prepare('SELECT * FROM calendar_years ORDER BY year').all() as YearRow[]).map(yearOfRow);
}

function getYearRow(app: AppContext, year: number): YearRow | undefined {
  return app.db.prepare('SELECT * FROM calendar_years WHERE year = ?').get(year) as YearRow | undefined;
}

export function getOfficeHours(app: AppContext): OfficeHours {
  return getSetting<OfficeHours>(app.db, OFFICE_HOURS_KEY) ?? DEFAULT_OFFICE_HOURS;
}

/** The calendar due dates are computed with; rebuilt after any calendar or office-hours change. */
export function getWorkCalendar(app: AppContext): WorkCalendar {
  let cal = cache.get(app);
  if (!cal) {
    cal = createWorkCalendar({ officeHours: getOfficeHours(app), years: storedYears(app) });
    cache.set(app, cal);
  }
  return cal;
}

export interface DueDateRequest {
  receivedAt: Date;
  procedure: Procedure;
  pauses?: Pause[];
  now?: Date;
}

/**
 * Due date of a dossier of `procedure` received at `receivedAt`, with the procedure's
 * ordinary time (the extended time in special cases is a supervisor's decision, not a default).
 */
export function dueDateFor(app: AppContext, req: DueDateRequest): DueDateResult {
  const { amount, unit, sameDay } = req.procedure.duration;
  return computeDueDate({
    receivedAt: req.receivedAt,
    duration: { amount, unit, sameDay },
    calendar: getWorkCalendar(app),
    pauses: req.pauses,
    now: req.now ?? app.clock.now(),
  });
}

/** Working days left until `due`, counted from now: 0 = due today, negative = overdue. */
export function daysRemaining(app: AppContext, due: Date): number {
  return workingDaysRemaining(app.clock.now(), due, getWorkCalendar(app));
}

// ------------------------------------------------------------------ administration

export function getYearView(app: AppContext, year: number): CalendarYearView {
  const row = getYearRow(app, year);
  const announcedSource = ANNOUNCED_SOURCES[year] ?? null;
  if (row) return { calendar: yearOfRow(row), stored: true, updatedAt: row.updated_at, announcedSource };
  return { calendar: defaultYear(year), stored: false, updatedAt: null, announcedSource };
}

function refuseIfContradictory(y: CalendarYear): void {
  const errors = validateCalendarYear(y);
  if (errors.length === 0) return;
  throw new AppError(
    'VALIDATION',
    `Lịch năm ${y.year} có ${errors.length} chỗ mâu thuẫn, chưa lưu: ${errors.join('; ')}`,
    Object.fromEntries(errors.map((m, i) => [`loi${i + 1}`, m])),
  );
}

/** Refuses a year no due date could be computed with (e.g. no working day left). */
function refuseIfUnusable(app: AppContext, y: CalendarYear): void {
  try {
    const others = storedYears(app).filter((s) => s.year !== y.year);
    const cal = createWorkCalendar({ officeHours: getOfficeHours(app), years: [...others, y] });
    cal.nextWorkingDay(`${y.year - 1}-12-31`);
  } catch (e) {
    throw new AppError('VALIDATION', e instanceof Error ? e.message : String(e));
  }
}

function storeYear(app: AppContext, caller: Caller, y: CalendarYear, action: string, provincialData?: string): CalendarYearView {
  const normalized = sortYear({
    ...y,
    daysOff: y.daysOff.map((d) => ({ ...d, name: d.name.trim().normalize('NFC') })),
    extraWorkingDays: y.extraWorkingDays.map((d) => ({ ...d, name: d.name.trim().normalize('NFC') })),
  });
  refuseIfContradictory(normalized);
  refuseIfUnusable(app, normalized);
  const now = isoLocal(app.clock.now());
  mutate(
    app,
    caller,
    { action, entity: 'calendarYear', entityId: String(y.year), detail: { status: y.status, source: y.source, daysOff: y.daysOff.length, extraWorkingDays: y.extraWorkingDays.length } },
    () => {
      app.db
        .prepare(
          `INSERT INTO calendar_years (year, data, status, source, provincial_data, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(year) DO UPDATE SET data = excluded.data, status = excluded.status, source = excluded.source,
             provincial_data = COALESCE(excluded.provincial_data, calendar_years.provincial_data), updated_at = excluded.updated_at`,
        )
        .run(y.year, JSON.stringify(normalized), normalized.status, normalized.source, provincialData ?? null, now);
    },
  );
  invalidate(app, y.year);
  return getYearView(app, y.year);
}

/** The administrator's version of a year (entries added, removed or renamed). */
export function saveYear(app: AppContext, caller: Caller, input: Omit<CalendarYear, 'source'>): CalendarYearView {
  return storeYear(app, caller, { ...input, source: 'admin' }, 'calendar.saveYear');
}

/** Makes the year in force official: every entry loses its "proposed" mark. */
export function confirmYear(app: AppContext, caller: Caller, year: number): CalendarYearView {
  const current = getYearView(app, year).calendar;
  return storeYear(
    app,
    caller,
    { ...current, status: 'confirmed', daysOff: current.daysOff.map((d) => ({ ...d, proposed: false })) },
    'calendar.confirmYear',
  );
}

export function importYearFile(app: AppContext, caller: Caller, content: string): CalendarYearView {
  const parsed = calendarFromFile(content);
  if (parsed.ok !== true) {
    const errors = parsed.ok === false ? parsed.errors : ['Tệp lịch rỗng.'];
    throw new AppError('VALIDATION', `Không nhập được lịch: ${errors.join('; ')}`, Object.fromEntries(errors.map((m, i) => [`loi${i + 1}`, m])));
  }
  return storeYear(app, caller, parsed.calendar, 'calendar.importYear');
}

export type ProvincialCalendarResult =
  | { applied: true; year: number }
  | { applied: false; year: number | null; reason: 'not-announced' | 'unchanged' }
  | { applied: false; year: number | null; reason: 'invalid'; errors: string[] };

/**
 * Applies a `LayLichNghi` answer (the whole answer or its `result`). An announced year
 * becomes the confirmed year with source 'provincial'. Not announced (empty answer): the
 * stored year or the proposal stays. An answer identical to the last one applied changes
 * nothing, so a correction the administrator made after it survives the next pulls; a new
 * announcement replaces it.
 */
export function applyProvincialCalendar(app: AppContext, lichNghiResult: unknown, opts: { year?: number; caller?: Caller } = {}): ProvincialCalendarResult {
  const parsed = calendarFromLichNghi(lichNghiResult, opts.year);
  if (parsed.ok === 'empty') return { applied: false, year: parsed.year, reason: 'not-announced' };
  if (parsed.ok === false) return { applied: false, year: opts.year ?? null, reason: 'invalid', errors: parsed.errors };
  const y = parsed.calendar;
  const fingerprint = JSON.stringify({ daysOff: y.daysOff, extraWorkingDays: y.extraWorkingDays });
  if (getYearRow(app, y.year)?.provincial_data === fingerprint) return { applied: false, year: y.year, reason: 'unchanged' };
  try {
    storeYear(app, opts.caller ?? SYSTEM_CALLER, y, 'calendar.provincialPull', fingerprint);
  } catch (e) {
    if (e instanceof AppError) return { applied: false, year: y.year, reason: 'invalid', errors: Object.values(e.fields ?? { loi1: e.message }) };
    throw e;
  }
  return { applied: true, year: y.year };
}

export function saveOfficeHours(app: AppContext, caller: Caller, hours: OfficeHours): OfficeHours {
  try {
    const cal = createWorkCalendar({ officeHours: hours, years: storedYears(app) });
    cal.nextWorkingDay(`${app.clock.now().getUTCFullYear()}-01-01`);
  } catch (e) {
    throw new AppError('VALIDATION', e instanceof Error ? e.message : String(e));
  }
  mutate(app, caller, { action: 'calendar.saveOfficeHours', entity: 'settings', entityId: OFFICE_HOURS_KEY }, () => setSetting(app.db, OFFICE_HOURS_KEY, hours));
  invalidate(app, null);
  return getOfficeHours(app);
}
