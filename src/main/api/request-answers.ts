import { createHash } from 'node:crypto';
import type { AppContext, Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { AppError } from './app-error';

/** Answers are kept long enough for any retry of the same counter day (and a weekend-long outage). */
const KEEP_MS = 4 * 24 * 3600_000;

interface Flight { method: string; actor: string; inputHash: string; answer: Promise<unknown> }
const inFlight = new WeakMap<AppContext, Map<string, Flight>>();

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as { then?: unknown } | null)?.then === 'function';

/** JSON with keys sorted at every level: the same input always hashes the same, whatever the key order sent. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** Hash of the validated input without its request id: what a repeat must match to be "the same request". */
export function inputHash(input: unknown): string {
  const { requestId: _omit, ...rest } = (input ?? {}) as Record<string, unknown>;
  return createHash('sha256').update(canonical(rest)).digest('hex');
}

export const OTHER_CALL_MESSAGE = 'Mã yêu cầu này đã được dùng cho một thao tác khác; hãy tải lại màn hình rồi làm lại.';
export const OTHER_BODY_MESSAGE =
  'Yêu cầu này đã được gửi trước đó với nội dung khác nên không được thực hiện lại. Lần gửi trước có thể đã được lưu: hãy kiểm tra (danh sách hồ sơ, phiếu trong ngày) trước khi làm lại.';

/**
 * Runs a creating call at most once per client-chosen request id. A repeat (the same key pressed twice, two
 * presses on a slow LAN, the retry after an answer lost on the way back) gets the first answer and changes
 * nothing; a repeat whose content differs is refused, since the first may already have created something.
 * For a synchronous handler the answer is written in the same transaction as the change, so "done but answer
 * not stored" cannot exist; a repeat arriving while an asynchronous handler still runs waits for it.
 */
export async function answerOnce(app: AppContext, method: string, requestId: string, caller: Caller, input: unknown, run: () => unknown): Promise<unknown> {
  const actor = caller.userId ?? caller.device;
  const hash = inputHash(input);
  const prior = app.db.prepare('SELECT method, actor, input_hash AS inputHash, answer FROM request_answers WHERE request_id = ?').get(requestId) as
    | { method: string; actor: string; inputHash: string; answer: string }
    | undefined;
  const flights = inFlight.get(app) ?? new Map<string, Flight>();
  inFlight.set(app, flights);
  const pending = flights.get(requestId);
  const owner = prior ?? pending;
  if (owner && (owner.method !== method || owner.actor !== actor)) throw new AppError('CONFLICT', OTHER_CALL_MESSAGE, { requestId: 'Đã dùng cho thao tác khác' });
  if (owner && owner.inputHash !== hash) throw new AppError('CONFLICT', OTHER_BODY_MESSAGE, { requestId: 'Đã dùng cho một lần gửi có nội dung khác' });
  if (prior) return JSON.parse(prior.answer) as unknown;
  if (pending) return pending.answer;

  const store = (answer: unknown) => {
    const now = app.clock.now();
    app.db
      .prepare('INSERT INTO request_answers (request_id, method, actor, input_hash, at, answer) VALUES (?, ?, ?, ?, ?, ?)')
      .run(requestId, method, actor, hash, isoLocal(now), JSON.stringify(answer ?? null));
    app.db.prepare('DELETE FROM request_answers WHERE at < ?').run(isoLocal(new Date(now.getTime() - KEEP_MS)));
  };
  const answer = (async () => {
    let value: unknown;
    // Take the write lock first, as every mutation does (see mutate): the handler's own transactions nest as savepoints.
    app.db.exec('BEGIN IMMEDIATE');
    try {
      value = run();
      if (!isThenable(value)) store(value);
      app.db.exec('COMMIT');
    } catch (e) {
      if (app.db.inTransaction) app.db.exec('ROLLBACK');
      throw e;
    }
    if (isThenable(value)) {
      // An asynchronous handler (printing, rendering) commits its own steps; it must not hold our transaction.
      value = await value;
      store(value);
    }
    return value;
  })();
  flights.set(requestId, { method, actor, inputHash: hash, answer });
  try {
    return await answer;
  } finally {
    flights.delete(requestId);
  }
}
