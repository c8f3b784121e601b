import { warmUpPdf } from '../printing/pdf';
import { startCore, type Core } from '../app/bootstrap';
import { AdjustableClock, systemClock, type Clock } from '../app/clock';
import { createFileLogger, type Logger } from '../app/logger';
import { dataPaths, ensureDataDirs } from '../app/paths';
import { DatabaseOpenError } from '../db/database';
import { getOfficeSettings } from '../settings/settings-store';
import { startBackupScheduler, type BackupScheduler } from '../backup/scheduler';
import { lockDataFolder } from '../app/data-folder-lock';
import { startRecoveryServer } from '../recovery/recovery-server';
import { noteServerTls } from '../security/security-handlers';
import { startOfficeServer, type OfficeServer } from './office-server';
import { startSyncWorker, type SyncWorker } from '../sync/sync-worker';
import { loadTlsMaterial, readTlsSetting } from './tls';

export interface OfficeProcessOptions {
  dataDir: string;
  port: number;
  testMode?: boolean;
  now?: Date;
  log?: Logger;
  /** How often the daily-backup check runs (default 10 minutes). */
  backupCheckMs?: number;
  /** Where to say things an operator must see (stderr in the real process). */
  warn?: (line: string) => void;
}

export interface RunningOffice {
  core: Core;
  server: OfficeServer;
  scheduler: BackupScheduler;
  /** The one sync worker of this database. */
  sync: SyncWorker;
}

export interface OfficeProcess {
  /** The first address served: the office server, or the recovery page. */
  url: string;
  mode: 'normal' | 'recovery';
  /** The normal office server: at once, or once a recovery has restored a backup. */
  normal: Promise<RunningOffice>;
  stop(): Promise<void>;
}

/**
 * The office server process: opens the installation and serves it; when the database is damaged or
 * unreadable it serves the recovery page instead of crashing, and switches to the normal server (same
 * port) once a backup is restored. Also runs the daily backup and honours the TLS setting.
 */
export async function startOfficeProcess(opts: OfficeProcessOptions): Promise<OfficeProcess> {
  const paths = dataPaths(opts.dataDir);
  // Before anything touches the folder (even the recovery page or a pending restore): a second server
  // on the same folder stops here with DataFolderBusyError, leaving the first one's files alone.
  const lock = lockDataFolder(opts.dataDir);
  const release = () => lock.release();
  try {
    ensureDataDirs(paths);
  } catch (e) {
    release();
    throw e;
  }
  const log = opts.log ?? createFileLogger(paths.logs);
  const warn = opts.warn ?? ((l: string) => log.warn(l));
  const clock: Clock = opts.testMode ? new AdjustableClock(opts.now) : systemClock;

  const startNormal = async (port: number): Promise<RunningOffice> => {
    const core = await startCore({ dataDir: opts.dataDir, log, clock, testMode: opts.testMode });
    try {
      const lan = getOfficeSettings(core.app.db)?.lanEnabled ?? false;
      let host = lan ? '0.0.0.0' : '127.0.0.1';
      const tlsSetting = readTlsSetting(core.app.db);
      let tls: { cert: Buffer; key: Buffer } | undefined;
      if (tlsSetting.enabled && tlsSetting.certPath && tlsSetting.keyPath) {
        try {
          const m = loadTlsMaterial(tlsSetting.certPath, tlsSetting.keyPath);
          tls = { cert: m.cert, key: m.key };
        } catch (e) {
          // Never fall back to plain HTTP on the LAN when HTTPS was asked for: serve this PC only, so the admin can fix it.
          host = '127.0.0.1';
          warn(`HTTPS đã bật nhưng không dùng được chứng chỉ (${(e as Error).message}); chỉ phục vụ máy này qua HTTP cho đến khi sửa.`);
          log.error('tls material unusable', { error: e });
        }
      }
      noteServerTls(core.app, tlsSetting);
      const server = await startOfficeServer({ core, port, host, tls });
      const scheduler = startBackupScheduler(core.app, { everyMs: opts.backupCheckMs });
      const sync = startSyncWorker(core.app);
      log.info('office server started', { port: server.port, lan, tls: !!tls });
      // Pay the one-off font parsing (about a second) shortly after start, not on the first receipt at the counter.
      setTimeout(() => void warmUpPdf().catch((e: Error) => log.warn('pdf warm-up failed', { error: e })), 3000).unref();
      return { core, server, scheduler, sync };
    } catch (e) {
      core.close();
      throw e;
    }
  };

  let running: RunningOffice | null = null;
  let recovery: Awaited<ReturnType<typeof startRecoveryServer>> | null = null;
  const remember = (r: RunningOffice) => (running = r);
  const stop = async () => {
    running?.scheduler.stop();
    await running?.sync.stop();
    await running?.server.close();
    running?.core.close();
    await recovery?.close();
    release();
  };

  try {
    const r = remember(await startNormal(opts.port));
    return { url: r.server.url, mode: 'normal', normal: Promise.resolve(r), stop };
  } catch (e) {
    if (!(e instanceof DatabaseOpenError) || (e.kind !== 'corrupt' && e.kind !== 'unreadable')) {
      release();
      throw e;
    }
    log.error('database cannot be opened: recovery mode', { error: e });
    warn(`${e.message} Máy chủ chạy ở chế độ khôi phục (chỉ trên máy này).`);
    const rec = await startRecoveryServer({ paths, log, clock, problem: e.message, port: opts.port });
    recovery = rec;
    const normal = rec.restored.then(async () => {
      await rec.close();
      recovery = null;
      return remember(await startNormal(rec.port));
    });
    return { url: rec.url, mode: 'recovery', normal, stop };
  }
}
