import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyWebsocket from '@fastify/websocket';
import fastifyStatic from '@fastify/static';
import { BOARD_EVENTS } from '../../shared/api/events';
import { fail } from '../../shared/api/result';
import type { Core } from '../app/bootstrap';
import type { Caller } from '../app/app-context';
import { AdjustableClock } from '../app/clock';
import { dispatch } from '../api/dispatcher';
import { identifyCaller } from '../users/caller';
import { contract, isMethodName } from '../../shared/api/contract';
import { resolveDeviceToken } from '../devices/device-service';
import { auditRefusal, refusalReason } from '../security/refusal-audit';
import { rendererDir } from '../app/paths';
import { HTTP_STATUS } from './http-status';
import { RateLimiter } from './rate-limit';
import { registerSoundsRoute } from '../queue/sounds-route';
import { getOfficeSettings } from '../settings/settings-store';
import { allowedHostNames, certificateHostNames, hostAllowed, isLoopbackAddress, originAllowed } from './host-allow-list';

export { originAllowed } from './host-allow-list';

export interface OfficeServerOptions {
  core: Core;
  host?: string;
  port?: number;
  /** Serve the built renderer (off for API-only tests). */
  serveUi?: boolean;
  /** HTTPS with the administrator's certificate (PEM), see src/main/server/tls.ts. */
  tls?: { cert: Buffer; key: Buffer };
}

export interface OfficeServer {
  url: string;
  port: number;
  fastify: FastifyInstance;
  close(): Promise<void>;
}

// The UI uses Ant Design's CSS-in-JS, which injects <style> elements: styles need 'unsafe-inline'; scripts never do.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: data:; connect-src 'self' ws: wss:; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h && h.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

