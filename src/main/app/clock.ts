/** Injected everywhere time matters, so tests (and the test-mode server) can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at a given instant and can be moved; it also advances with real time. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  constructor(start?: Date) {
    if (start) this.set(start);
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }
}

/** ISO 8601 with the +07:00 offset (Asia/Ho_Chi_Minh has no daylight saving). */
export function isoLocal(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3600_000);
  return t.toISOString().replace('Z', '+07:00');
}
