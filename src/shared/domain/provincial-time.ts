/**
 * Times in the provincial API: `yyyyMMddHHmmss` and `yyyyMMdd`, always in Asia/Ho_Chi_Minh
 * (UTC+7, no daylight saving). Everything here uses the fixed +07:00 offset explicitly and
 * never the machine's time zone, so a counter PC set to UTC (or anything else) still sends
 * the right wall-clock time.
 */
import { formatIsoDate, isValidDateParts, parseIsoDate } from './date-parts';

/** Vietnam's offset from UTC in milliseconds; constant since 1975. */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Thrown for malformed times; the message is Vietnamese. */
export class ProvincialTimeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'ProvincialTimeError';
  }
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Date.UTC without its quirk of reading years 0–99 as 1900–1999. */
function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0): number {
  const t = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  t.setUTCFullYear(y, mo - 1, d);
  return t.getTime();
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Epoch milliseconds of a Date or of an ISO 8601 string that carries an offset (`Z` or `±HH:MM`).
 * Strings without an offset are refused: `Date.parse` would read them in the machine's zone.
 */
export function instantToEpochMs(instant: Date | string): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new ProvincialTimeError('Thời điểm không hợp lệ (Invalid Date).');
    return ms;
  }
  const m = ISO_INSTANT.exec(instant.trim());
  if (!m) {
    throw new ProvincialTimeError(`Thời điểm không đúng dạng ISO 8601 có múi giờ (ví dụ 2023-10-27T09:32:00+07:00): "${instant}".`);
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] ? Number(m[6]) : 0;
  const millis = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  if (!isValidDateParts(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    throw new ProvincialTimeError(`Thời điểm không tồn tại: "${instant}".`);
  }
  let offsetMs = 0;
  if (m[8] !== 'Z') {
    const sign = m[8][0] === '-' ? -1 : 1;
    const oh = Number(m[8].slice(1, 3));
    const om = Number(m[8].slice(4, 6));
    if (oh > 14 || om > 59) throw new ProvincialTimeError(`Múi giờ không hợp lệ: "${m[8]}".`);
    offsetMs = sign * (oh * 60 + om) * 60_000;
  }
  return utcMs(year, month, day, hour, minute, second, millis) - offsetMs;
}

/** Wall-clock fields of an instant in UTC+7. */
function vnFields(instant: Date | string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  // Shift by +7 h and read the UTC fields: that is the wall clock in Vietnam.
  const t = new Date(instantToEpochMs(instant) + VN_OFFSET_MS);
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
  };
}

/** `yyyyMMddHHmmss` in UTC+7 for an instant (fractions of a second are dropped). */
export function toProvincialDateTime(instant: Date | string): string {
  const f = vnFields(instant);
  return `${pad(f.y, 4)}${pad(f.mo)}${pad(f.d)}${pad(f.h)}${pad(f.mi)}${pad(f.s)}`;
}

/** Local business date `YYYY-MM-DD` (Asia/Ho_Chi_Minh) of an instant. */
export function instantToLocalDate(instant: Date | string): string {
  const f = vnFields(instant);
  return formatIsoDate({ year: f.y, month: f.mo, day: f.d });
}

/**
 * Parse a strict `yyyyMMddHHmmss` (UTC+7) into a Date.
 * @throws ProvincialTimeError when the string is not 14 digits or names a time that does not exist
 */
export function parseProvincialDateTime(s: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) throw new ProvincialTimeError(`Thời gian không đúng dạng yyyyMMddHHmmss: "${s}".`);
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  if (!isValidDateParts(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    throw new ProvincialTimeError(`Thời gian không tồn tại: "${s}".`);
  }
  return new Date(utcMs(year, month, day, hour, minute, second) - VN_OFFSET_MS);
}

/**
 * Like {@link parseProvincialDateTime}, but an absent or empty value (the API's "empty
 * optional time counts as absent") gives `undefined`. Malformed non-empty values still throw.
 */
export function parseOptionalProvincialDateTime(s: string | null | undefined): Date | undefined {
  if (s === undefined || s === null || s === '') return undefined;
  return parseProvincialDateTime(s);
}

/** `yyyyMMddHHmmss` → ISO 8601 with the +07:00 offset, e.g. `2023-10-27T09:32:00+07:00`. */
export function provincialDateTimeToIso(s: string): string {
  parseProvincialDateTime(s); // validates
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}+07:00`;
}

/** Local date `YYYY-MM-DD` → `yyyyMMdd`. */
export function toProvincialDate(localDate: string): string {
  if (!parseIsoDate(localDate)) throw new ProvincialTimeError(`Ngày không hợp lệ: "${localDate}" (cần YYYY-MM-DD).`);
  return localDate.replace(/-/g, '');
}

/** Strict `yyyyMMdd` → local date `YYYY-MM-DD`. */
export function fromProvincialDate(s: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) throw new ProvincialTimeError(`Ngày không đúng dạng yyyyMMdd: "${s}".`);
  const [year, month, day] = m.slice(1).map(Number);
  if (!isValidDateParts(year, month, day)) throw new ProvincialTimeError(`Ngày không tồn tại: "${s}".`);
  return formatIsoDate({ year, month, day });
}
