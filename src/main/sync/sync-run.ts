/** What the push and pull phases of a sync run share: the client, the retry policy, the counters. */
import type { AppContext } from '../app/app-context';
import type { ProvincialClient, ProvincialResult } from './provincial-client';

/** The server refused the body as too large (HTTP 413): split the batch, or park a lone item. */
export const TOO_LARGE = Symbol('too-large');
export type TooLarge = typeof TOO_LARGE;

/** Ends a run early: the server stays unreachable, the configuration is wrong, or the worker stops. */
export class RunStop extends Error {
  constructor(
    readonly kind: 'offline' | 'config' | 'stopped',
    message: string,
  ) {
    super(message);
    this.name = 'RunStop';
  }
}

export interface RunCounts {
  pushed: number;
  pulled: number;
  parked: number;
  /** Entries left pending by a per-item "try later" answer; the run makes another pass for them. */
  deferred: number;
}

export interface RunContext {
  app: AppContext;
  client: ProvincialClient;
  /** Items per batch call (≤ 50). */
  batchSize: number;
  /** Dossiers per change-feed page (≤ 200). */
  feedPageSize: number;
  counts: RunCounts;
  /**
   * Sends one request with the run's policy: "try later" outcomes are retried with backoff (the very
   * same request, so its change keys make the repeat safe) until the run's failure budget is spent,
   * which stops the run as offline; configuration errors stop it at once.
   * `onRetry` lets the caller note the failed attempt on its outbox entries.
   */
  exchange<T>(call: () => Promise<ProvincialResult<T>>, onRetry?: (message: string) => void): Promise<T | TooLarge>;
  /** Reports progress (throttled by the caller of the events). */
  progress(phase: string, message?: string): void;
  /** Marks `n` outbox entries as handled for the progress bar. */
  handled(n: number): void;
  /** Throws RunStop('stopped') once the worker is stopping. */
  checkStopped(): void;
  /** The office's receiving point name, sent as the department of counter steps. */
  receivingPoint: string;
}
