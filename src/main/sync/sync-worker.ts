/**
 * The sync worker: ONE per database, in the main process (started by the office server or the
 * Electron host after startCore, never per window). It runs in the background while the server
 * answers (learned by trying, not from the OS's network flag), on demand ("Đồng bộ ngay") and at
 * the end-of-day close. One run at a time: push the outbox, then pull the change feed, the
 * catalog and the calendars. See docs/sync.md for the state machine.
 */
import type { AppContext } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { requireOfficeSettings, getOfficeSettings } from '../settings/settings-store';
import { ProvincialClient, backoffDelay, type BackoffOptions, type Outcome, type ProvincialResult } from './provincial-client';
import { openSecret, SecretUnavailableError } from './secret-store';
import { pushPass } from './sync-push';
import { openCollisionCount } from './collisions';
import { pullCalendars, pullCatalog, pullFeed } from './sync-pull';
import { RunStop, TOO_LARGE, type RunContext, type RunCounts, type TooLarge } from './sync-run';
import {
  configView,
  finishRunRow,
  getRun,
  parkedCount,
  pendingCount,
  readSyncConfig,
  readSyncState,
  startRunRow,
  updateSyncState,
  type SyncConfigRow,
} from './sync-store';
import type { SyncProgressView, SyncRunOutcome, SyncRunReason, SyncRunView, SyncStatusView } from '../../shared/api/sync-contract';
import { MAX_BATCH_ITEMS, MAX_FEED_PAGE } from '../../shared/sync/provincial-types';

export interface SyncWorkerOptions {
  /** Per-request timeout; default: the configuration's. */
  timeoutMs?: number;
  /** Backoff between retries inside a run (default base 1 s, cap 5 min). */
  backoff?: BackoffOptions;
  /** Consecutive failed requests a run tolerates before it ends as offline (default 6). */
  maxConsecutiveFailures?: number;
  /** Same, for the end-of-day close, which must answer rather than wait (default 3). */
  closeDayMaxFailures?: number;
  /** Time between background runs; default: the configuration's. */
  intervalMs?: number;
  /** Backoff between background runs while the server cannot be reached (default base 30 s, cap 15 min). */
  offlineBackoff?: BackoffOptions;
  /** Delay of the first background run after start (default 5 s). */
  firstRunDelayMs?: number;
  /** A local change (dossier, rating) schedules a run this soon (default 3 s). */
  changeDebounceMs?: number;
  batchSize?: number;
  feedPageSize?: number;
  rng?: () => number;
  fetch?: typeof fetch;
  /** Waits `ms` or until `signal` aborts (a "sync now" cuts a backoff short). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface RunResult extends SyncRunView {
  outcome: SyncRunOutcome;
  message: string;
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The server answered something (even an error): it is reachable. */
function reached(o: Outcome): boolean {
  return o.kind === 'app' || (o.kind === 'http' && (o.status === 429 || o.status === 413 || o.status < 500));
}

const PHASE_LABELS: Record<string, string> = {
  start: 'Bắt đầu đồng bộ',
  push: 'Đang gửi thay đổi lên hệ thống tỉnh',
  pull: 'Đang nhận thay đổi từ hệ thống tỉnh',
  catalog: 'Đang cập nhật danh mục thủ tục',
  calendar: 'Đang cập nhật lịch nghỉ',
  wait: 'Chưa kết nối được, sẽ thử lại',
};

export class SyncWorker {
  private started = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private nextRunAt: Date | null = null;
  private current: Promise<RunResult> | null = null;
  private wake = new AbortController();
  private progressView: SyncProgressView | null = null;
  private clientCache: { key: string; client: ProvincialClient } | null = null;
  private offlineRuns = 0;
  private configError = false;
  private unsubscribe: (() => void) | null = null;
  /** Highest outbox id the last run looked at: newer entries make the next run come soon. */
  private lastSeenId = 0;
  private lastOnline: number | null = null;
  private closedDangling = false;

  constructor(
    readonly app: AppContext,
    private readonly opts: SyncWorkerOptions = {},
  ) {}

  get running(): boolean {
    return this.current !== null;
  }

