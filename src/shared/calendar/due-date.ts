/**
 * Due dates (hạn trả kết quả) for dossiers, following the rules deployed one-stop
 * systems apply (domain brief §6):
 *
 * - Counting starts at receipt during office hours; after closing or on a day off at
 *   the next opening; during the lunch break at the afternoon opening.
 * - A working day is one office day: the due keeps the receipt's position in the day
 *   (Fri 27/10/2023 09:32 + 5 working days → Fri 03/11/2023 09:32). With the default
 *   8-hour day this is exactly "8 office hours = one working day"; stepping whole days
 *   keeps the clock time even where an office sets a day that is not 8 h long.
 *   Counting that starts at an opening ends at the closing of the last day counted
 *   (received before 07:00 Monday, 1 working day → Monday 17:00).
 * - Same-day procedures: received up to 15:00 (the 15:00 minute included) → closing the
 *   same day; later → closing of the next working day. We chose closing rather than the
 *   receipt's clock time because the law only says "the next working day", and giving
 *   the whole day is what the citizen is told at the counter.
 * - Calendar days: the date moves by whole days; if it lands on a day off it moves to
 *   the next working day.
 * - Hours: office time only.
 * - Waiting for the citizen to complete the dossier (pauses) moves the due date by the
 *   office time spent waiting.
 * A due date is always inside office hours of a working day.
 */
import { formatViDate, formatViTime, localMs, DAY_MS, assertInstant, toLocalDate, weekdayName, addDays, weekday } from './local-date';
import type { LocalDate, Pause, ProcessingDuration } from './types';
import {
  addOfficeTime,
  atElapsed,
  closingOf,
  elapsedToday,
  officeTimeBetween,
  startOfCounting,
  workingDayOnOrAfter,
} from './working-time';
import type { WorkCalendar } from './working-time';

/** Same-day procedures received after this local time are due the next working day. */
export const SAME_DAY_CUTOFF_MINUTES = 15 * 60;

const HOUR_MS = 3_600_000;

export interface DueDateInput {
  /** When the complete, valid dossier was received. */
  receivedAt: Date;
  duration: ProcessingDuration;
  calendar: WorkCalendar;
  /** Waits for supplements; a pause still open counts up to `now`. */
  pauses?: readonly Pause[];
  /** Needed only to count a pause that has not ended yet. */
  now?: Date;
}

export interface DueDateResult {
  due: Date;
  /** When the clock started (receipt, or the next opening). */
  startedAt: Date;
  /** Vietnamese explanations for the clerk, in the order the rules applied. */
  notes: string[];
  /** Years counted whose calendar is only the app's proposal: the due date is provisional until they are confirmed. */
  provisionalYears: number[];
}

function describeInstant(instant: Date): string {
  const date = toLocalDate(instant);
  const ms = localMs(instant);
  return `${formatViTime(ms - Math.floor(ms / DAY_MS) * DAY_MS)} ${weekdayName(date)} ${formatViDate(date)}`;
}

