import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, ADMIN, type TestCore } from '../../support/core';
import { dispatch } from '../../../src/main/api/dispatcher';
import { MAX_FAILED_LOGINS } from '../../../src/main/users/users-service';
import { BASE_DELAY_MS } from '../../../src/main/users/login-throttle';

describe('users and sessions', () => {
  let t: TestCore;
  let tokens: { admin: string; clerk: string; supervisor: string };
  beforeEach(async () => {
    t = await startTestCore({ now: new Date('2026-03-02T08:00:00+07:00') });
    tokens = await t.setUpOffice();
  });
  afterEach(() => t.close());

  it('stores scrypt hashes with a per-user salt, never the password', () => {
    const rows = t.core.app.db.prepare('SELECT password_hash, password_salt FROM users').all() as { password_hash: string; password_salt: string }[];
    expect(new Set(rows.map((r) => r.password_salt)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^[0-9a-f]{128}$/);
      expect(r.password_hash).not.toContain('matkhau');
    }
  });

  it('rejects a wrong password with a Vietnamese message, and backs off after repeated failures', async () => {
    for (let i = 1; i <= MAX_FAILED_LOGINS; i++) {
      const r = await t.call('auth.login', { username: 'canbo1', password: 'sai-mat-khau' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    }
    // Even the right password is refused during the back-off…
    const right = await t.call('auth.login', { username: 'canbo1', password: 'matkhau-canbo-1' });
    expect(!right.ok && right.error.code).toBe('RATE_LIMITED');
    expect(!right.ok && right.error.message).toMatch(/thử lại sau 30 giây/);
    // …and accepted once it has passed.
    t.clock.set(new Date(t.clock.now().getTime() + BASE_DELAY_MS + 1000));
    const later = await t.call('auth.login', { username: 'canbo1', password: 'matkhau-canbo-1' });
    expect(later.ok).toBe(true);
    const failures = t.core.app.db.prepare("SELECT count(*) n FROM audit_log WHERE action IN ('auth.login.failed','auth.locked')").get() as { n: number };
    expect(failures.n).toBeGreaterThanOrEqual(MAX_FAILED_LOGINS);
  });

  it('an administrator reset clears the lock', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await t.call('auth.login', { username: 'canbo1', password: 'sai' });
    const users = await t.must('users.list', {}, tokens.admin);
    const clerk = users.find((u) => u.username === 'canbo1')!;
    expect(clerk.lockedUntil).not.toBeNull();
    await t.must('users.resetPassword', { userId: clerk.id, password: 'matkhau-moi-99' }, tokens.admin);
    // From another PC than the one that guessed (that address has its own back-off).
    const r = await dispatch(t.core.app, t.core.handlers, 'auth.login', { username: 'canbo1', password: 'matkhau-moi-99' }, { caller: null, device: 'http:10.0.0.7' });
    expect(r.ok).toBe(true);
  });

  it('disabling a user ends their sessions at once', async () => {
    const users = await t.must('users.list', {}, tokens.admin);
    const clerk = users.find((u) => u.username === 'canbo1')!;
    expect((await t.call('auth.me', {}, tokens.clerk)).ok).toBe(true);
    await t.must('users.setDisabled', { userId: clerk.id, disabled: true }, tokens.admin);
    const me = await t.call('auth.me', {}, tokens.clerk);
    expect(!me.ok && me.error.code).toBe('UNAUTHENTICATED');
    const again = await t.call('auth.login', { username: 'canbo1', password: 'matkhau-canbo-1' });
    expect(!again.ok && again.error.code).toBe('FORBIDDEN');
  });

  it('sessions expire', async () => {
    t.clock.set(new Date(t.clock.now().getTime() + 13 * 3600_000));
    const me = await t.call('auth.me', {}, tokens.admin);
    expect(!me.ok && me.error.code).toBe('UNAUTHENTICATED');
  });

  it('checks roles in the handlers: a supervisor reads the audit log, a clerk cannot', async () => {
    expect((await t.call('audit.list', { limit: 10 }, tokens.supervisor)).ok).toBe(true);
    const r = await t.call('audit.list', { limit: 10 }, tokens.clerk);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });

  it('validates the agency ID shape at setup', async () => {
    const t2 = await startTestCore();
    try {
      const r = await t2.call('system.setup', { agencyId: '00.00.06.H56', agencyName: 'A', parentAgencyName: 'B', receivingPointName: 'C', place: 'D', counterNumber: 1, admin: ADMIN });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.fields?.agencyId).toMatch(/NNN\.NN\.NN\.Xnn/);
      expect((await t2.must('system.status', {})).setUp).toBe(false);
    } finally {
      t2.close();
    }
  });
});
