import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  classify,
  parseRetryAfter,
  type Disposition,
  type Outcome,
} from '../../../src/main/sync/provincial-outcome';
import type { ProvincialErrorCode } from '../../../src/shared/sync/provincial-types';
import { seededRng } from '../../support/provincial-double/faults';

describe('classify', () => {
  // The contract's table, "what the client does", one row per code.
  const table: Array<[ProvincialErrorCode, Disposition]> = [
    ['0', 'done'],
    ['-1', 'fatal-config'],
    ['-2', 'reauth'],
    ['-3', 'exists'],
    ['-4', 'not-found'],
    ['-5', 'park'],
    ['-6', 'fatal-config'],
    ['-7', 'retry'],
    ['-8', 'conflict'],
    ['-9', 'retry'],
  ];
  it.each(table)('error_code %s → %s', (code, expected) => {
    expect(classify({ kind: 'app', errorCode: code, message: '' })).toBe(expected);
  });

  const transport: Array<[string, Outcome, Disposition]> = [
    ['network error', { kind: 'network', message: '' }, 'retry'],
    ['timeout', { kind: 'timeout', message: '' }, 'retry'],
    ['malformed answer', { kind: 'malformed', message: '' }, 'retry'],
    ['HTTP 500', { kind: 'http', status: 500, message: '' }, 'retry'],
    ['HTTP 502', { kind: 'http', status: 502, message: '' }, 'retry'],
    ['HTTP 503', { kind: 'http', status: 503, message: '' }, 'retry'],
    ['HTTP 504', { kind: 'http', status: 504, message: '' }, 'retry'],
    ['HTTP 429', { kind: 'http', status: 429, retryAfterSec: 30, message: '' }, 'retry'],
    ['HTTP 408', { kind: 'http', status: 408, message: '' }, 'retry'],
    ['HTTP 413', { kind: 'http', status: 413, message: '' }, 'park'],
    ['HTTP 404 (wrong base URL)', { kind: 'http', status: 404, message: '' }, 'fatal-config'],
    ['HTTP 401 (a proxy wants credentials)', { kind: 'http', status: 401, message: '' }, 'fatal-config'],
  ];
  it.each(transport)('%s → %s', (_label, outcome, expected) => {
    expect(classify(outcome)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 6, 14, 2, 0, 0);
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Mon, 14 Jul 2025 02:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Mon, 14 Jul 2025 01:00:00 GMT', now)).toBe(0);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  const fixed = (v: number) => () => v;

  it('doubles the nominal delay per attempt, between half and all of it', () => {
    expect(backoffDelay(0, undefined, fixed(0))).toBe(500);
    expect(backoffDelay(0, undefined, fixed(0.999999))).toBe(1000);
    expect(backoffDelay(3, undefined, fixed(0))).toBe(4000);
    expect(backoffDelay(3, undefined, fixed(0.999999))).toBe(8000);
  });

  it('caps the delay, even after very many attempts', () => {
    expect(backoffDelay(10, undefined, fixed(0.999999))).toBe(300_000);
    expect(backoffDelay(10_000, undefined, fixed(0))).toBe(150_000);
    expect(backoffDelay(5, undefined, fixed(0.999999), { baseMs: 100, capMs: 2000 })).toBe(2000);
  });

  it('spreads counters that failed together (seeded jitter)', () => {
    const rng = seededRng(99);
    const delays = Array.from({ length: 50 }, () => backoffDelay(4, undefined, rng));
    expect(new Set(delays).size).toBeGreaterThan(40);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(8000);
      expect(d).toBeLessThanOrEqual(16_000);
    }
  });

  it('never comes back before Retry-After, but keeps backing off when that is longer', () => {
    expect(backoffDelay(0, 30, fixed(0))).toBe(30_000);
    expect(backoffDelay(0, 30, fixed(0.5))).toBeGreaterThan(30_000);
    expect(backoffDelay(0, 30, fixed(0.5))).toBeLessThanOrEqual(31_000);
    expect(backoffDelay(8, 2, fixed(0))).toBe(128_000);
  });

  it('bounds a bogus Retry-After', () => {
    expect(backoffDelay(0, 10 ** 9, fixed(0))).toBe(3_600_000);
  });
});