export async function startOfficeServer(opts: OfficeServerOptions): Promise<OfficeServer> {
  const { core } = opts;
  const { app, handlers } = core;
  const base = { bodyLimit: 1024 * 1024, logger: false, trustProxy: false } as const;
  // Same routes either way; only the listener differs.
  const fastify = (opts.tls ? Fastify({ ...base, https: { cert: opts.tls.cert, key: opts.tls.key } }) : Fastify(base)) as unknown as FastifyInstance;
  const pairingLimiter = new RateLimiter(10, 60_000);

  fastify.setErrorHandler((err: { statusCode?: number; code?: string }, _req, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 413) return reply.status(413).send(fail('VALIDATION', 'Dữ liệu gửi lên quá lớn (tối đa 1 MB).'));
    if (status >= 400 && status < 500) return reply.status(400).send(fail('VALIDATION', 'Yêu cầu không đúng định dạng JSON.'));
    app.log.error('office server error', { error: err });
    return reply.status(500).send(fail('INTERNAL', 'Lỗi máy chủ văn phòng.'));
  });

  const scheme = opts.tls ? 'https' : 'http';
  const certificateNames = certificateHostNames(opts.tls?.cert);
  // Read per request: a name the administrator adds in the settings works at once.
  const allowedHosts = () => allowedHostNames({ lanHostNames: getOfficeSettings(app.db)?.lanHostNames ?? [], certificateNames });

  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    if (!hostAllowed(req.headers.host, allowedHosts())) {
      auditRefusal(app, { reason: 'forged-host', source: `http:${req.ip}`, detail: { host: String(req.headers.host ?? '').slice(0, 100), url: req.url.slice(0, 100) } });
      return reply.status(403).send(fail('FORBIDDEN', `Tên máy chủ "${String(req.headers.host ?? '').slice(0, 100)}" không được phép. Mở ứng dụng bằng địa chỉ IP hoặc tên đã khai báo trong Cài đặt › Cơ quan.`));
    }
    if (!originAllowed(req.headers.origin, req.headers.host, scheme)) {
      auditRefusal(app, { reason: 'forged-origin', source: `http:${req.ip}`, detail: { url: req.url.slice(0, 100) } });
      return reply.status(403).send(fail('FORBIDDEN', 'Nguồn yêu cầu không được phép.'));
    }
  });

  await fastify.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  fastify.post<{ Params: { method: string } }>('/api/:method', async (req, reply) => {
    let device = `http:${req.ip}`;
    const method = req.params.method;
    const fromHost = isLoopbackAddress(req.socket.remoteAddress);
    if (method === 'devices.pair' && !pairingLimiter.take(req.ip)) {
      auditRefusal(app, { reason: 'pairing-rate-limited', source: device, method });
      return reply.status(429).send(fail('RATE_LIMITED', 'Nhập mã ghép nối quá nhiều lần; hãy đợi một phút rồi thử lại.'));
    }
    // First-run setup creates the administrator: only someone sitting at the host PC may do that.
    if (method === 'system.setup' && !fromHost) {
      auditRefusal(app, { reason: 'setup-not-local', source: device, method });
      return reply.status(403).send(fail('FORBIDDEN', 'Thiết lập lần đầu chỉ làm được trên chính máy chủ (mở ứng dụng trên máy chủ văn phòng).'));
    }
    // A paired counter PC (terminal) names itself with its device token; a revoked one is turned away.
    const terminalToken = req.headers['x-motcua-device'];
    if (typeof terminalToken === 'string') {
      const d = resolveDeviceToken(app, terminalToken, device);
      if (d.status !== 'ok' || d.kind !== 'terminal') {
        auditRefusal(app, { reason: d.status === 'revoked' ? 'revoked-device' : 'unknown-token', source: device, method });
        return reply.status(403).send(fail('FORBIDDEN', 'Máy trạm này chưa được ghép nối hoặc đã bị thu hồi. Liên hệ quản trị.'));
      }
      device = d.caller.device;
    }
    const { caller, problem } = identifyCaller(app, bearer(req), device);
    const result = await dispatch(app, handlers, method, req.body ?? {}, { caller, device, fromHost });
    if (!result.ok && isMethodName(method) && contract[method].access.kind !== 'public') {
      const reason = refusalReason(result.error.code, problem, caller);
      if (reason) auditRefusal(app, { reason, source: caller?.device ?? device, method, username: caller?.username });
    }
    return reply.status(result.ok ? 200 : HTTP_STATUS[result.error.code]).send(result);
  });

  // Events: the client authenticates with its first message, so no token ever appears in a URL.
  fastify.get('/api/events', { websocket: true }, (socket, req) => {
    let unsubscribe: (() => void) | null = null;
    const timer = setTimeout(() => socket.close(4401, 'auth timeout'), 10_000);
    socket.on('message', (raw: Buffer) => {
      if (unsubscribe) return;
      let token: string | undefined;
      try {
        token = (JSON.parse(raw.toString()) as { token?: string }).token;
      } catch {
        /* fall through: refused below */
      }
      const { caller, problem }: { caller: Caller | null; problem: string | null } = identifyCaller(app, token, `ws:${req.ip}`);
      clearTimeout(timer);
      if (!caller) {
        auditRefusal(app, { reason: problem === 'revoked-device' ? 'revoked-device' : problem === 'no-token' ? 'no-token' : 'unknown-token', source: `ws:${req.ip}`, method: 'events' });
        socket.send(JSON.stringify({ type: 'auth', ok: false }));
        socket.close(4401, 'unauthenticated');
        return;
      }
      socket.send(JSON.stringify({ type: 'auth', ok: true }));
      const deviceOnly = caller.role === 'board' || caller.role === 'kiosk';
      unsubscribe = app.events.subscribe((e) => {
        if (deviceOnly && !BOARD_EVENTS.includes(e.type)) return;
        // A token revoked (device) or ended (logout, disabled user) after connecting stops receiving at once.
        if (!identifyCaller(app, token, caller.device).caller) {
          unsubscribe?.();
          unsubscribe = null;
          socket.close(4401, 'revoked');
          return;
        }
        socket.send(JSON.stringify(e));
      });
    });
    socket.on('close', () => {
      clearTimeout(timer);
      unsubscribe?.();
    });
  });

  if (app.testMode) {
    // Test-only: move the server's clock (never registered outside --test-mode).
    fastify.post<{ Body: { now: string } }>('/test/clock', async (req, reply) => {
      if (!(app.clock instanceof AdjustableClock)) return reply.status(400).send(fail('INVALID_STATE', 'clock not adjustable'));
      app.clock.set(new Date(req.body.now));
      return { ok: true, value: { now: app.clock.now().toISOString() } };
    });
  }

  if (opts.serveUi !== false) {
    await registerSoundsRoute(fastify); // voice clips for the display board
    const root = rendererDir();
    if (fs.existsSync(path.join(root, 'index.html'))) {
      await fastify.register(fastifyStatic, {
        root,
        index: ['index.html'],
        setHeaders: (reply) => reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY),
      });
    } else {
      fastify.get('/', async (_req, reply) => reply.type('text/plain; charset=utf-8').send('Chưa build giao diện: chạy "npm run build".'));
    }
  }

  const host = opts.host ?? '127.0.0.1';
  await fastify.listen({ host, port: opts.port ?? 0 });
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    port,
    fastify,
    close: async () => {
      await fastify.close();
    },
  };
}
