/**
 * Calendar-date helpers shared by the parsers in this folder (CCCD QR, dossier codes,
 * provincial times). Dates here are plain civil dates: no time zone is involved.
 */

/** A civil date as numbers; month 1–12. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when the numbers name a real calendar day (rejects 31/04, 29/02 of common years…). */
export function isValidDateParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` for valid parts. */
export function formatIsoDate(p: DateParts): string {
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

/** Parse a strict `YYYY-MM-DD`; null when malformed or not a real day. */
export function parseIsoDate(s: string): DateParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const p = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDateParts(p.year, p.month, p.day) ? p : null;
}

/** Parse a strict `ddMMyyyy` (as printed in the CCCD QR); null when malformed or not a real day. */
export function parseDdMmYyyy(s: string): DateParts | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) return null;
  const p = { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  return isValidDateParts(p.year, p.month, p.day) ? p : null;
}