  /** Starts the background schedule. */
  start(): this {
    if (this.started || this.stopped) return this;
    this.started = true;
    this.configError = readSyncState(this.app.db).last_error_kind === 'config';
    this.scheduleIn(this.opts.firstRunDelayMs ?? 5000);
    // A clerk's change goes up soon rather than at the next interval.
    this.unsubscribe = this.app.events.subscribe((e) => {
      if (this.current || this.stopped || this.configError) return;
      if (e.type === 'dossier.changed' || (e.type === 'queue.changed' && e.payload.reason === 'rated')) {
        const soon = this.opts.changeDebounceMs ?? 3000;
        if (!this.nextRunAt || this.nextRunAt.getTime() - Date.now() > soon) this.scheduleIn(soon, 'change');
      }
    });
    return this;
  }

  /** Stops the schedule and ends the current run at its next step (its work so far is kept). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.wake.abort();
    await this.current?.catch(() => undefined);
  }

  /** The configuration changed: forget the client and the configuration error, run soon. */
  configChanged(): void {
    this.clientCache = null;
    this.configError = false;
    this.offlineRuns = 0;
    if (this.started && !this.stopped) this.scheduleIn(500);
  }

  /**
   * Runs now. While a run is going on, a manual request cuts its backoff wait short and shares
   * it; the end-of-day close waits for it and runs again, so that everything up to now is sent.
   */
  async runNow(reason: SyncRunReason = 'manual'): Promise<RunResult> {
    while (this.current) {
      this.wake.abort();
      if (reason !== 'close-day') return this.current;
      await this.current.catch(() => undefined);
    }
    const p = this.execute(reason).then(
      (r) => {
        // Idle before anyone hears it finished, so a status read on the event says so.
        this.current = null;
        if (r.id) this.app.events.emit('sync.finished', { ok: r.outcome === 'ok', pushed: r.pushed, pulled: r.pulled, parked: r.parked, message: r.message });
        this.afterRun();
        return r;
      },
      (e: unknown) => {
        this.current = null;
        this.afterRun();
        throw e;
      },
    );
    this.current = p;
    return p;
  }

  /** For the status screen. */
  status(includeConfig: boolean): SyncStatusView {
    const db = this.app.db;
    const config = readSyncConfig(db);
    const state = readSyncState(db);
    return {
      configured: config !== null,
      enabled: config?.enabled === 1,
      state: !config ? 'not-configured' : config.enabled !== 1 ? 'disabled' : this.current ? 'running' : state.last_error_kind === 'config' ? 'config-error' : 'idle',
      online: state.online === null ? null : state.online === 1,
      lastSuccessAt: state.last_success_at,
      lastAttemptAt: state.last_attempt_at,
      lastError: state.last_error,
      lastErrorKind: state.last_error_kind,
      pending: pendingCount(db),
      parked: parkedCount(db),
      collisions: openCollisionCount(db),
      // A background run of an unconfigured or switched-off sync does nothing: no time to show.
      nextRunAt: this.nextRunAt && this.started && !this.stopped && config?.enabled === 1 ? isoLocal(this.nextRunAt) : null,
      progress: this.current ? this.progressView : null,
      config: includeConfig && config ? configView(config) : null,
    };
  }

  /** Signs in with the saved configuration, to check it. */
  async testConnection(): Promise<{ ok: boolean; message: string }> {
    const config = readSyncConfig(this.app.db);
    if (!config) return { ok: false, message: 'Chưa cấu hình kết nối hệ thống tỉnh.' };
    let client: ProvincialClient;
    try {
      client = this.clientFor(config);
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
    const r = await client.auth();
    if (r.ok) {
      this.noteOnline(true);
      return { ok: true, message: 'Đăng nhập hệ thống tỉnh thành công.' };
    }
    this.noteOnline(reached(r.outcome));
    const wrong = r.outcome.kind === 'app' && r.outcome.errorCode === '-1';
    return { ok: false, message: wrong ? 'Sai tên đăng nhập hoặc mật khẩu hệ thống tỉnh.' : r.outcome.message };
  }

  // ------------------------------------------------------------------ scheduling

  private scheduleIn(ms: number, reason: SyncRunReason = 'background'): void {
    if (this.stopped || !this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextRunAt = new Date(Date.now() + ms);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nextRunAt = null;
      void this.runNow(reason).catch((e: unknown) => this.app.log.error('sync run failed', { error: e }));
    }, ms);
    this.timer.unref?.();
  }

