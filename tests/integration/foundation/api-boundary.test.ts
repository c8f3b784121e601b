import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficeServer } from '../../../src/main/server/office-server';
import { startTestOffice, type TestOffice } from '../../support/office-server';
import { ADMIN, type TestCore } from '../../support/core';
import { httpCall } from '../../support/server-process';

/**
 * Counts every row of every table: a refused call must leave them all unchanged
 * (except the audit entry that records the refusal itself, see tests/integration/security).
 */
function snapshot(t: TestCore): Record<string, number> {
  const db = t.core.app.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  const where = (name: string) => (name === 'audit_log' ? " WHERE action <> 'security.refused'" : '');
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) n FROM "${name}"${where(name)}`).get() as { n: number }).n]));
}

describe('office server boundary', () => {
  let t: TestCore;
  let server: OfficeServer;
  let tokens: { admin: string; clerk: string; supervisor: string };
  let office: TestOffice;
  beforeAll(async () => {
    office = await startTestOffice();
    ({ t, server, tokens } = office);
  });
  afterAll(() => office.close());

  it('answers a valid call with ok and the value', async () => {
    const r = await httpCall(server.url, 'auth.me', {}, tokens.clerk);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, value: { username: 'canbo1', role: 'clerk' } });
  });

  it('refuses a missing or bad token and changes nothing', async () => {
    const before = snapshot(t);
    for (const token of [undefined, 'not-a-token', tokens.admin.slice(0, -2) + 'xx']) {
      const r = await httpCall(server.url, 'users.create', { username: 'hacker', fullName: 'X', role: 'admin', password: '12345678abc' }, token);
      expect(r.status).toBe(401);
      expect(r.body.error?.code).toBe('UNAUTHENTICATED');
      expect(r.body.error?.message).toMatch(/đăng nhập lại/);
    }
    expect(snapshot(t)).toEqual(before);
  });

  it('refuses a malformed body with a Vietnamese message and changes nothing', async () => {
    const before = snapshot(t);
    const bad = await httpCall(server.url, 'users.create', '{"username": ', tokens.admin);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/JSON/);
    const wrongTypes = await httpCall(server.url, 'users.create', { username: 42, fullName: '', role: 'root', password: 'x' }, tokens.admin);
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.error?.code).toBe('VALIDATION');
    expect(Object.keys(wrongTypes.body.error?.fields ?? {})).toEqual(expect.arrayContaining(['username', 'fullName', 'role', 'password']));
    expect(wrongTypes.body.error?.fields?.password).toMatch(/ít nhất 8 ký tự/);
    const extra = await httpCall(server.url, 'auth.me', { admin: true }, tokens.clerk);
    expect(extra.status).toBe(400);
    expect(snapshot(t)).toEqual(before);
  });

  it('refuses an unknown method', async () => {
    const r = await httpCall(server.url, 'users.dropAll', {}, tokens.admin);
    expect(r.status).toBe(404);
    expect(r.body.error?.code).toBe('UNKNOWN_METHOD');
    const proto = await httpCall(server.url, '__proto__', {}, tokens.admin);
    expect(proto.body.error?.code).toBe('UNKNOWN_METHOD');
  });

  it('refuses a wrong role and changes nothing', async () => {
    const before = snapshot(t);
    const r = await httpCall(server.url, 'users.create', { username: 'nguoimoi', fullName: 'Người Mới', role: 'admin', password: 'matkhau-moi-1' }, tokens.clerk);
    expect(r.status).toBe(403);
    expect(r.body.error?.code).toBe('FORBIDDEN');
    const s = await httpCall(server.url, 'settings.update', { lanEnabled: true }, tokens.supervisor);
    expect(s.status).toBe(403);
    expect(snapshot(t)).toEqual(before);
  });

  it('refuses a request from a foreign page (Origin) even with a valid token', async () => {
    const r = await httpCall(server.url, 'auth.me', {}, tokens.admin, { Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    const same = await httpCall(server.url, 'auth.me', {}, tokens.admin, { Origin: server.url });
    expect(same.status).toBe(200);
  });

  it('refuses a body over 1 MB', async () => {
    const r = await httpCall(server.url, 'auth.login', { username: 'x', password: 'y'.repeat(1_100_000) });
    expect(r.status).toBe(413);
  });

  it('audits a mutation in the same transaction, and the hash chain verifies', async () => {
    const before = snapshot(t);
    const r = await httpCall(server.url, 'users.create', { username: 'canbo2', fullName: 'Phạm Thị Hai', role: 'clerk', password: 'matkhau-hai-22' }, tokens.admin);
    expect(r.status).toBe(200);
    const after = snapshot(t);
    expect(after.users).toBe(before.users + 1);
    expect(after.audit_log).toBe(before.audit_log + 1);
    const v = await httpCall(server.url, 'audit.verify', {}, tokens.admin);
    expect(v.body.value).toMatchObject({ intact: true });
    // Tamper with one entry: verification names it.
    t.core.app.db.prepare("UPDATE audit_log SET action = 'users.delete' WHERE id = 2").run();
    const v2 = await httpCall(server.url, 'audit.verify', {}, tokens.admin);
    expect(v2.body.value).toMatchObject({ intact: false, firstBrokenId: 2 });
  });

  it('refuses a second first-run setup', async () => {
    const r = await httpCall(server.url, 'system.setup', { agencyId: '000.00.07.H56', agencyName: 'X', parentAgencyName: 'Y', receivingPointName: 'Z', place: 'P', counterNumber: 1, admin: { ...ADMIN, username: 'khac' } });
    expect(r.status).toBe(409);
    expect(r.body.error?.code).toBe('INVALID_STATE');
  });
});
