import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  addOfficeTime,
  createWorkCalendar,
  instantAt,
  localDateTime,
  officeTimeBetween,
  toLocalDate,
} from '../../../src/shared/calendar';
import type { OfficeHours } from '../../../src/shared/calendar';
import { confirmed2026 } from './fixtures';

const H = 3_600_000;

describe('local time helpers', () => {
  test('instants are read on the Vietnam clock whatever the machine zone', () => {
    const i = new Date('2023-10-27T02:32:00Z'); // 09:32 in Hà Nội
    expect(localDateTime(i)).toBe('2023-10-27T09:32:00+07:00');
    expect(instantAt('2023-10-27', '09:32').toISOString()).toBe('2023-10-27T02:32:00.000Z');
    expect(toLocalDate(new Date('2023-10-27T16:59:59Z'))).toBe('2023-10-27');
    expect(toLocalDate(new Date('2023-10-27T17:00:00Z'))).toBe('2023-10-28');
  });
  test('bad input is rejected', () => {
    expect(() => instantAt('2023-02-29', '09:00')).toThrow(/Ngày không hợp lệ/);
    expect(() => instantAt('2023-10-27', '25:00')).toThrow(/Giờ không hợp lệ/);
    expect(() => toLocalDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('WorkCalendar', () => {
  const cal = createWorkCalendar({ years: [confirmed2026()] });

  test('weekdays work, weekends and days off do not', () => {
    expect(cal.isWorkingDay('2026-02-13')).toBe(true); // Fri before Tết
    for (let d = 14; d <= 22; d++) expect(cal.isWorkingDay(`2026-02-${d}`), String(d)).toBe(false);
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
    expect(cal.isWorkingDay('2026-04-27')).toBe(false);
    expect(cal.isWorkingDay('2026-08-31')).toBe(false);
    expect(cal.dayOff('2026-08-31')?.kind).toBe('swap');
  });

  test('a working Saturday uses weekday hours', () => {
    expect(cal.isWorkingDay('2026-08-22')).toBe(true);
    expect(cal.isWorkingDay('2026-08-29')).toBe(false);
    expect(cal.sessions('2026-08-22')).toEqual(cal.sessions('2026-08-24'));
    expect(cal.sessions('2026-08-22')).toHaveLength(2);
  });

  test('a year not supplied falls back to the proposal', () => {
    expect(cal.year(2027).status).toBe('proposed');
    expect(cal.year(2026).status).toBe('confirmed');
    // Tết 2027 is Sat 6 Feb: the proposal keeps mùng 3 (Mon 8 Feb) off
    expect(cal.isWorkingDay('2027-02-08')).toBe(false);
    expect(cal.isWorkingDay('2027-02-15')).toBe(true);
  });

  test('nextWorkingDay skips the whole Tết break', () => {
    expect(cal.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(cal.nextWorkingDay('2026-08-28')).toBe('2026-09-03');
    expect(cal.nextWorkingDay('2026-08-21')).toBe('2026-08-22');
  });

  test('rejects bad configuration', () => {
    expect(() => createWorkCalendar({ years: [confirmed2026(), confirmed2026()] })).toThrow(/hai lần/);
    const closed = [[], [], [], [], [], [], []] as unknown as OfficeHours;
    expect(() => createWorkCalendar({ officeHours: closed })).toThrow(/Giờ làm việc không hợp lệ/);
  });

  test('an office open Saturday morning', () => {
    const sat = [{ start: '07:30', end: '11:30' }];
    const wk = [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }];
    const hours: OfficeHours = [[], wk, wk, wk, wk, wk, sat];
    const c = createWorkCalendar({ officeHours: hours, years: [confirmed2026()] });
    expect(c.isWorkingDay('2026-03-07')).toBe(true);
    expect(c.isWorkingDay('2026-02-14')).toBe(true); // not listed as a day off in the admin calendar
    // Sat 7 Mar 11:00 + 1 office hour: 30 min Saturday, 30 min Monday
    expect(localDateTime(addOfficeTime(c, instantAt('2026-03-07', '11:00'), H))).toBe('2026-03-09T08:00:00+07:00');
  });
});

describe('office-time arithmetic', () => {
  const cal = createWorkCalendar({ years: [confirmed2026()] });

  test('office time between two instants', () => {
    // Fri 13 Feb 2026 16:00 → Mon 23 Feb 08:00: 1 h Friday + 1 h Monday across the Tết break
    expect(officeTimeBetween(cal, instantAt('2026-02-13', '16:00'), instantAt('2026-02-23', '08:00'))).toBe(2 * H);
    // a whole default day is 8 h
    expect(officeTimeBetween(cal, instantAt('2026-03-02', '00:00'), instantAt('2026-03-03', '00:00'))).toBe(8 * H);
    expect(officeTimeBetween(cal, instantAt('2026-03-02', '12:00'), instantAt('2026-03-02', '13:00'))).toBe(0);
    expect(officeTimeBetween(cal, instantAt('2026-03-03', '00:00'), instantAt('2026-03-02', '00:00'))).toBe(0);
  });

  test('adding office time skips lunch and nights', () => {
    const add = (date: string, time: string, hours: number) =>
      localDateTime(addOfficeTime(cal, instantAt(date, time), hours * H));
    expect(add('2026-03-02', '11:00', 1)).toBe('2026-03-02T14:00:00+07:00');
    expect(add('2026-03-02', '11:00', 0.5)).toBe('2026-03-02T13:30:00+07:00'); // exact fit before lunch → afternoon opening
    expect(add('2026-03-02', '16:00', 1)).toBe('2026-03-02T17:00:00+07:00'); // exact fit at the end of day → closing
    expect(add('2026-03-02', '16:00', 2)).toBe('2026-03-03T08:00:00+07:00');
    expect(add('2026-02-13', '16:00', 2)).toBe('2026-02-23T08:00:00+07:00');
  });

  test('property: the office time between a start and start + x is x', () => {
    const base = Date.parse('2025-12-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 * 24 * 60 }),
        fc.integer({ min: 1, max: 60 * 8 * 30 }),
        (startMin, minutes) => {
          const from = new Date(base + startMin * 60_000);
          const to = addOfficeTime(cal, from, minutes * 60_000);
          return officeTimeBetween(cal, from, to) === minutes * 60_000 && cal.isWorkingDay(toLocalDate(to));
        },
      ),
      { numRuns: 400 },
    );
  });
});