  private intervalMs(): number {
    const config = this.app.db.open ? readSyncConfig(this.app.db) : null;
    return this.opts.intervalMs ?? (config?.interval_sec ?? 300) * 1000;
  }

  private afterRun(): void {
    if (!this.started || this.stopped || !this.app.db.open) return;
    if (this.configError) {
      // Nothing to do until an administrator changes the configuration (or asks to sync now).
      this.nextRunAt = null;
      return;
    }
    if (this.offlineRuns > 0) {
      const wait = backoffDelay(this.offlineRuns - 1, undefined, this.opts.rng ?? Math.random, this.opts.offlineBackoff ?? { baseMs: 30_000, capMs: 15 * 60_000 });
      this.scheduleIn(Math.min(wait, Math.max(this.intervalMs(), 30_000)));
      return;
    }
    const fresh = this.app.db.prepare("SELECT 1 FROM outbox WHERE status = 'pending' AND id > ? LIMIT 1").get(this.lastSeenId);
    this.scheduleIn(fresh ? (this.opts.changeDebounceMs ?? 3000) : this.intervalMs());
  }

  // ------------------------------------------------------------------ one run

  private clientFor(config: SyncConfigRow): ProvincialClient {
    const timeoutMs = this.opts.timeoutMs ?? config.timeout_ms;
    const key = JSON.stringify([config.base_url, config.username, config.agency_id, config.password_sealed, timeoutMs]);
    if (this.clientCache?.key === key) return this.clientCache.client;
    const client = new ProvincialClient({
      baseUrl: config.base_url,
      username: config.username,
      password: openSecret(this.app.paths.root, config.password_sealed),
      madonvi: config.agency_id,
      timeoutMs,
      fetch: this.opts.fetch,
    });
    this.clientCache = { key, client };
    return client;
  }

  private emitProgress(phase: string, done: number, total: number, message?: string): void {
    this.progressView = { phase, done, total, message: message ?? PHASE_LABELS[phase] };
    this.app.events.emit('sync.progress', this.progressView);
  }

  private async execute(reason: SyncRunReason): Promise<RunResult> {
    const db = this.app.db;
    const config = readSyncConfig(db);
    const startedAt = isoLocal(this.app.clock.now());
    if (!config || config.enabled !== 1) {
      const message = config ? 'Đồng bộ đang tắt trong cấu hình.' : 'Chưa cấu hình kết nối hệ thống tỉnh.';
      return { id: 0, reason, startedAt, finishedAt: startedAt, outcome: 'config', pushed: 0, pulled: 0, parked: 0, pending: pendingCount(db), error: message, message };
    }
    this.wake = new AbortController();
    if (!this.closedDangling) {
      // Runs left open by a process that died mid-run (power cut, killed): say so in the log.
      db.prepare("UPDATE sync_runs SET outcome = 'stopped', finished_at = ?, error = ? WHERE outcome IS NULL").run(startedAt, 'Ứng dụng đã tắt giữa lần đồng bộ này; các mục chưa xong được gửi lại ở lần sau.');
      this.closedDangling = true;
    }
    const runId = startRunRow(db, reason, startedAt);
    updateSyncState(db, { last_attempt_at: startedAt });
    const counts: RunCounts = { pushed: 0, pulled: 0, parked: 0, deferred: 0 };
    const total = pendingCount(db);
    let done = 0;
    let phase = 'start';
    let emitQueued = false;
    let ended = false;
    this.emitProgress('start', 0, total);
    let outcome: SyncRunOutcome = 'ok';
    let error: string | null = null;
    try {
      const ctx = this.createRunContext(config, reason, counts, {
        progress: (p, message) => {
          phase = p;
          this.emitProgress(p, done, total, message);
        },
        handled: (n) => {
          done += n;
          // Called inside the phases' transactions: tell the listeners once the transaction is over.
          if (emitQueued) return;
          emitQueued = true;
          queueMicrotask(() => {
            emitQueued = false;
            if (!ended) this.emitProgress(phase, Math.min(done, total), total);
          });
        },
      });
      // A per-item "try later" gets another pass after a pause, within the run's failure budget.
      for (let pass = 0; ; pass++) {
        counts.deferred = 0;
        this.lastSeenId = Math.max(this.lastSeenId, await pushPass(ctx));
        if (counts.deferred === 0 || pass >= 3) break;
        await this.pause(pass);
      }
      await pullFeed(ctx);
      await pullCatalog(ctx);
      await pullCalendars(ctx, reason !== 'background' && reason !== 'change');
    } catch (e) {
      if (e instanceof RunStop) {
        outcome = e.kind;
        error = e.message;
      } else if (e instanceof SecretUnavailableError) {
        outcome = 'config';
        error = e.message;
      } else {
        outcome = 'failed';
        error = `Lỗi khi đồng bộ: ${(e as Error).message}`;
        this.app.log.error('sync run failed', { error: e });
      }
    }
    ended = true;
    return this.finish(runId, reason, startedAt, outcome, error, counts);
  }

