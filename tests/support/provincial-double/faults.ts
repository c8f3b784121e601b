/**
 * Fault injection for the provincial server double. Rules pick requests either by count
 * (skip N matching requests, then hit M) or by probability drawn from a seeded generator,
 * so a "random" failure run replays exactly with the same seed and request sequence.
 *
 * What each kind does to a request:
 * - `dropAfterCommit`: the request is applied, then the socket is destroyed with no answer.
 * - `http5xx`: answered with `status` (default 503) before anything is applied.
 * - `http429`: answered 429 with `Retry-After: retryAfterSec` before anything is applied.
 * - `slow`: applied at once, but the answer is held back `delayMs` (default 30 s) by a server
 *   timer, as a server stuck after committing would; a client that timed out never sees it.
 * - `expireSession`: every session is forgotten first (a restart), then the request runs.
 * - `rateLimitCode`: answered 200 with `error_code` `"-7"`, nothing applied.
 * - `internalError`: answered 200 with `error_code` `"-9"`, nothing applied.
 * - `malformedAnswer`: answered 200 with an HTML page, nothing applied (a proxy's error page).
 */

export type FaultKind =
  | 'dropAfterCommit'
  | 'http5xx'
  | 'http429'
  | 'slow'
  | 'expireSession'
  | 'rateLimitCode'
  | 'internalError'
  | 'malformedAnswer';

export interface FaultSpec {
  kind: FaultKind;
  /** Only requests to this path (`/auth` or `/api`); any path when absent. */
  path?: '/auth' | '/api';
  /** Only `/api` calls of this service. */
  service?: string;
  /** Let this many matching requests through before the rule can fire. */
  skip?: number;
  /** Fire at most this many times (default 1, or unlimited with `probability`). */
  times?: number;
  /** Fire on each matching request with this chance, drawn from the seeded generator. */
  probability?: number;
  /** `http5xx`: status to answer (default 503). */
  status?: number;
  /** `http429`: seconds in `Retry-After` (default 1). */
  retryAfterSec?: number;
  /** `slow`: how long the answer is held (default 30 000 ms). */
  delayMs?: number;
}

export interface FaultRule extends FaultSpec {
  /** How many times this rule has fired. */
  hits: number;
  /** Matching requests it has let through while skipping. */
  skipped: number;
}

export interface FiredFault {
  kind: FaultKind;
  requestSeq: number;
  path: string;
  service?: string;
}

/** mulberry32: tiny, fast, and good enough to decide which request fails. */
export function seededRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  readonly fired: FiredFault[] = [];
  private rules: FaultRule[] = [];
  private rng: () => number;

  constructor(seed = 1) {
    this.rng = seededRng(seed);
  }

  /** Add a rule; rules are tried in the order added and the first that fires wins. */
  inject(spec: FaultSpec): FaultRule {
    if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) {
      throw new RangeError(`probability phải trong [0, 1]: ${spec.probability}`);
    }
    const rule: FaultRule = { ...spec, hits: 0, skipped: 0 };
    this.rules.push(rule);
    return rule;
  }

  /** Remove every rule (the log of fired faults stays). */
  clear(): void {
    this.rules = [];
  }

  /** Restart the generator, e.g. to replay a run. */
  reseed(seed: number): void {
    this.rng = seededRng(seed);
  }

  /** The fault for this request, if any rule fires. Called once per request by the server. */
  pick(req: { seq: number; path: string; service?: string }): FaultRule | undefined {
    for (const rule of this.rules) {
      if (rule.path !== undefined && rule.path !== req.path) continue;
      if (rule.service !== undefined && (req.path !== '/api' || rule.service !== req.service)) continue;
      const limit = rule.times ?? (rule.probability === undefined ? 1 : Infinity);
      if (rule.hits >= limit) continue;
      if (rule.skipped < (rule.skip ?? 0)) {
        rule.skipped += 1;
        continue;
      }
      if (rule.probability !== undefined && this.rng() >= rule.probability) continue;
      rule.hits += 1;
      this.fired.push({ kind: rule.kind, requestSeq: req.seq, path: req.path, service: req.service });
      return rule;
    }
    return undefined;
  }
}
