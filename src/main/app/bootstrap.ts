import type { AppContext } from './app-context';
import { systemClock, type Clock } from './clock';
import { EventBus } from './event-bus';
import { createFileLogger, type Logger } from './logger';
import { dataPaths, ensureDataDirs } from './paths';
import { openDatabase } from '../db/database';
import { createHandlers } from '../api/handlers';
import { applyPendingRestore, auditAppliedRestore } from '../backup/restore';
import { removeBackupLeftovers } from '../backup/backup-work';
import type { HandlerMap } from '../api/dispatcher';

import packageJson from '../../../package.json';

/** One source of truth for the version: package.json (electron-updater reads the same). */
export const APP_VERSION: string = packageJson.version;

export interface Core {
  app: AppContext;
  handlers: HandlerMap;
  close(): void;
}

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  testMode?: boolean;
  integrityCheck?: 'full' | 'quick' | 'none';
}

/** Opens one installation (its data folder and database) and builds its handlers. One per process. */
export async function startCore(opts: CoreOptions): Promise<Core> {
  const paths = dataPaths(opts.dataDir);
  ensureDataDirs(paths);
  const log = opts.log ?? createFileLogger(paths.logs);
  // A backup killed midway leaves a plaintext snapshot behind: it must not outlive the next start.
  try {
    const removed = removeBackupLeftovers(paths);
    if (removed.length) log.warn('removed leftovers of an interrupted backup', { count: removed.length });
  } catch (e) {
    log.warn('backup leftovers not removed', { error: e });
  }
  const restored = applyPendingRestore(paths, log);
  const db = await openDatabase({ file: paths.database, backupDir: paths.backups, log, integrityCheck: opts.integrityCheck });
  const app: AppContext = { db, clock: opts.clock ?? systemClock, log, events: new EventBus(), paths, version: APP_VERSION, testMode: !!opts.testMode };
  if (restored) auditAppliedRestore(app, restored);
  const handlers = createHandlers(app);
  const closers: (() => void)[] = [];
  return {
    app,
    handlers,
    close() {
      for (const c of closers.reverse()) c();
      if (db.open) db.close();
    },
  };
}
