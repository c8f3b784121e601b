/**
 * Calendar dates and instants in Vietnam time (UTC+7, no daylight saving).
 *
 * Nothing here reads the machine's time zone: dates are converted with our own
 * civil-calendar arithmetic and instants are shifted by an explicit +7 h, so the
 * same code gives the same answer on a laptop set to any zone.
 */
import type { LocalDate } from './types';

/** Offset of Asia/Ho_Chi_Minh from UTC, in milliseconds. */
export const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link daysFromCivil}. */
export function civilFromDays(n: number): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function daysInMonth(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

/** Parses 'YYYY-MM-DD', rejecting impossible dates such as 2026-02-30. */
export function parseLocalDate(s: unknown): { y: number; m: number; d: number } | null {
  if (typeof s !== 'string') return null;
  const match = LOCAL_DATE_RE.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

/** True when `s` is a real calendar date written 'YYYY-MM-DD'. */
export function isLocalDate(s: unknown): s is LocalDate {
  return parseLocalDate(s) !== null;
}

export function formatLocalDate(y: number, m: number, d: number): LocalDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day number (days since 1970-01-01) of a LocalDate; throws on a malformed date. */
export function dayNumber(date: LocalDate): number {
  const p = parseLocalDate(date);
  if (!p) throw new RangeError(`Ngày không hợp lệ: «${String(date)}» (định dạng YYYY-MM-DD)`);
  return daysFromCivil(p.y, p.m, p.d);
}

export function fromDayNumber(n: number): LocalDate {
  const { y, m, d } = civilFromDays(n);
  return formatLocalDate(y, m, d);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function weekday(date: LocalDate): number {
  return weekdayOfDayNumber(dayNumber(date));
}

/** Parses 'HH:MM' or 'HH:MM:SS' into milliseconds since local midnight. */
export function parseTimeOfDay(time: string): number {
  const match = TIME_RE.exec(time);
  if (!match) throw new RangeError(`Giờ không hợp lệ: «${time}» (định dạng HH:MM)`);
  return (Number(match[1]) * 60 + Number(match[2])) * 60_000 + Number(match[3] ?? 0) * 1000;
}

export function isTimeOfDay(time: unknown): time is string {
  return typeof time === 'string' && TIME_RE.test(time);
}

export function assertInstant(instant: Date, what = 'Thời điểm'): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${what} không hợp lệ`);
  }
}

/** Milliseconds of the instant on the Vietnam wall clock, counted from 1970-01-01 00:00 local. */
export function localMs(instant: Date): number {
  assertInstant(instant);
  return instant.getTime() + VN_OFFSET_MS;
}

/** The instant at local day number `day`, `msOfDay` after local midnight. */
export function instantFromLocal(day: number, msOfDay: number): Date {
  return new Date(day * DAY_MS + msOfDay - VN_OFFSET_MS);
}

/** The Vietnam calendar date on which an instant falls. */
export function toLocalDate(instant: Date): LocalDate {
  return fromDayNumber(Math.floor(localMs(instant) / DAY_MS));
}

/** ISO 8601 with an explicit offset, e.g. '2023-11-03T09:32:00+07:00'. */
export function localDateTime(instant: Date): string {
  const ms = localMs(instant);
  const day = Math.floor(ms / DAY_MS);
  const inDay = ms - day * DAY_MS;
  const hh = Math.floor(inDay / 3_600_000);
  const mm = Math.floor((inDay % 3_600_000) / 60_000);
  const ss = Math.floor((inDay % 60_000) / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${fromDayNumber(day)}T${pad(hh)}:${pad(mm)}:${pad(ss)}+07:00`;
}

/** The instant of a Vietnam wall-clock time, e.g. instantAt('2023-10-27', '09:32'). */
export function instantAt(date: LocalDate, time = '00:00'): Date {
  return instantFromLocal(dayNumber(date), parseTimeOfDay(time));
}

/** 'dd/mm/yyyy', the way dates are written on Vietnamese forms. */
export function formatViDate(date: LocalDate): string {
  const p = parseLocalDate(date);
  if (!p) return String(date);
  return `${String(p.d).padStart(2, '0')}/${String(p.m).padStart(2, '0')}/${p.y}`;
}

/** 'HH:MM' of a number of milliseconds since local midnight. */
export function formatViTime(msOfDay: number): string {
  const minutes = Math.floor(msOfDay / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const WEEKDAY_NAMES = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

export function weekdayName(date: LocalDate): string {
  return WEEKDAY_NAMES[weekday(date)];
}
