import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from '../../../src/shared/calendar';

const tet = (year: number, tz?: number) => lunarToSolar({ day: 1, month: 1, year, leap: false }, tz);

describe('Tết and Giỗ Tổ (published dates)', () => {
  test.each([
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
  ])('Tết %i is %s', (year, date) => {
    expect(tet(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  test.each([
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
    [2028, '2028-04-04'],
    [2023, '2023-04-29'],
  ])('Giỗ Tổ %i is %s', (year, date) => {
    expect(lunarToSolar({ day: 10, month: 3, year, leap: false })).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 10, month: 3, year, leap: false });
  });

  test.each([
    [2000, '2000-02-05'],
    [2010, '2010-02-14'],
    [2016, '2016-02-08'],
    [2017, '2017-01-28'],
    [2018, '2018-02-16'],
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
  ])('earlier Tết %i on %s', (year, date) => {
    expect(tet(year)).toBe(date);
  });

  test.each([
    ['2023-09-29', 2023],
    ['2024-09-17', 2024],
    ['2025-10-06', 2025],
  ])('Tết Trung thu (15/8) on %s', (date, year) => {
    expect(solarToLunar(date)).toEqual({ day: 15, month: 8, year, leap: false });
  });
});

describe('Vietnam (UTC+7) versus China (UTC+8)', () => {
  test('Tết 1985: Vietnam 21 Jan, China 20 Feb', () => {
    expect(tet(1985)).toBe('1985-01-21');
    expect(tet(1985, 8)).toBe('1985-02-20');
  });
  test('Tết 2007: Vietnam 17 Feb, China 18 Feb', () => {
    expect(tet(2007)).toBe('2007-02-17');
    expect(tet(2007, 8)).toBe('2007-02-18');
  });
  test('Tết Mậu Thân 1968: Vietnam 29 Jan, China 30 Jan', () => {
    expect(tet(1968)).toBe('1968-01-29');
    expect(tet(1968, 8)).toBe('1968-01-30');
  });
  test('both agree in 2025', () => {
    expect(tet(2025, 8)).toBe(tet(2025));
  });
  test('the default zone is Vietnam', () => {
    expect(solarToLunar('1985-01-21')).toEqual(solarToLunar('1985-01-21', 7));
    expect(solarToLunar('1985-01-21', 8)).not.toEqual(solarToLunar('1985-01-21'));
  });
});

describe('leap months', () => {
  test('2023 has a leap 2nd month starting 22 Mar 2023', () => {
    expect(leapMonthOf(2023)).toBe(2);
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: false })).toBe('2023-02-20');
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22');
    expect(solarToLunar('2023-04-19')).toEqual({ day: 29, month: 2, year: 2023, leap: true });
    expect(solarToLunar('2023-04-20')).toEqual({ day: 1, month: 3, year: 2023, leap: false });
  });
  test('2020 has a leap 4th month starting 23 May 2020', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(lunarToSolar({ day: 1, month: 4, year: 2020, leap: true })).toBe('2020-05-23');
  });
  test('2025 has a leap 6th month starting 25 Jul 2025', () => {
    expect(leapMonthOf(2025)).toBe(6);
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
  });
  test('years without a leap month', () => {
    for (const y of [2024, 2026, 2027]) expect(leapMonthOf(y)).toBe(0);
  });
  test('asking for a leap month that does not exist throws', () => {
    expect(() => lunarToSolar({ day: 1, month: 3, year: 2026, leap: true })).toThrow(/không có tháng 3 nhuận/);
  });
});

describe('month lengths and bad input', () => {
  test('tháng Chạp before Tết 2026 has 29 days, so the eve is 29 Tết (16 Feb)', () => {
    expect(lunarMonthLength(2025, 12)).toBe(29);
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(() => lunarToSolar({ day: 30, month: 12, year: 2025, leap: false })).toThrow(/chỉ có 29 ngày/);
  });
  test('malformed input is rejected', () => {
    expect(() => solarToLunar('2026-02-30')).toThrow(RangeError);
    expect(() => solarToLunar('26-2-1')).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 0, month: 1, year: 2026, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 13, year: 2026, leap: false })).toThrow(RangeError);
  });
});

describe('properties over 1900–2100', () => {
  const DAY = 86_400_000;
  const first = Date.UTC(1900, 0, 1) / DAY;
  const last = Date.UTC(2100, 11, 31) / DAY;
  const dateArb = fc.integer({ min: first, max: last }).map((n) => new Date(n * DAY).toISOString().slice(0, 10));

  test('lunarToSolar(solarToLunar(d)) === d', () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom(7, 8), (d, tz) => lunarToSolar(solarToLunar(d, tz), tz) === d),
      { numRuns: 3000 },
    );
  });

  test('the next day is the next lunar day, or day 1 of a month after a 29- or 30-day month', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        const next = new Date(Date.parse(d) + DAY).toISOString().slice(0, 10);
        const a = solarToLunar(d);
        const b = solarToLunar(next);
        if (b.day === a.day + 1) return b.month === a.month && b.year === a.year && b.leap === a.leap;
        if (b.day !== 1 || (a.day !== 29 && a.day !== 30)) return false;
        if (b.leap) return b.month === a.month && !a.leap; // leap month repeats the number
        return b.month === (a.month % 12) + 1 && b.year === (a.month === 12 ? a.year + 1 : a.year);
      }),
      { numRuns: 3000 },
    );
  });

  test('Tết always falls between 21 Jan and 20 Feb', () => {
    for (let y = 1901; y <= 2100; y++) {
      const d = tet(y);
      expect(d >= `${y}-01-21` && d <= `${y}-02-20`, `${y}: ${d}`).toBe(true);
    }
  });
});
