/**
 * The sync layer's view of provincial times (`yyyyMMddHHmmss`, `yyyyMMdd`, UTC+7): predicates and
 * null-returning parsers over the one implementation in src/shared/domain/provincial-time.ts.
 */
import { fromProvincialDate, parseProvincialDateTime, toProvincialDateTime } from '../domain/provincial-time';

/** True for a real instant written `yyyyMMddHHmmss` (rejects 30 February, 24:00:00…). */
export function isProvincialTime(s: string): boolean {
  return parseProvincialTime(s) !== null;
}

/** True for a real day written `yyyyMMdd`. */
export function isProvincialDate(s: string): boolean {
  try {
    fromProvincialDate(s);
    return true;
  } catch {
    return false;
  }
}

/** `yyyyMMddHHmmss` of an instant, on the Vietnamese wall clock. */
export function formatProvincialTime(instant: Date): string {
  return toProvincialDateTime(instant);
}

/** The instant a `yyyyMMddHHmmss` names, or null when it is not a real time. */
export function parseProvincialTime(s: string): Date | null {
  try {
    return parseProvincialDateTime(s);
  } catch {
    return null;
  }
}
