import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  computeDueDate,
  createWorkCalendar,
  instantAt,
  localDateTime,
  officeTimeBetween,
  toLocalDate,
  workingDaysRemaining,
} from '../../../src/shared/calendar';
import type { OfficeHours, Pause, ProcessingDuration } from '../../../src/shared/calendar';
import { confirmed2026 } from './fixtures';

const cal = createWorkCalendar({ years: [confirmed2026()] });
const H = 3_600_000;
const wd = (amount: number): ProcessingDuration => ({ amount, unit: 'WORKING_DAYS', sameDay: false });
const cd = (amount: number): ProcessingDuration => ({ amount, unit: 'CALENDAR_DAYS', sameDay: false });
const hours = (amount: number): ProcessingDuration => ({ amount, unit: 'HOURS', sameDay: false });
const SAME_DAY: ProcessingDuration = { amount: 0, unit: 'WORKING_DAYS', sameDay: true };

function due(date: string, time: string, duration: ProcessingDuration, pauses?: Pause[], now?: Date) {
  const r = computeDueDate({ receivedAt: instantAt(date, time), duration, calendar: cal, pauses, now });
  return { due: localDateTime(r.due), startedAt: localDateTime(r.startedAt), notes: r.notes };
}

describe('working days', () => {
  test('Fri 27/10/2023 09:32 + 5 working days → Fri 03/11/2023 09:32 (domain example)', () => {
    const r = due('2023-10-27', '09:32', wd(5));
    expect(r.due).toBe('2023-11-03T09:32:00+07:00');
    expect(r.startedAt).toBe('2023-10-27T09:32:00+07:00');
    expect(r.notes).toEqual(['Không tính 2 ngày nghỉ cuối tuần']);
  });

  test('seconds of the receipt are kept', () => {
    expect(due('2023-10-27', '09:32:17', wd(5)).due).toBe('2023-11-03T09:32:17+07:00');
  });

  test('received in the lunch break: counting starts 13:30', () => {
    const r = due('2023-10-30', '12:15', wd(1));
    expect(r.startedAt).toBe('2023-10-30T13:30:00+07:00');
    expect(r.due).toBe('2023-10-31T13:30:00+07:00');
    expect(r.notes[0]).toMatch(/giờ nghỉ trưa.*13:30/);
  });

  test('received after closing: counting starts next morning, due at closing of the last day', () => {
    const r = due('2023-10-27', '17:45', wd(5));
    expect(r.startedAt).toBe('2023-10-30T07:00:00+07:00');
    expect(r.due).toBe('2023-11-03T17:00:00+07:00');
    expect(r.notes[0]).toBe('Tiếp nhận sau giờ làm việc: bắt đầu tính từ 07:00 Thứ Hai 30/10/2023');
  });

  test('received exactly at closing counts as after closing', () => {
    expect(due('2023-10-27', '17:00', wd(1)).due).toBe('2023-10-30T17:00:00+07:00');
  });

  test('received before opening: the whole day counts', () => {
    const r = due('2023-10-30', '06:30', wd(1));
    expect(r.startedAt).toBe('2023-10-30T07:00:00+07:00');
    expect(r.due).toBe('2023-10-30T17:00:00+07:00');
    expect(r.notes[0]).toMatch(/trước giờ làm việc/);
  });

  test('received on a weekend: treated as Monday opening', () => {
    const r = due('2023-10-28', '10:00', wd(5));
    expect(r.startedAt).toBe('2023-10-30T07:00:00+07:00');
    expect(r.due).toBe('2023-11-03T17:00:00+07:00');
    expect(r.notes[0]).toBe('Tiếp nhận vào ngày nghỉ (Thứ Bảy): bắt đầu tính từ 07:00 Thứ Hai 30/10/2023');
  });

  test('Tết 2026 (admin-confirmed, off Sat 14 – Sun 22 Feb) is skipped', () => {
    expect(due('2026-02-12', '10:00', wd(3)).due).toBe('2026-02-24T10:00:00+07:00');
    const r = due('2026-02-18', '09:00', wd(1));
    expect(r.startedAt).toBe('2026-02-23T07:00:00+07:00');
    expect(r.due).toBe('2026-02-23T17:00:00+07:00');
    expect(r.notes[0]).toContain('Tết Nguyên đán');
  });

  test('Giỗ Tổ 2026: Sunday 26 Apr, Monday 27 Apr off in lieu, then 30/4 and 1/5', () => {
    expect(due('2026-04-24', '09:00', wd(1)).due).toBe('2026-04-28T09:00:00+07:00');
    expect(due('2026-04-24', '09:00', wd(2)).due).toBe('2026-04-29T09:00:00+07:00');
    expect(due('2026-04-24', '09:00', wd(3)).due).toBe('2026-05-04T09:00:00+07:00');
  });

  test('National Day 2026: Mon 31 Aug swapped for a working Sat 22 Aug', () => {
    expect(due('2026-08-21', '14:00', wd(1)).due).toBe('2026-08-22T14:00:00+07:00');
    const sat = due('2026-08-22', '08:00', wd(1));
    expect(sat.startedAt).toBe('2026-08-22T08:00:00+07:00');
    expect(sat.due).toBe('2026-08-24T08:00:00+07:00');
    expect(due('2026-08-28', '10:00', wd(1)).due).toBe('2026-09-03T10:00:00+07:00');
  });

  test('a year left to the proposal still skips its holidays (Tết 2027)', () => {
    // proposed: Fri 5 – Tue 9 Feb 2027 plus Wed 10 and Thu 11 in lieu of Sat 6 and Sun 7
    expect(due('2027-02-04', '10:00', wd(1)).due).toBe('2027-02-12T10:00:00+07:00');
  });

  test('zero days is due when counting starts; fractional days are refused', () => {
    expect(due('2023-10-28', '10:00', wd(0)).due).toBe('2023-10-30T07:00:00+07:00');
    expect(() => due('2023-10-27', '10:00', wd(1.5))).toThrow(/số nguyên/);
    expect(() => due('2023-10-27', '10:00', wd(-1))).toThrow(RangeError);
  });

  test('property: with 8-hour days, N working days is exactly 8·N office hours after the start', () => {
    const base = Date.parse('2025-11-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 * 24 * 60 }), fc.integer({ min: 1, max: 30 }), (min, n) => {
        const r = computeDueDate({ receivedAt: new Date(base + min * 60_000), duration: wd(n), calendar: cal });
        return officeTimeBetween(cal, r.startedAt, r.due) === n * 8 * H && cal.isWorkingDay(toLocalDate(r.due));
      }),
      { numRuns: 300 },
    );
  });

  test('property: a later receipt is never due earlier', () => {
    const base = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 }), fc.integer({ min: 0, max: 3 * 24 * 60 }), fc.integer({ min: 1, max: 15 }), (a, gap, n) => {
        const r1 = computeDueDate({ receivedAt: new Date(base + a * 60_000), duration: wd(n), calendar: cal });
        const r2 = computeDueDate({ receivedAt: new Date(base + (a + gap) * 60_000), duration: wd(n), calendar: cal });
        return r2.due.getTime() >= r1.due.getTime();
      }),
      { numRuns: 300 },
    );
  });

  test('keeps the clock time on an office whose day is not 8 hours', () => {
    const day = [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }]; // 7.5 h
    const h: OfficeHours = [[], day, day, day, day, day, []];
    const c = createWorkCalendar({ officeHours: h });
    const r = computeDueDate({ receivedAt: instantAt('2023-10-27', '09:32'), duration: wd(5), calendar: c });
    expect(localDateTime(r.due)).toBe('2023-11-03T09:32:00+07:00');
  });
});