  private finish(runId: number, reason: SyncRunReason, startedAt: string, outcome: SyncRunOutcome, error: string | null, counts: RunCounts): RunResult {
    const db = this.app.db;
    const finishedAt = isoLocal(this.app.clock.now());
    if (!db.open) return { id: runId, reason, startedAt, finishedAt, outcome: 'stopped', ...counts, pending: 0, error, message: error ?? '' };
    const pending = pendingCount(db);
    const parkedNow = parkedCount(db);
    this.configError = outcome === 'config';
    this.offlineRuns = outcome === 'offline' ? this.offlineRuns + 1 : 0;
    db.transaction(() => {
      finishRunRow(db, runId, { finishedAt, outcome, pushed: counts.pushed, pulled: counts.pulled, parked: counts.parked, pending, error });
      if (outcome === 'ok') updateSyncState(db, { last_success_at: finishedAt, last_error: null, last_error_kind: null });
      else if (outcome !== 'stopped') updateSyncState(db, { last_error: error, last_error_kind: outcome === 'failed' ? 'internal' : outcome });
    })();
    let message: string;
    if (outcome === 'ok') {
      message = `Đã đồng bộ: gửi ${counts.pushed}, nhận ${counts.pulled} thay đổi.`;
      if (parkedNow) message += ` ${parkedNow} mục bị hệ thống tỉnh từ chối, cần xem lại.`;
      if (pending) message += ` Còn ${pending} mục chờ gửi.`;
    } else message = error ?? 'Đồng bộ chưa xong.';
    this.progressView = null;
    const view = getRun(db, runId);
    return { ...(view as SyncRunView), outcome, message };
  }

  /** Stores the online flag when it changes (not a disk write per call). */
  private noteOnline(online: boolean): void {
    const v = online ? 1 : 0;
    if (this.lastOnline === v) return;
    this.lastOnline = v;
    updateSyncState(this.app.db, { online: v });
  }

  /** Waits before a retry: exponential with jitter, never earlier than the server's Retry-After. */
  private async pause(attempt: number, retryAfterSec?: number): Promise<void> {
    const wait = backoffDelay(attempt, retryAfterSec, this.opts.rng ?? Math.random, this.opts.backoff);
    const shown = this.progressView;
    this.emitProgress('wait', shown?.done ?? 0, shown?.total ?? 0, `${PHASE_LABELS.wait} sau ${Math.ceil(wait / 1000)} giây`);
    await (this.opts.sleep ?? defaultSleep)(wait, this.wake.signal);
    // A "sync now" cut this wait short; later waits of the run are full again.
    if (this.wake.signal.aborted && !this.stopped) this.wake = new AbortController();
  }

