import { afterEach, describe, expect, it } from 'vitest';
import { startQueueOffice, type QueueOffice } from './queue-fixture';

let office: QueueOffice | null = null;
afterEach(() => {
  office?.t.close();
  office = null;
});

async function open(start?: string) {
  office = await startQueueOffice(start);
  return office;
}

describe('ticket numbering', () => {
  it('numbers each group on its own, with its prefix, padded to the range width', async () => {
    const o = await open();
    const a = await o.group({ name: 'Hộ tịch', prefix: 'A' });
    const b = await o.group({ name: 'Chứng thực', prefix: 'B', rangeStart: 500, rangeEnd: 1500 });
    expect((await o.issue(a.id)).code).toBe('A001');
    expect((await o.issue(b.id)).code).toBe('B0500');
    expect((await o.issue(a.id)).code).toBe('A002');
    expect((await o.issue(b.id, 'elderly')).code).toBe('B0501');
    const list = await o.t.must('queue.list', {}, o.clerk1);
    expect(list.map((x) => `${x.code}:${x.businessDate}:${x.state}`)).toEqual([
      'A001:2025-03-10:waiting',
      'B0500:2025-03-10:waiting',
      'A002:2025-03-10:waiting',
      'B0501:2025-03-10:waiting',
    ]);
    expect(list[3].priority).toBe('elderly');
  });

  it('restarts at local midnight (+07:00), not at UTC midnight', async () => {
    const o = await open('2025-03-10T23:58:00');
    const a = await o.group({ name: 'Hộ tịch', prefix: 'A' });
    o.at('2025-03-10T23:59:00');
    const late = await o.t.must('queue.issue', { groupId: a.id, priority: null, source: 'counter' }, o.clerk1);
    expect(late.ticket).toMatchObject({ code: 'A001', businessDate: '2025-03-10' });
    o.at('2025-03-11T00:01:00');
    const early = await o.t.must('queue.issue', { groupId: a.id, priority: null, source: 'counter' }, o.clerk1);
    expect(early.ticket).toMatchObject({ code: 'A001', businessDate: '2025-03-11' });
    // 06:59 and 07:01 local are 23:59 and 00:01 UTC: the UTC date flips, the business day does not.
    o.at('2025-03-11T06:59:00');
    const before7 = await o.t.must('queue.issue', { groupId: a.id, priority: null, source: 'counter' }, o.clerk1);
    o.at('2025-03-11T07:01:00');
    const after7 = await o.t.must('queue.issue', { groupId: a.id, priority: null, source: 'counter' }, o.clerk1);
    expect(before7.ticket).toMatchObject({ code: 'A002', businessDate: '2025-03-11' });
    expect(after7.ticket).toMatchObject({ code: 'A003', businessDate: '2025-03-11' });
    expect(after7.ticket.issuedAt.startsWith('2025-03-11T07:01')).toBe(true);
    expect(after7.ticket.issuedAt.endsWith('+07:00')).toBe(true);
  });

  it('refuses beyond the daily cap with a clear message, and starts again the next day', async () => {
    const o = await open();
    const a = await o.group({ name: 'Đất đai', prefix: 'D', dailyCap: 2 });
    await o.issue(a.id);
    await o.issue(a.id);
    const third = await o.t.call('queue.issue', { groupId: a.id, priority: null, source: 'kiosk' }, o.clerk1);
    expect(third.ok).toBe(false);
    if (!third.ok) {
      expect(third.error.code).toBe('INVALID_STATE');
      expect(third.error.message).toContain('đã cấp đủ 2 phiếu hôm nay');
    }
    expect((await o.t.must('queue.list', {}, o.clerk1)).length).toBe(2);
    o.at('2025-03-11T07:30:00');
    await o.relogin();
    expect((await o.issue(a.id)).code).toBe('D001');
  });

  it('wraps around the range without ever reusing a number that day', async () => {
    const o = await open();
    let a = await o.group({ name: 'Hộ tịch', prefix: 'A', rangeStart: 1, rangeEnd: 3 });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await o.issue(a.id)).code);
    expect(codes).toEqual(['A001', 'A002', 'A003']);
    const full = await o.t.call('queue.issue', { groupId: a.id, priority: null, source: 'kiosk' }, o.clerk1);
    expect(full.ok).toBe(false);
    if (!full.ok) expect(full.error.message).toContain('đã dùng hết dải số 1–3');
    // The administrator widens the range mid-day: numbering continues, then wraps to the start
    // and skips everything already handed out.
    a = await o.t.must('queue.saveGroup', { ...a, rangeEnd: 5 }, o.admin);
    expect((await o.issue(a.id)).code).toBe('A004');
    expect((await o.issue(a.id)).code).toBe('A005');
    expect((await o.t.call('queue.issue', { groupId: a.id, priority: null, source: 'kiosk' }, o.clerk1)).ok).toBe(false);
    // Moving the range so that the next number falls before its start wraps too.
    a = await o.t.must('queue.saveGroup', { ...a, rangeStart: 2, rangeEnd: 7 }, o.admin);
    expect((await o.issue(a.id)).code).toBe('A006');
    expect((await o.issue(a.id)).code).toBe('A007');
    const again = await o.t.call('queue.issue', { groupId: a.id, priority: null, source: 'kiosk' }, o.clerk1);
    expect(again.ok).toBe(false);
    const numbers = (await o.t.must('queue.list', {}, o.clerk1)).map((x) => x.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // The ledger refuses a duplicate even if code tried to write one.
    const db = o.t.core.app.db;
    const row = db.prepare("SELECT ticket_id FROM queue_numbers WHERE number = 2").get() as { ticket_id: string };
    expect(() => db.prepare('INSERT INTO queue_numbers (business_date, group_id, number, ticket_id) VALUES (?, ?, 2, ?)').run('2025-03-10', a.id, row.ticket_id)).toThrow(/UNIQUE/);
  });

  it('refuses an inactive group and an unknown one', async () => {
    const o = await open();
    const a = await o.group({ name: 'Tạm ngưng', prefix: 'Z', active: false });
    const r = await o.t.call('queue.issue', { groupId: a.id, priority: null, source: 'kiosk' }, o.clerk1);
    expect(r.ok || r.error.message).toBe('Nhóm "Tạm ngưng" đang tạm ngưng cấp số.');
    const u = await o.t.call('queue.issue', { groupId: '01950000-0000-7000-8000-000000000000', priority: null, source: 'kiosk' }, o.clerk1);
    expect(u.ok || u.error.code).toBe('NOT_FOUND');
  });

  it('estimates people ahead and the wait from recent service times', async () => {
    const o = await open('2025-03-10T08:00:00');
    const a = await o.group({ name: 'Hộ tịch', prefix: 'A' });
    await o.counter(1, [a.id]);
    await o.counter(2, [a.id]);
    // No service yet: the configured default (5 minutes) per person, shared by 2 counters.
    for (let i = 0; i < 3; i++) await o.issue(a.id);
    const fourth = await o.t.must('queue.issue', { groupId: a.id, priority: null, source: 'kiosk' }, o.clerk1);
    expect(fourth.waitingAhead).toBe(3);
    expect(fourth.estimatedWaitMinutes).toBe(Math.ceil((3 * 5) / 2));
    const prio = await o.t.must('queue.issue', { groupId: a.id, priority: 'disabled', source: 'kiosk' }, o.clerk1);
    expect(prio.waitingAhead).toBe(0);
    expect(prio.estimatedWaitMinutes).toBe(0);
    // Two services of 8 and 12 minutes: the estimate uses their average, 10 minutes.
    for (const minutes of [8, 12]) {
      o.at(`2025-03-10T09:00:00`);
      const c = await o.t.must('queue.callNext', { counterNumber: 1 }, o.clerk1);
      await o.t.must('queue.start', { counterNumber: 1, ticketId: c.id }, o.clerk1);
      o.at(`2025-03-10T09:${String(minutes).padStart(2, '0')}:00`);
      await o.t.must('queue.finish', { counterNumber: 1, ticketId: c.id }, o.clerk1);
    }
    const next = await o.t.must('queue.issue', { groupId: a.id, priority: null, source: 'kiosk' }, o.clerk1);
    expect(next.waitingAhead).toBe(3);
    expect(next.estimatedWaitMinutes).toBe(Math.ceil((3 * 10) / 2));
  });
});
