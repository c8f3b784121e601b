/**
 * What a call to the provincial server can end in, and what the sync worker should do about
 * it. The decision table is the contract's (`provincial-api.md`, "Calling a service") plus
 * the transport rules: a 5xx, a 429, a timeout or a broken connection says nothing about
 * whether the change was applied, so they are all "send the same thing again later".
 */
import type { ProvincialErrorCode } from '../../shared/sync/provincial-types';

export type Outcome =
  /** No answer at all: refused connection, reset, DNS, socket destroyed by the server. */
  | { kind: 'network'; message: string }
  /** No complete answer within the client's timeout. */
  | { kind: 'timeout'; message: string }
  /** An HTTP status other than 200. `retryAfterSec` comes from `Retry-After` (429, sometimes 503). */
  | { kind: 'http'; status: number; retryAfterSec?: number; message: string }
  /** A 200 whose body is not JSON or does not match the contract. */
  | { kind: 'malformed'; message: string }
  /** The server processed the request; `errorCode` is the contract's code (whole call or one item). */
  | { kind: 'app'; errorCode: ProvincialErrorCode; message: string };

export type Disposition =
  /** Send the same request again after a backoff (same MaThayDoi: the server makes it safe). */
  | 'retry'
  /** Authenticate again, then repeat. */
  | 'reauth'
  /** Not sendable as it is: a person must fix the item; other items go on. */
  | 'park'
  /** `-8`: merge with the server's copy (`HoSoHienTai`), then send again with the new base version. */
  | 'conflict'
  /** `-3` on create: the dossier is there; continue as an update. */
  | 'exists'
  /** `-4`: create the dossier first. */
  | 'not-found'
  /** `-1`, `-6`, or an HTTP answer that means a wrong address: stop syncing and tell the administrator. */
  | 'fatal-config'
  /** `0`. */
  | 'done';

const BY_CODE: Record<ProvincialErrorCode, Disposition> = {
  '0': 'done',
  '-1': 'fatal-config',
  '-2': 'reauth',
  '-3': 'exists',
  '-4': 'not-found',
  '-5': 'park',
  '-6': 'fatal-config',
  '-7': 'retry',
  '-8': 'conflict',
  '-9': 'retry',
};

/**
 * The worker's next step for an outcome.
 *
 * `413` is `park`: the same body will never fit. A worker holding several items should first
 * split the batch and only park an item that is too large on its own.
 * Other 4xx (404, 405, 415…) mean the base URL or a proxy is wrong, which no retry fixes.
 * A malformed 200 is `retry`: it is typically a captive portal or a proxy error page.
 */
export function classify(outcome: Outcome): Disposition {
  switch (outcome.kind) {
    case 'network':
    case 'timeout':
    case 'malformed':
      return 'retry';
    case 'http':
      if (outcome.status >= 500 || outcome.status === 429 || outcome.status === 408) return 'retry';
      if (outcome.status === 413) return 'park';
      return 'fatal-config';
    case 'app':
      return BY_CODE[outcome.errorCode];
  }
}

/**
 * Seconds to wait from a `Retry-After` header: delta-seconds, or an HTTP date (relative to
 * `nowMs`). Undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  if (header == null) return undefined;
  const s = header.trim();
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '' || !/[a-z]/i.test(s)) return undefined;
  const at = Date.parse(s);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

export interface BackoffOptions {
  /** Delay scale of the first retry (ms). */
  baseMs?: number;
  /** Longest delay we choose ourselves (ms). */
  capMs?: number;
  /** Longest delay we accept from a server's Retry-After (ms), against a bogus header. */
  maxRetryAfterMs?: number;
}

/**
 * Delay before retry number `attempt` (0 for the first retry): exponential, with "equal
 * jitter" (half fixed, half random) so that counters which lost the server together do not
 * come back together, yet each waits at least half the nominal delay.
 * A server's `Retry-After` is a floor: we never come back earlier than asked.
 * @param rng returns a number in [0, 1); inject a seeded one in tests.
 */
export function backoffDelay(
  attempt: number,
  retryAfterSec: number | undefined,
  rng: () => number,
  options: BackoffOptions = {},
): number {
  const base = options.baseMs ?? 1000;
  const cap = options.capMs ?? 5 * 60_000;
  const maxRetryAfter = options.maxRetryAfterMs ?? 60 * 60_000;
  const n = Math.max(0, Math.floor(attempt));
  const nominal = Math.min(cap, base * 2 ** Math.min(n, 30));
  const jittered = Math.round(nominal / 2 + rng() * (nominal / 2));
  if (retryAfterSec === undefined || !(retryAfterSec >= 0)) return jittered;
  const floor = Math.min(maxRetryAfter, retryAfterSec * 1000);
  // A little jitter on top of the floor too, so a whole office does not return on the same tick.
  return Math.max(jittered, Math.round(floor + rng() * Math.min(1000, floor * 0.1)));
}
