/**
 * Which days an office works and how much office time lies between two instants.
 *
 * All arithmetic is on the Vietnam wall clock (UTC+7) via local-date.ts.
 */
import {
  DAY_MS,
  addDays,
  dayNumber,
  instantFromLocal,
  localMs,
  parseTimeOfDay,
  toLocalDate,
  weekday,
} from './local-date';
import { defaultYear } from './announced';
import { DEFAULT_OFFICE_HOURS, officeHoursSchema } from './types';
import type { CalendarYear, DayOff, LocalDate, OfficeHours } from './types';

/** Office time within one day, in milliseconds since local midnight; `end` exclusive. */
export interface TimeRange {
  start: number;
  end: number;
}

export interface WorkCalendarOptions {
  /** Defaults to {@link DEFAULT_OFFICE_HOURS}. */
  officeHours?: OfficeHours;
  /** Confirmed or edited years; any other year uses {@link defaultYear} (announced, else proposed). */
  years?: readonly CalendarYear[];
}

/** The office's working days and hours, as used by the due-date engine. */
export interface WorkCalendar {
  readonly officeHours: OfficeHours;
  /** The calendar in force for a year: the one supplied, else the announced one, else the proposal. */
  year(year: number): CalendarYear;
  /** A weekday with office hours that is not a day off, or a declared extra working day. */
  isWorkingDay(date: LocalDate): boolean;
  /** The day-off entry for a date, if any (even when an extra working day overrides it). */
  dayOff(date: LocalDate): DayOff | undefined;
  /** Office sessions of that date (empty on a non-working day). */
  sessions(date: LocalDate): readonly TimeRange[];
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate;
}

/** A calendar with no working day for ten years is a configuration error, not a reason to loop forever. */
const MAX_SCAN_DAYS = 3700;

interface CompiledYear {
  source: CalendarYear;
  off: Map<LocalDate, DayOff>;
  extra: Set<LocalDate>;
}

function compile(y: CalendarYear): CompiledYear {
  const off = new Map<LocalDate, DayOff>();
  for (const d of y.daysOff) if (!off.has(d.date)) off.set(d.date, d);
  return { source: y, off, extra: new Set(y.extraWorkingDays.map((d) => d.date)) };
}

function toRanges(sessions: readonly { start: string; end: string }[]): TimeRange[] {
  return sessions.map((s) => ({ start: parseTimeOfDay(s.start), end: parseTimeOfDay(s.end) }));
}

/**
 * Builds a WorkCalendar.
 * @throws RangeError (Vietnamese message) when the office hours are invalid or a year is given twice
 */
