/**
 * Protocol layer for the provincial one-stop server: HTTP, session, answer validation and
 * classification. It never retries on its own except for the one case the contract makes
 * safe and mandatory (`-2`: authenticate and repeat); every other decision — wait, merge,
 * park — belongs to the sync worker, which gets a classified outcome instead of an exception.
 */
import type { z } from 'zod';
import {
  MAX_BATCH_ITEMS,
  MAX_FEED_PAGE,
  authAnswerSchema,
  batchAnswerSchema,
  calendarAnswerSchema,
  catalogAnswerSchema,
  envelopeSchema,
  feedAnswerSchema,
  lookupAnswerSchema,
  type BatchItemResult,
  type DanhGia,
  type HoSo,
  type HoSoRequest,
  type LichNghi,
  type ThuTuc,
  type TienDo,
} from '../../shared/sync/provincial-types';
import { classify, parseRetryAfter, type Disposition, type Outcome } from './provincial-outcome';

export { backoffDelay, classify, parseRetryAfter } from './provincial-outcome';
export type { BackoffOptions, Disposition, Outcome } from './provincial-outcome';

export interface ProvincialClientOptions {
  /** e.g. `https://motcua.example-province.gov.vn/lgsp`; `/auth` and `/api` are appended. */
  baseUrl: string;
  username: string;
  password: string;
  /** Agency ID sent with every call. */
  madonvi: string;
  /** Whole-exchange timeout per HTTP request (connect, send, receive the body). */
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Clock for the session's expiry; injectable for tests. */
  now?: () => number;
}

export type ProvincialResult<T> =
  | { ok: true; value: T }
  | { ok: false; outcome: Outcome; disposition: Disposition };

/** A batch item's answer with the worker's next step for it. */
export type ClassifiedItem = BatchItemResult & { disposition: Disposition };

export interface FeedPage {
  items: HoSo[];
  /** Store it only after `items` are stored locally. */
  nextCursor: string;
}

type Body = Record<string, unknown>;
type Exchange = { ok: true; body: Body } | { ok: false; outcome: Outcome };

function failure<T>(outcome: Outcome): ProvincialResult<T> {
  return { ok: false, outcome, disposition: classify(outcome) };
}

