import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { makeTempDir } from './temp-dir';

const ROOT = path.resolve(__dirname, '../..');

export interface ServerProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
  /** SIGKILL, as a power cut would. */
  kill(): Promise<void>;
}

/**
 * Starts the built office server (`dist/main/server.cjs`, as `npm run serve` does) on a free port
 * and a temp (or given) data folder; resolves when it prints its URL.
 */
export async function startServerProcess(opts: { dataDir?: string; now?: string; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const tmp = opts.dataDir ? null : makeTempDir('motcua-srv-');
  const dataDir = opts.dataDir ?? tmp!.dir;
  const args = [path.join(ROOT, 'dist/main/server.cjs'), '--data-dir', dataDir, '--port', '0', '--test-mode'];
  if (opts.now) args.push('--now', opts.now);
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      if (line.startsWith('MOTCUA_URL=')) resolve(line.slice('MOTCUA_URL='.length).trim());
    });
    child.once('exit', (code) => reject(new Error(`office server exited (${code}): ${stderr}`)));
  });
  return {
    url,
    dataDir,
    child,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      tmp?.cleanup();
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** POSTs one API call to a running office server. */
export async function httpCall(url: string, method: string, input: unknown, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof input === 'string' ? input : JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string; fields?: Record<string, string> } } };
}

/** Logs in over HTTP and returns the session token (throws with the server's message on failure). */
export async function httpLogin(url: string, username: string, password: string): Promise<string> {
  const r = await httpCall(url, 'auth.login', { username, password });
  if (!r.body.ok) throw new Error(`login ${username}: ${r.body.error?.message}`);
  return (r.body.value as { token: string }).token;
}