export function createWorkCalendar(options: WorkCalendarOptions = {}): WorkCalendar {
  const officeHours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
  const parsed = officeHoursSchema.safeParse(officeHours);
  if (!parsed.success) {
    throw new RangeError(`Giờ làm việc không hợp lệ: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const weekHours = officeHours.map(toRanges);
  // A working Saturday/Sunday replaces a weekday, so it keeps weekday hours (Monday's, else the first weekday that has any).
  const swapHours = [1, 2, 3, 4, 5].map((d) => weekHours[d]).find((h) => h.length > 0);

  const years = new Map<number, CompiledYear>();
  for (const y of options.years ?? []) {
    if (years.has(y.year)) throw new RangeError(`Năm ${y.year} được khai báo hai lần trong lịch làm việc`);
    years.set(y.year, compile(y));
  }
  const yearOf = (year: number): CompiledYear => {
    let y = years.get(year);
    if (!y) {
      y = compile(defaultYear(year));
      years.set(year, y);
    }
    return y;
  };
  const yearOfDate = (date: LocalDate) => yearOf(Number(date.slice(0, 4)));

  const sessions = (date: LocalDate): readonly TimeRange[] => {
    dayNumber(date); // validates
    const y = yearOfDate(date);
    const own = weekHours[weekday(date)];
    if (y.extra.has(date)) return own.length > 0 ? own : (swapHours ?? own);
    return y.off.has(date) ? [] : own;
  };

  return {
    officeHours,
    year: (year) => yearOf(year).source,
    isWorkingDay: (date) => sessions(date).length > 0,
    dayOff: (date) => yearOfDate(date).off.get(date),
    sessions,
    nextWorkingDay(date) {
      let d = date;
      for (let i = 0; i < MAX_SCAN_DAYS; i++) {
        d = addDays(d, 1);
        if (sessions(d).length > 0) return d;
      }
      throw new RangeError(`Không tìm thấy ngày làm việc nào sau ${date}: kiểm tra giờ làm việc và lịch nghỉ`);
    },
  };
}

// ------------------------------------------------------------ office-time arithmetic

function split(instant: Date): { date: LocalDate; t: number } {
  const ms = localMs(instant);
  const day = Math.floor(ms / DAY_MS);
  return { date: toLocalDate(instant), t: ms - day * DAY_MS };
}

function at(date: LocalDate, msOfDay: number): Date {
  return instantFromLocal(dayNumber(date), msOfDay);
}

/** The working day on or after `date`. */
export function workingDayOnOrAfter(cal: WorkCalendar, date: LocalDate): LocalDate {
  return cal.isWorkingDay(date) ? date : cal.nextWorkingDay(date);
}

/** Closing time (end of the last session) of a working day. */
export function closingOf(cal: WorkCalendar, date: LocalDate): Date {
  const s = cal.sessions(date);
  if (s.length === 0) throw new RangeError(`${date} không phải ngày làm việc`);
  return at(date, s[s.length - 1].end);
}

/**
 * When counting starts for something received at `instant`: the instant itself
 * during office hours, else the next session opening (13:30 after the lunch break,
 * the next working morning after closing or on a day off).
 */
export function startOfCounting(cal: WorkCalendar, instant: Date): Date {
  const { date, t } = split(instant);
  for (const s of cal.sessions(date)) {
    if (t < s.start) return at(date, s.start);
    if (t < s.end) return instant;
  }
  const next = cal.nextWorkingDay(date);
  return at(next, cal.sessions(next)[0].start);
}

/** Office time already elapsed on the instant's own day (0 at opening). */
export function elapsedToday(cal: WorkCalendar, instant: Date): number {
  const { date, t } = split(instant);
  let e = 0;
  for (const s of cal.sessions(date)) e += Math.max(0, Math.min(t, s.end) - s.start);
  return e;
}

/**
 * The instant on working day `date` after `elapsed` office time. A point between two
 * sessions of the day is given as the later opening (13:30, when the citizen can come
 * back), one at the end of the day as closing; past the day's office time, closing.
 */
export function atElapsed(cal: WorkCalendar, date: LocalDate, elapsed: number): Date {
  const s = cal.sessions(date);
  let e = elapsed;
  for (let i = 0; i < s.length; i++) {
    const len = s[i].end - s[i].start;
    if (e < len || (e === len && i === s.length - 1)) return at(date, s[i].start + e);
    e -= len;
  }
  return closingOf(cal, date);
}

/**
 * The instant after `amount` ms of office time counted from `from`. An exact fit at
 * the end of a morning session lands on the afternoon opening; at the end of the
 * day, on closing (the deadline belongs to that day, not to the next morning).
 */
export function addOfficeTime(cal: WorkCalendar, from: Date, amount: number): Date {
  if (amount <= 0) return from;
  let { date, t } = split(from);
  let remaining = amount;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    const s = cal.sessions(date);
    for (let j = 0; j < s.length; j++) {
      if (s[j].end <= t) continue;
      const cur = Math.max(s[j].start, t);
      const avail = s[j].end - cur;
      if (remaining < avail) return at(date, cur + remaining);
      if (remaining === avail) return j === s.length - 1 ? at(date, s[j].end) : at(date, s[j + 1].start);
      remaining -= avail;
    }
    date = addDays(date, 1);
    t = 0;
  }
  throw new RangeError('Thời hạn quá dài so với lịch làm việc (hơn 10 năm)');
}

/** Office time between two instants (0 when `to` is not after `from`). */
export function officeTimeBetween(cal: WorkCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  const a = split(from);
  const b = split(to);
  let total = 0;
  for (let date = a.date; dayNumber(date) <= dayNumber(b.date); date = addDays(date, 1)) {
    const lo = date === a.date ? a.t : 0;
    const hi = date === b.date ? b.t : DAY_MS;
    for (const s of cal.sessions(date)) total += Math.max(0, Math.min(hi, s.end) - Math.max(lo, s.start));
  }
  return total;
}
