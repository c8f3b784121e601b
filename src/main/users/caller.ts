import type { AppContext, Caller } from '../app/app-context';
import { resolveSession } from './users-service';

/**
 * Resolves a bearer token to a caller: a user's session first, then a paired device's token
 * (display boards get the read-only 'board' role). Unknown, expired or revoked tokens give null.
 */
export function resolveCaller(app: AppContext, token: string | undefined, device: string): Caller | null {
  if (!token || token.length > 200) return null;
  return resolveSession(app, token, device);
}
