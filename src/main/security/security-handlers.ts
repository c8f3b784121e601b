import type { AppContext } from '../app/app-context';
import { AppError } from '../api/app-error';
import type { HandlerMap } from '../api/dispatcher';
import { mutate } from '../audit/audit-log';
import { setSetting } from '../settings/settings-store';
import { loadTlsMaterial, readTlsSetting, tlsView, TLS_SETTING_KEY, type TlsSetting } from '../server/tls';
import { lockSession, lockStatus, unlockSession } from './screen-lock';

type SecurityMethods = 'auth.lock' | 'auth.unlock' | 'auth.lockStatus' | 'server.getTls' | 'server.setTls' | 'recovery.status' | 'recovery.restoreLatest';

/** The TLS setting the running server was started with, to tell the admin a restart is pending. */
const startedWith = new WeakMap<AppContext, string>();
export function noteServerTls(app: AppContext, s: TlsSetting): void {
  startedWith.set(app, JSON.stringify(s));
}

export function createSecurityHandlers(app: AppContext): Pick<HandlerMap, SecurityMethods> {
  const restartRequired = (s: TlsSetting) => startedWith.has(app) && startedWith.get(app) !== JSON.stringify(s);
  return {
    'auth.lock': (_i, caller) => lockSession(app, caller),
    'auth.unlock': (input, caller) => unlockSession(app, caller, input.password),
    'auth.lockStatus': (_i, caller) => lockStatus(app, caller),
    'server.getTls': () => {
      const s = readTlsSetting(app.db);
      return tlsView(s, restartRequired(s));
    },
    'server.setTls': (input, caller) => {
      const next: TlsSetting = input.enabled ? { enabled: true, certPath: input.certPath!, keyPath: input.keyPath! } : { enabled: false, certPath: null, keyPath: null };
      if (next.enabled) loadTlsMaterial(next.certPath!, next.keyPath!);
      mutate(app, caller, { action: 'server.tls.set', entity: 'settings', detail: { enabled: next.enabled } }, () => setSetting(app.db, TLS_SETTING_KEY, next));
      return tlsView(next, restartRequired(next));
    },
    // The recovery methods do their work in the recovery server (src/main/recovery); a healthy one says so.
    'recovery.status': () => ({ mode: 'normal' as const, problem: null, dataDirWritable: true, backups: [] }),
    'recovery.restoreLatest': () => {
      throw new AppError('INVALID_STATE', 'Máy chủ đang chạy bình thường; khôi phục bản sao lưu trong Cài đặt › Sao lưu.');
    },
  };
}
