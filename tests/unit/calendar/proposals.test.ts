import { describe, expect, test } from 'vitest';
import {
  calendarYearSchema,
  lunarToSolar,
  officeHoursSchema,
  proposeYear,
  processingDurationSchema,
  validateCalendarYear,
  DEFAULT_OFFICE_HOURS,
} from '../../../src/shared/calendar';
import type { CalendarYear } from '../../../src/shared/calendar';
import { confirmed2026 } from './fixtures';

const datesOf = (y: CalendarYear) => y.daysOff.map((d) => d.date);
const entry = (y: CalendarYear, date: string) => y.daysOff.find((d) => d.date === date);

describe('proposeYear', () => {
  test.each([
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
    [2028, '2028-01-26', '2028-04-04'],
  ])('%i contains Tết day 1 (%s) and Giỗ Tổ (%s)', (year, tetDay, gioTo) => {
    const y = proposeYear(year);
    expect(y.status).toBe('proposed');
    expect(y.source).toBe('default');
    expect(entry(y, tetDay)).toMatchObject({ kind: 'tet', proposed: true });
    expect(entry(y, gioTo)?.name).toMatch(/Giỗ Tổ/);
    for (const fixed of ['01-01', '04-30', '05-01', '09-02']) expect(datesOf(y)).toContain(`${year}-${fixed}`);
  });

  test('2026: Tết Mon 16 – Fri 20 Feb (29 Tết to mùng 4) equals the announced break', () => {
    const y = proposeYear(2026);
    const tet = y.daysOff.filter((d) => d.kind === 'tet').map((d) => d.date);
    expect(tet).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(entry(y, '2026-02-16')?.name).toContain('29 tháng Chạp');
    expect(entry(y, '2026-02-20')?.name).toContain('mùng 4');
  });

  test('2024: the eve is 30 Tết (9 Feb) when tháng Chạp has 30 days', () => {
    const y = proposeYear(2024);
    expect(entry(y, '2024-02-09')?.name).toContain('30 tháng Chạp');
    expect(entry(y, '2024-02-08')).toBeUndefined();
  });

  test('a Giỗ Tổ falling on 30/4 gives a compensatory day for the lost holiday', () => {
    const years: number[] = [];
    for (let year = 1901; year <= 2199; year++) {
      if (lunarToSolar({ day: 10, month: 3, year, leap: false }) === `${year}-04-30`) years.push(year);
    }
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) {
      const y = proposeYear(year);
      const afterMay1 = y.daysOff.filter((d) => d.kind === 'compensatory' && d.date > `${year}-05-01` && d.date < `${year}-05-10`);
      expect(afterMay1.length, String(year)).toBeGreaterThanOrEqual(1);
    }
  });

  test('2026: Giỗ Tổ on Sunday 26 Apr gives Monday 27 Apr off', () => {
    const y = proposeYear(2026);
    expect(entry(y, '2026-04-27')).toMatchObject({ kind: 'compensatory', proposed: false });
    expect(entry(y, '2026-04-27')?.name).toContain('Giỗ Tổ');
  });

  test('2026: National Day Tue 1 – Wed 2 Sep, and 24 Nov from 2026 on', () => {
    const y = proposeYear(2026);
    expect(entry(y, '2026-09-01')).toMatchObject({ kind: 'holiday', proposed: true });
    expect(entry(y, '2026-09-02')).toMatchObject({ kind: 'holiday', proposed: false });
    expect(datesOf(y)).toContain('2026-11-24');
    expect(datesOf(proposeYear(2025))).not.toContain('2025-11-24');
    expect(datesOf(proposeYear(2027))).toContain('2027-11-24');
  });

  test.each([
    // announced National Day breaks (weekday pairs) 2021–2026
    [2021, '2021-09-03'],
    [2022, '2022-09-01'],
    [2023, '2023-09-01'],
    [2024, '2024-09-03'],
    [2025, '2025-09-01'],
    [2026, '2026-09-01'],
  ])('%i: the day next to 2/9 is %s, as announced', (year, date) => {
    const other = year === 2021 || year === 2024 ? `${year}-09-01` : `${year}-09-03`;
    const y = proposeYear(year);
    expect(datesOf(y)).toContain(date);
    expect(entry(y, other)).toBeUndefined();
  });

  test('2023: 2/9 on Saturday gives Monday 4/9 off (announced 1–4 Sep)', () => {
    expect(entry(proposeYear(2023), '2023-09-04')?.kind).toBe('compensatory');
  });

  test('2023: Giỗ Tổ Sat 29/4 and 30/4 Sun give Tue 2/5 and Wed 3/5 (announced 29/4–3/5)', () => {
    const y = proposeYear(2023);
    const offFrom29Apr = datesOf(y).filter((d) => d >= '2023-04-29' && d <= '2023-05-31');
    expect(offFrom29Apr).toEqual(['2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03']);
  });

  test('2025: a Tết day on Saturday gives the next Monday off', () => {
    const y = proposeYear(2025);
    expect(entry(y, '2025-02-01')?.kind).toBe('tet');
    expect(entry(y, '2025-02-03')).toMatchObject({ kind: 'compensatory', proposed: true });
  });

  test('every proposal 1901–2199 is valid, has one entry per date and no compensatory day on a weekend', () => {
    for (let year = 1901; year <= 2199; year++) {
      const y = proposeYear(year);
      expect(validateCalendarYear(y), String(year)).toEqual([]);
      expect(calendarYearSchema.safeParse(y).success).toBe(true);
      for (const d of y.daysOff.filter((x) => x.kind === 'compensatory')) {
        const wd = new Date(`${d.date}T00:00:00Z`).getUTCDay();
        expect(wd !== 0 && wd !== 6, `${d.date}`).toBe(true);
      }
      const holidays = y.daysOff.filter((d) => d.kind !== 'compensatory').length;
      const gioToOn30Apr = lunarToSolar({ day: 10, month: 3, year, leap: false }) === `${year}-04-30`;
      expect(holidays + (gioToOn30Apr ? 1 : 0)).toBe(year >= 2026 ? 12 : 11);
    }
  });

  test('rejects years outside the supported range', () => {
    expect(() => proposeYear(1800)).toThrow(/ngoài phạm vi/);
    expect(() => proposeYear(2026.5)).toThrow(RangeError);
  });
});

