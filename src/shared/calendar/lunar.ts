/**
 * Vietnamese lunisolar calendar (âm lịch), computed astronomically.
 *
 * Method (as published by Hồ Ngọc Đức): a lunar month starts on the local day of
 * a new moon; month 11 is the month containing the winter solstice; when 13 new
 * moons separate two months 11, the first month after month 11 in which the sun
 * enters no new 30° sector of longitude (no principal solar term) is the leap
 * month and takes the number of the month before it.
 *
 * Which local *day* a new moon or a solar term falls on depends on the time zone.
 * Vietnam has used UTC+7 since 1968 while China uses UTC+8, which is why Tết
 * sometimes differs (1985: Vietnam 21 Jan, China 20 Feb). The zone is a
 * parameter only so that difference can be shown; callers should keep the default.
 *
 * The astronomical series are the short ones from Jean Meeus, *Astronomical
 * Algorithms*, accurate to minutes for 1900–2100, which is all a day count needs.
 */
import { civilFromDays, dayNumber, daysFromCivil, formatLocalDate } from './local-date';
import type { LocalDate } from './types';

/** A date in the Vietnamese lunar calendar. `leap` marks the intercalary (nhuận) month. */
export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

/** Vietnam's zone in hours; the calendar is defined for it. */
export const VIETNAM_TIME_ZONE = 7;

const JDN_OF_UNIX_EPOCH = 2440588;
/** Julian Day of the new moon of 1900-01-01 (index k = 0 of the series below). */
const NEW_MOON_EPOCH = 2415021.076998695;
const SYNODIC_MONTH = 29.530588853;
const RAD = Math.PI / 180;

/** Julian Day (with fraction, in Terrestrial Time corrected to UT) of the k-th new moon after 1900-01-01. */
function newMoonJd(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const latitudeArg = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  let c =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly);
  c +=
    0.0104 * Math.sin(2 * latitudeArg) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * latitudeArg + sunAnomaly) -
    0.0004 * Math.sin(2 * latitudeArg - sunAnomaly) -
    0.0006 * Math.sin(2 * latitudeArg + moonAnomaly) +
    0.001 * Math.sin(2 * latitudeArg - moonAnomaly) +
    0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
  // ΔT (TT − UT) in days; the tables change form before ~1800 (t < −11 is never reached in our range but kept for safety).
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + c - deltaT;
}

/** Apparent ecliptic longitude of the sun in radians [0, 2π) at Julian Day `jd`. */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525; // Julian centuries since J2000
  const t2 = t * t;
  const meanAnomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.00029 * Math.sin(3 * meanAnomaly);
  const longitude = (meanLongitude + centre) * RAD;
  const full = 2 * Math.PI;
  return longitude - full * Math.floor(longitude / full);
}

/** Local Julian Day Number of the day on which the k-th new moon falls. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + tz / 24);
}

/** Which 30° sector (0–11) the sun is in at local midnight starting day `jdn`; sector 9 starts at the winter solstice. */
function sunSector(jdn: number, tz: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - tz / 24) / Math.PI) * 6);
}

