/**
 * A real HTTP server speaking the provincial one-stop contract (`provincial-api.md`), for
 * integration tests and benchmarks of the sync code. Loopback only, port chosen by the OS.
 *
 *   const double = await startProvincialDouble({ accounts: [{ username, password, madonvi: [id] }] });
 *   // … point a ProvincialClient at double.url …
 *   await double.close();
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector, type FaultRule } from './faults';
import { ProvincialServices, answer, type Answer } from './services';
import { ProvincialState, type DoubleAccount, type RequestLogEntry } from './state';
import { isObj } from './validate';

export interface ProvincialDoubleOptions {
  accounts: DoubleAccount[];
  /** `expires_in` of a session (default 1800 s). */
  sessionTtlSec?: number;
  /** The server's clock, for session expiry (default `Date.now`). */
  now?: () => number;
  /** Seed of the fault generator (default 1). */
  seed?: number;
  /** Path prefix, e.g. `/lgsp`: the services are then at `/lgsp/auth` and `/lgsp/api`. */
  basePath?: string;
  /** Request body limit (default 1 MiB, as the contract says). */
  bodyLimitBytes?: number;
}

export interface ProvincialDouble {
  /** Base URL to configure in the client (includes `basePath`). */
  url: string;
  port: number;
  state: ProvincialState;
  faults: FaultInjector;
  /** Shorthand for `state.requests`. */
  requests: RequestLogEntry[];
  /** Stop listening, cut open connections and cancel held (slow) answers. */
  close(): Promise<void>;
}

const MIB = 1024 * 1024;
/** Past this we stop reading an oversized body at all and cut the connection. */
const HARD_CAP = 64 * MIB;

type Body = { size: number; data: Buffer | null };

/** Read the whole body, keeping it only while it fits the limit (the rest is drained). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
      if (size > HARD_CAP) req.destroy();
    });
    req.on('end', () => resolve({ size, data: size <= limit ? Buffer.concat(chunks) : null }));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('request aborted'));
    });
  });
}

export async function startProvincialDouble(options: ProvincialDoubleOptions): Promise<ProvincialDouble> {
  const state = new ProvincialState(options.accounts, options.sessionTtlSec ?? 1800, options.now ?? Date.now);
  const services = new ProvincialServices(state);
  const faults = new FaultInjector(options.seed ?? 1);
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const limit = options.bodyLimitBytes ?? MIB;
  const held = new Set<NodeJS.Timeout>();
  let seq = 0;

  function send(res: http.ServerResponse, status: number, payload: string, headers: Record<string, string> = {}): void {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(payload);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const entry: RequestLogEntry = { seq: ++seq, path: '', status: 0 };
    state.requests.push(entry);
    const full = new URL(req.url ?? '/', 'http://double').pathname;
    entry.path = full.startsWith(basePath) ? full.slice(basePath.length) : full;
    const reject = (status: number, text: string, headers: Record<string, string> = {}): void => {
      entry.status = status;
      send(res, status, JSON.stringify({ message: text }), headers);
    };

    if (!full.startsWith(basePath) || (entry.path !== '/auth' && entry.path !== '/api')) {
      return reject(404, 'Không tìm thấy');
    }
    if (req.method !== 'POST') return reject(405, 'Chỉ chấp nhận POST', { allow: 'POST' });
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return reject(415, 'Content-Type phải là application/json');
    }
    const body = await readBody(req, limit);
    if (body.data === null) return reject(413, `Dữ liệu gửi lên vượt quá ${limit} byte`);

    let parsed: unknown;
    try {
      parsed = JSON.parse(body.data.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    if (!isObj(parsed)) {
      const a = answer('-5', 'thân yêu cầu phải là một đối tượng JSON');
      entry.status = 200;
      entry.errorCode = a.error_code;
      return send(res, 200, JSON.stringify(a));
    }
    if (entry.path === '/api' && typeof parsed.service === 'string') entry.service = parsed.service;
    if (Array.isArray(parsed.data)) entry.items = parsed.data.length;

    const fault: FaultRule | undefined = faults.pick({ seq: entry.seq, path: entry.path, service: entry.service });
    if (fault) entry.fault = fault.kind;
    switch (fault?.kind) {
      case 'http5xx':
        return reject(fault.status ?? 503, 'Máy chủ tạm thời không phục vụ được');
      case 'http429':
        return reject(429, 'Quá nhiều yêu cầu', { 'retry-after': String(fault.retryAfterSec ?? 1) });
      case 'rateLimitCode':
      case 'internalError': {
        const a = answer(fault.kind === 'rateLimitCode' ? '-7' : '-9');
        entry.status = 200;
        entry.errorCode = a.error_code;
        return send(res, 200, JSON.stringify(a));
      }
      case 'malformedAnswer':
        entry.status = 200;
        return send(res, 200, '<html><body>Cổng kết nối đang bảo trì</body></html>', {
          'content-type': 'text/html; charset=utf-8',
        });
      case 'expireSession':
        state.expireAllSessions();
        break;
      default:
        break;
    }

    const result: Answer = entry.path === '/auth' ? services.auth(parsed) : services.api(parsed);
    entry.errorCode = result.error_code;
    const text = JSON.stringify(result);

    if (fault?.kind === 'dropAfterCommit') {
      entry.status = 'dropped';
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow') {
      entry.status = 200;
      const timer = setTimeout(() => {
        held.delete(timer);
        send(res, 200, text);
      }, fault.delayMs ?? 30_000);
      held.add(timer);
      return;
    }
    entry.status = 200;
    send(res, 200, text);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      // The client went away mid-request: nothing to answer.
      if (!res.headersSent && !res.destroyed) send(res, 500, JSON.stringify({ message: 'Lỗi máy chủ' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    port,
    state,
    faults,
    requests: state.requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const t of held) clearTimeout(t);
        held.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
