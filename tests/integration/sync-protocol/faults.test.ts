import { afterEach, describe, expect, it } from 'vitest';
import type { HoSoRequest } from '../../../src/shared/sync/provincial-types';
import { classify, type ProvincialClient } from '../../../src/main/sync/provincial-client';
import { AGENCY, dossier, must, mustFail, startRig, step, type Rig } from './fixtures';

let rig: Rig;
afterEach(async () => {
  await rig.double.close();
});

const big = 'ạ'.repeat(2000); // 6,000 bytes of UTF-8, within the 2,000-character rule

describe('transport failures, classified', () => {
  it('413 for a body over 1 MiB: park (split the batch); nothing applied; smaller batches pass', async () => {
    rig = await startRig();
    const heavy = (): HoSoRequest =>
      dossier({ TaiLieuNop: Array.from({ length: 10 }, () => ({ TenGiayTo: big, SoBanChinh: 1 })) });
    const batch = Array.from({ length: 20 }, heavy);
    expect(Buffer.byteLength(JSON.stringify(batch))).toBeGreaterThan(1024 * 1024);
    const r = mustFail(await rig.client.pushDossiers(false, batch));
    expect(r.outcome).toMatchObject({ kind: 'http', status: 413 });
    expect(r.disposition).toBe('park');
    expect(rig.double.state.allDossiers()).toHaveLength(0);
    for (const half of [batch.slice(0, 10), batch.slice(10)]) {
      expect(must(await rig.client.pushDossiers(false, half)).every((i) => i.error_code === '0')).toBe(true);
    }
    expect(rig.double.state.allDossiers()).toHaveLength(20);
  });

  it('a refused connection is a network failure to retry', async () => {
    rig = await startRig();
    const url = rig.double.url;
    await rig.double.close();
    const r = mustFail(await rig.clientWith({ baseUrl: url }).lookup(`${AGENCY}-250714-0001`));
    expect(r.outcome.kind).toBe('network');
    expect(r.disposition).toBe('retry');
    rig = await startRig(); // for afterEach
  });
});

