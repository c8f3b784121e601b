import type { AppContext } from '../app/app-context';
import { readKeyring } from './keyring-store';
import { backupService, localDay } from './backup-service';

export type ScheduleOutcome = 'ran' | 'already-done' | 'no-key' | 'failed';

export interface BackupScheduler {
  /** Runs today's backup if it is missing; the timer calls it, tests call it directly. */
  checkNow(): Promise<ScheduleOutcome>;
  stop(): void;
}

/**
 * The daily backup, in the office server process: checked at start (so a PC switched on after
 * midnight backs up at once) and then every `everyMs`; a day counts as done once any backup of that
 * local (Asia/Ho_Chi_Minh) day exists. A failure is retried at the next check.
 */
export function startBackupScheduler(app: AppContext, opts: { everyMs?: number; runAtStart?: boolean } = {}): BackupScheduler {
  const service = backupService(app);
  let stopped = false;
  const checkNow = async (): Promise<ScheduleOutcome> => {
    if (stopped || !app.db.open) return 'failed';
    try {
      if (!readKeyring(app.paths.root)) return 'no-key';
      if (service.hasBackupForDay(localDay(app.clock.now()))) return 'already-done';
      await service.run('daily');
      return 'ran';
    } catch (e) {
      app.log.error('scheduled backup failed', { error: e });
      return 'failed';
    }
  };
  const timer = setInterval(() => void checkNow(), opts.everyMs ?? 10 * 60_000);
  timer.unref();
  if (opts.runAtStart !== false) void checkNow();
  return {
    checkNow,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
