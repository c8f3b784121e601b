/**
 * Default holiday calendar for a year, and the consistency rules for an edited one.
 *
 * Public holidays per Labour Code 2019, art. 112. The exact Tết and National Day
 * breaks are announced yearly, so the defaults here are only a *proposal* for the
 * administrator to confirm or replace.
 */
import { addDays, formatViDate, isLocalDate, weekday } from './local-date';
import { lunarToSolar, solarToLunar } from './lunar';
import type { CalendarYear, DayOff, LocalDate } from './types';

/** Ngày Văn hóa Việt Nam (24/11) is a paid day off from this year on (reported effective 1 Jul 2026; instrument unverified). */
export const CULTURE_DAY_FROM_YEAR = 2026;

const pad2 = (n: number) => String(n).padStart(2, '0');
const ymd = (year: number, month: number, day: number): LocalDate => `${year}-${pad2(month)}-${pad2(day)}`;
const isWeekend = (date: LocalDate) => weekday(date) === 0 || weekday(date) === 6;

/**
 * The five Tết days. The law says "5 days" without fixing which; we propose the last day
 * of the old lunar year (30 Tết, or 29 when tháng Chạp is short) through mùng 4, the
 * span the Ministry has most often centred its plan on. Weekend days inside it earn
 * compensatory days like any holiday.
 */
function tetDays(year: number): DayOff[] {
  const firstDay = lunarToSolar({ day: 1, month: 1, year, leap: false });
  const eve = addDays(firstDay, -1);
  const eveDay = solarToLunar(eve).day;
  const days: DayOff[] = [{ date: eve, name: `Tết Nguyên đán (${eveDay} tháng Chạp)`, kind: 'tet', proposed: true }];
  for (let i = 0; i < 4; i++) {
    days.push({ date: addDays(firstDay, i), name: `Tết Nguyên đán (mùng ${i + 1} Tết)`, kind: 'tet', proposed: true });
  }
  return days;
}

/**
 * The extra National Day day: "2/9 plus the day before or after". We take the
 * neighbour that is a weekday; when both are, the one that joins the break to a
 * weekend (Mon 1/9 or Fri 3/9); otherwise the day before. This reproduces every
 * announced plan 2021–2026 (2021 Thu+Fri 3/9, 2022 1/9+Fri, 2023 Fri 1/9+Sat,
 * 2024 Mon+Tue 3/9, 2025 Mon 1/9+Tue, 2026 Tue 1/9+Wed).
 */
export function nationalDayCompanion(year: number): LocalDate {
  const before = ymd(year, 9, 1);
  const after = ymd(year, 9, 3);
  const beforeWorks = !isWeekend(before);
  const afterWorks = !isWeekend(after);
  if (beforeWorks !== afterWorks) return beforeWorks ? before : after;
  const beforeBridges = weekday(before) === 1;
  const afterBridges = weekday(after) === 5;
  return afterBridges && !beforeBridges ? after : before;
}

/**
 * Proposed calendar for a Gregorian year: every public holiday, plus a compensatory
 * day (nghỉ bù) on the next working day for each holiday that falls on a Saturday,
 * a Sunday, or on another holiday. Status 'proposed', source 'default'.
 */
export function proposeYear(year: number): CalendarYear {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) {
    throw new RangeError(`Năm ${year} nằm ngoài phạm vi hỗ trợ (1900–2199)`);
  }
  const holidays: DayOff[] = [
    { date: ymd(year, 1, 1), name: 'Tết Dương lịch', kind: 'holiday', proposed: false },
    ...tetDays(year),
    {
      date: lunarToSolar({ day: 10, month: 3, year, leap: false }),
      name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      kind: 'holiday',
      proposed: false,
    },
    { date: ymd(year, 4, 30), name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', proposed: false },
    { date: ymd(year, 5, 1), name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', proposed: false },
    { date: ymd(year, 9, 2), name: 'Quốc khánh (2/9)', kind: 'holiday', proposed: false },
    { date: nationalDayCompanion(year), name: 'Quốc khánh (ngày liền kề)', kind: 'holiday', proposed: true },
  ];
  if (year >= CULTURE_DAY_FROM_YEAR) {
    holidays.push({ date: ymd(year, 11, 24), name: 'Ngày Văn hóa Việt Nam (24/11)', kind: 'holiday', proposed: false });
  }
  holidays.sort((a, b) => a.date.localeCompare(b.date));

  // One entry per date; a holiday whose date is already taken (Giỗ Tổ can meet 30/4) is "lost" like a weekend one.
  const taken = new Set<LocalDate>();
  const daysOff: DayOff[] = [];
  const lost: DayOff[] = [];
  for (const h of holidays) {
    if (taken.has(h.date)) {
      lost.push(h);
      continue;
    }
    taken.add(h.date);
    daysOff.push(h);
    if (isWeekend(h.date)) lost.push(h);
  }
  // Assign compensatory days in date order, only after every holiday is known, so a
  // compensatory day never lands on a holiday that comes later in the list.
  for (const h of lost) {
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    daysOff.push({ date: d, name: `Nghỉ bù ${h.name} (${formatViDate(h.date)})`, kind: 'compensatory', proposed: h.proposed });
  }
  daysOff.sort((a, b) => a.date.localeCompare(b.date));
  return { year, daysOff, extraWorkingDays: [], status: 'proposed', source: 'default' };
}

/**
 * Checks an edited calendar year for contradictions. Returns Vietnamese messages for
 * the clerk/administrator, empty when the year is usable.
 */
export function validateCalendarYear(y: CalendarYear): string[] {
  const errors: string[] = [];
  if (!Number.isInteger(y.year) || y.year < 1900 || y.year > 2199) {
    errors.push(`Năm ${String(y.year)} không hợp lệ (phải từ 1900 đến 2199)`);
  }
  const checkDate = (date: unknown, label: string): date is LocalDate => {
    if (!isLocalDate(date)) {
      errors.push(`${label} «${String(date)}» không phải ngày hợp lệ (định dạng YYYY-MM-DD)`);
      return false;
    }
    if (Number(date.slice(0, 4)) !== y.year) {
      errors.push(`${label} ${formatViDate(date)} không thuộc năm ${y.year}`);
      return false;
    }
    return true;
  };

  const off = new Set<LocalDate>();
  for (const d of y.daysOff) {
    if (!checkDate(d.date, 'Ngày nghỉ')) continue;
    if (off.has(d.date)) errors.push(`Ngày nghỉ ${formatViDate(d.date)} bị khai báo trùng`);
    off.add(d.date);
    if (!d.name?.trim()) errors.push(`Ngày nghỉ ${formatViDate(d.date)} thiếu tên`);
  }
  const extra = new Set<LocalDate>();
  for (const d of y.extraWorkingDays) {
    if (!checkDate(d.date, 'Ngày làm bù')) continue;
    if (extra.has(d.date)) errors.push(`Ngày làm bù ${formatViDate(d.date)} bị khai báo trùng`);
    extra.add(d.date);
    if (!isWeekend(d.date)) {
      errors.push(`Ngày làm bù ${formatViDate(d.date)} không phải thứ Bảy hoặc Chủ nhật`);
    }
    if (off.has(d.date)) errors.push(`Ngày ${formatViDate(d.date)} vừa là ngày nghỉ vừa là ngày làm bù`);
    if (!d.name?.trim()) errors.push(`Ngày làm bù ${formatViDate(d.date)} thiếu tên`);
  }
  return errors;
}

