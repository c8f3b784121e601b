import { describe, expect, it } from 'vitest';
import {
  allowNavigation,
  isAllowedSender,
  isTrustedUrl,
  permissionDecision,
  resolveDataDir,
  secureWindowOptions,
  windowOpenDecision,
} from '../../../src/main/electron/security';

// A packaged Windows install and a terminal pointing at the office host.
const INDEX = 'file:///C:/Program%20Files/MotCuaDesk/resources/app.asar/dist/renderer/index.html';
const host = { rendererIndexUrl: INDEX };
const terminal = { hostOrigin: 'http://192.168.1.10:8686' };

describe('secureWindowOptions', () => {
  const o = secureWindowOptions({ preloadPath: 'C:\\app\\dist\\preload\\index.cjs', title: 'Một cửa Desk' });

  it('isolates the page from Node and Electron', () => {
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(o.webPreferences.preload).toBe('C:\\app\\dist\\preload\\index.cjs');
  });

  it('opens hidden until the first paint, with the given title', () => {
    expect(o.show).toBe(false);
    expect(o.title).toBe('Một cửa Desk');
  });
});

describe('isTrustedUrl / allowNavigation on the host PC (renderer from file://)', () => {
  it.each([INDEX, `${INDEX}#/cai-dat`, `${INDEX}#/ho-so?q=abc`, `${INDEX}?lang=vi#/quay`])('trusts the app’s own page: %s', (url) => {
    expect(isTrustedUrl(url, host)).toBe(true);
    expect(allowNavigation(url, host)).toBe(true);
  });

  it.each([
    ['another local file', 'file:///C:/Users/canbo/Downloads/hoa-don.html'],
    ['a sibling file in the app', 'file:///C:/Program%20Files/MotCuaDesk/resources/app.asar/dist/renderer/evil.html'],
    ['path traversal that normalises elsewhere', `${INDEX}/../../../../../../Windows/win.ini`],
    ['the same path on another machine (UNC)', 'file://attacker.example/C:/Program%20Files/MotCuaDesk/resources/app.asar/dist/renderer/index.html'],
    ['the same path over http', 'http://127.0.0.1:8686/C:/Program%20Files/MotCuaDesk/resources/app.asar/dist/renderer/index.html'],
    ['a web page', 'https://dichvucong.gov.vn/'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['garbage', 'not a url'],
    ['empty', ''],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedUrl(url, host)).toBe(false);
    expect(allowNavigation(url, host)).toBe(false);
  });

  it('does not trust the host’s office server origin unless configured as a terminal', () => {
    expect(isTrustedUrl('http://127.0.0.1:8686/', host)).toBe(false);
  });
});

describe('isTrustedUrl / allowNavigation on a terminal (renderer from the host’s office server)', () => {
  it.each(['http://192.168.1.10:8686/', 'http://192.168.1.10:8686/#/hang-doi', 'http://192.168.1.10:8686/index.html?x=1'])('trusts the host: %s', (url) => {
    expect(isTrustedUrl(url, terminal)).toBe(true);
  });

  it.each([
    ['a lookalike host with the port in the name', 'http://192.168.1.10:8686.evil.com/'],
    ['a lookalike host ending like the host', 'http://192.168.1.10.evil.com:8686/'],
    ['the host as user name of another server', 'http://192.168.1.10:8686@evil.com/'],
    ['another port on the host', 'http://192.168.1.10:8687/'],
    ['the default port', 'http://192.168.1.10/'],
    ['https instead of http (another origin)', 'https://192.168.1.10:8686/'],
    ['websocket scheme', 'ws://192.168.1.10:8686/api/events'],
    ['another PC on the LAN', 'http://192.168.1.11:8686/'],
    ['a local file', 'file:///C:/Windows/win.ini'],
    ['javascript:', 'javascript:fetch("http://192.168.1.10:8686/api")'],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedUrl(url, terminal)).toBe(false);
    expect(allowNavigation(url, terminal)).toBe(false);
  });

  it('with the brief’s loopback example: http://127.0.0.1:8686.evil.com is not http://127.0.0.1:8686', () => {
    expect(isTrustedUrl('http://127.0.0.1:8686.evil.com', { hostOrigin: 'http://127.0.0.1:8686' })).toBe(false);
    expect(isTrustedUrl('http://127.0.0.1:8686/', { hostOrigin: 'http://127.0.0.1:8686' })).toBe(true);
  });

  it('trusts nothing when nothing is configured', () => {
    expect(isTrustedUrl(INDEX, {})).toBe(false);
    expect(isTrustedUrl('http://192.168.1.10:8686/', {})).toBe(false);
  });
});

