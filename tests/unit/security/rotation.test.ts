import { describe, expect, it } from 'vitest';
import { chooseBackupsToDelete } from '../../../src/main/backup/rotation';

/** One backup per local day at 23:30 (+07:00) from `first`, for `days` days. */
function daily(first: string, days: number, hour = '23:30'): { file: string; createdAt: string }[] {
  const start = new Date(`${first}T${hour}:00+07:00`).getTime();
  return Array.from({ length: days }, (_, i) => {
    const t = new Date(start + i * 86_400_000);
    const local = new Date(t.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    return { file: `d-${local}`, createdAt: t.toISOString() };
  });
}

describe('backup rotation: 14 daily + 12 monthly', () => {
  it('keeps everything while there are 14 days or fewer', () => {
    expect(chooseBackupsToDelete(daily('2024-03-01', 14))).toEqual([]);
  });

  it('keeps the last 14 days and the newest backup of each older month, up to 12 months', () => {
    const all = daily('2023-01-01', 500); // 2023-01-01 … 2024-05-14
    const doomed = new Set(chooseBackupsToDelete(all));
    const kept = all.map((e) => e.file).filter((f) => !doomed.has(f));
    const last14 = all.slice(-14).map((e) => e.file);
    // Months newer than the 14 days' first month, newest of each: 2023-06 … 2024-05 (12 months).
    const monthEnds = ['2023-06-30', '2023-07-31', '2023-08-31', '2023-09-30', '2023-10-31', '2023-11-30', '2023-12-31', '2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30'].map((d) => `d-${d}`);
    expect(kept.sort()).toEqual([...monthEnds, ...last14].sort());
    expect(kept).toHaveLength(25);
  });

  it('uses the Vietnamese local day and month, not UTC', () => {
    // 2024-01-31 23:30 +07:00 is 16:30 UTC the same day; 2024-02-01 06:00 +07:00 is still 31 January in UTC.
    const entries = [
      { file: 'jan31-late', createdAt: '2024-01-31T16:30:00.000Z' },
      { file: 'feb01-early', createdAt: '2024-01-31T23:00:00.000Z' },
    ];
    expect(chooseBackupsToDelete(entries, { daily: 1, monthly: 2 })).toEqual([]);
    // With one month kept, January's backup goes: the 06:00 one belongs to February locally.
    expect(chooseBackupsToDelete(entries, { daily: 1, monthly: 1 })).toEqual(['jan31-late']);
  });

  it('counts days that have a backup: a ten-day Tết closure does not empty the daily set', () => {
    const before = daily('2024-01-25', 15); // 25 Jan … 8 Feb
    const after = daily('2024-02-19', 3); // back at work after Tết
    const doomed = chooseBackupsToDelete([...before, ...after]);
    // The 14 most recent backup-days are 19–21 Feb and 29 Jan–8 Feb (counting calendar days would keep
    // only 8 Feb and 19–21 Feb); January's newest (31 Jan) is among them. Only 25–28 January go.
    expect(doomed.sort()).toEqual(['d-2024-01-25', 'd-2024-01-26', 'd-2024-01-27', 'd-2024-01-28']);
  });

  it('never deletes a backup of the most recent day (several manual ones today stay)', () => {
    const today = ['08:00', '10:15', '16:40'].map((h) => ({ file: `today-${h}`, createdAt: new Date(`2024-05-14T${h}:00+07:00`).toISOString() }));
    const older = [
      { file: 'yesterday-a', createdAt: new Date('2024-05-13T09:00:00+07:00').toISOString() },
      { file: 'yesterday-b', createdAt: new Date('2024-05-13T22:00:00+07:00').toISOString() },
    ];
    expect(chooseBackupsToDelete([...older, ...today]).sort()).toEqual(['yesterday-a']);
  });

  it('ignores entries with an unreadable time rather than deleting them', () => {
    expect(chooseBackupsToDelete([...daily('2024-01-01', 40), { file: 'strange', createdAt: 'not a date' }])).not.toContain('strange');
  });
});
