import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { applyProvincialCalendar, getWorkCalendar } from '../../../src/main/calendar/calendar-service';
import type { CalendarYear, OfficeSession } from '../../../src/shared/calendar/types';
import { vn } from './helpers';

let t: TestCore;
let admin: string;
let clerk: string;

beforeEach(async () => {
  t = await startTestCore({ now: vn('2026-03-02', '07:30') });
  ({ admin, clerk } = await t.setUpOffice());
});
afterEach(() => t.close());

type YearInput = Omit<CalendarYear, 'source'>;
const dueOf = async (code: string, receivedAt: Date) =>
  t.must('calendar.dueDate', { code, receivedAt: receivedAt.toISOString() }, clerk);
const dates = (y: CalendarYear) => y.daysOff.map((d) => d.date);
/** What the year screen sends back: the year without its source (the server sets it). */
const asInput = ({ source: _source, ...y }: CalendarYear): YearInput => y;
/** Moving the clock by days outlives sessions: log the clerk in again. */
async function moveClockTo(instant: Date) {
  t.clock.set(instant);
  clerk = (await t.must('auth.login', { username: 'canbo1', password: 'matkhau-canbo-1' })).token;
}

describe('years: proposals, saving, refusing contradictions', () => {
  it('shows an unsaved year not yet announced as the proposal computed from the lunar calendar', async () => {
    const v = await t.must('calendar.getYear', { year: 2027 }, clerk);
    expect(v.stored).toBe(false);
    expect(v.announcedSource).toBeNull();
    expect(v.calendar.status).toBe('proposed');
    expect(v.calendar.source).toBe('default');
    // Domain brief: Tết day 1 is 6 Feb 2027; Giỗ Tổ 16 Apr 2027; 24 Nov from 2026.
    expect(dates(v.calendar)).toEqual(expect.arrayContaining(['2027-02-08', '2027-04-16', '2027-04-30', '2027-09-02', '2027-11-24']));
    expect(v.calendar.daysOff.some((d) => d.proposed)).toBe(true);
  });

  it('ships 2026 as announced and confirmed, with its source: the 31 Aug swap and the worked Saturday 22 Aug', async () => {
    const v = await t.must('calendar.getYear', { year: 2026 }, clerk);
    expect(v.stored).toBe(false);
    expect(v.calendar.status).toBe('confirmed');
    expect(v.announcedSource).toContain('Bộ Nội vụ');
    expect(v.calendar.daysOff.some((d) => d.proposed)).toBe(false);
    expect(dates(v.calendar)).toEqual([
      '2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-26', '2026-04-27', '2026-04-30',
      '2026-05-01', '2026-08-31', '2026-09-01', '2026-09-02', '2026-11-24',
    ]);
    expect(v.calendar.extraWorkingDays.map((d) => d.date)).toEqual(['2026-08-22']);
  });

  it('refuses a contradictory year with every reason, and stores nothing', async () => {
    const auditBefore = (t.core.app.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    const bad: YearInput = {
      year: 2026,
      status: 'confirmed',
      daysOff: [
        { date: '2026-03-04', name: 'Nghỉ thử', kind: 'holiday', proposed: false },
        { date: '2026-03-04', name: 'Nghỉ trùng', kind: 'holiday', proposed: false },
        { date: '2027-01-01', name: 'Năm sau', kind: 'holiday', proposed: false },
        { date: '2026-03-07', name: 'Thứ Bảy nghỉ', kind: 'holiday', proposed: false },
      ],
      extraWorkingDays: [
        { date: '2026-03-05', name: 'Làm bù ngày thường' },
        { date: '2026-03-07', name: 'Vừa nghỉ vừa làm' },
      ],
    };
    const r = await t.call('calendar.saveYear', bad, admin);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    const reasons = Object.values(r.error.fields ?? {});
    expect(reasons).toEqual(
      expect.arrayContaining([
        'Ngày nghỉ 04/03/2026 bị khai báo trùng',
        'Ngày nghỉ 01/01/2027 không thuộc năm 2026',
        'Ngày làm bù 05/03/2026 không phải thứ Bảy hoặc Chủ nhật',
        'Ngày 07/03/2026 vừa là ngày nghỉ vừa là ngày làm bù',
      ]),
    );
    expect(r.error.message).toContain('mâu thuẫn');
    expect((await t.must('calendar.getYear', { year: 2026 }, admin)).stored).toBe(false);
    expect((t.core.app.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore);
    // Malformed dates never reach the service.
    const malformed = await t.call('calendar.saveYear', { ...bad, daysOff: [{ date: '2026-02-30', name: 'x', kind: 'holiday', proposed: false }], extraWorkingDays: [] }, admin);
    expect(!malformed.ok && malformed.error.code).toBe('VALIDATION');
    const asClerk = await t.call('calendar.saveYear', { ...bad, daysOff: [], extraWorkingDays: [] }, clerk);
    expect(!asClerk.ok && asClerk.error.code).toBe('FORBIDDEN');
  });

  it('an administrator marking a day off moves every due date computed afterwards', async () => {
    // 1.004873: 3 working days. Received Mon 02/03/2026 09:00 → Thu 05/03/2026 09:00.
    const received = vn('2026-03-02', '09:00');
    expect((await dueOf('1.004873', received)).due).toBe('2026-03-05T09:00:00.000+07:00');

    const view = await t.must('calendar.getYear', { year: 2026 }, admin);
    const edited: YearInput = {
      ...asInput(view.calendar),
      daysOff: [...view.calendar.daysOff, { date: '2026-03-04', name: 'Nghỉ đột xuất', kind: 'holiday', proposed: false }],
    };
    const saved = await t.must('calendar.saveYear', edited, admin);
    expect(saved.stored).toBe(true);
    expect(saved.calendar.source).toBe('admin');
    const moved = await dueOf('1.004873', received);
    expect(moved.due).toBe('2026-03-06T09:00:00.000+07:00');

    // A working Saturday (làm bù) counts as a working day.
    const withSaturday: YearInput = { ...edited, extraWorkingDays: [{ date: '2026-03-07', name: 'Làm bù cho ngày 04/03' }] };
    await t.must('calendar.saveYear', withSaturday, admin);
    expect((await dueOf('1.004873', vn('2026-03-05', '10:15'))).due).toBe('2026-03-09T10:15:00.000+07:00');

    // Removing the entries again restores the original due date.
    await t.must('calendar.saveYear', asInput(view.calendar), admin);
    expect((await dueOf('1.004873', received)).due).toBe('2026-03-05T09:00:00.000+07:00');
    const audit = t.core.app.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'calendar.saveYear' AND entity_id = '2026'").get() as { n: number };
    expect(audit.n).toBe(3);
  });

  it('confirming turns the proposal into the official year', async () => {
    const v = await t.must('calendar.confirmYear', { year: 2027 }, admin);
    expect(v.stored).toBe(true);
    expect(v.calendar.status).toBe('confirmed');
    expect(v.calendar.daysOff.every((d) => !d.proposed)).toBe(true);
    expect(dates(v.calendar)).toContain('2027-02-06'); // Tết day 1, 2027
    expect(dates(v.calendar)).toContain('2027-04-16'); // Giỗ Tổ 2027
  });

  it('keeps the domain example: received Fri 27/10/2023 09:32, 5 working days → Fri 03/11/2023 09:32', async () => {
    const p = await t.must('catalog.get', { code: '1.001612' }, admin);
    await t.must('catalog.update', { code: '1.001612', duration: { ...p.procedure.duration, amount: 5 } }, admin);
    const r = await dueOf('1.001612', vn('2023-10-27', '09:32'));
    expect(r.due).toBe('2023-11-03T09:32:00.000+07:00');
    expect(r.dueDate).toBe('2023-11-03');
  });

  it('applies the same-day rule: up to 15:00 due at closing, later the next working day', async () => {
    expect((await dueOf('2.000884', vn('2026-03-02', '15:00'))).due).toBe('2026-03-02T17:00:00.000+07:00');
    const late = await dueOf('2.000884', vn('2026-03-02', '15:01'));
    expect(late.due).toBe('2026-03-03T17:00:00.000+07:00');
    expect(late.notes.join(' ')).toContain('sau 15:00');
    // Thursday 30/4 and Friday 1/5/2026 are holidays: received Wed 29/4 at 16:00 → Mon 4/5.
    expect((await dueOf('2.000884', vn('2026-04-29', '16:00'))).due).toBe('2026-05-04T17:00:00.000+07:00');
  });

  it('reports days remaining from the clock', async () => {
    await moveClockTo(vn('2026-03-03', '08:00'));
    const r = await dueOf('1.004873', vn('2026-03-02', '09:00'));
    expect(r.daysRemaining).toBe(2);
    await moveClockTo(vn('2026-03-06', '08:00'));
    expect((await dueOf('1.004873', vn('2026-03-02', '09:00'))).daysRemaining).toBe(-1);
  });
});

describe('office hours', () => {
  it('saving office hours changes due dates; impossible hours are refused', async () => {
    const hours = await t.must('calendar.getOfficeHours', {}, clerk);
    expect(hours[1]).toEqual([{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }]);
    expect(hours[6]).toEqual([]);
    // Friday 17:30 receipt of a same-day procedure: with Saturday-morning hours it is due Saturday.
    expect((await dueOf('2.000884', vn('2026-03-06', '17:30'))).due).toBe('2026-03-09T17:00:00.000+07:00');
    const withSaturday: [OfficeSession[], OfficeSession[], OfficeSession[], OfficeSession[], OfficeSession[], OfficeSession[], OfficeSession[]] = [
      hours[0], hours[1], hours[2], hours[3], hours[4], hours[5], [{ start: '07:30', end: '11:30' }],
    ];
    await t.must('calendar.saveOfficeHours', { hours: withSaturday }, admin);
    expect((await dueOf('2.000884', vn('2026-03-06', '17:30'))).due).toBe('2026-03-07T11:30:00.000+07:00');

    const reversed = await t.call('calendar.saveOfficeHours', { hours: [[], [{ start: '17:00', end: '07:00' }], [], [], [], [], []] }, admin);
    expect(!reversed.ok && reversed.error.message).toContain('Giờ bắt đầu phải trước giờ kết thúc');
    const closed = await t.call('calendar.saveOfficeHours', { hours: [[], [], [], [], [], [], []] }, admin);
    expect(!closed.ok && closed.error.message).toContain('ít nhất một ngày làm việc');
    expect(await t.must('calendar.getOfficeHours', {}, clerk)).toEqual(withSaturday);
  });
});

describe('provincial calendar (LayLichNghi) and calendar files', () => {
  const answer2027 = {
    error_code: '0',
    message: 'Thành công',
    result: {
      Nam: 2027,
      NgayNghi: [
        { Ngay: '20270101', Ten: 'Tết Dương lịch' },
        { Ngay: '20270204', Ten: 'Tết Nguyên đán' },
        { Ngay: '20270205', Ten: 'Tết Nguyên đán' },
        { Ngay: '20270208', Ten: 'Tết Nguyên đán' },
        { Ngay: '20270209', Ten: 'Tết Nguyên đán' },
        { Ngay: '20270210', Ten: 'Nghỉ hoán đổi' },
        { Ngay: '20270416', Ten: 'Giỗ Tổ Hùng Vương' },
        { Ngay: '20270430', Ten: 'Ngày Chiến thắng' },
        { Ngay: '20270503', Ten: 'Nghỉ bù Quốc tế Lao động' },
      ],
      NgayLamBu: [{ Ngay: '20270220', Ten: 'Làm bù ngày 10/02' }],
    },
  };

  it('maps an announced year to a confirmed provincial year; an empty answer keeps the proposal', () => {
    const app = t.core.app;
    expect(applyProvincialCalendar(app, answer2027)).toEqual({ applied: true, year: 2027 });
    const row = app.db.prepare('SELECT status, source FROM calendar_years WHERE year = 2027').get();
    expect(row).toEqual({ status: 'confirmed', source: 'provincial' });
    const cal = getWorkCalendar(app);
    expect(cal.isWorkingDay('2027-02-10')).toBe(false);
    expect(cal.dayOff('2027-02-10')?.kind).toBe('swap');
    expect(cal.dayOff('2027-05-03')?.kind).toBe('compensatory');
    expect(cal.dayOff('2027-02-04')?.kind).toBe('tet');
    expect(cal.dayOff('2027-01-01')?.kind).toBe('holiday');
    expect(cal.isWorkingDay('2027-02-20')).toBe(true); // Saturday làm bù

    for (const empty of [{ result: null }, { result: {} }, { result: { Nam: 2028, NgayNghi: [], NgayLamBu: [] } }, null]) {
      expect(applyProvincialCalendar(app, empty, { year: 2028 })).toMatchObject({ applied: false, reason: 'not-announced' });
    }
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM calendar_years WHERE year = 2028').get()).toEqual({ n: 0 });
  });

  it('a correction after a pull survives the same announcement pulled again; a new announcement replaces it', async () => {
    const app = t.core.app;
    applyProvincialCalendar(app, answer2027);
    const v = await t.must('calendar.getYear', { year: 2027 }, admin);
    const corrected = { ...asInput(v.calendar), daysOff: v.calendar.daysOff.filter((d) => d.date !== '2027-05-03') };
    await t.must('calendar.saveYear', corrected, admin);
    expect(applyProvincialCalendar(app, answer2027)).toMatchObject({ applied: false, reason: 'unchanged' });
    expect(dates((await t.must('calendar.getYear', { year: 2027 }, admin)).calendar)).not.toContain('2027-05-03');

    const changed = structuredClone(answer2027);
    changed.result.NgayNghi.push({ Ngay: '20270903', Ten: 'Quốc khánh' });
    expect(applyProvincialCalendar(app, changed)).toEqual({ applied: true, year: 2027 });
    const after = (await t.must('calendar.getYear', { year: 2027 }, admin)).calendar;
    expect(dates(after)).toEqual(expect.arrayContaining(['2027-05-03', '2027-09-03']));
    expect(after.source).toBe('provincial');
  });

  it('refuses a malformed or contradictory answer without touching the stored year', () => {
    const app = t.core.app;
    const badDate = applyProvincialCalendar(app, { result: { Nam: 2027, NgayNghi: [{ Ngay: '2027-01-01', Ten: 'x' }], NgayLamBu: [] } });
    expect(badDate).toMatchObject({ applied: false, reason: 'invalid' });
    const contradictory = applyProvincialCalendar(app, {
      result: { Nam: 2027, NgayNghi: [{ Ngay: '20270220', Ten: 'Nghỉ' }], NgayLamBu: [{ Ngay: '20270220', Ten: 'Làm' }] },
    });
    expect(contradictory).toMatchObject({ applied: false, reason: 'invalid' });
    if (!contradictory.applied && contradictory.reason === 'invalid') expect(contradictory.errors.join(' ')).toContain('vừa là ngày nghỉ vừa là ngày làm bù');
    expect(applyProvincialCalendar(app, answer2027, { year: 2028 })).toMatchObject({ applied: false, reason: 'invalid' });
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM calendar_years').get()).toEqual({ n: 0 });
  });

  it('imports a year from a JSON file in either shape, and refuses a contradictory file', async () => {
    const own = {
      year: 2028,
      daysOff: [
        { date: '2028-01-26', name: 'Tết Nguyên đán' },
        { date: '2028-04-04', name: 'Giỗ Tổ Hùng Vương', kind: 'holiday' },
      ],
      extraWorkingDays: [],
    };
    const v = await t.must('calendar.importYear', { fileName: 'lich-2028.json', content: JSON.stringify(own) }, admin);
    expect(v.calendar).toMatchObject({ year: 2028, status: 'confirmed', source: 'import' });
    expect(v.calendar.daysOff[0]).toMatchObject({ date: '2028-01-26', kind: 'tet', proposed: false });

    const provincialShape = { Nam: 2029, NgayNghi: [{ Ngay: '20290101', Ten: 'Tết Dương lịch' }], NgayLamBu: [] };
    const p = await t.must('calendar.importYear', { fileName: 'lich-2029.json', content: JSON.stringify(provincialShape) }, admin);
    expect(p.calendar).toMatchObject({ year: 2029, source: 'import' });

    const r = await t.call('calendar.importYear', { fileName: 'x.json', content: JSON.stringify({ ...own, extraWorkingDays: [{ date: '2028-01-26', name: 'x' }] }) }, admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('vừa là ngày nghỉ vừa là ngày làm bù');
    const notJson = await t.call('calendar.importYear', { fileName: 'x.json', content: '{' }, admin);
    expect(!notJson.ok && notJson.error.message).toContain('không phải JSON');
  });
});
