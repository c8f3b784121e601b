/**
 * The office's working days over the generated period, from the app's own work calendar
 * (weekends, Tết and the other public holidays of each year), indexed for quick stepping:
 * "n working days later, at some office hour".
 */
import type { WorkCalendar } from '../../src/shared/calendar/working-time';
import { DAY_MS, dayNumber, fromDayNumber, instantFromLocal } from '../../src/shared/calendar/local-date';
import type { Rng } from './rng';

const VN_OFFSET_MS = 7 * 3600_000;

/** Local (Asia/Ho_Chi_Minh) day number of an instant. */
export const localDay = (ms: number): number => Math.floor((ms + VN_OFFSET_MS) / DAY_MS);

export class WorkDays {
  /** Day numbers of the working days, ascending. */
  readonly days: number[] = [];
  /** Office sessions [start, end) in ms of the local day, per working day. */
  readonly sessions: { start: number; end: number }[][] = [];
  private readonly firstDay: number;
  /** For each calendar day from firstDay: index of the first working day on or after it. */
  private readonly atOrAfter: Int32Array;

  constructor(cal: WorkCalendar, from: string, to: string) {
    this.firstDay = dayNumber(from);
    const lastDay = dayNumber(to);
    this.atOrAfter = new Int32Array(lastDay - this.firstDay + 1);
    for (let d = lastDay; d >= this.firstDay; d--) {
      const date = fromDayNumber(d);
      if (cal.isWorkingDay(date)) {
        this.days.unshift(d);
        this.sessions.unshift(cal.sessions(date).map((r) => ({ start: r.start, end: r.end })));
      }
    }
    let k = 0;
    for (let d = this.firstDay; d <= lastDay; d++) {
      while (k < this.days.length && this.days[k] < d) k++;
      this.atOrAfter[d - this.firstDay] = k;
    }
  }

  /** Index of the first working day on or after local day `d` (clamped to the last one). */
  indexAtOrAfter(d: number): number {
    const i = d - this.firstDay;
    if (i < 0) return 0;
    if (i >= this.atOrAfter.length) return this.days.length - 1;
    return Math.min(this.atOrAfter[i], this.days.length - 1);
  }

  isWorking(d: number): boolean {
    const k = this.indexAtOrAfter(d);
    return this.days[k] === d;
  }

  /** A random office instant on working day `k`, at or after `notBefore` ms of the day. */
  randomTime(rng: Rng, k: number, notBefore = 0): number {
    const ranges = this.sessions[k].map((r) => ({ start: Math.max(r.start, notBefore), end: r.end })).filter((r) => r.end > r.start);
    if (!ranges.length) return this.randomTime(rng, Math.min(k + 1, this.days.length - 1));
    const total = ranges.reduce((s, r) => s + r.end - r.start, 0);
    let x = rng.next() * total;
    for (const r of ranges) {
      const len = r.end - r.start;
      if (x < len) return instantFromLocal(this.days[k], r.start + Math.floor(x / 1000) * 1000).getTime();
      x -= len;
    }
    return instantFromLocal(this.days[k], ranges[ranges.length - 1].start).getTime();
  }

  /** Some office time `n` working days after the day of `fromMs` (n = 0: later the same day when possible). */
  later(rng: Rng, fromMs: number, n: number): number {
    const d = localDay(fromMs);
    const k = this.indexAtOrAfter(d);
    if (n === 0 && this.days[k] === d) {
      const msOfDay = fromMs + VN_OFFSET_MS - d * DAY_MS;
      const closing = this.sessions[k][this.sessions[k].length - 1].end;
      if (msOfDay < closing - 60_000) return this.randomTime(rng, k, msOfDay + 60_000);
      n = 1;
    }
    const base = this.days[k] === d ? k : k - 1;
    return this.randomTime(rng, Math.min(base + Math.max(n, 1), this.days.length - 1));
  }

  /** `fromMs` plus a few minutes; outside office hours, some later office time (the afternoon, or the next working day). */
  sameDayLater(rng: Rng, fromMs: number, minMinutes: number, maxMinutes: number): number {
    const t = fromMs + rng.int(minMinutes, maxMinutes) * 60_000;
    const d = localDay(t);
    const k = this.indexAtOrAfter(d);
    if (this.days[k] === d) {
      const msOfDay = t + VN_OFFSET_MS - d * DAY_MS;
      if (this.sessions[k].some((r) => msOfDay >= r.start && msOfDay < r.end)) return t;
    }
    return this.later(rng, fromMs, 0);
  }
}
