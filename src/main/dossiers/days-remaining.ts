import type { WorkCalendar } from '../../shared/calendar';
import { dayNumber, fromDayNumber, toLocalDate } from '../../shared/calendar/local-date';

/**
 * `workingDaysRemaining` (shared/calendar/due-date) for list pages: the same answer, but counted
 * with a running total of working days per calendar instead of walking the days one by one. A page
 * of 100 overdue dossiers, some of them years late, walked ~100,000 days (over a second) before.
 * The totals are built once per WorkCalendar object; getWorkCalendar builds a new one after any
 * calendar or office-hours change, so a stale count cannot outlive the calendar it came from.
 */
class WorkingDayTotals {
  private first = 0;
  /** totals[i] = working days among day numbers first .. first+i-1 (totals[0] = 0). */
  private totals = new Int32Array(1);

  constructor(private readonly cal: WorkCalendar) {}

  /** Working days d with a < d ≤ b (0 when b ≤ a), for day numbers. */
  between(a: number, b: number): number {
    if (b <= a) return 0;
    this.cover(a, b);
    return this.totals[b - this.first + 1] - this.totals[a - this.first + 1];
  }

  private cover(a: number, b: number): void {
    const last = this.first + this.totals.length - 2;
    if (this.totals.length > 1 && a >= this.first && b <= last) return;
    // Grow to a generous window (a year either side) so most lists build the totals once.
    const from = Math.min(a, this.totals.length > 1 ? this.first : a) - 366;
    const to = Math.max(b, this.totals.length > 1 ? last : b) + 366;
    const totals = new Int32Array(to - from + 2);
    for (let d = from; d <= to; d++) totals[d - from + 1] = totals[d - from] + (this.cal.isWorkingDay(fromDayNumber(d)) ? 1 : 0);
    this.first = from;
    this.totals = totals;
  }
}

const totalsByCalendar = new WeakMap<WorkCalendar, WorkingDayTotals>();

/** Working days left until `due` seen from `now`: 0 = due today, negative = overdue (at least −1). */
export function daysRemainingFast(now: Date, due: Date, cal: WorkCalendar): number {
  let totals = totalsByCalendar.get(cal);
  if (!totals) totalsByCalendar.set(cal, (totals = new WorkingDayTotals(cal)));
  const today = dayNumber(toLocalDate(now));
  const dueDay = dayNumber(toLocalDate(due));
  if (now.getTime() <= due.getTime()) return totals.between(today, dueDay);
  return -Math.max(1, totals.between(dueDay, today));
}