describe('validateCalendarYear', () => {
  test('the announced 2026 calendar is valid', () => {
    expect(validateCalendarYear(confirmed2026())).toEqual([]);
  });

  test('a date both off and extra working', () => {
    const y = confirmed2026();
    y.extraWorkingDays.push({ date: '2026-04-26', name: 'làm bù' });
    expect(validateCalendarYear(y)).toEqual(['Ngày 26/04/2026 vừa là ngày nghỉ vừa là ngày làm bù']);
  });

  test('duplicates', () => {
    const y = confirmed2026();
    y.daysOff.push({ date: '2026-09-02', name: 'Quốc khánh', kind: 'holiday', proposed: false });
    y.extraWorkingDays.push({ date: '2026-08-22', name: 'Làm bù' });
    expect(validateCalendarYear(y)).toEqual([
      'Ngày nghỉ 02/09/2026 bị khai báo trùng',
      'Ngày làm bù 22/08/2026 bị khai báo trùng',
    ]);
  });

  test('dates outside the year', () => {
    const y = confirmed2026();
    y.daysOff.push({ date: '2025-12-31', name: 'Cuối năm', kind: 'holiday', proposed: false });
    y.extraWorkingDays.push({ date: '2027-01-02', name: 'Làm bù' });
    expect(validateCalendarYear(y)).toEqual([
      'Ngày nghỉ 31/12/2025 không thuộc năm 2026',
      'Ngày làm bù 02/01/2027 không thuộc năm 2026',
    ]);
  });

  test('an extra working day that is a weekday', () => {
    const y = confirmed2026();
    y.extraWorkingDays.push({ date: '2026-08-21', name: 'Làm bù' });
    expect(validateCalendarYear(y)).toEqual(['Ngày làm bù 21/08/2026 không phải thứ Bảy hoặc Chủ nhật']);
  });

  test('malformed dates and a bad year', () => {
    const y = confirmed2026();
    y.daysOff.push({ date: '2026-02-30', name: 'x', kind: 'holiday', proposed: false });
    y.extraWorkingDays.push({ date: '22/08/2026', name: 'x' });
    const errors = validateCalendarYear(y);
    expect(errors).toEqual([
      'Ngày nghỉ «2026-02-30» không phải ngày hợp lệ (định dạng YYYY-MM-DD)',
      'Ngày làm bù «22/08/2026» không phải ngày hợp lệ (định dạng YYYY-MM-DD)',
    ]);
    expect(validateCalendarYear({ ...confirmed2026(), year: 3000 })[0]).toMatch(/Năm 3000 không hợp lệ/);
  });

  test('missing names', () => {
    const y = confirmed2026();
    y.daysOff[0].name = '  ';
    expect(validateCalendarYear(y)).toEqual(['Ngày nghỉ 01/01/2026 thiếu tên']);
  });
});

describe('zod schemas', () => {
  test('calendarYearSchema accepts a calendar and rejects an impossible date with a Vietnamese message', () => {
    expect(calendarYearSchema.parse(confirmed2026())).toEqual(confirmed2026());
    const bad = confirmed2026();
    bad.daysOff[0].date = '2026-13-01';
    const r = calendarYearSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('Ngày không hợp lệ (định dạng YYYY-MM-DD)');
    expect(calendarYearSchema.safeParse({ ...confirmed2026(), status: 'draft' }).success).toBe(false);
  });

  test('officeHoursSchema', () => {
    expect(officeHoursSchema.safeParse(DEFAULT_OFFICE_HOURS).success).toBe(true);
    const overlapping = [[], [{ start: '07:00', end: '12:00' }, { start: '11:00', end: '17:00' }], [], [], [], [], []];
    expect(officeHoursSchema.safeParse(overlapping).error?.issues[0].message).toBe(
      'Các ca làm việc phải theo thứ tự và không chồng lên nhau',
    );
    const backwards = [[], [{ start: '17:00', end: '07:00' }], [], [], [], [], []];
    expect(officeHoursSchema.safeParse(backwards).error?.issues[0].message).toBe('Giờ bắt đầu phải trước giờ kết thúc');
    expect(officeHoursSchema.safeParse([[], [{ start: '7:00', end: '11:00' }], [], [], [], [], []]).success).toBe(false);
    expect(officeHoursSchema.safeParse([[], [], [], [], [], [], []]).error?.issues[0].message).toBe(
      'Phải có ít nhất một ngày làm việc trong tuần',
    );
    expect(officeHoursSchema.safeParse([[], [], [], [], [], []]).success).toBe(false);
  });

  test('processingDurationSchema', () => {
    expect(processingDurationSchema.safeParse({ amount: 5, unit: 'WORKING_DAYS', sameDay: false }).success).toBe(true);
    expect(processingDurationSchema.safeParse({ amount: 1.5, unit: 'HOURS', sameDay: false }).success).toBe(true);
    expect(processingDurationSchema.safeParse({ amount: 1.5, unit: 'WORKING_DAYS', sameDay: false }).error?.issues[0].message).toBe(
      'Số ngày phải là số nguyên',
    );
    expect(processingDurationSchema.safeParse({ amount: -1, unit: 'HOURS', sameDay: false }).success).toBe(false);
  });
});
