import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src/shared/api/events';
import { startQueueOffice, type QueueOffice } from './queue-fixture';

let office: QueueOffice | null = null;
afterEach(() => {
  office?.t.close();
  office = null;
});

async function open(start = '2025-03-10T08:00:00') {
  office = await startQueueOffice(start);
  return office;
}

/** Calls next at a counter and finishes the ticket right away; returns the code called. */
async function callAndFinish(o: QueueOffice, counterNumber: number, token: string): Promise<string> {
  const t = await o.t.must('queue.callNext', { counterNumber }, token);
  await o.t.must('queue.finish', { counterNumber, ticketId: t.id }, token);
  return t.code;
}

describe('calling tickets at a counter', () => {
  it('strict mode calls every priority ticket first, oldest first', async () => {
    const o = await open();
    const a = await o.group({ name: 'Hộ tịch', prefix: 'A', priorityMode: 'strict' });
    await o.counter(1, [a.id]);
    await o.issue(a.id); // A001
    await o.issue(a.id); // A002
    await o.issue(a.id, 'elderly'); // A003
    await o.issue(a.id); // A004
    await o.issue(a.id, 'pregnant_or_small_child'); // A005
    const order = [];
    for (let i = 0; i < 5; i++) order.push(await callAndFinish(o, 1, o.clerk1));
    expect(order).toEqual(['A003', 'A005', 'A001', 'A002', 'A004']);
    const none = await o.t.call('queue.callNext', { counterNumber: 1 }, o.clerk1);
    expect(none.ok || none.error.message).toBe('Không còn ai đang chờ ở các nhóm dịch vụ của quầy 1.');
  });

  it('interleaved mode calls one priority ticket every N calls', async () => {
    const o = await open();
    const b = await o.group({ name: 'Chứng thực', prefix: 'B', priorityMode: 'interleave', interleaveEvery: 3 });
    await o.counter(1, [b.id]);
    await o.counter(2, [b.id]);
    for (let i = 0; i < 6; i++) await o.issue(b.id); // B001..B006
    for (let i = 0; i < 3; i++) await o.issue(b.id, 'merit'); // B007..B009
    // Two counters share the group: the rhythm is per group, whoever calls.
    const order = [];
    for (let i = 0; i < 9; i++) order.push(await callAndFinish(o, i % 2 ? 2 : 1, i % 2 ? o.clerk2 : o.clerk1));
    // P n n P n n P n n: a priority ticket first (none called yet today), then after every 2 ordinary calls.
    expect(order).toEqual(['B007', 'B001', 'B002', 'B008', 'B003', 'B004', 'B009', 'B005', 'B006']);
  });

  it('interleaving with only ordinary or only priority tickets waiting calls what there is', async () => {
    const o = await open();
    const b = await o.group({ name: 'Chứng thực', prefix: 'B', priorityMode: 'interleave', interleaveEvery: 4 });
    await o.counter(1, [b.id]);
    await o.issue(b.id, 'elderly'); // B001
    await o.issue(b.id, 'disabled'); // B002
    expect(await callAndFinish(o, 1, o.clerk1)).toBe('B001');
    expect(await callAndFinish(o, 1, o.clerk1)).toBe('B002');
    await o.issue(b.id); // B003
    await o.issue(b.id, 'elderly'); // B004
    // Last call was priority and no ordinary call since: the ordinary ticket goes first.
    expect(await callAndFinish(o, 1, o.clerk1)).toBe('B003');
    expect(await callAndFinish(o, 1, o.clerk1)).toBe('B004');
  });

  it('a counter serving two groups takes priority heads first, then the oldest', async () => {
    const o = await open();
    const a = await o.group({ name: 'Hộ tịch', prefix: 'A' });
    const b = await o.group({ name: 'Chứng thực', prefix: 'B' });
    const c = await o.group({ name: 'Đất đai', prefix: 'C' });
    await o.counter(1, [a.id, b.id]);
    await o.issue(b.id); // B001
    await o.issue(c.id); // C001 — not this counter's group
    await o.issue(a.id); // A001
    await o.issue(a.id, 'elderly'); // A002
    expect(await callAndFinish(o, 1, o.clerk1)).toBe('A002');
    expect(await callAndFinish(o, 1, o.clerk1)).toBe('B001');
    expect(await callAndFinish(o, 1, o.clerk1)).toBe('A001');
    expect((await o.t.call('queue.callNext', { counterNumber: 1 }, o.clerk1)).ok).toBe(false);
  });

  it('refuses a new call while a ticket is only called, and finishes one being served', async () => {
    const o = await open();
    const a = await o.group({ name: 'Hộ tịch', prefix: 'A' });
    await o.counter(1, [a.id]);
    await o.issue(a.id);
    await o.issue(a.id);
    const first = await o.t.must('queue.callNext', { counterNumber: 1 }, o.clerk1);
    const blocked = await o.t.call('queue.callNext', { counterNumber: 1 }, o.clerk1);
    expect(blocked.ok || blocked.error.message).toContain('Quầy 1 đang gọi số A001');
    o.at('2025-03-10T08:01:00');
    await o.t.must('queue.start', { counterNumber: 1, ticketId: first.id }, o.clerk1);
    o.at('2025-03-10T08:07:30');
    const second = await o.t.must('queue.callNext', { counterNumber: 1 }, o.clerk1);
    expect(second.code).toBe('A002');
    const done = await o.t.must('queue.ticket', { ticketId: first.id }, o.clerk1);
    expect(done.state).toBe('done');
    expect(done.startedAt?.slice(11, 16)).toBe('08:01');
    expect(done.finishedAt?.slice(11, 16)).toBe('08:07');
    expect(done.clerkName).toBe('Trần Thị Cán Bộ');
  });

  it('recalls at most once every 10 seconds, with a clear message', async () => {
    const o = await open();
    const a = await o.group({ name: 'Hộ tịch', prefix: 'A' });
    await o.counter(1, [a.id]);
    await o.issue(a.id);
    const events: AppEvent[] = [];
    o.t.core.app.events.subscribe((e) => events.push(e));
    o.at('2025-03-10T08:10:00');
    const t = await o.t.must('queue.callNext', { counterNumber: 1 }, o.clerk1);
    o.at('2025-03-10T08:10:04');
    const early = await o.t.call('queue.recall', { counterNumber: 1, ticketId: t.id }, o.clerk1);
    expect(early.ok).toBe(false);
    if (!early.ok) {
      expect(early.error.code).toBe('RATE_LIMITED');
      expect(early.error.message).toBe('Vừa gọi số A001 cách đây 4 giây. Chờ thêm 6 giây rồi gọi lại.');
    }
    // A slow call (its stamp lands a few hundred ms late) still reads as 4 s + 6 s, never 3 s + 7 s.
    o.at('2025-03-10T08:10:03.700');
    const skewed = await o.t.call('queue.recall', { counterNumber: 1, ticketId: t.id }, o.clerk1);
    expect(skewed.ok || skewed.error.message).toBe('Vừa gọi số A001 cách đây 4 giây. Chờ thêm 6 giây rồi gọi lại.');
    const view = await o.t.must('queue.console', { counterNumber: 1 }, o.clerk1);
    // 10 s after the call (the test clock also advances by the few milliseconds the calls take).
    const allowedAt = Date.parse(view.recallAllowedAt ?? '');
    expect(allowedAt - Date.parse('2025-03-10T08:10:10+07:00')).toBeGreaterThanOrEqual(0);
    expect(allowedAt - Date.parse('2025-03-10T08:10:10+07:00')).toBeLessThan(1000);
    o.at('2025-03-10T08:10:10');
    const again = await o.t.must('queue.recall', { counterNumber: 1, ticketId: t.id }, o.clerk1);
    expect(again.callCount).toBe(2);
    expect(again.calledAt?.slice(11, 19)).toBe('08:10:00');
    expect(again.lastCalledAt?.slice(11, 19)).toBe('08:10:10');
    const called = events.filter((e) => e.type === 'queue.called').map((e) => e.payload);
    expect(called).toEqual([
      { ticketNumber: 'A001', counterNumber: 1, groupName: 'Hộ tịch', at: expect.stringMatching(/^2025-03-10T08:10:00/), recall: false },
      { ticketNumber: 'A001', counterNumber: 1, groupName: 'Hộ tịch', at: expect.stringMatching(/^2025-03-10T08:10:10/), recall: true },
    ]);
    o.at('2025-03-10T08:10:15');
    expect((await o.t.call('queue.recall', { counterNumber: 1, ticketId: t.id }, o.clerk1)).ok).toBe(false);
  });

  it('marks a no-show, and a late citizen can still be called by choice', async () => {
    const o = await open();
    const a = await o.group({ name: 'Hộ tịch', prefix: 'A' });
    await o.counter(1, [a.id]);
    await o.counter(2, [a.id]);
    await o.issue(a.id);
    await o.issue(a.id);
    const t = await o.t.must('queue.callNext', { counterNumber: 1 }, o.clerk1);
    const ns = await o.t.must('queue.noShow', { counterNumber: 1, ticketId: t.id }, o.clerk1);
    expect(ns.state).toBe('no_show');
    // No-show again: nothing to do, and counter 2 cannot act on counter 1's ticket.
    expect((await o.t.call('queue.noShow', { counterNumber: 1, ticketId: t.id }, o.clerk1)).ok).toBe(false);
    const next = await o.t.must('queue.callNext', { counterNumber: 1 }, o.clerk1);
    expect(next.code).toBe('A002');
    expect((await o.t.call('queue.start', { counterNumber: 2, ticketId: next.id }, o.clerk2)).ok).toBe(false);
    const late = await o.t.must('queue.callTicket', { counterNumber: 2, ticketId: t.id }, o.clerk2);
    expect(late).toMatchObject({ code: 'A001', state: 'called', counterNumber: 2, callCount: 2, clerkName: 'Phạm Văn Quầy Hai' });
    const log = o.t.core.app.db.prepare('SELECT from_state, to_state, counter_number FROM queue_ticket_log WHERE ticket_id = ? ORDER BY id').all(t.id);
    expect(log).toEqual([
      { from_state: null, to_state: 'waiting', counter_number: null },
      { from_state: 'waiting', to_state: 'called', counter_number: 1 },
      { from_state: 'called', to_state: 'no_show', counter_number: 1 },
      { from_state: 'no_show', to_state: 'called', counter_number: 2 },
    ]);
  });

  it('transfers to another group keeping the number, ahead of later tickets', async () => {
    const o = await open();
    const a = await o.group({ name: 'Hộ tịch', prefix: 'A' });
    const b = await o.group({ name: 'Chứng thực', prefix: 'B' });
    await o.counter(1, [a.id]);
    await o.counter(2, [b.id]);
    const a1 = await o.issue(a.id);
    o.at('2025-03-10T08:05:00');
    await o.issue(b.id); // B001, issued after A001
    o.at('2025-03-10T08:10:00');
    await o.t.must('queue.callNext', { counterNumber: 1 }, o.clerk1);
    await o.t.must('queue.start', { counterNumber: 1, ticketId: a1.id }, o.clerk1);
    o.at('2025-03-10T08:12:00');
    const moved = await o.t.must('queue.transfer', { counterNumber: 1, ticketId: a1.id, toGroupId: b.id }, o.clerk1);
    expect(moved).toMatchObject({ code: 'A001', groupId: b.id, state: 'waiting', transferredFrom: a1.id, targetCounter: null });
    expect(moved.queuedAt.slice(11, 16)).toBe('08:12');
    expect((await o.t.must('queue.ticket', { ticketId: a1.id }, o.clerk1)).state).toBe('transferred');
    // Counter 1 is free again; counter 2 gets A001 before B001 (it was issued earlier).
    expect((await o.t.must('queue.console', { counterNumber: 1 }, o.clerk1)).current).toBeNull();
    const c2 = await o.t.must('queue.console', { counterNumber: 2 }, o.clerk2);
    expect(c2.waiting.map((t) => t.code)).toEqual(['A001', 'B001']);
    expect((await o.t.must('queue.callNext', { counterNumber: 2 }, o.clerk2)).code).toBe('A001');
  });

  it('transfers to one particular counter, which takes it first; others cannot call it', async () => {
    const o = await open();
    const a = await o.group({ name: 'Hộ tịch', prefix: 'A' });
    await o.counter(1, [a.id]);
    await o.counter(2, [a.id]);
    await o.counter(3, [a.id]);
    const a1 = await o.issue(a.id);
    await o.issue(a.id); // A002
    await o.t.must('queue.callNext', { counterNumber: 1 }, o.clerk1);
    const moved = await o.t.must('queue.transfer', { counterNumber: 1, ticketId: a1.id, toCounterNumber: 3 }, o.clerk1);
    expect(moved.targetCounter).toBe(3);
    const viaOther = await o.t.call('queue.callTicket', { counterNumber: 2, ticketId: moved.id }, o.clerk2);
    expect(viaOther.ok || viaOther.error.message).toBe('Số A001 đã được chuyển đến quầy 3.');
    expect((await o.t.must('queue.callNext', { counterNumber: 2 }, o.clerk2)).code).toBe('A002');
    expect((await o.t.must('queue.callNext', { counterNumber: 3 }, o.clerk2)).id).toBe(moved.id);
    const same = await o.t.call('queue.transfer', { counterNumber: 3, ticketId: moved.id, toCounterNumber: 3 }, o.clerk2);
    expect(same.ok).toBe(false);
    const both = await o.t.call('queue.transfer', { counterNumber: 3, ticketId: moved.id, toCounterNumber: 1, toGroupId: a.id }, o.clerk2);
    expect(both.ok || both.error.code).toBe('VALIDATION');
  });

  it('links the ticket being served to a dossier code, validating its shape', async () => {
    const o = await open();
    const a = await o.group({ name: 'Hộ tịch', prefix: 'A' });
    await o.counter(1, [a.id]);
    const w = await o.issue(a.id);
    const early = await o.t.call('queue.linkDossier', { ticketId: w.id, dossierCode: '000.00.06.H56-250310-0001' }, o.clerk1);
    expect(early.ok).toBe(false);
    await o.t.must('queue.callNext', { counterNumber: 1 }, o.clerk1);
    const bad = await o.t.call('queue.linkDossier', { ticketId: w.id, dossierCode: 'HS-123' }, o.clerk1);
    expect(bad.ok || bad.error.message).toContain('Mã hồ sơ không đúng dạng');
    const linked = await o.t.must('queue.linkDossier', { ticketId: w.id, dossierCode: '000.00.06.H56-250310-0001' }, o.clerk1);
    expect(linked.dossierCode).toBe('000.00.06.H56-250310-0001');
  });

  it('a supervisor cancels a waiting ticket; a clerk may not', async () => {
    const o = await open();
    const a = await o.group({ name: 'Hộ tịch', prefix: 'A' });
    const w = await o.issue(a.id);
    expect((await o.t.call('queue.cancel', { ticketId: w.id }, o.clerk1)).ok).toBe(false);
    expect((await o.t.must('queue.cancel', { ticketId: w.id }, o.supervisor)).state).toBe('cancelled');
    expect((await o.t.call('queue.cancel', { ticketId: w.id }, o.supervisor)).ok).toBe(false);
  });

  it('the board shows codes and counts only, and its events carry no personal data', async () => {
    const o = await open();
    const a = await o.group({ name: 'Hộ tịch', prefix: 'A' });
    await o.counter(1, [a.id], 'Hộ tịch 1');
    await o.counter(2, [a.id], 'Hộ tịch 2');
    const events: AppEvent[] = [];
    o.t.core.app.events.subscribe((e) => events.push(e));
    for (let i = 0; i < 4; i++) await o.issue(a.id);
    const t1 = await o.t.must('queue.callNext', { counterNumber: 1 }, o.clerk1);
    await o.t.must('queue.linkDossier', { ticketId: t1.id, dossierCode: '000.00.06.H56-250310-0001' }, o.clerk1);
    o.at('2025-03-10T08:00:30');
    await o.t.must('queue.callNext', { counterNumber: 2 }, o.clerk2);
    const board = await o.t.must('queue.board', {}, o.clerk1);
    expect(board.counters).toEqual([
      { number: 1, name: 'Hộ tịch 1', code: 'A001', state: 'called', groupName: 'Hộ tịch', calledAt: expect.any(String) },
      { number: 2, name: 'Hộ tịch 2', code: 'A002', state: 'called', groupName: 'Hộ tịch', calledAt: expect.any(String) },
    ]);
    expect(board.lastCalls.map((c) => `${c.code}@${c.counterNumber}`)).toEqual(['A002@2', 'A001@1']);
    expect(board.waiting).toEqual([{ groupId: a.id, name: 'Hộ tịch', prefix: 'A', waiting: 2 }]);
    const text = JSON.stringify([board, events]);
    for (const personal of ['Trần Thị Cán Bộ', 'Phạm Văn Quầy Hai', 'canbo', '000.00.06.H56-250310-0001']) expect(text).not.toContain(personal);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['queue.changed', 'queue.called']));
  });
});
