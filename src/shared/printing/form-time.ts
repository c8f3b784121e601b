/**
 * Dates and times as administrative forms print them, always in Vietnam time (UTC+7,
 * no daylight saving) whatever the machine's time zone: a receipt printed on a PC set
 * to UTC must still say the hour the citizen was at the counter.
 */

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface VnDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Wall-clock parts in Asia/Ho_Chi_Minh of an ISO 8601 instant (which must carry its offset or Z). */
export function vnParts(iso: string): VnDateTime {
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(iso.trim())) {
    // Without an offset Date.parse would use the machine's zone: refuse rather than guess.
    throw new RangeError(`Thời điểm thiếu múi giờ: ${iso}`);
  }
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Thời điểm không hợp lệ: ${iso}`);
  const d = new Date(ms + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "09 giờ 32 phút, ngày 27/10/2023" — the format of items 4 and 5 of the receipt. */
export function formatFormTime(iso: string): string {
  const p = vnParts(iso);
  return `${pad2(p.hour)} giờ ${pad2(p.minute)} phút, ngày ${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "27/10/2023" */
export function formatFormDate(iso: string): string {
  const p = vnParts(iso);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "27/10/2023 09:32" — compact, for narrow table cells (wraps between date and time). */
export function formatShortDateTime(iso: string): string {
  const p = vnParts(iso);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/**
 * "ngày 05 tháng 3 năm 2025". Decree 30/2020/NĐ-CP writes a leading zero for days
 * below 10 and for months 1 and 2 only (so "tháng 01", "tháng 02", but "tháng 3"):
 * that keeps the handwritten-looking date from being altered to a later month.
 */
export function formatLongDate(iso: string): string {
  const p = vnParts(iso);
  const month = p.month <= 2 ? pad2(p.month) : String(p.month);
  return `ngày ${pad2(p.day)} tháng ${month} năm ${p.year}`;
}

/** "Phường Ba Đình, ngày 05 tháng 3 năm 2025" — the place-and-date line under the motto. */
export function formatPlaceDate(place: string, iso: string): string {
  return `${place.trim()}, ${formatLongDate(iso)}`;
}
