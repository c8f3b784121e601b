/**
 * Years whose calendar has been announced for the public sector, shipped as confirmed data
 * (domain brief §10). Any other year falls back to the lunar-calendar proposal, which is
 * only a guess: it missed the 2026 National Day swap (Mon 31 Aug off, Sat 22 Aug worked).
 *
 * An administrator's edit, an imported file or the province's calendar stored for a year
 * still wins over these (they are defaults, like the proposal, only confirmed).
 */
import { proposeYear } from './proposals';
import type { CalendarYear } from './types';

/** Where each shipped year comes from, shown to the administrator beside the year. */
export const ANNOUNCED_SOURCES: Readonly<Record<number, string>> = {
  2026: 'Kế hoạch nghỉ lễ, Tết năm 2026 của cơ quan hành chính nhà nước do Bộ Nội vụ thông báo (nghỉ Tết 14–22/02; nghỉ Quốc khánh 31/8–02/9, làm bù thứ Bảy 22/8)',
};

const tet = (date: string, name: string) => ({ date, name: `Tết Nguyên đán (${name})`, kind: 'tet' as const, proposed: false });

const ANNOUNCED: Readonly<Record<number, CalendarYear>> = {
  2026: {
    year: 2026,
    status: 'confirmed',
    source: 'default',
    daysOff: [
      { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday', proposed: false },
      // Sat 14 – Sun 22 Feb; the weekdays inside it are the days off that count.
      tet('2026-02-16', '29 tháng Chạp'),
      tet('2026-02-17', 'mùng 1 Tết'),
      tet('2026-02-18', 'mùng 2 Tết'),
      tet('2026-02-19', 'mùng 3 Tết'),
      tet('2026-02-20', 'mùng 4 Tết'),
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', proposed: false },
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật 26/4)', kind: 'compensatory', proposed: false },
      { date: '2026-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', proposed: false },
      { date: '2026-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', proposed: false },
      { date: '2026-08-31', name: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8)', kind: 'swap', proposed: false },
      { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday', proposed: false },
      { date: '2026-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', proposed: false },
      { date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam (24/11)', kind: 'holiday', proposed: false },
    ],
    extraWorkingDays: [{ date: '2026-08-22', name: 'Làm bù cho ngày nghỉ hoán đổi thứ Hai 31/8' }],
  },
};

/** The announced calendar of a year, if it ships with the app. */
export function announcedYear(year: number): CalendarYear | undefined {
  const y = ANNOUNCED[year];
  // A copy, so that no caller can edit the shipped data.
  return y && { ...y, daysOff: y.daysOff.map((d) => ({ ...d })), extraWorkingDays: y.extraWorkingDays.map((d) => ({ ...d })) };
}

/** The calendar of a year nobody has stored: the announced one, else the lunar-calendar proposal. */
export function defaultYear(year: number): CalendarYear {
  return announcedYear(year) ?? proposeYear(year);
}

/** What the clerk and the citizen are told when a due date was counted through a year not yet announced. */
export function provisionalDueText(years: readonly number[]): string | null {
  if (years.length === 0) return null;
  return `Hạn trả dự kiến: lịch nghỉ năm ${years.join(', ')} chưa được công bố chính thức, hạn có thể thay đổi`;
}
