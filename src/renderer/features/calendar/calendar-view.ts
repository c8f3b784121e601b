/** Pure helpers of the year view: month grids (Monday first, as Vietnamese calendars print) and day classes. */
import type { CalendarYear, DayOff, DayOffKind, ExtraWorkingDay, LocalDate } from '../../../shared/calendar/types';

const pad = (n: number) => String(n).padStart(2, '0');

/** Weekday of a date, 0 = Sunday … 6 = Saturday (pure arithmetic, no time zone involved). */
export function weekdayOf(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Weeks of a month, each 7 cells from Monday to Sunday; null outside the month. */
export function monthGrid(year: number, month: number): (LocalDate | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (weekdayOf(`${year}-${pad(month)}-01`) + 6) % 7;
  const cells: (LocalDate | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(`${year}-${pad(month)}-${pad(d)}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (LocalDate | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export type DayClass =
  | { type: 'off'; kind: DayOffKind; entry: DayOff; proposed: boolean }
  | { type: 'extra'; entry: ExtraWorkingDay }
  | { type: 'weekend' }
  | { type: 'working' };

/**
 * How the office treats a day under a year's calendar. A working Saturday wins over a day-off
 * entry on the same date (the server refuses such a year, but the view must not hide either).
 */
export function classify(date: LocalDate, y: CalendarYear, weekHasHours: readonly boolean[]): DayClass {
  const extra = y.extraWorkingDays.find((d) => d.date === date);
  if (extra) return { type: 'extra', entry: extra };
  const off = y.daysOff.find((d) => d.date === date);
  if (off) return { type: 'off', kind: off.kind, entry: off, proposed: off.proposed };
  return weekHasHours[weekdayOf(date)] ? { type: 'working' } : { type: 'weekend' };
}

export const DAY_STYLES: Record<DayOffKind | 'extra' | 'weekend', { background: string; color: string }> = {
  holiday: { background: '#cf1322', color: '#fff' },
  tet: { background: '#ad2102', color: '#fff' },
  compensatory: { background: '#ff7875', color: '#fff' },
  swap: { background: '#fa8c16', color: '#fff' },
  extra: { background: '#389e0d', color: '#fff' },
  weekend: { background: '#f0f0f0', color: '#8c8c8c' },
};

/** 'dd/mm/yyyy' → 'YYYY-MM-DD', or null when it is not a real date. */
export function parseViDate(s: string): LocalDate | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

export const isTime = (s: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s.trim());
