import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, session, shell, ipcMain } from 'electron';
import { startCore, type Core } from '../app/bootstrap';
import { DataFolderBusyError, lockDataFolder, type DataFolderLock } from '../app/data-folder-lock';
import { createFileLogger } from '../app/logger';
import { dataPaths, rendererDir } from '../app/paths';
import { readInstallConfig, writeInstallConfig, installConfigSchema } from '../app/install-config';
import { getOfficeSettings, getSetting } from '../settings/settings-store';
import { UPDATES_SETTING_KEY, type StoredUpdateSettings } from '../app/update-policy';
import { startOfficeServer, CONTENT_SECURITY_POLICY, type OfficeServer } from '../server/office-server';
import { registerIpc, senderAllowed } from './ipc';
import { resolveCaller } from '../users/caller';
import { registerOsSecretStore } from '../sync/secret-store';
import { startSyncWorker, type SyncWorker } from '../sync/sync-worker';
import { safeStorageSecretStore } from './safe-storage-secret-store';
import { safeStorageKeyProtector } from './backup-key-protector';
import { registerOsKeyProtector } from '../backup/keyring-store';
import { startBackupScheduler, type BackupScheduler } from '../backup/scheduler';
import { startUpdater } from './updater';
import { allowNavigation, permissionDecision, resolveDataDir, secureWindowOptions, windowOpenDecision } from './security';

// One instance per PC: a second launch focuses the first window instead of opening the database twice.
if (!app.requestSingleInstanceLock()) app.quit();

const dataDir = resolveDataDir(process.argv, process.env, path.join(app.getPath('userData'), 'data'));
const paths = dataPaths(dataDir);
const log = createFileLogger(paths.logs);
let core: Core | null = null;
let server: OfficeServer | null = null;
let mainWindow: BrowserWindow | null = null;
let backups: BackupScheduler | null = null;
let updater: { stop(): void } | null = null;
let sync: SyncWorker | null = null;
let folderLock: DataFolderLock | null = null;

function hardenAllWebContents(trusted: { rendererIndexUrl?: string; hostOrigin?: string }) {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (ev, url) => {
      if (!allowNavigation(url, trusted)) ev.preventDefault();
    });
    contents.on('will-redirect', (ev, url) => {
      if (!allowNavigation(url, trusted)) ev.preventDefault();
    });
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const d = windowOpenDecision(url);
      if (d.openExternally) void shell.openExternal(url);
      return { action: d.action };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) => cb(permissionDecision(permission)));
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

async function start() {
  const config = readInstallConfig(paths.config) ?? { mode: 'host' as const, port: 8686 };
  const rendererIndex = pathToFileURL(path.join(rendererDir(), 'index.html')).toString();
  const trusted = config.mode === 'terminal' ? { hostOrigin: config.hostUrl } : { rendererIndexUrl: rendererIndex };
  hardenAllWebContents(trusted);

  if (config.mode === 'host') {
    // The sync password is sealed with the OS key store when this PC has one.
    registerOsSecretStore(safeStorageSecretStore());
    // Lets the administrator choose an OS-protected backup key instead of a passphrase.
    registerOsKeyProtector(safeStorageKeyProtector());
    // A headless office server (or a restore) may already own this folder: say so instead of sharing it.
    try {
      folderLock = lockDataFolder(dataDir);
    } catch (e) {
      if (e instanceof DataFolderBusyError) {
        dialog.showErrorBox('Một cửa Desk', e.message);
        app.exit(1);
        return;
      }
      throw e;
    }
    core = await startCore({ dataDir, log });
    registerIpc(core, trusted);
    const lan = getOfficeSettings(core.app.db)?.lanEnabled ?? false;
    server = await startOfficeServer({ core, port: config.port, host: lan ? '0.0.0.0' : '127.0.0.1' });
    sync = startSyncWorker(core.app);
    backups = startBackupScheduler(core.app);
  }
  // First-run choice of mode, outside the API contract because it decides which transport exists.
  ipcMain.handle('motcua:install-config', (e, raw: unknown, token: unknown) => {
    if (!senderAllowed(e, trusted)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Lời gọi không đến từ cửa sổ của ứng dụng.' } };
    // On the office host this PC holds the database: only an administrator may turn it into a terminal.
    if (core) {
      const caller = resolveCaller(core.app, typeof token === 'string' ? token : undefined, 'ipc');
      if (caller?.role !== 'admin') return { ok: false, error: { code: 'FORBIDDEN', message: 'Chỉ quản trị được đổi chế độ của máy.' } };
    }
    const parsed = installConfigSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: parsed.error.issues[0]?.message ?? 'Cấu hình không hợp lệ' } };
    writeInstallConfig(paths.config, parsed.data);
    app.relaunch();
    app.exit(0);
    return { ok: true, value: null };
  });

  updater = startUpdater({ log, trusted, readStored: () => (core ? getSetting<StoredUpdateSettings>(core.app.db, UPDATES_SETTING_KEY) : undefined) });

  mainWindow = new BrowserWindow(secureWindowOptions({ preloadPath: path.join(__dirname, '../preload/index.cjs'), title: 'Một cửa Desk' }));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  if (config.mode === 'terminal') await mainWindow.loadURL(config.hostUrl);
  else await mainWindow.loadURL(rendererIndex);
}

app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
});
app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => {
  backups?.stop();
  updater?.stop();
  void sync?.stop();
  void server?.close();
  core?.close();
  folderLock?.release();
});
app.whenReady().then(start).catch((e: Error) => {
  log.error('startup failed', { error: e });
  app.quit();
});
