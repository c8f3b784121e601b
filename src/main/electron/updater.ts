import { app, BrowserWindow, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../app/logger';
import { isoLocal } from '../app/clock';
import { combineActivity, mayInstallUpdateNow, parseWorkActivity, updaterSettings, type StoredUpdateSettings, type UpdaterSettings } from '../app/update-policy';
import type { UpdateStatus, WorkActivity } from '../../shared/diagnostics/updates';
import { isAllowedSender } from './security';

export const IPC_UPDATES = 'motcua:updates';
export const IPC_UPDATE_STATUS = 'motcua:update-status';
export const IPC_ACTIVITY = 'motcua:activity';

export interface UpdaterDeps {
  log: Logger;
  /** The office's update source (host PC); undefined on a terminal. Read at every check. */
  readStored: () => StoredUpdateSettings | undefined;
  trusted: { rendererIndexUrl?: string; hostOrigin?: string };
}

/**
 * Checks the province-hosted generic server, downloads in the background and installs only when
 * nobody is in the middle of an intake or serving a ticket at this PC (otherwise when the app closes).
 * Integrity and authenticity are electron-updater's: the sha512 in latest.yml, and on Windows the
 * Authenticode signature of the downloaded installer must name the same publisher as the installed
 * app (publisherName in app-update.yml, `verifyUpdateCodeSignature` in electron-builder.yml).
 * Reachable from the settings screen through the preload bridge only: updating is per PC, not an
 * office API method (see docs/windows.md).
 */
export function startUpdater(deps: UpdaterDeps): { stop(): void } {
  const { log } = deps;
  let status: UpdateStatus = { state: 'idle' };
  let downloadedVersion: string | null = null;
  let updater: AppUpdater | null = null;
  let timer: NodeJS.Timeout | null = null;
  let checking: Promise<void> | null = null;
  const activity = new Map<number, WorkActivity>();

  const publish = (next: UpdateStatus) => {
    status = next;
    for (const w of BrowserWindow.getAllWindows()) w.webContents.send(IPC_UPDATE_STATUS, status);
  };
  const currentSettings = (): UpdaterSettings =>
    updaterSettings({ isPackaged: app.isPackaged, platform: process.platform, env: process.env, stored: deps.readStored() });

  const tryInstall = () => {
    if (!downloadedVersion || !updater) return;
    const decision = mayInstallUpdateNow(combineActivity(activity.values()));
    if (!decision.install) {
      publish({ state: 'waiting', version: downloadedVersion, reason: decision.reason ?? '' });
      return;
    }
    publish({ state: 'installing', version: downloadedVersion });
    log.info('installing update', { version: downloadedVersion });
    // Silent NSIS run, then the app starts again on the new version.
    updater.quitAndInstall(true, true);
  };

  const ensureUpdater = async (): Promise<AppUpdater> => {
    if (updater) return updater;
    const { autoUpdater } = await import('electron-updater');
    autoUpdater.logger = { info: (m: unknown) => log.info('updater', { m: String(m) }), warn: (m: unknown) => log.warn('updater', { m: String(m) }), error: (m: unknown) => log.error('updater', { m: String(m) }), debug: () => {} };
    autoUpdater.on('checking-for-update', () => publish({ state: 'checking' }));
    autoUpdater.on('update-not-available', () => publish({ state: 'up-to-date', checkedAt: isoLocal(new Date()) }));
    autoUpdater.on('update-available', (info) => publish({ state: 'downloading', version: info.version, percent: 0 }));
    autoUpdater.on('download-progress', (p) => {
      if (status.state === 'downloading') publish({ ...status, percent: Math.floor(p.percent) });
    });
    autoUpdater.on('update-downloaded', (e) => {
      downloadedVersion = e.version;
      log.info('update downloaded', { version: e.version });
      tryInstall();
    });
    autoUpdater.on('error', (e) => {
      log.error('update failed', { error: e });
      publish({
        state: 'error',
        message: 'Không cập nhật được (mất mạng, máy chủ cập nhật không trả lời, hoặc bản mới không có chữ ký hợp lệ). Đã ghi nhật ký; ứng dụng sẽ tự thử lại sau.',
      });
    });
    updater = autoUpdater;
    return autoUpdater;
  };

  const check = async (): Promise<void> => {
    const s = currentSettings();
    if (!s.enabled) {
      publish({ state: 'disabled', reason: s.disabledReason ?? '' });
      return;
    }
    if (downloadedVersion) return tryInstall();
    const u = await ensureUpdater();
    u.autoDownload = s.autoDownload;
    u.autoInstallOnAppQuit = s.autoInstallOnAppQuit;
    u.allowDowngrade = s.allowDowngrade;
    u.allowPrerelease = s.allowPrerelease;
    if (s.feed) u.setFeedURL(s.feed);
    try {
      await u.checkForUpdates();
    } catch {
      // Reported through the 'error' event above.
    }
  };
  const checkOnce = () => (checking ??= check().finally(() => (checking = null)));

  const senderOk = (e: IpcMainEvent | IpcMainInvokeEvent) =>
    isAllowedSender({ frameUrl: e.senderFrame?.url ?? null, isMainFrame: !!e.senderFrame && e.senderFrame === e.sender.mainFrame, fromOwnWindow: !!BrowserWindow.fromWebContents(e.sender) }, deps.trusted);

  ipcMain.handle(IPC_UPDATES, async (e, action: unknown) => {
    if (!senderOk(e)) return status;
    if (action === 'check') await checkOnce();
    return status;
  });
  const onActivity = (e: IpcMainEvent, raw: unknown) => {
    const a = senderOk(e) ? parseWorkActivity(raw) : null;
    if (!a) return;
    const id = e.sender.id;
    if (!activity.has(id)) e.sender.once('destroyed', () => activity.delete(id));
    activity.set(id, a);
    tryInstall();
  };
  ipcMain.on(IPC_ACTIVITY, onActivity);

  const initial = currentSettings();
  if (!initial.enabled) publish({ state: 'disabled', reason: initial.disabledReason ?? '' });
  // Scheduled even when off now: an administrator may set a valid update server later; check() re-reads.
  const loop = () => {
    void checkOnce();
    timer = setTimeout(loop, initial.checkIntervalMs);
  };
  timer = setTimeout(loop, initial.firstCheckDelayMs);

  return {
    stop() {
      if (timer) clearTimeout(timer);
      ipcMain.removeHandler(IPC_UPDATES);
      ipcMain.removeListener(IPC_ACTIVITY, onActivity);
    },
  };
}
