import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { httpCall, startServerProcess } from '../../support/server-process';
import { silentLogger } from '../../../src/main/app/logger';
import { DataFolderBusyError } from '../../../src/main/app/data-folder-lock';
import { startOfficeProcess } from '../../../src/main/server/start';

const ROOT = path.resolve(__dirname, '../../..');

/** Runs a second built office server on the folder to completion (it is expected to refuse and exit). */
function runSecondServer(dataDir: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/main/server.cjs'), '--data-dir', dataDir, '--port', '0', '--test-mode'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    // 'close', not 'exit': every byte of stderr has arrived.
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const pidFile = (dir: string) => path.join(dir, 'instance.pid');

/** Issue 19 item 10: two servers on one data folder (the second used to run, and its stop deleted the first's marker). */
describe('one office server per data folder (OS-level lock)', () => {
  const tmp = makeTempDir('motcua-folder-lock-');
  afterAll(() => tmp.cleanup());

  it('refuses a second server process with a clear Vietnamese message and leaves the first one alone', async () => {
    const dataDir = path.join(tmp.dir, 'two-processes');
    const first = await startServerProcess({ dataDir });
    try {
      const second = await runSecondServer(dataDir);
      expect(second.code).toBe(1);
      expect(second.out).not.toContain('MOTCUA_URL=');
      expect(second.err).toContain('đang được một máy chủ văn phòng khác dùng');
      expect(second.err).toContain(`tiến trình ${first.child.pid}`);
      // The first server's marker is still its own, and it still serves.
      expect(fs.readFileSync(pidFile(dataDir), 'utf8').trim()).toBe(String(first.child.pid));
      expect((await httpCall(first.url, 'system.status', {})).status).toBe(200);
    } finally {
      await first.stop();
    }
    // A clean stop removes the marker and frees the folder.
    expect(fs.existsSync(pidFile(dataDir))).toBe(false);
    const again = await startServerProcess({ dataDir });
    await again.stop();
  });

  it('is released by the OS when the holder is killed (no stale lock after a power cut)', async () => {
    const dataDir = path.join(tmp.dir, 'killed');
    const first = await startServerProcess({ dataDir });
    await first.kill();
    // The dead server's pid file is still there; the lock is not.
    expect(fs.existsSync(pidFile(dataDir))).toBe(true);
    const next = await startServerProcess({ dataDir });
    try {
      expect(fs.readFileSync(pidFile(dataDir), 'utf8').trim()).toBe(String(next.child.pid));
      expect((await httpCall(next.url, 'system.status', {})).status).toBe(200);
    } finally {
      await next.stop();
    }
  });

  it('refuses a second office core in the same process too', async () => {
    const dataDir = path.join(tmp.dir, 'same-process');
    const first = await startOfficeProcess({ dataDir, port: 0, testMode: true, log: silentLogger, warn: () => undefined });
    try {
      const second = startOfficeProcess({ dataDir, port: 0, testMode: true, log: silentLogger, warn: () => undefined });
      await expect(second).rejects.toBeInstanceOf(DataFolderBusyError);
      await expect(second).rejects.toThrow(`tiến trình ${process.pid}`);
      expect(fs.readFileSync(pidFile(dataDir), 'utf8').trim()).toBe(String(process.pid));
      expect((await httpCall(first.url, 'system.status', {})).status).toBe(200);
    } finally {
      await first.stop();
    }
    const again = await startOfficeProcess({ dataDir, port: 0, testMode: true, log: silentLogger, warn: () => undefined });
    await again.stop();
  });
});
