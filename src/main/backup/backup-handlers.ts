import type { AppContext } from '../app/app-context';
import { AppError } from '../api/app-error';
import type { HandlerMap } from '../api/dispatcher';
import { BackupError } from './backup-error';
import { backupService } from './backup-service';

type BackupMethods = 'backup.status' | 'backup.list' | 'backup.run' | 'backup.setPassphrase' | 'backup.useOsKey' | 'backup.setSecondDir' | 'backup.restore' | 'backup.cancelRestore';

/** Backup failures become API errors with their Vietnamese message kept. */
export function asAppError(e: unknown): unknown {
  if (!(e instanceof BackupError)) return e;
  switch (e.kind) {
    case 'wrong-passphrase':
      return new AppError('VALIDATION', e.message, { passphrase: e.message });
    case 'not-found':
      return new AppError('NOT_FOUND', e.message);
    case 'busy':
      return new AppError('CONFLICT', e.message);
    default:
      return new AppError('INVALID_STATE', e.message);
  }
}

async function mapped<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw asAppError(e);
  }
}

export function createBackupHandlers(app: AppContext): Pick<HandlerMap, BackupMethods> {
  const svc = backupService(app);
  return {
    'backup.status': () => mapped(() => svc.status()),
    'backup.list': () => mapped(() => svc.list()),
    'backup.run': (_i, caller) => mapped(() => svc.run('manual', caller)),
    'backup.setPassphrase': (input, caller) =>
      mapped(() => {
        svc.setPassphrase(caller, input.passphrase, input.currentPassphrase);
        return { done: true as const };
      }),
    'backup.useOsKey': (_i, caller) =>
      mapped(() => {
        svc.useOsKey(caller);
        return { done: true as const };
      }),
    'backup.setSecondDir': (input, caller) => mapped(() => svc.setSecondDir(caller, input.dir)),
    'backup.restore': (input, caller) =>
      mapped(async () => ({ restartRequired: true as const, contents: await svc.stageRestore(caller, input.file, input.location, input.passphrase) })),
    'backup.cancelRestore': (_i, caller) =>
      mapped(() => {
        svc.cancelRestore(caller);
        return { done: true as const };
      }),
  };
}
