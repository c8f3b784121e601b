import type { CalendarYear } from '../../../src/shared/calendar';

/**
 * The 2026 public-sector calendar as announced (domain brief §6), entered the way an
 * administrator would: Tết off Sat 14 – Sun 22 Feb (weekdays 16–20 listed),
 * Giỗ Tổ on Sunday 26 Apr with Monday 27 Apr off in lieu, National Day off
 * Tue 1 – Wed 2 Sep with Monday 31 Aug swapped for a working Saturday 22 Aug.
 */
export function confirmed2026(): CalendarYear {
  return {
    year: 2026,
    status: 'confirmed',
    source: 'admin',
    daysOff: [
      { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday', proposed: false },
      { date: '2026-02-16', name: 'Tết Nguyên đán', kind: 'tet', proposed: false },
      { date: '2026-02-17', name: 'Tết Nguyên đán', kind: 'tet', proposed: false },
      { date: '2026-02-18', name: 'Tết Nguyên đán', kind: 'tet', proposed: false },
      { date: '2026-02-19', name: 'Tết Nguyên đán', kind: 'tet', proposed: false },
      { date: '2026-02-20', name: 'Tết Nguyên đán', kind: 'tet', proposed: false },
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương', kind: 'holiday', proposed: false },
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'compensatory', proposed: false },
      { date: '2026-04-30', name: 'Ngày Chiến thắng', kind: 'holiday', proposed: false },
      { date: '2026-05-01', name: 'Quốc tế Lao động', kind: 'holiday', proposed: false },
      { date: '2026-08-31', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8)', kind: 'swap', proposed: false },
      { date: '2026-09-01', name: 'Quốc khánh', kind: 'holiday', proposed: false },
      { date: '2026-09-02', name: 'Quốc khánh', kind: 'holiday', proposed: false },
      { date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam', kind: 'holiday', proposed: false },
    ],
    extraWorkingDays: [{ date: '2026-08-22', name: 'Làm bù cho thứ Hai 31/8' }],
  };
}