/** JDN of the first day of lunar month 11 (the one containing the December solstice) of Gregorian year `year`. */
function month11Start(year: number, tz: number): number {
  const dec31 = daysFromCivil(year, 12, 31) + JDN_OF_UNIX_EPOCH;
  const k = Math.floor((dec31 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const start = newMoonDay(k, tz);
  // The last new moon of the year may come after the solstice; month 11 then began one lunation earlier.
  return sunSector(start, tz) >= 9 ? newMoonDay(k - 1, tz) : start;
}

interface LunarMonth {
  start: number; // JDN of day 1
  length: number; // 29 or 30
  month: number;
  leap: boolean;
  year: number;
}

const cache = new Map<string, LunarMonth[]>();

/**
 * The lunar months from month 11 of lunar year `suiYear − 1` up to (not including)
 * the next month 11: a "suì", the solstice-to-solstice span the leap rule works on.
 */
function monthsOfSui(suiYear: number, tz: number): LunarMonth[] {
  const key = `${suiYear}/${tz}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const a11 = month11Start(suiYear - 1, tz);
  const b11 = month11Start(suiYear, tz);
  const k0 = Math.round((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const count = b11 - a11 > 365 ? 13 : 12;
  let leapOffset = -1;
  if (count === 13) {
    for (let i = 1; i < 13; i++) {
      if (sunSector(newMoonDay(k0 + i, tz), tz) === sunSector(newMoonDay(k0 + i + 1, tz), tz)) {
        leapOffset = i;
        break;
      }
    }
  }
  const months: LunarMonth[] = [];
  for (let i = 0; i < count; i++) {
    const start = i === 0 ? a11 : newMoonDay(k0 + i, tz);
    const next = i === count - 1 ? b11 : newMoonDay(k0 + i + 1, tz);
    const ordinal = leapOffset > 0 && i >= leapOffset ? i - 1 : i; // the leap month repeats the previous number
    const month = ((10 + ordinal) % 12) + 1;
    months.push({ start, length: next - start, month, leap: i === leapOffset, year: month >= 11 ? suiYear - 1 : suiYear });
  }
  if (cache.size > 2000) cache.clear(); // bounded: a long-running process may convert many years
  cache.set(key, months);
  return months;
}

function jdnOf(date: LocalDate): number {
  return dayNumber(date) + JDN_OF_UNIX_EPOCH;
}

function dateOfJdn(jdn: number): LocalDate {
  const { y, m, d } = civilFromDays(jdn - JDN_OF_UNIX_EPOCH);
  return formatLocalDate(y, m, d);
}

/**
 * Converts a Gregorian date to the Vietnamese lunar calendar.
 * @param date 'YYYY-MM-DD'
 * @param timeZone hours east of UTC; keep the default 7 for the Vietnamese calendar (8 gives the Chinese one).
 * @throws RangeError on a malformed date
 */
export function solarToLunar(date: LocalDate, timeZone = VIETNAM_TIME_ZONE): LunarDate {
  const jdn = jdnOf(date);
  const gregorianYear = civilFromDays(jdn - JDN_OF_UNIX_EPOCH).y;
  const suiYear = jdn >= month11Start(gregorianYear, timeZone) ? gregorianYear + 1 : gregorianYear;
  const months = monthsOfSui(suiYear, timeZone);
  let found = months[0];
  for (const m of months) if (m.start <= jdn) found = m;
  return { day: jdn - found.start + 1, month: found.month, year: found.year, leap: found.leap };
}

/**
 * Converts a Vietnamese lunar date to the Gregorian calendar.
 * @param timeZone hours east of UTC; keep the default 7 for the Vietnamese calendar.
 * @throws RangeError when that lunar year has no such (leap) month or the month is shorter than `day`
 */
export function lunarToSolar(lunar: LunarDate, timeZone = VIETNAM_TIME_ZONE): LocalDate {
  const { day, month, year, leap } = lunar;
  if (![day, month, year].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 30) {
    throw new RangeError(`Ngày âm lịch không hợp lệ: ${day}/${month}/${year}`);
  }
  const months = monthsOfSui(month >= 11 ? year + 1 : year, timeZone);
  const found = months.find((m) => m.month === month && m.leap === leap);
  if (!found) throw new RangeError(`Năm âm lịch ${year} không có tháng ${month} nhuận`);
  if (day > found.length) {
    throw new RangeError(`Tháng ${month}${leap ? ' nhuận' : ''} năm âm lịch ${year} chỉ có ${found.length} ngày`);
  }
  return dateOfJdn(found.start + day - 1);
}

/** Number of days (29 or 30) in a lunar month. @throws RangeError when the month does not exist */
export function lunarMonthLength(year: number, month: number, leap = false, timeZone = VIETNAM_TIME_ZONE): number {
  const months = monthsOfSui(month >= 11 ? year + 1 : year, timeZone);
  const found = months.find((m) => m.month === month && m.leap === leap);
  if (!found) throw new RangeError(`Năm âm lịch ${year} không có tháng ${month}${leap ? ' nhuận' : ''}`);
  return found.length;
}

/** The leap month number of a lunar year, or 0 when the year has none. */
export function leapMonthOf(year: number, timeZone = VIETNAM_TIME_ZONE): number {
  // Lunar year Y spans two suì (months 1–10 in suì Y, months 11–12 in suì Y+1); look in both for its leap month.
  for (const m of [...monthsOfSui(year, timeZone), ...monthsOfSui(year + 1, timeZone)]) {
    if (m.leap && m.year === year) return m.month;
  }
  return 0;
}