describe('same-day procedures (15:00 rule)', () => {
  test('received up to 15:00 → closing the same day', () => {
    for (const t of ['07:00', '12:00', '14:59', '15:00', '15:00:59']) {
      expect(due('2023-10-30', t, SAME_DAY).due, t).toBe('2023-10-30T17:00:00+07:00');
    }
    expect(due('2023-10-30', '06:00', SAME_DAY).due).toBe('2023-10-30T17:00:00+07:00');
  });

  test('received after 15:00 → closing of the next working day', () => {
    const r = due('2023-10-30', '15:01', SAME_DAY);
    expect(r.due).toBe('2023-10-31T17:00:00+07:00');
    expect(r.notes).toContain('Thủ tục giải quyết trong ngày, tiếp nhận sau 15:00: hẹn trả trong ngày làm việc tiếp theo');
    expect(due('2023-10-27', '16:30', SAME_DAY).due).toBe('2023-10-30T17:00:00+07:00');
    expect(due('2023-10-27', '18:00', SAME_DAY).due).toBe('2023-10-30T17:00:00+07:00');
    expect(due('2026-02-13', '15:30', SAME_DAY).due).toBe('2026-02-23T17:00:00+07:00');
  });

  test('received on a day off → closing of the next working day, whatever the hour', () => {
    expect(due('2023-10-29', '16:00', SAME_DAY).due).toBe('2023-10-30T17:00:00+07:00');
    expect(due('2026-08-31', '09:00', SAME_DAY).due).toBe('2026-09-03T17:00:00+07:00');
  });

  test('a working Saturday is a same-day day too', () => {
    expect(due('2026-08-22', '10:00', SAME_DAY).due).toBe('2026-08-22T17:00:00+07:00');
  });
});

