import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../shared/api/define';
import type { UserView } from '../../shared/api/system-contract';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import { mutate, writeAudit } from '../audit/audit-log';
import { hashPassword, hashToken, newToken, verifyPassword } from './passwords';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

interface UserRow {
  id: string; username: string; full_name: string; role: Role; password_hash: string; password_salt: string;
  disabled: number; failed_attempts: number; locked_until: string | null; counter_number: number | null; created_at: string;
}

function view(r: UserRow): UserView {
  return { id: r.id, username: r.username, fullName: r.full_name, role: r.role, disabled: !!r.disabled, counterNumber: r.counter_number, lockedUntil: r.locked_until, createdAt: r.created_at };
}

export function countUsers(app: AppContext): number {
  return (app.db.prepare('SELECT count(*) n FROM users').get() as { n: number }).n;
}

/** Inserts a user; callers wrap it in their own audited transaction. */
export function insertUser(app: AppContext, u: { username: string; fullName: string; role: Role; password: string; counterNumber?: number | null }): UserView {
  if (app.db.prepare('SELECT 1 FROM users WHERE username = ?').get(u.username)) {
    throw new AppError('CONFLICT', `Tên đăng nhập "${u.username}" đã có người dùng`, { username: 'Đã tồn tại' });
  }
  const { hash, salt } = hashPassword(u.password);
  const id = uuidv7();
  app.db
    .prepare('INSERT INTO users (id, username, full_name, role, password_hash, password_salt, counter_number, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, u.username, u.fullName.normalize('NFC'), u.role, hash, salt, u.counterNumber ?? null, isoLocal(app.clock.now()));
  return getUser(app, id);
}

export function getUser(app: AppContext, id: string): UserView {
  const r = app.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy người dùng');
  return view(r);
}

export function listUsers(app: AppContext): UserView[] {
  return (app.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(view);
}

const BAD_LOGIN = 'Tên đăng nhập hoặc mật khẩu không đúng';

/**
 * Checks the password and opens a session. Failures count towards a lock-out; every attempt is audited
 * (a failed one with the username tried, never the password).
 */
export function login(app: AppContext, username: string, password: string, device: string): { token: string; user: UserView; expiresAt: string } {
  const now = app.clock.now();
  const r = app.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  const caller: Caller = { userId: r?.id ?? null, username, fullName: null, role: null, device, tokenHash: null };
  const auditFail = (reason: string) => app.db.transaction(() => writeAudit(app.db, now, caller, { action: 'auth.login.failed', entity: 'user', entityId: r?.id, detail: { reason } }))();
  if (!r) {
    // Same cost as a real check, so response time does not reveal which usernames exist.
    verifyPassword(password, 'x', '00');
    auditFail('unknown-user');
    throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
  }
  if (r.disabled) {
    auditFail('disabled');
    throw new AppError('FORBIDDEN', 'Tài khoản đã bị khoá. Liên hệ quản trị.');
  }
  if (r.locked_until && new Date(r.locked_until) > now) {
    auditFail('locked');
    throw new AppError('LOCKED', `Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần. Thử lại sau ${LOCK_MINUTES} phút hoặc nhờ quản trị đặt lại mật khẩu.`);
  }
  if (!verifyPassword(password, r.password_salt, r.password_hash)) {
    const attempts = r.failed_attempts + 1;
    const lock = attempts >= MAX_FAILED_LOGINS ? isoLocal(new Date(now.getTime() + LOCK_MINUTES * 60_000)) : null;
    app.db.transaction(() => {
      app.db.prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(lock ? 0 : attempts, lock, r.id);
      writeAudit(app.db, now, caller, { action: lock ? 'auth.locked' : 'auth.login.failed', entity: 'user', entityId: r.id, detail: { attempts } });
    })();
    if (lock) throw new AppError('LOCKED', `Nhập sai mật khẩu ${MAX_FAILED_LOGINS} lần: tài khoản tạm khoá ${LOCK_MINUTES} phút.`);
    throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
  }
  const { token, hash } = newToken();
  const expiresAt = isoLocal(new Date(now.getTime() + SESSION_HOURS * 3600_000));
  mutate(app, { ...caller, fullName: r.full_name, role: r.role }, { action: 'auth.login', entity: 'user', entityId: r.id }, () => {
    app.db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(r.id);
    app.db.prepare('INSERT INTO sessions (token_hash, user_id, device, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(hash, r.id, device, isoLocal(now), expiresAt);
  });
  return { token, user: view({ ...r, failed_attempts: 0, locked_until: null }), expiresAt };
}

/** Resolves a bearer token to the caller, or null when unknown, expired or the user is disabled. */
export function resolveSession(app: AppContext, token: string, device: string): Caller | null {
  const tokenHash = hashToken(token);
  const r = app.db
    .prepare('SELECT u.id, u.username, u.full_name, u.role, u.disabled, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?')
    .get(tokenHash) as { id: string; username: string; full_name: string; role: Role; disabled: number; expires_at: string } | undefined;
  if (!r || r.disabled || new Date(r.expires_at) <= app.clock.now()) return null;
  return { userId: r.id, username: r.username, fullName: r.full_name, role: r.role, device, tokenHash };
}

export function logout(app: AppContext, caller: Caller): void {
  mutate(app, caller, { action: 'auth.logout', entity: 'user', entityId: caller.userId ?? undefined }, () => {
    app.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(caller.tokenHash);
  });
}

export function setDisabled(app: AppContext, caller: Caller, userId: string, disabled: boolean): UserView {
  if (userId === caller.userId && disabled) throw new AppError('INVALID_STATE', 'Không thể tự khoá tài khoản của chính mình');
  getUser(app, userId);
  return mutate(app, caller, { action: disabled ? 'users.disable' : 'users.enable', entity: 'user', entityId: userId }, () => {
    app.db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, userId);
    if (disabled) app.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
    return getUser(app, userId);
  });
}

export function setPassword(app: AppContext, caller: Caller, userId: string, password: string, action: string): void {
  getUser(app, userId);
  const { hash, salt } = hashPassword(password);
  mutate(app, caller, { action, entity: 'user', entityId: userId }, () => {
    app.db.prepare('UPDATE users SET password_hash = ?, password_salt = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(hash, salt, userId);
    // Other sessions of that user end; the caller's own session stays when changing their own password.
    app.db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?').run(userId, caller.tokenHash);
  });
}

export function checkOwnPassword(app: AppContext, userId: string, password: string): boolean {
  const r = app.db.prepare('SELECT password_hash, password_salt FROM users WHERE id = ?').get(userId) as UserRow | undefined;
  return !!r && verifyPassword(password, r.password_salt, r.password_hash);
}
