import type { AppContext, Caller } from '../app/app-context';
import { AppError } from '../api/app-error';
import type { HandlerMap } from '../api/dispatcher';
import { closeDay } from './close-day';
import { resendParked, saveSyncConfig } from './sync-config';
import { listParked, listRuns, readSyncConfig } from './sync-store';
import { syncWorkerFor } from './sync-worker';
import { listCollisions, markCalledBack, repairCollision } from './collisions';
import { formatProvincialTime } from '../../shared/sync/provincial-time';

type SyncMethods =
  | 'sync.status'
  | 'sync.configure'
  | 'sync.runNow'
  | 'sync.parked'
  | 'sync.resend'
  | 'sync.log'
  | 'sync.closeDay'
  | 'sync.collisions'
  | 'sync.repairCollision'
  | 'sync.collisionCalledBack';

const seesConfig = (c: Caller) => c.role === 'supervisor' || c.role === 'admin';

export function createSyncHandlers(app: AppContext): Pick<HandlerMap, SyncMethods> {
  // One worker per database: handlers use the host's (created here if the host has not started one).
  const worker = () => syncWorkerFor(app);
  return {
    'sync.status': (_input, caller) => worker().status(seesConfig(caller)),
    'sync.configure': async (input, caller) => {
      saveSyncConfig(app, caller, input);
      const w = worker();
      w.configChanged();
      const connection = input.test && input.enabled ? await w.testConnection() : null;
      return { status: w.status(true), connection };
    },
    'sync.runNow': async (input) => {
      const config = readSyncConfig(app.db);
      if (!config) throw new AppError('INVALID_STATE', 'Chưa cấu hình kết nối hệ thống tỉnh: quản trị vào mục Đồng bộ › Cấu hình.');
      if (config.enabled !== 1) throw new AppError('INVALID_STATE', 'Đồng bộ đang tắt trong cấu hình.');
      const w = worker();
      if (input.wait) return { started: true, run: await w.runNow('manual') };
      const already = w.running;
      void w.runNow('manual').catch((e: unknown) => app.log.error('sync run failed', { error: e }));
      return { started: !already, run: null };
    },
    'sync.parked': (input) => listParked(app.db, input.limit),
    'sync.resend': (input, caller) => ({ resent: resendParked(app, caller, input.ids) }),
    'sync.log': (input) => listRuns(app.db, input.limit),
    'sync.collisions': (input) => listCollisions(app.db, input.limit),
    'sync.repairCollision': (input, caller) => {
      const v = repairCollision(app, caller, input.id);
      if (v.local) app.events.emit('dossier.changed', { id: v.local.dossierId, code: v.local.code, status: 0 });
      return v;
    },
    'sync.collisionCalledBack': (input, caller) => markCalledBack(app, caller, input.id),
    'sync.closeDay': (input, caller) => {
      const t = formatProvincialTime(app.clock.now());
      const today = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
      if (input.date && input.date > today) throw new AppError('VALIDATION', 'Không chốt được một ngày chưa tới.', { date: 'Sau hôm nay' });
      return closeDay(app, caller, input);
    },
  };
}
