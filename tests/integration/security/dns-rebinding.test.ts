import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfficeServer, type OfficeServer } from '../../../src/main/server/office-server';
import { startTestCore, type TestCore, TEST_AGENCY, ADMIN } from '../../support/core';
import { startTestOffice, type TestOffice } from '../../support/office-server';
import { lanAddress, rawRequest } from '../../support/raw-http';

/**
 * Issue 19, item 3: after a DNS rebind the attacker's page is same-origin with whatever Host it sends, so
 * comparing Origin with Host proved nothing. The Host header is now allow-listed (loopback names, IP
 * literals, the administrator's LAN names, the TLS certificate's names), and system.setup answers only
 * to the host PC itself (a loopback connection).
 */
describe('DNS rebinding: Host allow-list', () => {
  let office: TestOffice;
  beforeAll(async () => {
    office = await startTestOffice();
  });
  afterAll(() => office.close());
  const port = () => office.server.port;

  it('refuses a rebinding page (Host and Origin both the attacker\u2019s name) before any handler runs', async () => {
    const host = `rebind.attacker.example:${port()}`;
    const r = await rawRequest({ port: port(), path: '/api/auth.login', headers: { host, origin: `http://${host}` }, body: JSON.stringify({ username: ADMIN.username, password: 'sai' }) });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.message).toMatch(/Tên máy chủ .* không được phép/);
    // Not even counted as a failed login: nothing reached the handler.
    const failed = office.t.core.app.db.prepare("SELECT count(*) n FROM audit_log WHERE action IN ('auth.login.failed','auth.locked')").get() as { n: number };
    expect(failed.n).toBe(0);
    const refusal = office.t.core.app.db.prepare("SELECT detail FROM audit_log WHERE action = 'security.refused' ORDER BY id DESC LIMIT 1").get() as { detail: string };
    expect(JSON.parse(refusal.detail)).toMatchObject({ reason: 'forged-host' });
  });

  it('refuses an unknown Host without any Origin too (a rebinding page loading the UI)', async () => {
    const r = await rawRequest({ port: port(), path: '/api/system.status', headers: { host: `evil.example:${port()}` } });
    expect(r.status).toBe(403);
  });

  it('accepts loopback names and IP literals, and the LAN names the administrator configured', async () => {
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, `[::1]:${port()}`, `192.168.1.20:${port()}`]) {
      const r = await rawRequest({ port: port(), path: '/api/system.status', headers: { host, origin: `http://${host}` } });
      expect(r.status, host).toBe(200);
    }
    const named = `may-chu-motcua.lan:${port()}`;
    expect((await rawRequest({ port: port(), path: '/api/system.status', headers: { host: named } })).status).toBe(403);
    await office.t.must('settings.update', { lanHostNames: ['May-Chu-MotCua.lan'] }, office.tokens.admin);
    expect((await rawRequest({ port: port(), path: '/api/system.status', headers: { host: named, origin: `http://${named}` } })).status).toBe(200);
  });

  it('refuses an https:// Origin on the plain-HTTP server (item 11)', async () => {
    const host = `127.0.0.1:${port()}`;
    const r = await rawRequest({ port: port(), path: '/api/system.status', headers: { host, origin: `https://${host}` } });
    expect(r.status).toBe(403);
  });
});

describe('system.setup only from the host PC', () => {
  let t: TestCore;
  let server: OfficeServer;
  beforeAll(async () => {
    t = await startTestCore();
    server = await startOfficeServer({ core: t.core, port: 0, host: '0.0.0.0', serveUi: false });
  });
  afterAll(async () => {
    await server.close();
    t.close();
  });

  it('refuses setup from another address, even with an allowed Host; accepts it over loopback', async () => {
    const body = JSON.stringify({ ...TEST_AGENCY, admin: ADMIN });
    const lan = lanAddress();
    const remote = await rawRequest({ port: server.port, host: lan, localAddress: lan, path: '/api/system.setup', headers: { host: `${lan}:${server.port}` }, body });
    expect(remote.status).toBe(403);
    expect(JSON.parse(remote.body).error.message).toMatch(/chính máy chủ/);
    expect((await t.must('system.status', {})).setUp).toBe(false);
    const local = await rawRequest({ port: server.port, path: '/api/system.setup', headers: { host: `127.0.0.1:${server.port}` }, body });
    expect(local.status).toBe(200);
  });
});
