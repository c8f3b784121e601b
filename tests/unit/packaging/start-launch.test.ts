import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOpener, chooseLaunch, hasGraphicalSession, officeServerArgs } from '../../../scripts/start.mjs';

const root = path.resolve(__dirname, '../../..');
const never = () => {
  throw new Error('Electron must not be probed when the answer is already known');
};

describe('npm start: desktop window or browser', () => {
  it('uses the browser on a Linux machine without a graphical session, without touching Electron', () => {
    const c = chooseLaunch({ argv: [], platform: 'linux', env: {}, electron: never });
    expect(c).toEqual({ mode: 'browser', why: expect.stringContaining('màn hình đồ họa') });
  });

  it('uses the browser when asked to, even on a desktop', () => {
    expect(chooseLaunch({ argv: ['--browser'], platform: 'win32', env: {}, electron: never }).mode).toBe('browser');
    expect(chooseLaunch({ argv: [], platform: 'darwin', env: { MOTCUA_BROWSER: '1' }, electron: never }).mode).toBe('browser');
  });

  it('opens the desktop where Electron runs, and says why not where it does not', () => {
    expect(chooseLaunch({ argv: [], platform: 'linux', env: { DISPLAY: ':0' }, electron: () => ({ runs: true }) })).toEqual({ mode: 'desktop' });
    expect(chooseLaunch({ argv: [], platform: 'win32', env: {}, electron: () => ({ runs: false, why: 'không tải được Electron về máy này' }) })).toEqual({
      mode: 'browser',
      why: 'không tải được Electron về máy này',
    });
  });

  it('knows which systems have a graphical session', () => {
    expect(hasGraphicalSession('win32', {})).toBe(true);
    expect(hasGraphicalSession('darwin', {})).toBe(true);
    expect(hasGraphicalSession('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasGraphicalSession('linux', { DISPLAY: '' })).toBe(false);
  });

  it('passes the office-server options through and keeps its own flags', () => {
    expect(officeServerArgs(['--browser', '--data-dir', 'D', '--no-open', '--port', '0'])).toEqual(['--data-dir', 'D', '--port', '0']);
  });

  it('opens the default browser with each OS’s own command', () => {
    expect(browserOpener('linux', 'http://x').cmd).toBe('xdg-open');
    expect(browserOpener('darwin', 'http://x').cmd).toBe('open');
    expect(browserOpener('win32', 'http://x')).toEqual({ cmd: 'cmd', args: ['/c', 'start', '""', 'http://x'] });
  });
});

describe('npm ci works without downloading Electron', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean>; scripts: Record<string, string> };
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };

  it("denies Electron's download script; npm start fetches the binary only where a desktop can use it", () => {
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
  });

  it('has reviewed every dependency that has an install script (none runs unreviewed)', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([k, v]) => k && v.hasInstallScript)
      .map(([k]) => k.slice(k.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(pkg.allowScripts, name).toHaveProperty([name]);
    // The native SQLite binding is built or fetched at install: the app cannot open its database without it.
    expect(pkg.allowScripts['better-sqlite3']).toBe(true);
  });
});
