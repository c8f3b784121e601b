import type { AppContext, Caller } from '../app/app-context';
import { writeAudit } from '../audit/audit-log';

export type RefusalReason =
  | 'no-token'
  | 'unknown-token'
  | 'revoked-device'
  | 'read-only-device'
  | 'kiosk-not-allowed'
  | 'wrong-role'
  | 'screen-locked'
  | 'forged-origin'
  | 'forged-host'
  | 'setup-not-local'
  | 'login-rate-limited'
  | 'pairing-rate-limited'
  | 'recovery-rate-limited'
  | 'bad-pairing-code';

export interface Refusal {
  reason: RefusalReason;
  /** Where it came from: "http:192.168.1.23", "ws:…", a device label. */
  source: string;
  method?: string;
  username?: string | null;
  detail?: Record<string, unknown>;
}

// A board that lost its token retries every few seconds: one audit entry per source and reason per
// minute, carrying how many identical refusals it stands for, keeps the chain useful and the disk safe.
const WINDOW_MS = 60_000;
interface Window { start: number; suppressed: number }
const windows = new WeakMap<AppContext, Map<string, Window>>();

/** Records a refused request: every one in the log file, and in the audit chain (throttled as above). */
export function auditRefusal(app: AppContext, r: Refusal): void {
  app.log.warn('request refused', { reason: r.reason, source: r.source, method: r.method });
  const now = app.clock.now();
  let byKey = windows.get(app);
  if (!byKey) windows.set(app, (byKey = new Map()));
  const key = `${r.reason}|${r.source}`;
  const w = byKey.get(key);
  if (w && now.getTime() - w.start < WINDOW_MS) {
    w.suppressed++;
    return;
  }
  const suppressed = w?.suppressed ?? 0;
  byKey.set(key, { start: now.getTime(), suppressed: 0 });
  if (byKey.size > 5000) byKey.clear();
  const caller: Caller = { userId: null, username: r.username ?? null, fullName: null, role: null, device: r.source, tokenHash: null };
  try {
    app.db.transaction(() =>
      writeAudit(app.db, now, caller, {
        action: 'security.refused',
        entity: 'security',
        detail: { reason: r.reason, ...(r.method ? { method: r.method } : {}), ...(suppressed ? { similarBefore: suppressed } : {}), ...r.detail },
      }),
    )();
  } catch (e) {
    app.log.error('refusal not audited', { error: e });
  }
}

/** Why a call that reached the dispatcher was refused, from its answer and the token check. */
export function refusalReason(code: string, tokenProblem: 'no-token' | 'unknown-token' | 'revoked-device' | null, caller: Caller | null): RefusalReason | null {
  if (code === 'UNAUTHENTICATED') return tokenProblem ?? 'unknown-token';
  if (code === 'FORBIDDEN') return caller?.role === 'board' ? 'read-only-device' : caller?.role === 'kiosk' ? 'kiosk-not-allowed' : 'wrong-role';
  if (code === 'LOCKED' && caller?.locked) return 'screen-locked';
  return null;
}