  /** @internal The context a run's phases share; public for the bench hook only. */
  createRunContext(
    config: SyncConfigRow,
    reason: SyncRunReason,
    counts: RunCounts,
    hooks: { progress: RunContext['progress']; handled: RunContext['handled'] },
  ): RunContext {
    const client = this.clientFor(config);
    const maxFailures = reason === 'close-day' ? (this.opts.closeDayMaxFailures ?? 3) : (this.opts.maxConsecutiveFailures ?? 6);
    const state = { failures: 0 };
    const office = getOfficeSettings(this.app.db) ?? requireOfficeSettings(this.app.db);
    const checkStopped = () => {
      if (this.stopped || !this.app.db.open) throw new RunStop('stopped', 'Đồng bộ đã dừng do ứng dụng đóng.');
    };
    const exchange = async <T>(call: () => Promise<ProvincialResult<T>>, onRetry?: (message: string) => void): Promise<T | TooLarge> => {
      for (;;) {
        checkStopped();
        const r = await call();
        checkStopped();
        if (r.ok) {
          state.failures = 0;
          this.noteOnline(true);
          return r.value;
        }
        this.noteOnline(reached(r.outcome));
        if (r.disposition === 'fatal-config') {
          const wrong = r.outcome.kind === 'app' && r.outcome.errorCode === '-1';
          throw new RunStop('config', wrong ? 'Sai tên đăng nhập hoặc mật khẩu hệ thống tỉnh: quản trị hãy kiểm tra cấu hình đồng bộ.' : r.outcome.message);
        }
        if (r.disposition === 'park') return TOO_LARGE;
        // Everything else is "send the same again later" (a second -2 in a row included).
        onRetry?.(r.outcome.message);
        state.failures += 1;
        updateSyncState(this.app.db, { last_error: r.outcome.message, last_error_kind: 'offline' });
        if (state.failures > maxFailures) throw new RunStop('offline', `Chưa kết nối được hệ thống tỉnh: ${r.outcome.message}`);
        const retryAfter = r.outcome.kind === 'http' ? r.outcome.retryAfterSec : undefined;
        await this.pause(state.failures - 1, retryAfter);
      }
    };
    return {
      app: this.app,
      client,
      batchSize: Math.min(MAX_BATCH_ITEMS, this.opts.batchSize ?? MAX_BATCH_ITEMS),
      feedPageSize: Math.min(MAX_FEED_PAGE, this.opts.feedPageSize ?? MAX_FEED_PAGE),
      counts,
      exchange,
      progress: hooks.progress,
      handled: hooks.handled,
      checkStopped,
      receivingPoint: office.receivingPointName,
    };
  }
}

// ---------------------------------------------------------------- one worker per database

const workers = new WeakMap<AppContext, SyncWorker>();

/** The database's worker, created on first use (not started: see startSyncWorker). */
export function syncWorkerFor(app: AppContext, opts?: SyncWorkerOptions): SyncWorker {
  let w = workers.get(app);
  if (w && opts) throw new Error('Tiến trình đồng bộ của cơ sở dữ liệu này đã được tạo; không tạo lần hai.');
  if (!w) workers.set(app, (w = new SyncWorker(app, opts)));
  return w;
}

/** Creates (if needed) and starts the background worker of the database. Called by the host after startCore. */
export function startSyncWorker(app: AppContext, opts?: SyncWorkerOptions): SyncWorker {
  return syncWorkerFor(app, opts).start();
}

/**
 * Bench hook: pushes every pending outbox entry (no pull) and reports how long it took.
 * Call with a worker built on a core whose sync configuration points at a provincial double.
 */
export async function pushAll(worker: SyncWorker): Promise<{ pushed: number; parked: number; pending: number; ms: number; calls: number }> {
  const started = performance.now();
  let calls = 0;
  const counts: RunCounts = { pushed: 0, pulled: 0, parked: 0, deferred: 0 };
  const config = readSyncConfig(worker.app.db);
  if (!config) throw new Error('pushAll: chưa cấu hình đồng bộ');
  const ctx = worker.createRunContext(config, 'manual', counts, { progress: () => {}, handled: () => {} });
  const exchange = ctx.exchange;
  ctx.exchange = (call, onRetry) => {
    calls += 1;
    return exchange(call, onRetry);
  };
  for (let pass = 0; pass < 5; pass++) {
    counts.deferred = 0;
    await pushPass(ctx);
    if (counts.deferred === 0) break;
  }
  return { pushed: counts.pushed, parked: counts.parked, pending: pendingCount(worker.app.db), ms: performance.now() - started, calls };
}
