import { describe, expect, test } from 'vitest';
import { computeDueDate, createWorkCalendar, instantAt, localDateTime, validateCalendarYear, announcedYear } from '../../../src/shared/calendar';
import type { ProcessingDuration } from '../../../src/shared/calendar';

// The calendar as shipped: no year stored, so 2026 is the announced year and others are proposals.
const cal = createWorkCalendar();
const wd = (amount: number): ProcessingDuration => ({ amount, unit: 'WORKING_DAYS', sameDay: false });
const SAME_DAY: ProcessingDuration = { amount: 0, unit: 'WORKING_DAYS', sameDay: true };
const hours = (amount: number): ProcessingDuration => ({ amount, unit: 'HOURS', sameDay: false });
const days = (amount: number): ProcessingDuration => ({ amount, unit: 'CALENDAR_DAYS', sameDay: false });

/**
 * Worked out by hand from the announced 2026 plan (domain brief §10) and office hours 07:00–11:30,
 * 13:30–17:00: [received date, time, duration, expected due, a note the explanation must hold].
 */
const CASES: [string, string, ProcessingDuration, string, string | null][] = [
  // National Day: Mon 31 Aug swapped off, Tue 1 – Wed 2 Sep off, Sat 22 Aug worked.
  ['2026-08-28', '09:00', wd(1), '2026-09-03T09:00', 'Không tính Thứ Bảy 29/08/2026 – Thứ Tư 02/09/2026: nghỉ cuối tuần; Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8); Quốc khánh (ngày liền kề); Quốc khánh (2/9)'],
  ['2026-08-21', '09:00', wd(1), '2026-08-22T09:00', 'Có tính Thứ Bảy 22/08/2026: ngày làm việc bù (Làm bù cho ngày nghỉ hoán đổi thứ Hai 31/8)'],
  ['2026-08-20', '09:00', wd(3), '2026-08-24T09:00', 'Có tính Thứ Bảy 22/08/2026'],
  ['2026-08-17', '09:00', wd(5), '2026-08-22T09:00', null],
  ['2026-08-27', '09:00', wd(2), '2026-09-03T09:00', null],
  ['2026-08-22', '10:00', wd(1), '2026-08-24T10:00', null],
  ['2026-08-22', '16:00', SAME_DAY, '2026-08-24T17:00', 'tiếp nhận sau 15:00'],
  ['2026-08-28', '15:30', SAME_DAY, '2026-09-03T17:00', 'tiếp nhận sau 15:00'],
  ['2026-08-29', '09:00', SAME_DAY, '2026-09-03T17:00', 'Tiếp nhận vào ngày nghỉ (Thứ Bảy): bắt đầu tính từ 07:00 Thứ Năm 03/09/2026'],
  ['2026-08-31', '09:00', wd(1), '2026-09-03T17:00', 'Tiếp nhận vào ngày nghỉ (Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8))'],
  ['2026-09-01', '09:00', wd(2), '2026-09-04T17:00', null],
  ['2026-08-28', '12:00', wd(1), '2026-09-03T13:30', 'giờ nghỉ trưa'],
  ['2026-08-28', '16:00', hours(2), '2026-09-03T08:00', null],
  ['2026-08-28', '09:00', days(3), '2026-09-03T09:00', 'Hạn rơi vào ngày nghỉ 31/08/2026'],
  // Tết: Sat 14 – Sun 22 Feb.
  ['2026-02-13', '09:00', wd(1), '2026-02-23T09:00', 'Không tính Thứ Bảy 14/02/2026 – Chủ nhật 22/02/2026: nghỉ cuối tuần; Tết Nguyên đán (29 tháng Chạp); Tết Nguyên đán (mùng 1 Tết)'],
  ['2026-02-12', '09:00', wd(5), '2026-02-26T09:00', null],
  ['2026-02-09', '09:00', wd(10), '2026-03-02T09:00', 'Không tính 2 ngày nghỉ cuối tuần'],
  ['2026-02-17', '10:00', wd(1), '2026-02-23T17:00', 'Tiếp nhận vào ngày nghỉ (Tết Nguyên đán (mùng 1 Tết))'],
  // Giỗ Tổ on Sunday 26 Apr, off Mon 27 Apr; 30 Apr and 1 May.
  ['2026-04-24', '09:00', wd(1), '2026-04-28T09:00', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
  ['2026-04-24', '09:00', wd(3), '2026-05-04T09:00', 'Không tính Thứ Năm 30/04/2026 – Chủ nhật 03/05/2026: Ngày Chiến thắng (30/4); Ngày Quốc tế Lao động (1/5); nghỉ cuối tuần'],
  ['2026-04-29', '09:00', wd(1), '2026-05-04T09:00', null],
  // 24 Nov, the new Culture Day.
  ['2026-11-23', '09:00', wd(1), '2026-11-25T09:00', 'Không tính Thứ Ba 24/11/2026: Ngày Văn hóa Việt Nam (24/11)'],
  // New Year on both sides.
  ['2025-12-31', '09:00', wd(1), '2026-01-02T09:00', 'Không tính Thứ Năm 01/01/2026: Tết Dương lịch'],
  ['2026-12-31', '09:00', wd(1), '2027-01-04T09:00', 'Tết Dương lịch'],
];

describe('the announced 2026 calendar, shipped', () => {
  test('is a consistent, confirmed year', () => {
    const y = announcedYear(2026)!;
    expect(validateCalendarYear(y)).toEqual([]);
    expect(cal.year(2026).status).toBe('confirmed');
    expect(cal.year(2027).status).toBe('proposed');
  });

  test.each(CASES)('received %s %s, %o → due %s', (date, time, duration, expected, note) => {
    const r = computeDueDate({ receivedAt: instantAt(date, time), duration, calendar: cal });
    expect(localDateTime(r.due).slice(0, 16)).toBe(expected);
    if (note) expect(r.notes.join('\n')).toContain(note);
  });

  test('a due date in 2026 is firm; one counted through a year not announced is provisional', () => {
    const firm = computeDueDate({ receivedAt: instantAt('2026-08-28', '09:00'), duration: wd(1), calendar: cal });
    expect(firm.provisionalYears).toEqual([]);
    const late = computeDueDate({ receivedAt: instantAt('2026-12-31', '09:00'), duration: wd(1), calendar: cal });
    expect(late.provisionalYears).toEqual([2027]);
    const before = computeDueDate({ receivedAt: instantAt('2025-12-31', '09:00'), duration: wd(1), calendar: cal });
    expect(before.provisionalYears).toEqual([2025]);
  });

  test('the shipped year cannot be changed through what it hands out', () => {
    announcedYear(2026)!.daysOff.length = 0;
    expect(announcedYear(2026)!.daysOff.length).toBeGreaterThan(10);
  });
});
