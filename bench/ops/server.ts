/**
 * The office server as a terminal sees it: the built dist/main/server.cjs started on the generated
 * folder (time until it prints its URL), its resident memory after a login and a search, and
 * API calls over loopback HTTP.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { once } from 'node:events';
import { spawnUntil } from '../lib/child';
import { measure } from '../lib/stats';
import { TARGETS, type BenchOp, type OpResult } from '../lib/types';

async function post(url: string, method: string, input: unknown, token?: string): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
}

/** VmRSS and VmHWM of a process, in MB (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** A bare Node http server answering every POST with a small JSON body. */
async function bareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true,"value":{"items":[],"nextAfter":null}}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

const QUERIES = ['nguyen van', 'tran thi h', 'le van', 'nguyen thi thu', 'pham', 'hoang van nam', '0912', '001'];

export const serverOp: BenchOp = {
  name: 'server',
  label: 'office server (dist/main/server.cjs)',
  async run(ctx) {
    const script = path.resolve(__dirname, '../main/server.cjs');
    if (!fs.existsSync(script)) return [{ name: 'server-start', label: 'office server start', skipped: 'dist/main/server.cjs missing: run npm run build' }];
    const clerk = ctx.manifest.accounts.clerks[0];
    const starts: number[] = [];
    const rss: number[] = [];
    const peaks: number[] = [];
    const starts_n = ctx.quick ? 1 : 3;
    const out: OpResult[] = [];
    for (let i = 0; i < starts_n; i++) {
      const server = await spawnUntil([script, '--data-dir', ctx.dataDir, '--port', '0'], 'MOTCUA_URL=', { cwd: path.resolve(__dirname, '../..') });
      try {
        starts.push(server.readyMs / 1000);
        const login = await post(server.value, 'auth.login', { username: clerk.username, password: clerk.password });
        if (!login.ok) throw new Error(`login over HTTP: ${login.error?.message}`);
        const token = (login.value as { token: string }).token;
        const first = await post(server.value, 'dossier.search', { query: 'nguyen van' }, token);
        if (!first.ok) throw new Error(`search over HTTP: ${first.error?.message}`);
        const mem = memoryOf(server.proc.pid!);
        if (mem) {
          rss.push(mem.rss);
          peaks.push(mem.peak);
        }
        if (i === starts_n - 1) {
          // End to end from a terminal: search over loopback HTTP (fastify, auth, dispatcher, JSON).
          const n = ctx.quick ? 30 : 200;
          const samples = await measure(n, async (k) => {
            const r = await post(server.value, 'dossier.search', { query: QUERIES[Math.abs(k) % QUERIES.length], limit: 100 }, token);
            if (!r.ok) throw new Error(r.error?.message);
          });
          const bare = await bareServer();
          const baseline = await measure(n, () => post(bare.url, 'dossier.search', { query: 'x' }));
          await bare.close();
          out.push({
            name: 'http-search',
            label: 'dossier.search over loopback HTTP (login once, then calls)',
            samples,
            unit: 'ms',
            baseline: { label: 'a bare Node http round trip', samples: baseline },
            target: TARGETS.search,
            notes: ['fetch (undici, keep-alive) → fastify → session → dispatcher → SQLite → JSON'],
          });
          const logins = await measure(4, async () => {
            const r = await post(server.value, 'auth.login', { username: clerk.username, password: clerk.password });
            if (!r.ok) throw new Error(r.error?.message);
          }, 0);
          out.push({ name: 'http-login', label: 'auth.login over loopback HTTP', samples: logins, unit: 'ms', baseline: { label: 'a bare Node http round trip', samples: baseline }, notes: ['scrypt (N=16384) by design, ~50 ms on a counter PC; the login rate limit allows 10 a minute'] });
        }
      } finally {
        await server.stop();
      }
    }
    out.unshift(
      { name: 'server-start', label: 'office server start: spawn → URL printed', samples: starts, unit: 's', target: TARGETS.start, notes: ['node start, bundle load, database open (no full page check at start, see docs/performance.md), listen'] },
      { name: 'server-rss', label: 'office server resident memory after login + one search', samples: rss, unit: 'MB', target: TARGETS.rss, notes: [`peak (VmHWM) ${Math.max(...peaks).toFixed(0)} MB`] },
    );
    return out;
  },
};
