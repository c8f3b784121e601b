import type { LockStatus } from '../../shared/api/security-contract';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from '../api/app-error';
import { mutate, writeAudit } from '../audit/audit-log';
import { getOfficeSettings, OFFICE_DEFAULTS } from '../settings/settings-store';
import { LOCK_MINUTES, MAX_FAILED_LOGINS, checkOwnPassword } from '../users/users-service';

function minutes(app: AppContext): number {
  return getOfficeSettings(app.db)?.idleLockMinutes ?? OFFICE_DEFAULTS.idleLockMinutes;
}

export function lockStatus(app: AppContext, caller: Caller): LockStatus {
  return { locked: !!caller.locked, idleLockMinutes: minutes(app) };
}

/** Locks the caller's session on the server, so a reload or a copied token does not get past the lock screen. */
export function lockSession(app: AppContext, caller: Caller): LockStatus {
  if (!caller.locked) {
    mutate(app, caller, { action: 'auth.lock', entity: 'user', entityId: caller.userId ?? undefined }, () => {
      app.db.prepare('UPDATE sessions SET locked_at = ? WHERE token_hash = ?').run(isoLocal(app.clock.now()), caller.tokenHash);
    });
  }
  return { locked: true, idleLockMinutes: minutes(app) };
}

/**
 * Unlocks with the user's own password. Wrong passwords count with the login failures: at the limit the
 * session ends and the account is locked, exactly as repeated failed logins would.
 */
export function unlockSession(app: AppContext, caller: Caller, password: string): LockStatus {
  const userId = caller.userId!;
  const now = app.clock.now();
  if (checkOwnPassword(app, userId, password)) {
    mutate(app, caller, { action: 'auth.unlock', entity: 'user', entityId: userId }, () => {
      app.db.prepare('UPDATE sessions SET locked_at = NULL WHERE token_hash = ?').run(caller.tokenHash);
      app.db.prepare('UPDATE users SET failed_attempts = 0 WHERE id = ?').run(userId);
    });
    return { locked: false, idleLockMinutes: minutes(app) };
  }
  const { failed_attempts } = app.db.prepare('SELECT failed_attempts FROM users WHERE id = ?').get(userId) as { failed_attempts: number };
  const attempts = failed_attempts + 1;
  const exhausted = attempts >= MAX_FAILED_LOGINS;
  app.db.transaction(() => {
    if (exhausted) {
      app.db.prepare('UPDATE users SET failed_attempts = 0, locked_until = ? WHERE id = ?').run(isoLocal(new Date(now.getTime() + LOCK_MINUTES * 60_000)), userId);
      app.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(caller.tokenHash);
    } else {
      app.db.prepare('UPDATE users SET failed_attempts = ? WHERE id = ?').run(attempts, userId);
    }
    writeAudit(app.db, now, caller, { action: exhausted ? 'auth.locked' : 'auth.unlock.failed', entity: 'user', entityId: userId, detail: { attempts } });
  })();
  if (exhausted) throw new AppError('UNAUTHENTICATED', `Nhập sai mật khẩu ${MAX_FAILED_LOGINS} lần: phiên làm việc đã kết thúc và tài khoản tạm khoá ${LOCK_MINUTES} phút.`);
  throw new AppError('VALIDATION', 'Mật khẩu không đúng', { password: `Không đúng (còn ${MAX_FAILED_LOGINS - attempts} lần thử)` });
}