describe('windowOpenDecision', () => {
  it('always denies a new window; web links go to the system browser', () => {
    expect(windowOpenDecision('https://dichvucong.gov.vn/tra-cuu-ho-so?ma=000.00.06.H56-250301-0001')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenDecision('http://example.com/')).toEqual({ action: 'deny', openExternally: true });
  });

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    '\\\\attacker\\share\\x.exe',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x&crumb=location:\\\\attacker\\share',
    'mailto:a@b.vn',
    'data:text/html,x',
    INDEX,
    'not a url',
  ])('denies and does not hand %s to the OS', (url) => {
    expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: false });
  });
});

describe('isAllowedSender (IPC)', () => {
  const good = { frameUrl: INDEX, isMainFrame: true, fromOwnWindow: true };

  it('accepts the top frame of our window showing our page', () => {
    expect(isAllowedSender(good, host)).toBe(true);
    expect(isAllowedSender({ ...good, frameUrl: `${INDEX}#/quay` }, host)).toBe(true);
    expect(isAllowedSender({ ...good, frameUrl: 'http://192.168.1.10:8686/#/quay' }, terminal)).toBe(true);
  });

  it('refuses an iframe, even one showing our own page', () => {
    expect(isAllowedSender({ ...good, isMainFrame: false }, host)).toBe(false);
  });

  it('refuses a window that is not ours, a frame without URL, and a foreign page', () => {
    expect(isAllowedSender({ ...good, fromOwnWindow: false }, host)).toBe(false);
    expect(isAllowedSender({ ...good, frameUrl: null }, host)).toBe(false);
    expect(isAllowedSender({ ...good, frameUrl: 'https://evil.example/' }, host)).toBe(false);
    expect(isAllowedSender({ ...good, frameUrl: 'http://192.168.1.10:8686.evil.com/' }, terminal)).toBe(false);
    expect(isAllowedSender({ ...good, frameUrl: 'file://attacker/C:/Program%20Files/MotCuaDesk/resources/app.asar/dist/renderer/index.html' }, host)).toBe(false);
  });
});

describe('permissionDecision', () => {
  it.each(['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write', 'hid', 'serial', 'usb', 'unknown-future-permission'])(
    'denies %s',
    (permission) => expect(permissionDecision(permission)).toBe(false),
  );
});

describe('resolveDataDir', () => {
  const def = 'C:\\Users\\canbo\\AppData\\Roaming\\Một cửa Desk\\data';

  it('takes --data-dir <dir> and --data-dir=<dir>, before MOTCUA_DATA_DIR and the default', () => {
    expect(resolveDataDir(['MotCuaDesk.exe', '--data-dir', 'D:\\MotCua'], { MOTCUA_DATA_DIR: 'E:\\x' }, def)).toBe('D:\\MotCua');
    expect(resolveDataDir(['MotCuaDesk.exe', '--data-dir=D:\\Mot Cua'], { MOTCUA_DATA_DIR: 'E:\\x' }, def)).toBe('D:\\Mot Cua');
    expect(resolveDataDir(['MotCuaDesk.exe', '--data-dir=D:\\a=b'], {}, def)).toBe('D:\\a=b');
  });

  it('then MOTCUA_DATA_DIR, then the per-user default', () => {
    expect(resolveDataDir(['MotCuaDesk.exe'], { MOTCUA_DATA_DIR: 'D:\\MotCua' }, def)).toBe('D:\\MotCua');
    expect(resolveDataDir(['MotCuaDesk.exe'], {}, def)).toBe(def);
    expect(resolveDataDir(['MotCuaDesk.exe'], { MOTCUA_DATA_DIR: '' }, def)).toBe(def);
  });

  it('ignores a --data-dir without a value instead of using the next flag or nothing', () => {
    expect(resolveDataDir(['MotCuaDesk.exe', '--data-dir'], {}, def)).toBe(def);
    expect(resolveDataDir(['MotCuaDesk.exe', '--data-dir='], { MOTCUA_DATA_DIR: 'D:\\MotCua' }, def)).toBe('D:\\MotCua');
    expect(resolveDataDir(['MotCuaDesk.exe', '--data-dir', '--inspect=9229'], {}, def)).toBe(def);
  });

  it('does not take look-alike flags', () => {
    expect(resolveDataDir(['MotCuaDesk.exe', '--data-directory=X', '--no-data-dir', 'Y'], {}, def)).toBe(def);
  });
});