function describeZod(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`)
    .join('; ');
}

export class ProvincialClient {
  private readonly base: string;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;
  private session: { token: string; expiresAt: number } | null = null;
  /** One authentication at a time: concurrent calls that need a session share it. */
  private authInFlight: Promise<ProvincialResult<string>> | null = null;

  constructor(private readonly options: ProvincialClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
  }

  /** Authenticate now (replacing any session). `-1` comes back as a `fatal-config` failure. */
  async auth(): Promise<ProvincialResult<{ session: string; expiresIn: number }>> {
    const ex = await this.post('/auth', { username: this.options.username, password: this.options.password });
    if (!ex.ok) return failure(ex.outcome);
    const env = envelopeSchema.safeParse(ex.body);
    if (!env.success) return failure(this.malformed('/auth', env.error));
    if (env.data.error_code !== '0') {
      this.session = null;
      return failure({ kind: 'app', errorCode: env.data.error_code, message: env.data.message });
    }
    const parsed = authAnswerSchema.safeParse(ex.body);
    if (!parsed.success) return failure(this.malformed('/auth', parsed.error));
    const ttlMs = parsed.data.expires_in * 1000;
    // Renew a little before the server's deadline so a call does not race the expiry.
    const margin = Math.min(30_000, ttlMs / 10);
    this.session = { token: parsed.data.session, expiresAt: this.now() + ttlMs - margin };
    return { ok: true, value: { session: parsed.data.session, expiresIn: parsed.data.expires_in } };
  }

  /**
   * Call a service. Authenticates when there is no valid session; on `-2` authenticates once
   * more and repeats (the contract guarantees a `-2` call was not applied). Succeeds only with
   * `error_code` `"0"`; the body is returned unvalidated beyond the envelope.
   */
  async call(service: string, fields: Body = {}): Promise<ProvincialResult<Body>> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.ensureSession();
      if (!token.ok) return token;
      const ex = await this.post('/api', {
        ...fields,
        session: token.value,
        madonvi: this.options.madonvi,
        service,
      });
      if (!ex.ok) return failure(ex.outcome);
      const env = envelopeSchema.safeParse(ex.body);
      if (!env.success) return failure(this.malformed(service, env.error));
      const code = env.data.error_code;
      if (code === '0') return { ok: true, value: ex.body };
      if (code === '-2' && attempt === 0) {
        // Drop the session only if nobody replaced it meanwhile.
        if (this.session?.token === token.value) this.session = null;
        continue;
      }
      return failure({ kind: 'app', errorCode: code, message: env.data.message });
    }
  }

  /** `DongBoHoSoMC`: create (`isUpdating` false) or replace whole dossiers. */
  pushDossiers(isUpdating: boolean, items: HoSoRequest[]): Promise<ProvincialResult<ClassifiedItem[]>> {
    return this.batch('DongBoHoSoMC', items, { isUpdating: isUpdating ? 'True' : 'False' });
  }

  /** `CapNhatTienDoHoSoMC`: append processing steps. */
  pushProgress(items: TienDo[]): Promise<ProvincialResult<ClassifiedItem[]>> {
    return this.batch('CapNhatTienDoHoSoMC', items, {});
  }

  /** `DongBoDanhGiaHaiLong`: satisfaction ratings. */
  pushRatings(items: DanhGia[]): Promise<ProvincialResult<ClassifiedItem[]>> {
    return this.batch('DongBoDanhGiaHaiLong', items, {});
  }

  /** `TraCuuHoSo`: the server's copy of one dossier, or null when it does not know it. */
  async lookup(maHoSo: string): Promise<ProvincialResult<HoSo | null>> {
    const r = await this.call('TraCuuHoSo', { mahoso: maHoSo });
    if (!r.ok) return r;
    const parsed = lookupAnswerSchema.safeParse(r.value);
    if (!parsed.success) return failure(this.malformed('TraCuuHoSo', parsed.error));
    return { ok: true, value: parsed.data.result[0] ?? null };
  }

  /** `LayThayDoiHoSo`: dossiers of this agency changed after `cursor` ("" the first time). */
  async changes(cursor: string, n: number): Promise<ProvincialResult<FeedPage>> {
    if (!Number.isInteger(n) || n < 1 || n > MAX_FEED_PAGE) {
      throw new RangeError(`Số hồ sơ mỗi trang phải từ 1 đến ${MAX_FEED_PAGE}: ${n}.`);
    }
    const r = await this.call('LayThayDoiHoSo', { conTro: cursor, soLuong: n });
    if (!r.ok) return r;
    const parsed = feedAnswerSchema.safeParse(r.value);
    if (!parsed.success) return failure(this.malformed('LayThayDoiHoSo', parsed.error));
    if (parsed.data.result.length > n) {
      return failure({ kind: 'malformed', message: `Máy chủ tỉnh trả ${parsed.data.result.length} hồ sơ, nhiều hơn ${n} đã yêu cầu.` });
    }
    return { ok: true, value: { items: parsed.data.result, nextCursor: parsed.data.conTroTiepTheo } };
  }

  /** `LayDanhSachTTHC`: procedures changed since `since` (`yyyyMMddHHmmss`), all when absent. */
  async catalog(since?: string): Promise<ProvincialResult<ThuTuc[]>> {
    const r = await this.call('LayDanhSachTTHC', since ? { tuNgay: since } : {});
    if (!r.ok) return r;
    const parsed = catalogAnswerSchema.safeParse(r.value);
    if (!parsed.success) return failure(this.malformed('LayDanhSachTTHC', parsed.error));
    return { ok: true, value: parsed.data.result };
  }

  /** `LayLichNghi`: the official calendar of `year`, or null when not announced yet. */
  async calendar(year: number): Promise<ProvincialResult<LichNghi | null>> {
    const r = await this.call('LayLichNghi', { nam: year });
    if (!r.ok) return r;
    const parsed = calendarAnswerSchema.safeParse(r.value);
    if (!parsed.success) return failure(this.malformed('LayLichNghi', parsed.error));
    const res = parsed.data.result;
    if (!res || (res.NgayNghi.length === 0 && res.NgayLamBu.length === 0)) return { ok: true, value: null };
    if (res.Nam !== undefined && res.Nam !== year) {
      return failure({ kind: 'malformed', message: `Máy chủ tỉnh trả lịch năm ${res.Nam} thay vì năm ${year}.` });
    }
    return { ok: true, value: { Nam: year, NgayNghi: res.NgayNghi, NgayLamBu: res.NgayLamBu } };
  }

  // ------------------------------------------------------------------ internals

  private async batch(
    service: string,
    items: ReadonlyArray<{ MaThayDoi: string }>,
    extra: Body,
  ): Promise<ProvincialResult<ClassifiedItem[]>> {
    if (items.length > MAX_BATCH_ITEMS) {
      // A caller bug, not a server answer: the worker must cut batches itself.
      throw new RangeError(`Mỗi lần gửi tối đa ${MAX_BATCH_ITEMS} mục; đã đưa ${items.length}.`);
    }
    const r = await this.call(service, { ...extra, data: items });
    if (!r.ok) return r;
    const parsed = batchAnswerSchema.safeParse(r.value);
    if (!parsed.success) return failure(this.malformed(service, parsed.error));
    const results = parsed.data.result;
    // Results are matched to items by position, so the order must be provably the same.
    if (results.length !== items.length) {
      return failure({
        kind: 'malformed',
        message: `Máy chủ tỉnh trả ${results.length} kết quả cho ${items.length} mục (${service}).`,
      });
    }
    for (let i = 0; i < items.length; i++) {
      if (keyOf(results[i].MaThayDoi) !== keyOf(items[i].MaThayDoi)) {
        return failure({
          kind: 'malformed',
          message: `Kết quả thứ ${i + 1} máy chủ tỉnh trả cho ${service} không khớp mã thay đổi đã gửi.`,
        });
      }
    }
    return {
      ok: true,
      value: results.map((res) => ({
        ...res,
        disposition: classify({ kind: 'app', errorCode: res.error_code, message: res.message }),
      })),
    };
  }

  private async ensureSession(): Promise<ProvincialResult<string>> {
    if (this.session && this.now() < this.session.expiresAt) return { ok: true, value: this.session.token };
    if (!this.authInFlight) {
      this.authInFlight = this.auth()
        .then((r): ProvincialResult<string> => (r.ok ? { ok: true, value: r.value.session } : r))
        .finally(() => {
          this.authInFlight = null;
        });
    }
    return this.authInFlight;
  }

  private malformed(what: string, error: z.ZodError): Outcome {
    return {
      kind: 'malformed',
      message: `Câu trả lời của máy chủ tỉnh (${what}) không đúng hợp đồng: ${describeZod(error)}`,
    };
  }

  /** One HTTP exchange, with the timeout covering the body too (a server can stall mid-answer). */
  private async post(path: string, payload: Body): Promise<Exchange> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    const seconds = (this.options.timeoutMs / 1000).toLocaleString('vi-VN');
    try {
      const res = await this.fetchFn(this.base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
        body: JSON.stringify(payload),
        signal: controller.signal,
      });
      const text = await res.text();
      if (res.status !== 200) {
        const retryAfterSec = parseRetryAfter(res.headers.get('retry-after'), this.now());
        return { ok: false, outcome: httpOutcome(res.status, retryAfterSec) };
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return { ok: false, outcome: { kind: 'malformed', message: 'Máy chủ tỉnh trả về nội dung không phải JSON.' } };
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return { ok: false, outcome: { kind: 'malformed', message: 'Máy chủ tỉnh trả về JSON không phải đối tượng.' } };
      }
      return { ok: true, body: body as Body };
    } catch (err) {
      if (timedOut) {
        return { ok: false, outcome: { kind: 'timeout', message: `Máy chủ tỉnh không trả lời trong ${seconds} giây.` } };
      }
      const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
      return { ok: false, outcome: { kind: 'network', message: `Không kết nối được máy chủ tỉnh (${cause}).` } };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Change keys compare case-insensitively (UUIDs); a missing key (caller bug) reads as "". */
function keyOf(v: unknown): string {
  return typeof v === 'string' ? v.toLowerCase() : '';
}

function httpOutcome(status: number, retryAfterSec: number | undefined): Outcome {
  let message: string;
  if (status === 413) message = 'Gói dữ liệu gửi lên quá lớn so với giới hạn của máy chủ tỉnh (HTTP 413).';
  else if (status === 429) message = 'Máy chủ tỉnh yêu cầu giảm tần suất gọi (HTTP 429).';
  else if (status >= 500) message = `Máy chủ tỉnh đang gặp sự cố (HTTP ${status}).`;
  else message = `Máy chủ tỉnh từ chối yêu cầu (HTTP ${status}); kiểm tra địa chỉ máy chủ trong cấu hình.`;
  return retryAfterSec === undefined ? { kind: 'http', status, message } : { kind: 'http', status, retryAfterSec, message };
}
