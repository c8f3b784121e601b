import { describe, expect, it } from 'vitest';
import { FaultInjector, seededRng } from '../../support/provincial-double/faults';

const api = (seq: number, service = 'DongBoHoSoMC') => ({ seq, path: '/api', service });

describe('FaultInjector rules', () => {
  it('skips, then fires the given number of times, then stops', () => {
    const f = new FaultInjector(1);
    f.inject({ kind: 'http5xx', skip: 2, times: 2 });
    const kinds = [1, 2, 3, 4, 5].map((s) => f.pick(api(s))?.kind ?? null);
    expect(kinds).toEqual([null, null, 'http5xx', 'http5xx', null]);
    expect(f.fired.map((x) => x.requestSeq)).toEqual([3, 4]);
  });

  it('matches on path and service only', () => {
    const f = new FaultInjector(1);
    f.inject({ kind: 'slow', service: 'CapNhatTienDoHoSoMC' });
    f.inject({ kind: 'http429', path: '/auth' });
    expect(f.pick(api(1))).toBeUndefined();
    expect(f.pick({ seq: 2, path: '/auth' })?.kind).toBe('http429');
    expect(f.pick(api(3, 'CapNhatTienDoHoSoMC'))?.kind).toBe('slow');
  });

  it('lets the first rule that fires win', () => {
    const f = new FaultInjector(1);
    f.inject({ kind: 'internalError' });
    f.inject({ kind: 'rateLimitCode' });
    expect([1, 2, 3].map((s) => f.pick(api(s))?.kind ?? null)).toEqual(['internalError', 'rateLimitCode', null]);
  });

  it('fires by probability, the same way for the same seed', () => {
    const run = (seed: number) => {
      const f = new FaultInjector(seed);
      f.inject({ kind: 'dropAfterCommit', probability: 0.3 });
      return Array.from({ length: 200 }, (_, i) => (f.pick(api(i)) ? 1 : 0)).join('');
    };
    expect(run(5)).toBe(run(5));
    expect(run(5)).not.toBe(run(6));
    const hits = [...run(5)].filter((c) => c === '1').length;
    expect(hits).toBeGreaterThan(35);
    expect(hits).toBeLessThan(85);
  });

  it('refuses a probability outside [0, 1]', () => {
    expect(() => new FaultInjector().inject({ kind: 'http5xx', probability: 1.5 })).toThrow(RangeError);
  });

  it('seededRng stays in [0, 1)', () => {
    const r = seededRng(123);
    for (let i = 0; i < 1000; i++) {
      const v = r();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });
});
