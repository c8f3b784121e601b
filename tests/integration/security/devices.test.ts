import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Node 20 has no global WebSocket yet; undici (Node's own HTTP client) provides the standard one.
import { WebSocket } from 'undici';
import type { OfficeServer } from '../../../src/main/server/office-server';
import { startTestOffice, type TestOffice } from '../../support/office-server';
import { ADMIN, type TestCore } from '../../support/core';
import { httpCall } from '../../support/server-process';
import { PAIRING_ALPHABET } from '../../../src/shared/api/devices-contract';

interface Refusal { reason: string; method?: string; similarBefore?: number }

function refusals(t: TestCore): (Refusal & { device: string | null; actor: string | null })[] {
  return (t.core.app.db.prepare("SELECT actor, device, detail FROM audit_log WHERE action = 'security.refused' ORDER BY id").all() as { actor: string | null; device: string | null; detail: string }[]).map(
    (r) => ({ actor: r.actor, device: r.device, ...(JSON.parse(r.detail) as Refusal) }),
  );
}

describe('LAN devices: pairing, tokens, revocation, audited refusals', () => {
  let t: TestCore;
  let server: OfficeServer;
  let tokens: { admin: string; clerk: string; supervisor: string };
  // Through the dispatcher directly: the HTTP route rate-limits pairing to 10 a minute per address.
  const pair = async (kind: 'board' | 'kiosk' | 'terminal', name: string) => {
    const { code } = await t.must('devices.createPairingCode', { kind }, tokens.admin);
    return t.must('devices.pair', { code, name });
  };

  let office: TestOffice;
  beforeAll(async () => {
    office = await startTestOffice();
    ({ t, server, tokens } = office);
  });
  afterAll(() => office.close());

  it('creates short one-time codes that expire after 10 minutes', async () => {
    const r = await t.must('devices.createPairingCode', { kind: 'board' }, tokens.admin);
    expect(r.code).toMatch(new RegExp(`^[${PAIRING_ALPHABET}]{4}-[${PAIRING_ALPHABET}]{4}$`));
    expect(new Date(r.expiresAt).getTime() - t.clock.now().getTime()).toBeGreaterThan(9 * 60_000);
    expect(new Date(r.expiresAt).getTime() - t.clock.now().getTime()).toBeLessThanOrEqual(10 * 60_000);
    // Only the hash is stored.
    const stored = t.core.app.db.prepare('SELECT code_hash FROM device_pairing_codes').all() as { code_hash: string }[];
    expect(stored.some((s) => s.code_hash.includes(r.code.replace('-', '')))).toBe(false);
    const byClerk = await t.call('devices.createPairingCode', { kind: 'board' }, tokens.clerk);
    expect(!byClerk.ok && byClerk.error.code).toBe('FORBIDDEN');

    const later = await t.must('devices.createPairingCode', { kind: 'kiosk' }, tokens.admin);
    t.clock.set(new Date(t.clock.now().getTime() + 10 * 60_000 + 1000));
    try {
      const late = await httpCall(server.url, 'devices.pair', { code: later.code, name: 'Ki-ốt muộn' });
      expect(late.status).toBe(400);
      expect(late.body.error?.message).toContain('hết hạn');
    } finally {
      t.clock.set(new Date());
    }
  });

  it('pairs a board with a code typed loosely, once only; the token is stored hashed', async () => {
    const { code } = await t.must('devices.createPairingCode', { kind: 'board' }, tokens.admin);
    const typed = ` ${code.toLowerCase().replace('-', ' ')} `;
    const r = await httpCall(server.url, 'devices.pair', { code: typed, name: 'Màn hình sảnh' });
    expect(r.status).toBe(200);
    const { token, device } = r.body.value as { token: string; device: { id: string; kind: string; name: string; lastSeenAt: string } };
    expect(device).toMatchObject({ kind: 'board', name: 'Màn hình sảnh' });
    expect(t.core.app.db.prepare('SELECT count(*) n FROM devices WHERE token_hash = ?').get(token)).toEqual({ n: 0 });
    const again = await httpCall(server.url, 'devices.pair', { code, name: 'Màn hình thứ hai' });
    expect(again.status).toBe(400);
    expect(again.body.error?.fields?.code).toContain('đã dùng');
    expect(refusals(t).at(-1)).toMatchObject({ reason: 'bad-pairing-code' });
  });

  it('refuses deceptive device names (RTL override, control characters)', async () => {
    const { code } = await t.must('devices.createPairingCode', { kind: 'board' }, tokens.admin);
    for (const name of ['Bảng\u202Egnp.exe', 'Bảng\u0000', '   ']) {
      const r = await httpCall(server.url, 'devices.pair', { code, name });
      expect(r.status).toBe(400);
      expect(r.body.error?.code).toBe('VALIDATION');
    }
  });

  it('a board token reads what boards may read, and every write is refused and audited', async () => {
    const board = await pair('board', 'Bảng tầng 1');
    expect((await httpCall(server.url, 'settings.get', {}, board.token)).status).toBe(200);
    expect((await httpCall(server.url, 'devices.whoami', {}, board.token)).body.value).toEqual({ id: board.device.id, kind: 'board', name: 'Bảng tầng 1' });
    const before = refusals(t).length;
    const write = await httpCall(server.url, 'users.create', { username: 'bang', fullName: 'Bảng', role: 'admin', password: 'matkhau-bang-1' }, board.token);
    expect(write.status).toBe(403);
    const settings = await httpCall(server.url, 'settings.update', { lanEnabled: true }, board.token);
    expect(settings.status).toBe(403);
    const after = refusals(t).slice(before);
    expect(after[0]).toMatchObject({ reason: 'read-only-device', method: 'users.create', device: 'board:Bảng tầng 1' });
  });

  it('a kiosk token may call only kiosk methods', async () => {
    const kiosk = await pair('kiosk', 'Ki-ốt cửa chính');
    expect((await httpCall(server.url, 'devices.whoami', {}, kiosk.token)).status).toBe(200);
    const r = await httpCall(server.url, 'settings.get', {}, kiosk.token);
    expect(r.status).toBe(403);
    expect(refusals(t).at(-1)).toMatchObject({ reason: 'kiosk-not-allowed', method: 'settings.get' });
    // A user's session is not a device: whoami answers "not a device".
    expect((await httpCall(server.url, 'devices.whoami', {}, tokens.admin)).status).toBe(403);
  });

  it('lists devices with when they were last seen, and revoking stops the token at once', async () => {
    const board = await pair('board', 'Bảng sẽ thu hồi');
    await httpCall(server.url, 'settings.get', {}, board.token);
    const list = await t.must('devices.list', {}, tokens.admin);
    const listed = list.find((d) => d.id === board.device.id)!;
    expect(listed.lastSeenAt).toMatch(/\+07:00$/);
    expect(listed.lastSeenAddress).toMatch(/^http:127\.0\.0\.1$/);
    expect(listed.pairedBy).toBe(ADMIN.username);

    const revoked = await t.must('devices.revoke', { deviceId: board.device.id }, tokens.admin);
    expect(revoked.revokedAt).not.toBeNull();
    const r = await httpCall(server.url, 'settings.get', {}, board.token);
    expect(r.status).toBe(401);
    expect(refusals(t).at(-1)).toMatchObject({ reason: 'revoked-device', method: 'settings.get' });
  });

  it('a revoked board loses its event stream; a board never receives non-board events', async () => {
    const board = await pair('board', 'Bảng sự kiện');
    const ws = new WebSocket(server.url.replace('http', 'ws') + '/api/events');
    const received: { type: string }[] = [];
    const authed = new Promise<void>((resolve) => {
      ws.addEventListener('message', (m) => {
        const e = JSON.parse(String(m.data)) as { type: string; ok?: boolean };
        if (e.type === 'auth') resolve();
        else received.push(e);
      });
    });
    const closed = new Promise<number>((resolve) => ws.addEventListener('close', (e) => resolve(e.code)));
    ws.addEventListener('open', () => ws.send(JSON.stringify({ token: board.token })));
    await authed;
    t.core.app.events.emit('dossier.changed', { id: 'x', code: 'H56.1', status: 1 });
    t.core.app.events.emit('settings.changed', { by: 'quantri' });
    await t.must('devices.revoke', { deviceId: board.device.id }, tokens.admin);
    t.core.app.events.emit('settings.changed', { by: 'quantri' });
    expect(await closed).toBe(4401);
    expect(received).toEqual([{ type: 'settings.changed', payload: { by: 'quantri' } }]);
  });

  it('audits missing and unknown tokens, forged origins and login brute force', async () => {
    const before = refusals(t).length;
    expect((await httpCall(server.url, 'users.list', {})).status).toBe(401);
    expect((await httpCall(server.url, 'users.list', {}, 'made-up-token')).status).toBe(401);
    expect((await httpCall(server.url, 'auth.me', {}, tokens.admin, { Origin: 'http://evil.example' })).status).toBe(403);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await httpCall(server.url, 'auth.login', { username: 'khongco', password: 'doan-mo-' + i })).status);
    expect(statuses.slice(-1)[0]).toBe(429);
    const seen = refusals(t).slice(before).map((r) => r.reason);
    expect(seen).toEqual(expect.arrayContaining(['no-token', 'unknown-token', 'forged-origin', 'login-rate-limited']));
    // Failed logins themselves are in the audit chain too (from the users service).
    expect((t.core.app.db.prepare("SELECT count(*) n FROM audit_log WHERE action = 'auth.login.failed'").get() as { n: number }).n).toBeGreaterThanOrEqual(5);
    expect((await t.must('audit.verify', {}, tokens.admin)).intact).toBe(true);
  });

  it('throttles identical refusals to one entry a minute per source, counting the rest', async () => {
    const count = () => refusals(t).filter((r) => r.reason === 'unknown-token').length;
    const before = count();
    for (let i = 0; i < 20; i++) await httpCall(server.url, 'users.list', {}, 'stale-board-token');
    expect(count()).toBe(before);
    t.clock.set(new Date(Date.now() + 61_000));
    try {
      await httpCall(server.url, 'users.list', {}, 'stale-board-token');
    } finally {
      t.clock.set(new Date());
    }
    expect(count()).toBe(before + 1);
    expect(refusals(t).filter((r) => r.reason === 'unknown-token').at(-1)?.similarBefore).toBeGreaterThanOrEqual(20);
  });

  it('a terminal names itself with its device token; a revoked terminal is turned away even with a valid session', async () => {
    const terminal = await pair('terminal', 'Máy quầy 2');
    const me = await httpCall(server.url, 'auth.me', {}, tokens.clerk, { 'X-Motcua-Device': terminal.token });
    expect(me.status).toBe(200);
    // A terminal token alone is not a user.
    expect((await httpCall(server.url, 'auth.me', {}, terminal.token)).status).toBe(403);
    await t.must('users.create', { username: 'tumaytram', fullName: 'Từ Máy Trạm', role: 'clerk', password: 'matkhau-tram-1' }, tokens.admin);
    const viaTerminal = await httpCall(server.url, 'users.setDisabled', { userId: (await t.must('users.list', {}, tokens.admin)).find((u) => u.username === 'tumaytram')!.id, disabled: true }, tokens.admin, { 'X-Motcua-Device': terminal.token });
    expect(viaTerminal.status).toBe(200);
    const row = t.core.app.db.prepare("SELECT device FROM audit_log WHERE action = 'users.disable' ORDER BY id DESC LIMIT 1").get() as { device: string };
    expect(row.device).toBe('terminal:Máy quầy 2');
    await t.must('devices.revoke', { deviceId: terminal.device.id }, tokens.admin);
    const refused = await httpCall(server.url, 'auth.me', {}, tokens.clerk, { 'X-Motcua-Device': terminal.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toContain('thu hồi');
  });

  it('rate-limits guessing pairing codes over the network, and audits it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await httpCall(server.url, 'devices.pair', { code: 'AAAA-AAA' + 'BCDEFGHJKMNPQ'[i], name: 'Kẻ đoán mã' })).status);
    // (earlier tests in this file already spent part of this minute's budget of 10)
    expect(statuses.every((s) => s === 400 || s === 429)).toBe(true);
    expect(statuses.slice(-1)[0]).toBe(429);
    const reasons = refusals(t).map((r) => r.reason);
    expect(reasons).toEqual(expect.arrayContaining(['bad-pairing-code', 'pairing-rate-limited']));
  });
});
