import Fastify from 'fastify';
import { contract, isMethodName } from '../../shared/api/contract';
import { fail, type Result } from '../../shared/api/result';
import type { DataPaths } from '../app/paths';
import type { Logger } from '../app/logger';
import type { Clock } from '../app/clock';
import { asAppError } from '../backup/backup-handlers';
import { AppError } from '../api/app-error';
import { HTTP_STATUS } from '../server/http-status';
import { RateLimiter } from '../server/rate-limit';
import { CONTENT_SECURITY_POLICY } from '../server/office-server';
import { allowedHostNames, hostAllowed, originAllowed } from '../server/host-allow-list';
import { RECOVERY_HTML, RECOVERY_JS } from './recovery-page';
import { recoveryStatus, stageLatestGoodBackup } from './recovery-service';

export interface RecoveryServer {
  url: string;
  port: number;
  /** Resolves once a backup is staged; the caller then closes this server and starts the normal one. */
  restored: Promise<{ restoredFrom: string; createdAt: string }>;
  close(): Promise<void>;
}

/**
 * Served instead of the office server when the database cannot be opened. Loopback only, whatever the
 * LAN setting (which lives in the unreadable database); the backup passphrase is the credential, and
 * attempts are rate-limited. Only recovery.status and recovery.restoreLatest answer.
 */
export async function startRecoveryServer(opts: { paths: DataPaths; log: Logger; clock: Clock; problem: string; port: number }): Promise<RecoveryServer> {
  const { paths, log } = opts;
  const fastify = Fastify({ bodyLimit: 64 * 1024, logger: false, trustProxy: false });
  const limiter = new RateLimiter(5, 60_000);
  let resolveRestored!: (v: { restoredFrom: string; createdAt: string }) => void;
  const restored = new Promise<{ restoredFrom: string; createdAt: string }>((r) => (resolveRestored = r));
  let busy = false;

  fastify.setErrorHandler((err: { statusCode?: number }, _req, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.status(400).send(fail('VALIDATION', 'Yêu cầu không đúng định dạng.'));
    log.error('recovery server error', { error: err });
    return reply.status(500).send(fail('INTERNAL', 'Lỗi máy chủ (chế độ khôi phục).'));
  });
  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('Cache-Control', 'no-store');
    // No keep-alive: this server goes away after a restore, and a reused socket would then fail.
    reply.header('Connection', 'close');
    // Loopback names only (the settings are in the unreadable database): no rebinding page reaches the restore.
    if (!hostAllowed(req.headers.host, allowedHostNames({ lanHostNames: [], certificateNames: [] })) || !originAllowed(req.headers.origin, req.headers.host)) {
      log.warn('forged origin refused (recovery)', { url: req.url });
      return reply.status(403).send(fail('FORBIDDEN', 'Nguồn yêu cầu không được phép.'));
    }
  });
  fastify.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(RECOVERY_HTML));
  fastify.get('/recovery.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(RECOVERY_JS));

  const answer = async (method: string, body: unknown, ip: string): Promise<Result<unknown>> => {
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `Không có chức năng "${method.slice(0, 60)}"`);
    if (method !== 'recovery.status' && method !== 'recovery.restoreLatest') {
      return fail('INVALID_STATE', 'Máy chủ đang ở chế độ khôi phục vì cơ sở dữ liệu không mở được. Hãy khôi phục từ bản sao lưu.');
    }
    const parsed = contract[method].input.safeParse(body ?? {});
    if (!parsed.success) return fail('VALIDATION', `Dữ liệu không hợp lệ: ${parsed.error.issues[0]?.message ?? ''}`);
    if (method === 'recovery.status') return { ok: true, value: recoveryStatus(paths, opts.problem) };
    if (!limiter.take(ip)) {
      log.warn('recovery attempt rate-limited', { ip });
      return fail('RATE_LIMITED', 'Thử quá nhiều lần; hãy đợi một phút rồi thử lại.');
    }
    if (busy) return fail('CONFLICT', 'Đang khôi phục, hãy đợi.');
    busy = true;
    try {
      const { passphrase } = parsed.data as { passphrase: string };
      const value = await stageLatestGoodBackup(paths, passphrase, log, opts.clock.now());
      resolveRestored(value);
      return { ok: true, value };
    } catch (e) {
      busy = false;
      const mapped = asAppError(e);
      if (mapped instanceof AppError) return fail(mapped.code, mapped.message, mapped.fields);
      log.error('recovery failed', { error: e });
      return fail('INTERNAL', 'Khôi phục thất bại; đã ghi nhật ký.');
    }
  };
  fastify.post<{ Params: { method: string } }>('/api/:method', async (req, reply) => {
    const result = await answer(req.params.method, req.body, req.ip);
    return reply.status(result.ok ? 200 : HTTP_STATUS[result.error.code]).send(result);
  });

  await fastify.listen({ host: '127.0.0.1', port: opts.port });
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return { url: `http://127.0.0.1:${port}`, port, restored, close: () => fastify.close() };
}
