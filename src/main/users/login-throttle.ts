import crypto from 'node:crypto';

/**
 * Exponential back-off for failed logins, per account and per source address. The first
 * {@link FREE_FAILURES} failures cost nothing; each one after that closes the door for twice as long as
 * the previous one (30 s, 1 min, 2 min … at most {@link MAX_DELAY_MS}). Unlike a fixed lock that an
 * attacker renews with five guesses every 15 minutes, a guesser only slows themselves down, and the
 * host PC's own console is never held back by the account's count (see users-service login()).
 */
export const FREE_FAILURES = 5;
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;
/** A source or unknown name that stayed quiet this long starts again from zero. */
const FORGET_AFTER_MS = 60 * 60_000;
const MAX_TRACKED = 10_000;

export function backoffDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

interface Entry { failures: number; until: number; last: number }

/** In-memory counters (source addresses, and names that are not accounts: no row to keep them in). */
export class BackoffTable {
  private readonly entries = new Map<string, Entry>();
  private get(key: string, now: number): Entry | undefined {
    const e = this.entries.get(key);
    if (e && now - e.last > FORGET_AFTER_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }
  /** Milliseconds until the next attempt is allowed (0 = now). */
  waitMs(key: string, now: number): number {
    const e = this.get(key, now);
    return e ? Math.max(0, e.until - now) : 0;
  }
  fail(key: string, now: number): number {
    const failures = (this.get(key, now)?.failures ?? 0) + 1;
    if (this.entries.size >= MAX_TRACKED) this.entries.clear();
    this.entries.set(key, { failures, until: now + backoffDelayMs(failures), last: now });
    return failures;
  }
  clear(key: string): void {
    this.entries.delete(key);
  }
}

/** What the audit log keeps of a name that is not an account: a short hash, never the text (it may be an ID number or a password). */
export function usernameHash(username: string): string {
  return crypto.createHash('sha256').update(`motcua-login:${username}`).digest('hex').slice(0, 16);
}
