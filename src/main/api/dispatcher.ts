import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contract, isMethodName, type MethodName, type OutputOf, type ParsedInputOf } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { fail } from '../../shared/api/result';
import type { AppContext, Caller } from '../app/app-context';
import { AppError } from './app-error';
import { ALLOWED_WHILE_LOCKED } from '../../shared/api/security-contract';
import { findInputProblem, MAX_INPUT_DEPTH } from '../../shared/security/text-rules';
import { answerOnce } from './request-answers';

// Vietnamese messages for every schema failure that a field rule did not word itself.
z.config(z.locales.vi());

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, caller: Caller) => OutputOf<M> | Promise<OutputOf<M>>;
export type HandlerMap = { [M in MethodName]: Handler<M> };

export interface CallAuth {
  /** Resolved caller, or null when the request carried no valid session. */
  caller: Caller | null;
  /** For audit and anonymous calls. */
  device: string;
  /** The transport knows the call came from the host PC itself (loopback connection, desktop window). */
  fromHost?: boolean;
}

const MAX_FIELDS_REPORTED = 20;
const MAX_TEXT_REPORTED = 200;

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues.slice(0, MAX_FIELDS_REPORTED)) {
    // Keys and messages can quote the caller's input (an unknown 1 MB key): never echo more than a line back.
    const key = (issue.path.map(String).join('.') || '(dữ liệu)').slice(0, MAX_TEXT_REPORTED);
    if (!fields[key]) fields[key] = issue.message.slice(0, MAX_TEXT_REPORTED);
  }
  return fields;
}

/**
 * The single entry point of every API call, whatever the transport: refuses unknown methods,
 * checks the session and the role, validates the input, runs the handler and turns every failure
 * into a Vietnamese message. Internal errors are logged with their stack, which never leaves the process.
 */
export async function dispatch(app: AppContext, handlers: HandlerMap, methodName: string, rawInput: unknown, auth: CallAuth): Promise<Result<unknown>> {
  if (!isMethodName(methodName)) return fail('UNKNOWN_METHOD', `Không có chức năng "${String(methodName).slice(0, 60)}"`);
  const spec = contract[methodName];
  // First of all, for every caller: a lone surrogate would be stored (and hashed) as something other than what was
  // checked, and a deeply nested payload costs stack in every walker after this one. Every method, every string.
  const problem = findInputProblem(rawInput);
  if (problem) {
    const field = (problem.path || '(dữ liệu)').slice(0, MAX_TEXT_REPORTED);
    const message = problem.kind === 'ill-formed' ? 'Chứa ký tự Unicode không hợp lệ (nửa cặp surrogate UTF-16)' : `Dữ liệu lồng quá ${MAX_INPUT_DEPTH} tầng`;
    return fail('VALIDATION', `Dữ liệu không hợp lệ: ${message}`, { [field]: message });
  }
  let caller: Caller;
  if (spec.access.kind === 'public') {
    caller = { ...(auth.caller ?? { userId: null, username: null, fullName: null, role: null, device: auth.device, tokenHash: null }), fromHost: !!auth.fromHost };
  } else {
    if (!auth.caller) return fail('UNAUTHENTICATED', 'Phiên làm việc không hợp lệ hoặc đã hết hạn. Hãy đăng nhập lại.');
    caller = { ...auth.caller, fromHost: !!auth.fromHost };
    const allowed =
      caller.role === 'board' ? spec.access.board === true
      : caller.role === 'kiosk' ? spec.access.kiosk === true
      : caller.role !== null && spec.access.roles.includes(caller.role);
    if (!allowed) return fail('FORBIDDEN', 'Bạn không có quyền dùng chức năng này.');
    if (caller.locked && !ALLOWED_WHILE_LOCKED.includes(methodName)) return fail('LOCKED', 'Màn hình đang khoá. Nhập mật khẩu để tiếp tục.');
  }
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const first = Object.entries(fields)[0];
    return fail('VALIDATION', first ? `Dữ liệu không hợp lệ: ${first[1]}` : 'Dữ liệu không hợp lệ', fields);
  }
  try {
    const handler = handlers[methodName] as (input: unknown, caller: Caller) => unknown;
    const requestId = spec.idempotent ? (parsed.data as { requestId?: string }).requestId : undefined;
    const value = requestId ? await answerOnce(app, methodName, requestId, caller, parsed.data, () => handler(parsed.data, caller)) : await handler(parsed.data, caller);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof AppError) return fail(e.code, e.message, e.fields);
    const storage = storageFailure(e, app.paths.root);
    if (storage) {
      app.log.error('storage failure', { method: methodName, error: e });
      return fail('STORAGE', storage);
    }
    app.log.error('handler failed', { method: methodName, error: e });
    return fail('INTERNAL', 'Có lỗi không mong muốn; thao tác chưa được thực hiện. Đã ghi nhật ký để hỗ trợ kỹ thuật.');
  }
}

const READ_ONLY_MESSAGE = 'Thư mục dữ liệu chỉ cho đọc: chưa lưu được. Kiểm tra quyền ghi của thư mục dữ liệu.';

/** A real write, not access(): a disk the kernel switched to read-only after errors still passes access(W_OK). */
function folderWritable(dir: string): boolean {
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'ENOSPC';
  }
}

/** Disk full / read-only database: a clear message; the transaction was rolled back, nothing half-written. */
export function storageFailure(e: unknown, dataDir?: string): string | null {
  const code = (e as { code?: string })?.code ?? '';
  // A disk that the OS switched to read-only (after I/O errors) makes SQLite report a write I/O error.
  if (code.startsWith('SQLITE_IOERR') && dataDir && !folderWritable(dataDir)) return READ_ONLY_MESSAGE;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'Ổ đĩa đã đầy: chưa lưu được. Dữ liệu đã lưu trước đó vẫn an toàn. Hãy giải phóng dung lượng rồi thử lại.';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return READ_ONLY_MESSAGE;
  if (code.startsWith('SQLITE_IOERR')) return 'Lỗi ghi đĩa: chưa lưu được. Kiểm tra ổ đĩa rồi thử lại.';
  return null;
}

export function typed<M extends MethodName>(_m: M, h: Handler<M>): Handler<M> {
  return h;
}
