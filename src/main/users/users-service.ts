import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../shared/api/define';
import type { UserView } from '../../shared/api/system-contract';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import { mutate, writeAudit } from '../audit/audit-log';
import { hashPassword, hashToken, newToken, verifyPassword } from './passwords';
import { BackoffTable, backoffDelayMs, FREE_FAILURES, usernameHash } from './login-throttle';
import { auditRefusal } from '../security/refusal-audit';

/** Failed logins (and screen unlocks) before the account's back-off starts. */
export const MAX_FAILED_LOGINS = FREE_FAILURES;
/** How long five wrong unlock passwords keep the account closed (screen-lock.ts); the host PC is exempt. */
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

const throttles = new WeakMap<AppContext, { sources: BackoffTable; names: BackoffTable }>();
function throttleOf(app: AppContext) {
  let t = throttles.get(app);
  if (!t) throttles.set(app, (t = { sources: new BackoffTable(), names: new BackoffTable() }));
  return t;
}

function throttled(waitMs: number): AppError {
  const seconds = Math.ceil(waitMs / 1000);
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} phút` : `${seconds} giây`;
  return new AppError('RATE_LIMITED', `Đăng nhập sai nhiều lần: hãy thử lại sau ${wait}. Quản trị viên luôn đăng nhập được trên chính máy chủ.`);
}

/**
 * Checks the password and opens a session. Failed attempts slow down the account and the source address
 * with an exponential back-off (login-throttle.ts); the same answer whether the name exists or not. Every
 * attempt is audited: a failed one names the account tried, or only a hash of a name that is no account
 * (it may be an ID number, or a password typed into the wrong field). The host PC's own console
 * (`fromHost`) is never held back by the account's count, so an attacker on the LAN cannot lock the
 * administrator out.
 */
export function login(app: AppContext, username: string, password: string, device: string, opts: { fromHost?: boolean } = {}): { token: string; user: UserView; expiresAt: string } {
  const now = app.clock.now();
  const t = now.getTime();
  const { sources, names } = throttleOf(app);
  const r = app.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  const nameKey = usernameHash(username);
  const caller: Caller = { userId: r?.id ?? null, username: r ? username : null, fullName: null, role: null, device, tokenHash: null };
  const who = r ? {} : { usernameHash: nameKey };
  const accountWait = opts.fromHost ? 0 : r ? Math.max(0, (r.locked_until ? new Date(r.locked_until).getTime() : 0) - t) : names.waitMs(nameKey, t);
  const wait = Math.max(accountWait, sources.waitMs(device, t));
  if (wait > 0) {
    auditRefusal(app, { reason: 'login-rate-limited', source: device, method: 'auth.login', username: caller.username, detail: who });
    throw throttled(wait);
  }
  // Unknown names pay the same scrypt cost, so response time does not reveal which usernames exist.
  const passwordOk = r ? verifyPassword(password, r.password_salt, r.password_hash) : (verifyPassword(password, 'x', '00'), false);
  if (!passwordOk) {
    sources.fail(device, t);
    app.db.transaction(() => {
      if (r) {
        const attempts = r.failed_attempts + 1;
        const delay = backoffDelayMs(attempts);
        app.db.prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(attempts, delay ? isoLocal(new Date(t + delay)) : null, r.id);
        writeAudit(app.db, now, caller, { action: delay ? 'auth.locked' : 'auth.login.failed', entity: 'user', entityId: r.id, detail: { attempts, ...(delay ? { waitSeconds: delay / 1000 } : {}) } });
      } else {
        names.fail(nameKey, t);
        writeAudit(app.db, now, caller, { action: 'auth.login.failed', entity: 'user', detail: { reason: 'unknown-user', ...who } });
      }
    })();
    throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
  }
  const user = r!;
  if (user.disabled) {
    // Only said to someone who knows the password.
    app.db.transaction(() => writeAudit(app.db, now, caller, { action: 'auth.login.failed', entity: 'user', entityId: user.id, detail: { reason: 'disabled' } }))();
    throw new AppError('FORBIDDEN', 'Tài khoản đã bị khoá. Liên hệ quản trị.');
  }
  sources.clear(device);
  const { token, hash } = newToken();
  const expiresAt = isoLocal(new Date(t + SESSION_HOURS * 3600_000));
  mutate(app, { ...caller, fullName: user.full_name, role: user.role }, { action: 'auth.login', entity: 'user', entityId: user.id, detail: opts.fromHost ? { fromHost: true } : undefined }, () => {
    app.db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(user.id);
    app.db.prepare('INSERT INTO sessions (token_hash, user_id, device, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(hash, user.id, device, isoLocal(now), expiresAt);
  });
  return { token, user: view({ ...user, failed_attempts: 0, locked_until: null }), expiresAt };
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
