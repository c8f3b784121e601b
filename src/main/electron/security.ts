/**
 * The Electron shell's security decisions as plain functions (no 'electron' import), so they are
 * unit-tested on machines where the Electron binary cannot run.
 */

export interface WindowOptionsInput {
  preloadPath: string;
  title: string;
}

/** BrowserWindow options for every window the app opens. */
export function secureWindowOptions(input: WindowOptionsInput) {
  return {
    width: 1366,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: input.title,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  } as const;
}

/**
 * The app's own origin: the renderer bundle on disk (file://…/dist/renderer/index.html) or, on a terminal,
 * the host's office server. Anything else is foreign.
 */
export function isTrustedUrl(url: string, trusted: { rendererIndexUrl?: string; hostOrigin?: string }): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (trusted.rendererIndexUrl) {
    const r = new URL(trusted.rendererIndexUrl);
    // The host matters too: file://server/share/… is a UNC path, i.e. a file on another machine.
    if (u.protocol === 'file:' && r.protocol === 'file:' && u.host === r.host && u.pathname === r.pathname) return true;
  }
  if (trusted.hostOrigin && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === new URL(trusted.hostOrigin).origin) return true;
  return false;
}

/** In-page navigation is allowed only within the app itself (hash routes); everything else is blocked. */
export function allowNavigation(targetUrl: string, trusted: { rendererIndexUrl?: string; hostOrigin?: string }): boolean {
  return isTrustedUrl(targetUrl, trusted);
}

/** window.open and target=_blank: always denied; http(s) links are handed to the OS browser instead. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  let external: boolean;
  try {
    const u = new URL(url);
    external = u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    external = false;
  }
  return { action: 'deny', openExternally: external };
}

export interface SenderInfo {
  /** The frame that sent the IPC message. */
  frameUrl: string | null;
  /** True when it is the window's top frame (not an iframe). */
  isMainFrame: boolean;
  /** True when the sender belongs to one of our windows. */
  fromOwnWindow: boolean;
}

/** An IPC call is dispatched only from the top frame of our own window showing our own page. */
export function isAllowedSender(s: SenderInfo, trusted: { rendererIndexUrl?: string; hostOrigin?: string }): boolean {
  return s.fromOwnWindow && s.isMainFrame && s.frameUrl !== null && isTrustedUrl(s.frameUrl, trusted);
}

/** Permission requests (camera, geolocation, notifications…): none are needed; all denied. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** Data folder: --data-dir, then MOTCUA_DATA_DIR, then the OS's per-user app data folder. */
export function resolveDataDir(argv: string[], env: Record<string, string | undefined>, userDataDefault: string): string {
  const idx = argv.findIndex((a) => a === '--data-dir' || a.startsWith('--data-dir='));
  if (idx >= 0) {
    const a = argv[idx];
    const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[idx + 1];
    // `--data-dir --other-flag`: the next word is a flag, not a folder.
    if (v && !v.startsWith('-')) return v;
  }
  return env.MOTCUA_DATA_DIR || userDataDefault;
}
