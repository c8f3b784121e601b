import type { PriorityMode } from '../../shared/queue/queue-labels';

/**
 * Which waiting ticket "call next" takes at a counter. Pure, so the rules are tested on their own.
 *
 * 1. A ticket transferred to this very counter comes first (the citizen was already served once).
 * 2. Tickets transferred to another counter are not this counter's to call.
 * 3. Each group the counter serves proposes its head:
 *    - strict: the oldest priority ticket, else the oldest ordinary one;
 *    - interleave N: one priority ticket every N calls of the group, i.e. a priority ticket when
 *      at least N−1 ordinary tickets were called since the group's last priority call (or no
 *      priority ticket has been called yet today), otherwise the oldest ordinary ticket;
 *      with only one kind waiting, that kind.
 * 4. Among the groups' heads, priority heads go before ordinary ones; then the oldest first.
 */
export interface WaitingCandidate {
  id: string;
  groupId: string;
  priority: boolean;
  /** Original issue time (ISO, same offset everywhere, so string order is time order). */
  issuedAt: string;
  targetCounter: number | null;
}

export interface GroupPolicy {
  mode: PriorityMode;
  every: number;
  /** Ordinary tickets of the group called since its last priority call today; null if no priority call yet today. */
  ordinarySincePriority: number | null;
}

const older = (a: WaitingCandidate, b: WaitingCandidate): number => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : a.id < b.id ? -1 : 1);

export function priorityDue(policy: GroupPolicy): boolean {
  if (policy.mode === 'strict') return true;
  return policy.ordinarySincePriority === null || policy.ordinarySincePriority >= policy.every - 1;
}

export function pickNext(counterNumber: number, candidates: readonly WaitingCandidate[], policies: ReadonlyMap<string, GroupPolicy>): WaitingCandidate | null {
  const mine = candidates.filter((c) => c.targetCounter === counterNumber).sort(older);
  if (mine.length) return mine[0];
  const heads: { c: WaitingCandidate; asPriority: boolean }[] = [];
  for (const [groupId, policy] of policies) {
    const open = candidates.filter((c) => c.groupId === groupId && c.targetCounter === null).sort(older);
    const prio = open.find((c) => c.priority);
    const ordinary = open.find((c) => !c.priority);
    if (prio && (!ordinary || priorityDue(policy))) heads.push({ c: prio, asPriority: true });
    else if (ordinary) heads.push({ c: ordinary, asPriority: false });
  }
  heads.sort((a, b) => (a.asPriority !== b.asPriority ? (a.asPriority ? -1 : 1) : older(a.c, b.c)));
  return heads[0]?.c ?? null;
}

/** Nearest-rank percentile of numbers (p in 0–100); null for an empty list. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function average(values: readonly number[]): number | null {
  if (!values.length) return null;
  return values.reduce((s, v) => s + v, 0) / values.length;
}
