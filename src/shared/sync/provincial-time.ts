/**
 * Times in the provincial API: `yyyyMMddHHmmss` (and `yyyyMMdd` for plain dates), always the
 * wall clock of Asia/Ho_Chi_Minh (UTC+7, no daylight saving). Computed with an explicit
 * offset so the machine's own time zone never leaks in.
 */
import { isValidDateParts } from '../domain/date-parts';

const OFFSET_MS = 7 * 3600_000;
const TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** True for a real instant written `yyyyMMddHHmmss` (rejects 30 February, 24:00:00…). */
export function isProvincialTime(s: string): boolean {
  const m = TIME.exec(s);
  if (!m) return false;
  const [h, mi, se] = [Number(m[4]), Number(m[5]), Number(m[6])];
  return isValidDateParts(Number(m[1]), Number(m[2]), Number(m[3])) && h <= 23 && mi <= 59 && se <= 59;
}

/** True for a real day written `yyyyMMdd`. */
export function isProvincialDate(s: string): boolean {
  const m = DATE.exec(s);
  return m !== null && isValidDateParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `yyyyMMddHHmmss` of an instant, on the Vietnamese wall clock. */
export function formatProvincialTime(instant: Date): string {
  const t = new Date(instant.getTime() + OFFSET_MS);
  return (
    pad(t.getUTCFullYear(), 4) +
    pad(t.getUTCMonth() + 1) +
    pad(t.getUTCDate()) +
    pad(t.getUTCHours()) +
    pad(t.getUTCMinutes()) +
    pad(t.getUTCSeconds())
  );
}

/** The instant a `yyyyMMddHHmmss` names, or null when it is not a real time. */
export function parseProvincialTime(s: string): Date | null {
  if (!isProvincialTime(s)) return null;
  const n = (a: number, b: number): number => Number(s.slice(a, b));
  return new Date(Date.UTC(n(0, 4), n(4, 6) - 1, n(6, 8), n(8, 10), n(10, 12), n(12, 14)) - OFFSET_MS);
}