describe('calendar days and hours', () => {
  test('calendar days landing on a weekend move to Monday', () => {
    const r = due('2023-10-30', '09:00', cd(5));
    expect(r.due).toBe('2023-11-06T09:00:00+07:00');
    expect(r.notes.at(-1)).toMatch(/^Hạn rơi vào ngày nghỉ 04\/11\/2023 \(Thứ Bảy\)/);
    expect(due('2023-10-30', '09:00', cd(3)).due).toBe('2023-11-02T09:00:00+07:00');
  });

  test('calendar days landing in Tết 2026 move past the break', () => {
    const r = due('2026-02-10', '09:00', cd(7));
    expect(r.due).toBe('2026-02-23T09:00:00+07:00');
    expect(r.notes.at(-1)).toBe('Hạn rơi vào ngày nghỉ 17/02/2026 (Tết Nguyên đán): chuyển sang ngày làm việc tiếp theo');
    expect(due('2026-02-10', '09:00', cd(5)).due).toBe('2026-02-23T09:00:00+07:00'); // Sunday 15 Feb
  });

  test('calendar days from an after-hours receipt run to closing of the last day', () => {
    expect(due('2023-10-27', '18:00', cd(3)).due).toBe('2023-11-01T17:00:00+07:00');
  });

  test('hours count office time only', () => {
    expect(due('2023-10-30', '16:00', hours(4)).due).toBe('2023-10-31T10:00:00+07:00');
    expect(due('2023-10-30', '11:00', hours(1)).due).toBe('2023-10-30T14:00:00+07:00');
    expect(due('2023-10-27', '16:00', hours(8)).due).toBe('2023-10-30T16:00:00+07:00');
    expect(due('2023-10-30', '16:00', hours(1)).due).toBe('2023-10-30T17:00:00+07:00');
    expect(due('2026-02-13', '16:30', hours(1.5)).due).toBe('2026-02-23T08:00:00+07:00');
  });
});

