import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

const root = path.resolve(__dirname, '../../..');

/** Collects a child's stdout until `pattern` appears. */
function waitFor(child: ChildProcess, pattern: RegExp): Promise<{ match: RegExpExecArray; text: string }> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (c: Buffer) => {
      text += c.toString('utf8');
      const m = pattern.exec(text);
      if (m) resolve({ match: m, text });
    });
    child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before ${pattern}: ${text}`)));
  });
}

describe('npm start on a machine without a graphical session', () => {
  let child: ChildProcess | null = null;
  const tmp = makeTempDir('motcua-start-');
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const gone = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    }
    tmp.cleanup();
  });

  it('says so, starts the office process and serves the UI at the URL it prints', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    delete env.MOTCUA_BROWSER;
    child = spawn(process.execPath, ['scripts/start.mjs', '--no-open', '--data-dir', tmp.dir, '--port', '0'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const { match, text } = await waitFor(child, /^MOTCUA_URL=(\S+)$/m);
    expect(text).toContain('Không mở cửa sổ ứng dụng: máy này không có màn hình đồ họa');
    expect(text).toContain('mở giao diện trong trình duyệt');
    const res = await fetch(match[1]);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });
});