describe('injected faults, classified by the client', () => {
  it('dropAfterCommit: no answer (retry), the change is in; the repeat applies nothing twice', async () => {
    rig = await startRig();
    const d = dossier();
    rig.double.faults.inject({ kind: 'dropAfterCommit', service: 'DongBoHoSoMC' });
    const lost = mustFail(await rig.client.pushDossiers(false, [d]));
    expect(lost.outcome.kind).toBe('network');
    expect(lost.disposition).toBe('retry');
    expect(rig.double.state.appliedChange(d.MaThayDoi)).toEqual({ service: 'DongBoHoSoMC', maHoSo: d.MaHoSo, phienBan: 1 });

    const [again] = must(await rig.client.pushDossiers(false, [d]));
    expect(again).toMatchObject({ error_code: '0', PhienBan: 1, disposition: 'done' });
    expect(rig.double.state.allDossiers()).toEqual([expect.objectContaining({ MaHoSo: d.MaHoSo, PhienBan: 1 })]);

    const s = step(d.MaHoSo);
    rig.double.faults.inject({ kind: 'dropAfterCommit', service: 'CapNhatTienDoHoSoMC' });
    expect(mustFail(await rig.client.pushProgress([s])).disposition).toBe('retry');
    const [stepAgain] = must(await rig.client.pushProgress([s]));
    expect(stepAgain).toMatchObject({ error_code: '0', PhienBan: 2 });
    expect(rig.double.state.progressSteps(d.MaHoSo)).toHaveLength(1);
    expect(rig.double.state.getDossier(d.MaHoSo)?.PhienBan).toBe(2);
    expect(rig.double.requests.filter((e) => e.status === 'dropped')).toHaveLength(2);
  });

  it('http5xx: retry, nothing applied', async () => {
    rig = await startRig();
    rig.double.faults.inject({ kind: 'http5xx', service: 'DongBoHoSoMC' });
    rig.double.faults.inject({ kind: 'http5xx', service: 'DongBoHoSoMC', status: 502 });
    const d = dossier();
    const first = mustFail(await rig.client.pushDossiers(false, [d]));
    expect(first.outcome).toMatchObject({ kind: 'http', status: 503 });
    expect(first.disposition).toBe('retry');
    const second = mustFail(await rig.client.pushDossiers(false, [d]));
    expect(second.outcome).toMatchObject({ kind: 'http', status: 502 });
    expect(rig.double.state.getDossier(d.MaHoSo)).toBeUndefined();
    expect(must(await rig.client.pushDossiers(false, [d]))[0].PhienBan).toBe(1);
  });

  it('http429: retry after the seconds in Retry-After', async () => {
    rig = await startRig();
    rig.double.faults.inject({ kind: 'http429', retryAfterSec: 7, service: 'DongBoHoSoMC' });
    const d = dossier();
    const r = mustFail(await rig.client.pushDossiers(false, [d]));
    expect(r.outcome).toMatchObject({ kind: 'http', status: 429, retryAfterSec: 7 });
    expect(r.disposition).toBe('retry');
    expect(rig.double.state.getDossier(d.MaHoSo)).toBeUndefined();
  });

  it('slow: the client times out (retry) although the server applied; the repeat is recognised', async () => {
    rig = await startRig({}, { timeoutMs: 300 });
    rig.double.faults.inject({ kind: 'slow', delayMs: 10_000, service: 'DongBoHoSoMC' });
    const d = dossier();
    const r = mustFail(await rig.client.pushDossiers(false, [d]));
    expect(r.outcome.kind).toBe('timeout');
    expect(r.disposition).toBe('retry');
    expect(rig.double.state.getDossier(d.MaHoSo)?.PhienBan).toBe(1);
    const [again] = must(await rig.client.pushDossiers(false, [d]));
    expect(again).toMatchObject({ error_code: '0', PhienBan: 1 });
  });

  it('slow but within the timeout: answered normally', async () => {
    rig = await startRig({}, { timeoutMs: 5000 });
    rig.double.faults.inject({ kind: 'slow', delayMs: 100 });
    expect(must(await rig.client.pushDossiers(false, [dossier()]))[0].error_code).toBe('0');
  });

  it('expireSession mid-run: the client re-authenticates by itself and every change gets in', async () => {
    rig = await startRig();
    rig.double.faults.inject({ kind: 'expireSession', path: '/api', skip: 2 });
    const sent = Array.from({ length: 5 }, () => dossier());
    for (const d of sent) expect(must(await rig.client.pushDossiers(false, [d]))[0].error_code).toBe('0');
    expect(rig.double.requests.filter((e) => e.path === '/auth')).toHaveLength(2);
    expect(rig.double.faults.fired.map((f) => f.kind)).toEqual(['expireSession']);
    expect(rig.double.state.allDossiers()).toHaveLength(5);
  });

  it('rateLimitCode: -7 is retry; internalError: -9 is retry; neither applies anything', async () => {
    rig = await startRig();
    rig.double.faults.inject({ kind: 'rateLimitCode', service: 'DongBoHoSoMC' });
    rig.double.faults.inject({ kind: 'internalError', service: 'DongBoHoSoMC' });
    const d = dossier();
    const limited = mustFail(await rig.client.pushDossiers(false, [d]));
    expect(limited.outcome).toMatchObject({ kind: 'app', errorCode: '-7' });
    expect(limited.disposition).toBe('retry');
    const internal = mustFail(await rig.client.pushDossiers(false, [d]));
    expect(internal.outcome).toMatchObject({ kind: 'app', errorCode: '-9' });
    expect(internal.disposition).toBe('retry');
    expect(rig.double.state.getDossier(d.MaHoSo)).toBeUndefined();
  });

  it('malformedAnswer: an HTML page instead of JSON is a classified failure, not a crash', async () => {
    rig = await startRig();
    rig.double.faults.inject({ kind: 'malformedAnswer', path: '/auth' });
    const r = mustFail(await rig.client.lookup(`${AGENCY}-250714-0001`));
    expect(r.outcome.kind).toBe('malformed');
    expect(r.disposition).toBe('retry');
    expect(must(await rig.client.lookup(`${AGENCY}-250714-0001`))).toBeNull();
  });

  it('probability faults replay identically with the same seed', async () => {
    const pattern = async (seed: number): Promise<string> => {
      rig = await startRig({ seed });
      rig.double.faults.inject({ kind: 'http5xx', probability: 0.5, path: '/api' });
      let out = '';
      for (let i = 0; i < 24; i++) out += (await rig.client.lookup(`${AGENCY}-250714-0001`)).ok ? '.' : 'x';
      await rig.double.close();
      return out;
    };
    const a = await pattern(42);
    const b = await pattern(42);
    const c = await pattern(7);
    expect(a).toBe(b);
    expect(a).toMatch(/x/);
    expect(a).toMatch(/\./);
    expect(c).not.toBe(a);
    rig = await startRig(); // for afterEach
  });
});

