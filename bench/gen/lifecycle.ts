/**
 * What happens to a generated dossier after it is received: transfer to the processing officer,
 * sometimes a supplement round, a result (usually on time), the citizen collecting it — or a
 * withdrawal, a stop, or a dossier that got stuck and is long overdue. Steps after the end of
 * the history have not happened yet, so recent dossiers are still open.
 */
import type { DossierStatus } from '../../src/shared/domain/status';
import type { Rng } from './rng';
import type { WorkDays } from './workdays';

export interface PlannedStep {
  action: 'transfer' | 'requestSupplement' | 'supplementReceived' | 'resultReady' | 'returned' | 'withdraw' | 'stop';
  at: number;
  from: DossierStatus;
  to: DossierStatus;
}

export interface Plan {
  steps: PlannedStep[];
  status: DossierStatus;
  /** Supplement round (the due date moves by the waiting time), if any. */
  pause: { from: number; to: number | null } | null;
  finishedAt: number | null;
  returnedAt: number | null;
}

const MINUTE = 60_000;

/**
 * @param received receipt instant (ms)
 * @param dueOf due date (ms) for a given pause, computed by the app's due-date engine
 * @param endMs the end of the history: later steps are dropped
 */
export function planLifecycle(rng: Rng, days: WorkDays, received: number, dueOf: (pause: { from: number; to: number } | null) => number, endMs: number): Plan {
  const steps: PlannedStep[] = [];
  let status: DossierStatus = '2';
  let open = true;
  let last = received;
  const plan: Plan = { steps, status, pause: null, finishedAt: null, returnedAt: null };
  const add = (action: PlannedStep['action'], at: number, to: DossierStatus): boolean => {
    if (!open) return false;
    const t = Math.max(at, last + MINUTE);
    if (t > endMs) {
      open = false;
      return false;
    }
    steps.push({ action, at: t, from: status, to });
    status = to;
    last = t;
    return true;
  };
  const finish = () => {
    plan.status = status;
    return plan;
  };

  const fate = rng.next();
  if (fate < 0.006) {
    add('withdraw', days.later(rng, received, rng.int(0, 2)), '7');
    return finish();
  }
  add('transfer', days.sameDayLater(rng, received, 5, 90), '4');
  if (fate < 0.009) {
    add('stop', days.later(rng, last, rng.int(1, 5)), '8');
    return finish();
  }
  // Stuck at the processing body: no result, no news — the long tail of the overdue list.
  if (fate < 0.0105) return finish();

  let due = dueOf(null);
  if (fate < 0.04) {
    const asked = days.later(rng, last, rng.int(0, 1));
    if (add('requestSupplement', asked, '5')) {
      const back = rng.chance(0.9) ? days.later(rng, asked, rng.int(2, 8)) : null;
      plan.pause = { from: asked, to: null };
      if (back === null || !add('supplementReceived', back, '4')) return finish();
      plan.pause.to = last;
      due = dueOf({ from: asked, to: last });
    }
  }
  const late = rng.chance(0.07);
  const readyAt = late ? days.later(rng, due, rng.int(1, 4)) : Math.max(last + 20 * MINUTE, due - rng.int(5, 240) * MINUTE);
  if (!add('resultReady', readyAt, '9')) return finish();
  plan.finishedAt = last;
  const r = rng.next();
  if (r < 0.02) return finish(); // never collected (yet)
  const lag = r < 0.72 ? rng.int(0, 1) : r < 0.94 ? rng.int(1, 5) : rng.int(5, 25);
  if (add('returned', days.later(rng, last, lag), '10')) plan.returnedAt = last;
  return finish();
}
