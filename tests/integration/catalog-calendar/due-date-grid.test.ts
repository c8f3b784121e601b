/**
 * "A clerk picking any sample procedure sees the correct fee and due date for a receipt at
 * any moment of 2026–2028": every sample procedure × every day of 2026–2028 × four receipt
 * times (morning, lunch break, after the 15:00 cut-off, after closing), checked against
 * invariants computed here from the calendar DATA (not from the engine's working-day logic).
 * 2026 is the Ministry's announced plan (domain brief §6), including a swapped working
 * Saturday; 2027 and 2028 are the app's proposals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { dueDateFor } from '../../../src/main/calendar/calendar-service';
import { getProcedure } from '../../../src/main/catalog/catalog-service';
import type { CalendarYear, DayOff } from '../../../src/shared/calendar/types';
import type { Procedure, ProcedureFee } from '../../../src/shared/catalog/procedure';
import { sampleProcedures, vn } from './helpers';

const off = (date: string, name: string, kind: DayOff['kind'] = 'holiday'): DayOff => ({ date, name, kind, proposed: false });
const PLAN_2026: Omit<CalendarYear, 'source'> = {
  year: 2026,
  status: 'confirmed',
  daysOff: [
    off('2026-01-01', 'Tết Dương lịch'),
    ...['14', '15', '16', '17', '18', '19', '20', '21', '22'].map((d) => off(`2026-02-${d}`, 'Tết Nguyên đán', 'tet')),
    off('2026-04-26', 'Giỗ Tổ Hùng Vương'),
    off('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'compensatory'),
    off('2026-04-30', 'Ngày Chiến thắng'),
    off('2026-05-01', 'Quốc tế Lao động'),
    off('2026-08-31', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8)', 'swap'),
    off('2026-09-01', 'Quốc khánh'),
    off('2026-09-02', 'Quốc khánh'),
    off('2026-11-24', 'Ngày Văn hóa Việt Nam'),
  ],
  extraWorkingDays: [{ date: '2026-08-22', name: 'Làm bù cho thứ Hai 31/8' }],
};

const TIMES = ['08:00', '12:00', '15:30', '18:00'] as const;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const SESSIONS = [[minutes('07:00'), minutes('11:30')], [minutes('13:30'), minutes('17:00')]];

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
/** Local date and minute of day of an instant, in Vietnam time. */
function local(instant: Date): { date: string; minute: number } {
  const shifted = new Date(instant.getTime() + 7 * 3_600_000);
  return { date: shifted.toISOString().slice(0, 10), minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

/** Independent fee arithmetic from the definitions in the sample file. */
function expectedFee(f: ProcedureFee, copies: number, pages: number): number {
  if (f.kind === 'FREE') return 0;
  if (f.kind === 'FIXED') return f.amount!;
  if (f.kind === 'PER_COPY') return f.amount! * copies;
  let perCopy = 0;
  for (let page = 1; page <= pages; page++) perCopy += f.tiers!.find((tier) => page >= tier.fromPage && (tier.toPage === null || page <= tier.toPage))!.pricePerPage;
  return Math.min(perCopy, f.capPerCopy ?? Infinity) * copies;
}

let t: TestCore;
let clerk: string;
let isWorking: (date: string) => boolean;

beforeAll(async () => {
  t = await startTestCore({ now: vn('2026-01-05', '08:00') });
  const tokens = await t.setUpOffice();
  clerk = tokens.clerk;
  await t.must('calendar.saveYear', PLAN_2026, tokens.admin);
  const years = new Map<number, CalendarYear>();
  for (const y of [2026, 2027, 2028, 2029]) years.set(y, (await t.must('calendar.getYear', { year: y }, clerk)).calendar);
  // Working day from the data alone: Mon–Fri not listed as a day off, or a listed working Saturday/Sunday.
  isWorking = (date) => {
    const y = years.get(Number(date.slice(0, 4)))!;
    if (y.extraWorkingDays.some((d) => d.date === date)) return true;
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    return wd !== 0 && wd !== 6 && !y.daysOff.some((d) => d.date === date);
  };
});
afterAll(() => t?.close());

describe('every sample procedure, every receipt moment of 2026–2028', () => {
  it('the calendar data holds the known dates of the domain brief', async () => {
    expect(isWorking('2026-08-22')).toBe(true); // working Saturday
    expect(isWorking('2026-08-31')).toBe(false);
    for (const d of ['2027-02-06', '2027-04-16', '2028-01-26', '2028-04-04']) {
      const y = (await t.must('calendar.getYear', { year: Number(d.slice(0, 4)) }, clerk)).calendar;
      expect(y.daysOff.map((x) => x.date)).toContain(d);
    }
  });

  it('due dates: never on a day off, never before receipt, inside office hours, exactly the procedure’s working days later', () => {
    const procedures = sampleProcedures().map((p) => getProcedure(t.core.app, p.code)!);
    let checked = 0;
    const failures: string[] = [];
    for (const p of procedures) {
      for (let date = '2026-01-01'; date <= '2028-12-31'; date = addDays(date, 1)) {
        for (const time of TIMES) {
          const receivedAt = vn(date, time);
          const { due } = dueDateFor(t.core.app, { receivedAt, procedure: p });
          const problem = checkDue(p, date, time, receivedAt, due);
          if (problem) failures.push(`${p.code} ${date} ${time} → ${due.toISOString()}: ${problem}`);
          checked++;
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(checked).toBe(procedures.length * 1096 * TIMES.length);
  });

  function checkDue(p: Procedure, date: string, time: string, receivedAt: Date, due: Date): string | null {
    if (due.getTime() < receivedAt.getTime()) return 'due before receipt';
    const d = local(due);
    if (!isWorking(d.date)) return 'due on a day off';
    if (!SESSIONS.some(([a, b]) => d.minute >= a && d.minute <= b)) return 'due outside office hours';
    let count = 0;
    for (let x = addDays(date, 1); x <= d.date; x = addDays(x, 1)) if (isWorking(x)) count++;
    const t0 = minutes(time);
    const openNow = isWorking(date) && SESSIONS.some(([a, b]) => t0 >= a && t0 < b);
    const inLunch = isWorking(date) && t0 >= SESSIONS[0][1] && t0 < SESSIONS[1][0];
    if (p.duration.sameDay) {
      const today = isWorking(date) && t0 <= minutes('15:00');
      if (count !== (today ? 0 : 1)) return `same-day rule: ${count} working days later`;
      if (d.minute !== minutes('17:00')) return 'same-day due is not at closing';
      return null;
    }
    if (count !== p.duration.amount) return `${count} working days instead of ${p.duration.amount}`;
    const expectedMinute = openNow ? t0 : inLunch ? SESSIONS[1][0] : minutes('17:00');
    if (d.minute !== expectedMinute) return `due at minute ${d.minute}, expected ${expectedMinute}`;
    return null;
  }

  it('the intake preview (calendar.dueDate) gives the same answers through the API', async () => {
    for (const p of sampleProcedures()) {
      const procedure = getProcedure(t.core.app, p.code)!;
      for (let date = '2026-01-01'; date <= '2028-12-31'; date = addDays(date, 37)) {
        for (const time of TIMES) {
          const receivedAt = vn(date, time);
          const preview = await t.must('calendar.dueDate', { code: p.code, receivedAt: receivedAt.toISOString() }, clerk);
          expect(new Date(preview.due).getTime()).toBe(dueDateFor(t.core.app, { receivedAt, procedure }).due.getTime());
        }
      }
    }
  });

  it('fees: every fee of every case of every sample procedure for 1–3 copies of 1–12 pages', async () => {
    for (const p of sampleProcedures()) {
      // A procedure with cases (trường hợp) is priced by each case's own lines; without, by its own.
      const cases = p.variants?.length ? p.variants.map((v) => ({ variantCode: v.code, fees: v.fees ?? p.fees })) : [{ variantCode: undefined, fees: p.fees }];
      for (const c of cases) {
        for (const f of c.fees) {
          for (const copies of [1, 2, 3]) {
            for (const pages of [1, 2, 3, 12]) {
              const input = { code: p.code, variantCode: c.variantCode, feeCodes: [f.code], copies, pagesPerCopy: pages };
              const q = await t.must('catalog.fees', input, clerk);
              expect(q.variantCode).toBe(c.variantCode ?? null);
              expect(q.total, `${p.code}/${c.variantCode ?? '-'} ${f.code} ${copies}×${pages}`).toBe(expectedFee(f, copies, pages));
            }
          }
        }
      }
    }
  });
});
