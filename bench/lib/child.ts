/** Child processes of the benchmark (office server, provincial double): start, wait for a line, stop. */
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

export interface Child {
  proc: ChildProcess;
  /** The value after `prefix` on the first line that starts with it. */
  value: string;
  /** ms from spawn to that line. */
  readyMs: number;
  stop(): Promise<void>;
}

export async function spawnUntil(args: string[], prefix: string, opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Child> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const value = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: proc.stdout! });
    rl.on('line', (line) => {
      if (line.startsWith(prefix)) resolve(line.slice(prefix.length).trim());
    });
    proc.once('exit', (code) => reject(new Error(`${args[0]} exited (${code}) before printing ${prefix}: ${stderr.slice(0, 2000)}`)));
  });
  const readyMs = performance.now() - t0;
  return {
    proc,
    value,
    readyMs,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}