describe('pauses (waiting for supplements)', () => {
  const at = (d: string, t: string) => instantAt(d, t);

  test('two working days of waiting move the due date by two working days', () => {
    const r = due('2023-10-30', '09:00', wd(5), [{ from: at('2023-10-31', '10:00'), to: at('2023-11-02', '10:00') }]);
    expect(r.due).toBe('2023-11-08T09:00:00+07:00');
    expect(r.notes.at(-1)).toBe('Tạm dừng chờ bổ sung hồ sơ: cộng thêm 16 giờ làm việc');
  });

  test('waiting over a weekend counts only office hours', () => {
    const r = due('2023-10-30', '09:00', wd(5), [{ from: at('2023-11-03', '16:00'), to: at('2023-11-06', '08:00') }]);
    expect(r.due).toBe('2023-11-06T11:00:00+07:00');
    expect(r.notes.at(-1)).toContain('2 giờ');
  });

  test('overlapping pauses are counted once; time before the start is ignored', () => {
    const pauses = [
      { from: at('2023-10-31', '08:00'), to: at('2023-10-31', '10:00') },
      { from: at('2023-10-31', '09:00'), to: at('2023-10-31', '11:00') },
      { from: at('2023-10-29', '08:00'), to: at('2023-10-30', '07:30') }, // before receipt
    ];
    // 3 office hours of waiting: Mon 6 Nov 09:00 + 3 h = 2.5 h before lunch + 0.5 h after
    expect(due('2023-10-30', '09:00', wd(5), pauses).due).toBe('2023-11-06T14:00:00+07:00');
  });

  test('an open pause counts up to now', () => {
    const pause = [{ from: at('2023-10-31', '09:00'), to: null }];
    const r = due('2023-10-30', '09:00', wd(5), pause, at('2023-10-31', '15:00'));
    // waited 09:00–11:30 and 13:30–15:00 = 4 h: Mon 6 Nov 09:00 + 4 h → 15:00
    expect(r.due).toBe('2023-11-06T15:00:00+07:00');
    expect(r.notes).toContain('Hồ sơ đang chờ bổ sung: hạn trả sẽ lùi thêm cho đến khi công dân nộp bổ sung');
    const noNow = due('2023-10-30', '09:00', wd(5), pause);
    expect(noNow.due).toBe('2023-11-06T09:00:00+07:00');
  });

  test('a pause ending before it starts is refused', () => {
    expect(() => due('2023-10-30', '09:00', wd(5), [{ from: at('2023-10-31', '10:00'), to: at('2023-10-31', '09:00') }])).toThrow(
      /kết thúc tạm dừng trước/,
    );
  });

  test('same-day procedures are pushed too', () => {
    const r = due('2023-10-30', '09:00', SAME_DAY, [{ from: at('2023-10-30', '10:00'), to: at('2023-10-30', '11:00') }]);
    expect(r.due).toBe('2023-10-31T08:00:00+07:00');
  });
});

describe('workingDaysRemaining', () => {
  const dueAt = instantAt('2023-11-03', '09:32');
  const rem = (date: string, time: string, d = dueAt) => workingDaysRemaining(instantAt(date, time), d, cal);

  test('counts working days to the due day', () => {
    expect(rem('2023-10-27', '09:32')).toBe(5);
    expect(rem('2023-10-28', '10:00')).toBe(5);
    expect(rem('2023-10-30', '08:00')).toBe(4);
    expect(rem('2023-11-02', '16:00')).toBe(1);
    expect(rem('2023-11-03', '08:00')).toBe(0);
    expect(rem('2023-11-03', '09:32')).toBe(0);
  });

  test('negative once overdue', () => {
    expect(rem('2023-11-03', '10:00')).toBe(-1);
    expect(rem('2023-11-04', '10:00')).toBe(-1);
    expect(rem('2023-11-06', '10:00')).toBe(-1);
    expect(rem('2023-11-07', '10:00')).toBe(-2);
  });

  test('the Tết 2026 break does not count', () => {
    const d = instantAt('2026-02-24', '10:00');
    expect(rem('2026-02-12', '10:00', d)).toBe(3);
    expect(rem('2026-02-13', '10:00', d)).toBe(2);
    expect(rem('2026-02-18', '10:00', d)).toBe(2);
  });
});
