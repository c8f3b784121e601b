import { updateUrlProblem, type WorkActivity } from '../../shared/diagnostics/updates';

/**
 * Decisions of the counter PC's updater as plain functions (the updater itself, in
 * src/main/electron/updater.ts, needs the Electron binary and cannot run in tests).
 */

/** Settings key of the office's update source (host PC), written from Cài đặt → Hỗ trợ kỹ thuật. */
export const UPDATES_SETTING_KEY = 'updates';
export interface StoredUpdateSettings {
  /** Province-hosted generic server; null: the URL built into the installer (electron-builder.yml). */
  feedUrl: string | null;
}

export interface UpdaterConfig {
  isPackaged: boolean;
  platform: string;
  env: Record<string, string | undefined>;
  /** The office's setting; absent on a terminal PC, which has no database. */
  stored?: StoredUpdateSettings | null;
}

export interface UpdaterSettings {
  enabled: boolean;
  /** Vietnamese, shown in the settings screen when updates are off. */
  disabledReason: string | null;
  /** null: keep the feed electron-builder wrote into app-update.yml at build time. */
  feed: { provider: 'generic'; url: string; channel: 'latest' } | null;
  feedSource: 'env' | 'settings' | 'built-in';
  autoDownload: true;
  /** A downloaded update is applied at the latest when the app is closed at the end of the day. */
  autoInstallOnAppQuit: true;
  /** Never: a rollback is a deliberate reinstall (docs/windows.md), not something a server can push. */
  allowDowngrade: false;
  allowPrerelease: false;
  firstCheckDelayMs: number;
  checkIntervalMs: number;
}

const HOUR = 3600_000;

function disabled(reason: string, feedSource: UpdaterSettings['feedSource'] = 'built-in'): UpdaterSettings {
  return { ...base(), enabled: false, disabledReason: reason, feed: null, feedSource };
}

function base(): Omit<UpdaterSettings, 'enabled' | 'disabledReason' | 'feed' | 'feedSource'> {
  return { autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false, allowPrerelease: false, firstCheckDelayMs: 60_000, checkIntervalMs: 4 * HOUR };
}

/**
 * Where and whether this PC looks for updates. Order: MOTCUA_UPDATE_URL on this PC (testing a
 * release on one machine), then the office setting, then the URL built into the installer.
 * An invalid explicit URL turns updates off with a reason rather than silently using another source.
 */
export function updaterSettings(config: UpdaterConfig): UpdaterSettings {
  if (config.env.MOTCUA_DISABLE_UPDATES === '1') return disabled('Quản trị đã tắt tự cập nhật trên máy này (MOTCUA_DISABLE_UPDATES=1).');
  if (!config.isPackaged) return disabled('Bản chạy từ mã nguồn không tự cập nhật.');
  if (config.platform !== 'win32') return disabled('Tự cập nhật chỉ có trên Windows (bộ cài NSIS).');

  const fromEnv = config.env.MOTCUA_UPDATE_URL?.trim();
  const fromSettings = config.stored?.feedUrl?.trim();
  const [url, source]: [string | undefined, UpdaterSettings['feedSource']] = fromEnv
    ? [fromEnv, 'env']
    : fromSettings
      ? [fromSettings, 'settings']
      : [undefined, 'built-in'];
  if (url === undefined) return { ...base(), enabled: true, disabledReason: null, feed: null, feedSource: 'built-in' };
  const problem = updateUrlProblem(url);
  if (problem) return disabled(`${problem} (nguồn: ${source === 'env' ? 'biến môi trường MOTCUA_UPDATE_URL' : 'cài đặt'})`, source);
  // A generic provider URL is a folder: without the trailing slash the last segment would be dropped.
  const folder = url.endsWith('/') ? url : `${url}/`;
  return { ...base(), enabled: true, disabledReason: null, feed: { provider: 'generic', url: folder, channel: 'latest' }, feedSource: source };
}

/**
 * An update restarts the app: only when nobody is half-way through work at this PC. Unknown
 * activity (the window never reported) counts as busy; the update then waits for the app to close.
 */
export function mayInstallUpdateNow(activity: WorkActivity | null): { install: boolean; reason: string | null } {
  if (!activity) return { install: false, reason: 'Chưa rõ máy đang làm gì; bản cập nhật sẽ được cài khi đóng ứng dụng.' };
  const intakes = Number.isInteger(activity.openIntakes) && activity.openIntakes >= 0 ? activity.openIntakes : Number.NaN;
  if (Number.isNaN(intakes)) return { install: false, reason: 'Chưa rõ máy đang làm gì; bản cập nhật sẽ được cài khi đóng ứng dụng.' };
  if (intakes > 0) return { install: false, reason: 'Đang có hồ sơ tiếp nhận chưa lưu; bản cập nhật sẽ được cài khi xong.' };
  if (activity.queueServing !== false) return { install: false, reason: 'Quầy đang phục vụ công dân; bản cập nhật sẽ được cài khi xong lượt.' };
  return { install: true, reason: null };
}

/** Validates the renderer's report before it can influence anything (it crosses a process boundary). */
export function parseWorkActivity(raw: unknown): WorkActivity | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { openIntakes, queueServing } = raw as Record<string, unknown>;
  if (typeof openIntakes !== 'number' || !Number.isInteger(openIntakes) || openIntakes < 0 || openIntakes > 1000) return null;
  if (typeof queueServing !== 'boolean') return null;
  return { openIntakes, queueServing };
}

/** Several windows may report; the PC is busy if any of them is. */
export function combineActivity(reports: Iterable<WorkActivity>): WorkActivity | null {
  let any = false;
  let openIntakes = 0;
  let queueServing = false;
  for (const r of reports) {
    any = true;
    openIntakes += r.openIntakes;
    queueServing ||= r.queueServing;
  }
  return any ? { openIntakes, queueServing } : null;
}
