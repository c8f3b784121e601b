import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { average, percentile, pickNext, priorityDue, type GroupPolicy, type WaitingCandidate } from '../../../src/main/queue/call-order';
import { formatDuration, formatTicketCode } from '../../../src/shared/queue/queue-labels';

const at = (min: number) => `2025-03-10T08:${String(min).padStart(2, '0')}:00.000+07:00`;
const c = (id: string, groupId: string, min: number, priority = false, targetCounter: number | null = null): WaitingCandidate => ({ id, groupId, priority, issuedAt: at(min), targetCounter });
const strict: GroupPolicy = { mode: 'strict', every: 3, ordinarySincePriority: null };
const inter = (since: number | null, every = 3): GroupPolicy => ({ mode: 'interleave', every, ordinarySincePriority: since });

describe('pickNext', () => {
  it('strict: the oldest priority ticket before any ordinary one', () => {
    const pick = pickNext(1, [c('n1', 'A', 1), c('p1', 'A', 5, true), c('p0', 'A', 3, true)], new Map([['A', strict]]));
    expect(pick?.id).toBe('p0');
  });

  it('interleave: priority when N−1 ordinary calls happened since the last priority call', () => {
    const waiting = [c('n1', 'A', 1), c('p1', 'A', 2, true)];
    expect(pickNext(1, waiting, new Map([['A', inter(0)]]))?.id).toBe('n1');
    expect(pickNext(1, waiting, new Map([['A', inter(1)]]))?.id).toBe('n1');
    expect(pickNext(1, waiting, new Map([['A', inter(2)]]))?.id).toBe('p1');
    expect(pickNext(1, waiting, new Map([['A', inter(null)]]))?.id).toBe('p1');
    expect(pickNext(1, waiting, new Map([['A', inter(3, 5)]]))?.id).toBe('n1');
  });

  it('interleave: with one kind waiting, takes it', () => {
    expect(pickNext(1, [c('p1', 'A', 2, true)], new Map([['A', inter(0)]]))?.id).toBe('p1');
    expect(pickNext(1, [c('n1', 'A', 2)], new Map([['A', inter(null)]]))?.id).toBe('n1');
  });

  it('a ticket transferred to this counter comes first; one sent to another counter is not ours', () => {
    const waiting = [c('p1', 'A', 1, true), c('mine', 'B', 9, false, 1), c('theirs', 'A', 0, true, 2)];
    const policies = new Map([['A', strict]]);
    expect(pickNext(1, waiting, policies)?.id).toBe('mine');
    expect(pickNext(1, waiting.filter((x) => x.id !== 'mine'), policies)?.id).toBe('p1');
    expect(pickNext(3, [c('theirs', 'A', 0, true, 2)], policies)).toBeNull();
  });

  it('across groups: priority heads first, then the oldest head', () => {
    const policies = new Map([
      ['A', strict],
      ['B', inter(0)],
    ]);
    // B's priority ticket is not due (interleave), so B proposes its ordinary ticket.
    const waiting = [c('a1', 'A', 5), c('b1', 'B', 1), c('bp', 'B', 0, true)];
    expect(pickNext(1, waiting, policies)?.id).toBe('b1');
    expect(pickNext(1, [...waiting, c('ap', 'A', 9, true)], policies)?.id).toBe('ap');
  });

  it('never picks a ticket of a group the counter does not serve, and picks one when there is one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ g: fc.constantFrom('A', 'B', 'C'), min: fc.integer({ min: 0, max: 59 }), p: fc.boolean(), target: fc.constantFrom(null, 1, 2) }), { maxLength: 30 }),
        fc.constantFrom<GroupPolicy>(strict, inter(0), inter(1), inter(null)),
        (rows, policy) => {
          const waiting = rows.map((r, i) => c(`t${i}`, r.g, r.min, r.p, r.target));
          const policies = new Map([
            ['A', policy],
            ['B', policy],
          ]);
          const pick = pickNext(1, waiting, policies);
          const eligible = waiting.filter((w) => w.targetCounter === 1 || (w.targetCounter === null && w.groupId !== 'C'));
          if (!eligible.length) return pick === null;
          return pick !== null && eligible.includes(pick);
        },
      ),
    );
  });

  it('priorityDue', () => {
    expect(priorityDue(strict)).toBe(true);
    expect(priorityDue(inter(1, 2))).toBe(true);
    expect(priorityDue(inter(0, 2))).toBe(false);
  });
});

describe('figures', () => {
  it('p90 by nearest rank and the average', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([240, 360, 660, 720], 90)).toBe(720);
    expect(percentile([5, 1, 4, 2, 3, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(average([600, 300, 420])).toBe(440);
    expect(average([])).toBeNull();
  });

  it('ticket codes line up per group; durations read m:ss', () => {
    expect(formatTicketCode('A', 15, 999)).toBe('A015');
    expect(formatTicketCode('B', 15, 9999)).toBe('B0015');
    expect(formatTicketCode('C', 1234, 9999)).toBe('C1234');
    expect(formatDuration(245)).toBe('4:05');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(null)).toBe('–');
  });
});
