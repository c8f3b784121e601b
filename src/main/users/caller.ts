import type { AppContext, Caller } from '../app/app-context';
import { resolveSession } from './users-service';
import { resolveDeviceToken } from '../devices/device-service';

export type TokenProblem = 'no-token' | 'unknown-token' | 'revoked-device';

/**
 * Resolves a bearer token to a caller: a user's session first, then a paired device's token
 * (display boards get the read-only 'board' role, kiosks 'kiosk'). Says why when there is none,
 * so the office server can audit the refusal.
 */
export function identifyCaller(app: AppContext, token: string | undefined, device: string): { caller: Caller | null; problem: TokenProblem | null } {
  if (!token) return { caller: null, problem: 'no-token' };
  if (token.length > 200) return { caller: null, problem: 'unknown-token' };
  const session = resolveSession(app, token, device);
  if (session) {
    const lock = app.db.prepare('SELECT locked_at FROM sessions WHERE token_hash = ?').get(session.tokenHash) as { locked_at: string | null } | undefined;
    return { caller: lock?.locked_at ? { ...session, locked: true } : session, problem: null };
  }
  const d = resolveDeviceToken(app, token, device);
  if (d.status === 'ok') return { caller: d.caller, problem: null };
  return { caller: null, problem: d.status === 'revoked' ? 'revoked-device' : 'unknown-token' };
}

/** Unknown, expired or revoked tokens give null. */
export function resolveCaller(app: AppContext, token: string | undefined, device: string): Caller | null {
  return identifyCaller(app, token, device).caller;
}
