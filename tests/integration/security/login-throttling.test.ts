import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api/dispatcher';
import { startOfficeServer, type OfficeServer } from '../../../src/main/server/office-server';
import { BASE_DELAY_MS, FREE_FAILURES, MAX_DELAY_MS, usernameHash } from '../../../src/main/users/login-throttle';
import { startTestCore, type TestCore, ADMIN } from '../../support/core';
import { lanAddress, rawRequest } from '../../support/raw-http';

/**
 * Issue 19, item 4: five wrong guesses every 15 minutes from anywhere kept the administrator locked out
 * for good, usernames could be told apart, and whatever was typed as a username stayed in the audit log.
 * Now: exponential back-off per account and per source; the host PC's own console always gets an
 * administrator in; one answer for unknown user and wrong password; unknown names are stored only hashed.
 */
describe('login throttling', () => {
  let t: TestCore;
  let server: OfficeServer;
  let lan: string;
  beforeAll(async () => {
    t = await startTestCore({ now: new Date('2030-04-01T08:00:00+07:00') });
    await t.setUpOffice();
    server = await startOfficeServer({ core: t.core, port: 0, host: '0.0.0.0', serveUi: false });
    lan = lanAddress();
  });
  afterAll(async () => {
    await server.close();
    t.close();
  });

  /** A login over real HTTP, from the LAN (another address than loopback) or from the host PC. */
  const login = async (from: 'lan' | 'host', username: string, password: string) => {
    const r = await rawRequest({
      port: server.port,
      host: from === 'lan' ? lan : '127.0.0.1',
      localAddress: from === 'lan' ? lan : undefined,
      path: '/api/auth.login',
      headers: { host: `${from === 'lan' ? lan : '127.0.0.1'}:${server.port}` },
      body: JSON.stringify({ username, password }),
    });
    return { status: r.status, ...(JSON.parse(r.body) as { ok: boolean; error?: { code: string; message: string } }) };
  };
  const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms));

  it('an attacker on the LAN renewing guesses cannot keep the administrator out of the host console', async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < FREE_FAILURES; i++) await login('lan', ADMIN.username, `doan-${round}-${i}`);
      // The LAN is now told to wait, even with the right password…
      const lanTry = await login('lan', ADMIN.username, ADMIN.password);
      expect(lanTry.error?.code).toBe('RATE_LIMITED');
      // …but the administrator at the host PC gets in at once.
      const host = await login('host', ADMIN.username, ADMIN.password);
      expect(host.ok, JSON.stringify(host)).toBe(true);
      later(15 * 60_000);
    }
  });

  it('backs off exponentially per account: 30 s, 1 min, 2 min … capped at 15 min', async () => {
    later(2 * 3600_000); // the previous test's source is forgotten
    const waits: number[] = [];
    for (let i = 0; i < FREE_FAILURES + 6; i++) {
      const r = await login('lan', 'canbo1', `sai-${i}`);
      expect(r.error?.code).toBe('UNAUTHENTICATED');
      if (i + 1 >= FREE_FAILURES) {
        // Find the door: closed just before the back-off ends, open just after. (A fresh source each time.)
        const wait = Math.min(BASE_DELAY_MS * 2 ** (i + 1 - FREE_FAILURES), MAX_DELAY_MS);
        waits.push(wait);
        later(wait - 1000);
        expect((await login('lan', 'canbo1', 'matkhau-canbo-1')).error?.code).toBe('RATE_LIMITED');
        later(1000);
      }
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000].slice(0, waits.length));
    expect((await login('lan', 'canbo1', 'matkhau-canbo-1')).ok).toBe(true);
  });

  it('throttles one source guessing many names', async () => {
    later(2 * 3600_000);
    const codes: string[] = [];
    for (let i = 0; i < FREE_FAILURES + 1; i++) codes.push((await login('lan', `ten-${i}`, 'x'))?.error?.code ?? 'ok');
    expect(codes.slice(0, FREE_FAILURES)).toEqual(Array(FREE_FAILURES).fill('UNAUTHENTICATED'));
    expect(codes[FREE_FAILURES]).toBe('RATE_LIMITED');
    later(2 * 3600_000);
  });

  it('answers an unknown name exactly like a wrong password, throttling included', async () => {
    // A fresh source address for every attempt: only the name's own count is at work.
    let n = 0;
    const run = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i < FREE_FAILURES + 2; i++) {
        const r = await dispatch(t.core.app, t.core.handlers, 'auth.login', { username, password: 'sai-mat-khau' }, { caller: null, device: `http:10.0.0.${++n}` });
        out.push(r.ok ? 'ok' : `${r.error.code} ${r.error.message}`);
      }
      return out;
    };
    const existing = await run('truongbp');
    const unknown = await run('khong-co-ai');
    expect(unknown).toEqual(existing);
  });

  it('stores only a hash of a name that is no account (an ID number typed as a username)', async () => {
    later(3 * 3600_000);
    await login('lan', '001099012345', 'x');
    const rows = t.core.app.db.prepare("SELECT actor, detail FROM audit_log WHERE action IN ('auth.login.failed','security.refused')").all() as { actor: string | null; detail: string | null }[];
    expect(JSON.stringify(rows)).not.toContain('001099012345');
    expect(JSON.stringify(rows)).not.toContain('khong-co-ai');
    expect(rows.some((r) => r.detail?.includes(usernameHash('001099012345')))).toBe(true);
    expect((await t.must('audit.verify', {}, (await t.relogin()).admin)).intact).toBe(true);
  });
});