/** The minimal loop a sync worker runs: resend until every item is settled, obeying `classify`. */
async function pushUntilSettled(client: ProvincialClient, items: HoSoRequest[]): Promise<{ attempts: number }> {
  let attempts = 0;
  for (let start = 0; start < items.length; start += 10) {
    let pending = items.slice(start, start + 10);
    while (pending.length > 0) {
      attempts += 1;
      if (attempts > 500) throw new Error('no progress');
      const r = await client.pushDossiers(false, pending);
      if (!r.ok) {
        expect(['retry', 'reauth']).toContain(r.disposition);
        continue; // a real worker would wait backoffDelay(...) here
      }
      pending = pending.filter((_, i) => r.value[i].disposition !== 'done');
      expect(r.value.every((i) => ['done', 'retry'].includes(i.disposition))).toBe(true);
    }
  }
  return { attempts };
}

describe('every fault at random', () => {
  it('delivers each change exactly once whatever fails in between', async () => {
    rig = await startRig({ seed: 2025 }, { timeoutMs: 400 });
    const f = rig.double.faults;
    f.inject({ kind: 'dropAfterCommit', probability: 0.2, path: '/api' });
    f.inject({ kind: 'http5xx', probability: 0.15 });
    f.inject({ kind: 'http429', probability: 0.15, retryAfterSec: 1 });
    f.inject({ kind: 'slow', probability: 0.1, delayMs: 5000, path: '/api' });
    f.inject({ kind: 'expireSession', probability: 0.15, path: '/api' });
    f.inject({ kind: 'rateLimitCode', probability: 0.2, path: '/api' });
    f.inject({ kind: 'internalError', probability: 0.25, path: '/api' });
    const items = Array.from({ length: 100 }, () => dossier());
    const { attempts } = await pushUntilSettled(rig.client, items);
    expect(attempts).toBeGreaterThan(10);
    expect(new Set(f.fired.map((x) => x.kind)).size).toBe(7);
    const stored = rig.double.state.allDossiers();
    expect(stored).toHaveLength(100);
    expect(stored.every((h) => h.PhienBan === 1)).toBe(true);
    for (const d of items) expect(rig.double.state.appliedChange(d.MaThayDoi)?.phienBan).toBe(1);
  });
});

describe('answers that break the contract', () => {
  /** A fetch that forwards to the double and rewrites the JSON answer of `/api`. */
  const tampering =
    (edit: (body: Record<string, unknown>) => unknown): typeof fetch =>
    async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).endsWith('/api')) return res;
      const body = (await res.json()) as Record<string, unknown>;
      return new Response(JSON.stringify(edit(body)), { status: res.status, headers: res.headers });
    };

  const cases: Array<[string, (b: Record<string, unknown>) => unknown]> = [
    ['one result too few', (b) => ({ ...b, result: [] })],
    ['a result for another change key', (b) => ({ ...b, result: (b.result as object[]).map((r) => ({ ...r, MaThayDoi: 'khac' })) })],
    ['a version as a string', (b) => ({ ...b, result: (b.result as object[]).map((r) => ({ ...r, PhienBan: '1' })) })],
    ['an unknown error code', (b) => ({ ...b, result: (b.result as object[]).map((r) => ({ ...r, error_code: '-42' })) })],
    ['-8 without HoSoHienTai', (b) => ({ ...b, result: (b.result as object[]).map((r) => ({ ...r, error_code: '-8' })) })],
    ['no error_code at all', () => ({ ok: true })],
    ['a JSON array', () => []],
  ];
  it.each(cases)('%s: malformed, retry', async (_label, edit) => {
    rig = await startRig();
    const client = rig.clientWith({ fetch: tampering(edit) });
    const r = mustFail(await client.pushDossiers(false, [dossier()]));
    expect(r.outcome.kind).toBe('malformed');
    expect(r.outcome.message).toMatch(/máy chủ tỉnh/i);
    expect(r.disposition).toBe(classify(r.outcome));
    expect(r.disposition).toBe('retry');
  });

  it('a feed page with a dossier missing its version is malformed', async () => {
    rig = await startRig();
    must(await rig.client.pushDossiers(false, [dossier()]));
    const client = rig.clientWith({
      fetch: tampering((b) => ({ ...b, result: (b.result as object[]).map((h) => ({ ...h, PhienBan: undefined })) })),
    });
    const r = mustFail(await client.changes('', 10));
    expect(r.outcome.kind).toBe('malformed');
    expect(r.outcome.message).toContain('PhienBan');
  });
});
