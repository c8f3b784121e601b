import { afterEach, describe, expect, it } from 'vitest';
import { AGENCY, OTHER_AGENCY, dossier, must, mustFail, startRig, type Rig } from './fixtures';

let rig: Rig;
afterEach(async () => {
  await rig.double.close();
});

const authCalls = (r: Rig): number => r.double.requests.filter((e) => e.path === '/auth').length;

describe('authentication and session', () => {
  it('authenticates with the configured account and gets a session with its lifetime', async () => {
    rig = await startRig({ sessionTtlSec: 900 });
    const r = must(await rig.client.auth());
    expect(r.expiresIn).toBe(900);
    expect(r.session.length).toBeGreaterThan(0);
    expect(must(await rig.client.lookup(`${AGENCY}-250714-0001`))).toBeNull();
    expect(authCalls(rig)).toBe(1);
  });

  it('reports bad credentials as -1, a configuration stop', async () => {
    rig = await startRig();
    const client = rig.clientWith({ password: 'sai-mat-khau' });
    const r = mustFail(await client.auth());
    expect(r.outcome).toMatchObject({ kind: 'app', errorCode: '-1' });
    expect(r.outcome.message).toContain('Sai tên đăng nhập');
    expect(r.disposition).toBe('fatal-config');
    // A service call authenticates lazily and surfaces the same stop.
    const c = mustFail(await client.pushDossiers(false, [dossier()]));
    expect(c.outcome).toMatchObject({ kind: 'app', errorCode: '-1' });
    expect(c.disposition).toBe('fatal-config');
    expect(rig.double.state.allDossiers()).toHaveLength(0);
  });

  it('authenticates lazily on the first call, then reuses the session', async () => {
    rig = await startRig();
    must(await rig.client.pushDossiers(false, [dossier()]));
    must(await rig.client.pushDossiers(false, [dossier()]));
    expect(authCalls(rig)).toBe(1);
    expect(rig.double.state.allDossiers()).toHaveLength(2);
  });

  it('re-authenticates once and repeats the call when the server forgot the session (restart)', async () => {
    rig = await startRig();
    must(await rig.client.auth());
    rig.double.state.expireAllSessions();
    const d = dossier();
    const items = must(await rig.client.pushDossiers(false, [d]));
    expect(items[0]).toMatchObject({ error_code: '0', PhienBan: 1, disposition: 'done' });
    expect(authCalls(rig)).toBe(2);
    const api = rig.double.requests.filter((e) => e.path === '/api');
    expect(api.map((e) => e.errorCode)).toEqual(['-2', '0']);
  });

  it('re-authenticates when the session ran out on the server clock', async () => {
    let serverNow = Date.UTC(2025, 6, 14, 2, 0, 0);
    rig = await startRig({ sessionTtlSec: 60, now: () => serverNow });
    must(await rig.client.lookup(`${AGENCY}-250714-0001`));
    serverNow += 61_000; // the client's own clock has not moved: only the server knows
    must(await rig.client.lookup(`${AGENCY}-250714-0001`));
    expect(authCalls(rig)).toBe(2);
  });

  it('renews a session before its expiry on the client clock, without a -2 round trip', async () => {
    let clientNow = 1_000_000;
    rig = await startRig({ sessionTtlSec: 60 }, { now: () => clientNow });
    must(await rig.client.lookup(`${AGENCY}-250714-0001`));
    clientNow += 59_000;
    must(await rig.client.lookup(`${AGENCY}-250714-0001`));
    expect(authCalls(rig)).toBe(2);
    expect(rig.double.requests.filter((e) => e.errorCode === '-2')).toHaveLength(0);
  });

  it('gives up after one re-authentication when the session is refused again', async () => {
    rig = await startRig();
    rig.double.faults.inject({ kind: 'expireSession', path: '/api', times: 2 });
    const r = mustFail(await rig.client.lookup(`${AGENCY}-250714-0001`));
    expect(r.outcome).toMatchObject({ kind: 'app', errorCode: '-2' });
    expect(r.disposition).toBe('reauth');
    expect(authCalls(rig)).toBe(2);
  });

  it('shares one authentication between concurrent calls', async () => {
    rig = await startRig();
    const results = await Promise.all([1, 2, 3, 4].map(() => rig.client.lookup(`${AGENCY}-250714-0001`)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(authCalls(rig)).toBe(1);
  });

  it('answers -6 when the agency is not allowed for the account', async () => {
    rig = await startRig();
    const r = mustFail(await rig.clientWith({ madonvi: OTHER_AGENCY }).pushDossiers(false, [dossier()]));
    expect(r.outcome).toMatchObject({ kind: 'app', errorCode: '-6' });
    expect(r.disposition).toBe('fatal-config');
  });

  it('works under a base path and with a trailing slash in the configured URL', async () => {
    rig = await startRig({ basePath: '/lgsp' });
    expect(rig.double.url.endsWith('/lgsp')).toBe(true);
    must(await rig.clientWith({ baseUrl: `${rig.double.url}/` }).pushDossiers(false, [dossier()]));
    expect(rig.double.requests.map((e) => e.path)).toEqual(['/auth', '/api']);
    const wrong = mustFail(await rig.clientWith({ baseUrl: rig.double.url.replace('/lgsp', '/sai') }).auth());
    expect(wrong.outcome).toMatchObject({ kind: 'http', status: 404 });
    expect(wrong.disposition).toBe('fatal-config');
  });
});
