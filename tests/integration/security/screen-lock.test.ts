import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficeServer } from '../../../src/main/server/office-server';
import { startTestOffice, type TestOffice } from '../../support/office-server';
import type { TestCore } from '../../support/core';
import { httpCall } from '../../support/server-process';
import { auditActions } from './helpers';

describe('idle screen lock, enforced by the server', () => {
  let t: TestCore;
  let server: OfficeServer;
  let tokens: { admin: string; clerk: string; supervisor: string };
  let office: TestOffice;
  beforeAll(async () => {
    office = await startTestOffice();
    ({ t, server, tokens } = office);
  });
  afterAll(() => office.close());

  it('tells the renderer the idle time from the settings', async () => {
    expect(await t.must('auth.lockStatus', {}, tokens.clerk)).toEqual({ locked: false, idleLockMinutes: 15 });
    await t.must('settings.update', { idleLockMinutes: 3 }, tokens.admin);
    expect((await t.must('auth.lockStatus', {}, tokens.clerk)).idleLockMinutes).toBe(3);
  });

  it('a locked session may only unlock, ask who it is, or log out — over HTTP too', async () => {
    expect(await t.must('auth.lock', {}, tokens.supervisor)).toMatchObject({ locked: true });
    const r = await httpCall(server.url, 'audit.list', { limit: 5 }, tokens.supervisor);
    expect(r.status).toBe(423);
    expect(r.body.error?.message).toBe('Màn hình đang khoá. Nhập mật khẩu để tiếp tục.');
    expect((await httpCall(server.url, 'auth.me', {}, tokens.supervisor)).status).toBe(200);
    expect((await t.must('auth.lockStatus', {}, tokens.supervisor)).locked).toBe(true);
    // Only that session is locked: the clerk (another session) goes on working.
    expect((await httpCall(server.url, 'auth.me', {}, tokens.clerk)).status).toBe(200);
  });

  it('unlocks with the right password only, counting wrong ones', async () => {
    const wrong = await t.call('auth.unlock', { password: 'khong-dung-1' }, tokens.supervisor);
    expect(!wrong.ok && wrong.error.code).toBe('VALIDATION');
    expect(!wrong.ok && wrong.error.fields?.password).toContain('còn 4 lần thử');
    expect(await t.must('auth.unlock', { password: 'matkhau-truong-1' }, tokens.supervisor)).toMatchObject({ locked: false });
    expect((await httpCall(server.url, 'audit.list', { limit: 5 }, tokens.supervisor)).status).toBe(200);
    expect(auditActions(t.core.app.db)).toEqual(expect.arrayContaining(['auth.lock', 'auth.unlock.failed', 'auth.unlock']));
  });

  it('five wrong passwords end the session and lock the account, like failed logins', async () => {
    await t.must('auth.lock', {}, tokens.clerk);
    for (let i = 1; i <= 4; i++) {
      const r = await t.call('auth.unlock', { password: `sai-${i}-matkhau` }, tokens.clerk);
      expect(!r.ok && r.error.code).toBe('VALIDATION');
    }
    const last = await t.call('auth.unlock', { password: 'sai-5-matkhau' }, tokens.clerk);
    expect(!last.ok && last.error.code).toBe('UNAUTHENTICATED');
    expect(!last.ok && last.error.message).toContain('phiên làm việc đã kết thúc');
    expect((await t.call('auth.me', {}, tokens.clerk)).ok).toBe(false);
    const login = await t.call('auth.login', { username: 'canbo1', password: 'matkhau-canbo-1' });
    expect(!login.ok && login.error.code).toBe('RATE_LIMITED');
    expect(auditActions(t.core.app.db)).toContain('auth.locked');
  });
});
