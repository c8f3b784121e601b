import { isoLocal } from '../app/clock';

export interface RotationPolicy {
  /** The newest backup of each of this many most recent days (that have a backup) is kept. */
  daily: number;
  /** The newest backup of each of this many most recent months (that have a backup) is kept. */
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 14, monthly: 12 };

/**
 * Chooses the backup files to delete. Kept: every backup of the most recent day (a manual or
 * before-restore backup taken today is never thrown away today); the newest of each of the `daily`
 * most recent days; the newest of each of the `monthly` most recent months. Days and months are local
 * to Asia/Ho_Chi_Minh. Counting days that *have* a backup (not calendar days) means a ten-day Tết
 * closure does not wipe the daily set. Pure: the caller deletes. Entries with an unreadable time are never chosen.
 */
export function chooseBackupsToDelete(entries: readonly { file: string; createdAt: string }[], policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const dated = entries
    .map((e) => ({ file: e.file, t: new Date(e.createdAt).getTime() }))
    .filter((e) => Number.isFinite(e.t))
    .sort((a, b) => b.t - a.t || (a.file < b.file ? 1 : -1));
  const keep = new Set<string>();
  const pick = (bucketOf: (local: string) => string, count: number) => {
    const seen = new Set<string>();
    for (const e of dated) {
      const bucket = bucketOf(isoLocal(new Date(e.t)));
      if (seen.has(bucket)) continue;
      if (seen.size >= count) break;
      seen.add(bucket);
      keep.add(e.file);
    }
  };
  const newestDay = dated.length ? isoLocal(new Date(dated[0].t)).slice(0, 10) : null;
  for (const e of dated) if (isoLocal(new Date(e.t)).slice(0, 10) === newestDay) keep.add(e.file);
  pick((s) => s.slice(0, 10), policy.daily);
  pick((s) => s.slice(0, 7), policy.monthly);
  return dated.filter((e) => !keep.has(e.file)).map((e) => e.file);
}