function describeOfficeTime(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} phút`;
  return m === 0 ? `${h} giờ` : `${h} giờ ${m} phút`;
}

function nthWorkingDay(cal: WorkCalendar, from: LocalDate, n: number): LocalDate {
  let d = from;
  for (let i = 0; i < n; i++) d = cal.nextWorkingDay(d);
  return d;
}

function startNote(cal: WorkCalendar, receivedAt: Date, startedAt: Date): string | null {
  if (startedAt.getTime() === receivedAt.getTime()) return null;
  const date = toLocalDate(receivedAt);
  const at = describeInstant(startedAt);
  if (!cal.isWorkingDay(date)) {
    const off = cal.dayOff(date);
    const why = off ? off.name : weekdayName(date);
    return `Tiếp nhận vào ngày nghỉ (${why}): bắt đầu tính từ ${at}`;
  }
  if (toLocalDate(startedAt) !== date) return `Tiếp nhận sau giờ làm việc: bắt đầu tính từ ${at}`;
  if (elapsedToday(cal, receivedAt) === 0) return `Tiếp nhận trước giờ làm việc: bắt đầu tính từ ${at}`;
  return `Tiếp nhận trong giờ nghỉ trưa: bắt đầu tính từ ${at}`;
}

function mergedPauses(pauses: readonly Pause[], notBefore: Date, now: Date | undefined, notes: string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const p of pauses) {
    assertInstant(p.from, 'Thời điểm bắt đầu tạm dừng');
    let end: number;
    if (p.to === null) {
      if (now) {
        assertInstant(now, 'Thời điểm hiện tại');
        end = now.getTime();
      } else {
        end = p.from.getTime();
      }
      notes.push('Hồ sơ đang chờ bổ sung: hạn trả sẽ lùi thêm cho đến khi công dân nộp bổ sung');
    } else {
      assertInstant(p.to, 'Thời điểm kết thúc tạm dừng');
      end = p.to.getTime();
      if (end < p.from.getTime()) throw new RangeError('Thời điểm kết thúc tạm dừng trước thời điểm bắt đầu');
    }
    const start = Math.max(p.from.getTime(), notBefore.getTime());
    if (end > start) spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/**
 * Computes when a dossier's result is due.
 * @throws RangeError (Vietnamese message) for an invalid instant or duration
 */
export function computeDueDate(input: DueDateInput): DueDateResult {
  const { receivedAt, duration, calendar: cal } = input;
  assertInstant(receivedAt, 'Thời điểm tiếp nhận');
  const { amount, unit, sameDay } = duration;
  if (!sameDay) {
    if (!Number.isFinite(amount) || amount < 0) throw new RangeError('Thời hạn giải quyết không hợp lệ');
    if (unit !== 'HOURS' && !Number.isInteger(amount)) throw new RangeError('Số ngày giải quyết phải là số nguyên');
  }
  const notes: string[] = [];
  const startedAt = startOfCounting(cal, receivedAt);
  const note = startNote(cal, receivedAt, startedAt);
  if (note) notes.push(note);
  const startDate = toLocalDate(startedAt);
  const elapsed = elapsedToday(cal, startedAt);

  let due: Date;
  if (sameDay) {
    const receivedDate = toLocalDate(receivedAt);
    const ms = localMs(receivedAt);
    const minuteOfDay = Math.floor((ms - Math.floor(ms / DAY_MS) * DAY_MS) / 60_000);
    if (startDate === receivedDate && minuteOfDay > SAME_DAY_CUTOFF_MINUTES) {
      due = closingOf(cal, cal.nextWorkingDay(startDate));
      notes.push('Thủ tục giải quyết trong ngày, tiếp nhận sau 15:00: hẹn trả trong ngày làm việc tiếp theo');
    } else {
      due = closingOf(cal, startDate);
      notes.push('Thủ tục giải quyết trong ngày');
    }
  } else if (amount === 0) {
    due = startedAt;
  } else if (unit === 'WORKING_DAYS') {
    due =
      elapsed === 0
        ? closingOf(cal, nthWorkingDay(cal, startDate, amount - 1))
        : atElapsed(cal, nthWorkingDay(cal, startDate, amount), elapsed);
  } else if (unit === 'CALENDAR_DAYS') {
    const landed = addDays(startDate, elapsed === 0 ? amount - 1 : amount);
    const target = workingDayOnOrAfter(cal, landed);
    if (target !== landed) {
      const off = cal.dayOff(landed);
      notes.push(
        `Hạn rơi vào ngày nghỉ ${formatViDate(landed)} (${off ? off.name : weekdayName(landed)}): chuyển sang ngày làm việc tiếp theo`,
      );
    }
    due = elapsed === 0 ? closingOf(cal, target) : atElapsed(cal, target, elapsed);
  } else {
    due = addOfficeTime(cal, startedAt, amount * HOUR_MS);
  }

  const pauseNotes: string[] = [];
  const spans = mergedPauses(input.pauses ?? [], startedAt, input.now, pauseNotes);
  const waited = spans.reduce((sum, [a, b]) => sum + officeTimeBetween(cal, new Date(a), new Date(b)), 0);
  if (waited > 0) {
    due = addOfficeTime(cal, due, waited);
    pauseNotes.push(`Tạm dừng chờ bổ sung hồ sơ: cộng thêm ${describeOfficeTime(waited)} làm việc`);
  }
  // Calendar days count weekends and holidays by definition; only where it landed is explained above.
  if (sameDay || unit !== 'CALENDAR_DAYS') notes.push(...countedDaysNotes(cal, startDate, toLocalDate(due)));
  notes.push(...pauseNotes);
  return { due, startedAt, notes, provisionalYears: proposedYearsBetween(cal, receivedAt, due) };
}

const describeDay = (d: LocalDate) => `${weekdayName(d)} ${formatViDate(d)}`;

/**
 * What the count skipped and what it counted between the first and the last day: each run of days
 * off with a holiday in it is named with its reasons; plain weekends are only counted (naming every
 * Saturday of a 30-day procedure helps nobody); a worked Saturday (làm bù) is named.
 */
function countedDaysNotes(cal: WorkCalendar, from: LocalDate, to: LocalDate): string[] {
  const notes: string[] = [];
  let weekendDays = 0;
  let run: { first: LocalDate; last: LocalDate; reasons: string[]; named: boolean } | null = null;
  const flush = () => {
    if (!run) return;
    if (run.named) {
      const span = run.first === run.last ? describeDay(run.first) : `${describeDay(run.first)} – ${describeDay(run.last)}`;
      notes.push(`Không tính ${span}: ${run.reasons.join('; ')}`);
    } else {
      weekendDays += 1 + (dayDiff(run.first, run.last));
    }
    run = null;
  };
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const isWeekend = weekday(d) === 0 || weekday(d) === 6;
    if (cal.isWorkingDay(d)) {
      flush();
      const extra = isWeekend ? cal.year(Number(d.slice(0, 4))).extraWorkingDays.find((x) => x.date === d) : undefined;
      if (extra) notes.push(`Có tính ${describeDay(d)}: ngày làm việc bù (${extra.name})`);
      continue;
    }
    const off = cal.dayOff(d);
    const reason = off ? off.name : isWeekend ? 'nghỉ cuối tuần' : 'cơ quan không làm việc';
    if (!run) run = { first: d, last: d, reasons: [], named: false };
    run.last = d;
    if (off || !isWeekend) run.named = true;
    if (!run.reasons.includes(reason)) run.reasons.push(reason);
  }
  flush();
  if (weekendDays > 0) notes.push(`Không tính ${weekendDays} ngày nghỉ cuối tuần`);
  return notes;
}

function dayDiff(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

function proposedYearsBetween(cal: WorkCalendar, from: Date, to: Date): number[] {
  const years: number[] = [];
  const last = Number(toLocalDate(to).slice(0, 4));
  for (let y = Number(toLocalDate(from).slice(0, 4)); y <= last; y++) {
    if (cal.year(y).status === 'proposed') years.push(y);
  }
  return years;
}

/**
 * Working days left before a due date, for "còn N ngày" displays: 0 when due today,
 * N when due on the N-th working day after today. Once overdue the value is negative:
 * minus the number of working days since the due day, and at least −1 (overdue since
 * this morning already shows −1).
 */
export function workingDaysRemaining(now: Date, due: Date, calendar: WorkCalendar): number {
  assertInstant(now, 'Thời điểm hiện tại');
  assertInstant(due, 'Hạn trả kết quả');
  const today = toLocalDate(now);
  const dueDate = toLocalDate(due);
  const countAfterUpTo = (from: LocalDate, to: LocalDate): number => {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n++;
    return n;
  };
  if (now.getTime() <= due.getTime()) return countAfterUpTo(today, dueDate);
  return -Math.max(1, countAfterUpTo(dueDate, today));
}
