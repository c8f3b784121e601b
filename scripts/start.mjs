// `npm start`: the desktop window where Electron can run here, otherwise the office process with the UI in
// the default browser — and it says which, and why.
//
// `npm ci` never downloads Electron's binary (package.json "allowScripts" denies its postinstall), so the
// first command works on machines without access to Electron's download site. The binary is fetched here,
// on first `npm start` on a desktop; if that is impossible, the browser is used.
//
// usage: npm start [-- --browser] [-- --no-open] [-- <office-server options: --data-dir DIR --port N>]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Whether this machine has a graphical session an Electron window can open on. */
export function hasGraphicalSession(platform, env) {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Decides how to run the app. `electron` is what is known about Electron here:
 * `{ runs: true }` or `{ runs: false, why }` (only asked when the other checks pass).
 * Returns `{ mode: 'desktop' }` or `{ mode: 'browser', why }` (why: a Vietnamese sentence).
 */
export function chooseLaunch({ argv, platform, env, electron }) {
  if (argv.includes('--browser') || env.MOTCUA_BROWSER === '1') return { mode: 'browser', why: 'đã chọn chạy trong trình duyệt' };
  if (!hasGraphicalSession(platform, env)) return { mode: 'browser', why: 'máy này không có màn hình đồ họa (DISPLAY/WAYLAND_DISPLAY trống)' };
  const e = electron();
  if (!e.runs) return { mode: 'browser', why: e.why };
  return { mode: 'desktop' };
}

/** Options for the office server: everything but this script's own flags. */
export function officeServerArgs(argv) {
  return argv.filter((a) => a !== '--browser' && a !== '--no-open');
}

/** The command that opens a URL in the default browser on this OS. */
export function browserOpener(platform, url) {
  if (platform === 'win32') return { cmd: 'cmd', args: ['/c', 'start', '""', url] };
  if (platform === 'darwin') return { cmd: 'open', args: [url] };
  return { cmd: 'xdg-open', args: [url] };
}

function electronBinary() {
  const require = createRequire(path.join(root, 'package.json'));
  try {
    return require('electron'); // the executable's path; throws while the binary is not downloaded
  } catch {
    return null;
  }
}

/** Finds Electron's binary, downloading it once if needed, and checks it actually starts here. */
function probeElectron() {
  let bin = electronBinary();
  if (!bin) {
    const installer = path.join(root, 'node_modules', 'electron', 'install.js');
    if (!fs.existsSync(installer)) return { runs: false, why: 'gói electron chưa được cài' };
    console.log('Đang tải Electron (một lần)...');
    const r = spawnSync(process.execPath, [installer], { cwd: path.dirname(installer), stdio: 'inherit', timeout: 10 * 60_000 });
    bin = r.status === 0 ? electronBinary() : null;
    if (!bin) return { runs: false, why: 'không tải được Electron về máy này' };
  }
  const v = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (v.status !== 0) return { runs: false, why: `Electron không chạy được trên máy này (${(v.stderr || v.error?.message || '').trim().split('\n')[0]})` };
  return { runs: true, bin };
}

function build() {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function runDesktop(bin, args) {
  const child = spawn(bin, ['.', ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function runBrowser(why, argv) {
  console.log(`Không mở cửa sổ ứng dụng: ${why}. Chạy máy chủ văn phòng và mở giao diện trong trình duyệt.`);
  const child = spawn(process.execPath, [path.join(root, 'dist/main/server.cjs'), ...officeServerArgs(argv)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let opened = false;
  let pending = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    pending += chunk.toString('utf8');
    const m = /^MOTCUA_URL=(\S+)$/m.exec(pending);
    if (!m || opened) return;
    opened = true;
    if (argv.includes('--no-open')) return;
    const { cmd, args } = browserOpener(process.platform, m[1]);
    const opener = spawn(cmd, args, { stdio: 'ignore', detached: true });
    opener.on('error', () => console.log(`Không mở được trình duyệt mặc định; hãy mở ${m[1]}`));
    opener.on('spawn', () => {
      console.log(`Đã mở ${m[1]} trong trình duyệt mặc định.`);
      opener.unref();
    });
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  build();
  let bin = null;
  const choice = chooseLaunch({
    argv,
    platform: process.platform,
    env: process.env,
    electron: () => {
      const p = probeElectron();
      bin = p.bin ?? null;
      return p;
    },
  });
  if (choice.mode === 'desktop') runDesktop(bin, officeServerArgs(argv));
  else runBrowser(choice.why, argv);
}
