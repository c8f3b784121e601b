/**
 * `isoLocal` (src/main/app/clock.ts) for millions of timestamps: the same text
 * (`2025-10-01T08:15:23.000+07:00`) without a Date and a regular expression per call.
 */
const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const prefixes = new Map<number, string>();
const p2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function isoLocalFast(ms: number): string {
  const local = ms + VN_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  let prefix = prefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    prefixes.set(day, prefix);
  }
  let t = local - day * DAY_MS;
  const milli = t % 1000;
  t = (t - milli) / 1000;
  const sec = t % 60;
  t = (t - sec) / 60;
  const min = t % 60;
  const hour = (t - min) / 60;
  return `${prefix}${p2(hour)}:${p2(min)}:${p2(sec)}.${milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : milli}+07:00`;
}
