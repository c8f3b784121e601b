import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../src/main/app/bootstrap';
import { AdjustableClock } from '../../../src/main/app/clock';
import { silentLogger } from '../../../src/main/app/logger';
import { searchDossiers, type DossierSearchInput } from '../../../src/main/dossiers/dossier-search';
import { daysRemainingFast } from '../../../src/main/dossiers/days-remaining';
import { getWorkCalendar } from '../../../src/main/calendar/calendar-service';
import { workingDaysRemaining } from '../../../src/shared/calendar';
import { foldVietnamese } from '../../../src/shared/domain/text-fold';
import { OPEN_STATUSES } from '../../../src/shared/dossiers/lifecycle';
import type { DossierStatus } from '../../../src/shared/domain/status';
import { generateDataset } from '../../../bench/generate';
import { makeTempDir } from '../../support/temp-dir';

interface Row {
  rid: number;
  id: string;
  code: string;
  status: DossierStatus;
  channel: string;
  business_date: string;
  due_ms: number;
  due_at: string;
  search_text: string;
  applicant_name: string;
  applicant_id: string;
  applicant_phone: string | null;
}

/**
 * The list's query shapes (full-text, code index, index-only subqueries, backwards walk) must
 * all return exactly what a plain filter over every dossier returns, in the same order, across
 * pages. Checked against a brute-force reading of a generated installation.
 */
describe('dossier search returns the same rows whatever plan it uses', () => {
  const tmp = makeTempDir('motcua-search-');
  let core: Core;
  let rows: Row[];
  let now: Date;

  beforeAll(async () => {
    const m = await generateDataset({ out: tmp.dir, size: 2000, seed: 5, years: 1 });
    now = new Date(`${m.to}T10:00:00+07:00`);
    core = await startCore({ dataDir: tmp.dir, clock: new AdjustableClock(now), log: silentLogger });
    rows = core.app.db.prepare('SELECT * FROM dossiers ORDER BY rid DESC').all() as Row[];
  }, 120_000);
  afterAll(() => {
    core?.close();
    tmp.cleanup();
  });

  /** Every page, following nextAfter, concatenated. */
  const allPages = (input: Partial<DossierSearchInput>, limit = 37): string[] => {
    const ids: string[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 1000; guard++) {
      const page = searchDossiers(core.app, { limit, ...input, after } as DossierSearchInput);
      ids.push(...page.items.map((i) => i.id));
      if (!page.nextAfter) return ids;
      after = page.nextAfter;
    }
    throw new Error('paging did not end');
  };

  const textMatch = (r: Row, query: string): boolean => {
    const words = foldVietnamese(query).split(/[^a-z0-9]+/).filter(Boolean);
    const tokens = r.search_text.split(/[^a-z0-9]+/).filter(Boolean);
    return words.every((w, i) => (i === words.length - 1 ? tokens.some((t) => t.startsWith(w)) : tokens.includes(w)));
  };
  const expected = (keep: (r: Row) => boolean) => rows.filter(keep).map((r) => r.id);

  it('text: names without diacritics, IDs, phones, prefixes', () => {
    const sample = rows[777];
    const queries = ['nguyen van', 'Nguyễn thị', 'thi h', 'le', 'quach', sample.applicant_name, foldVietnamese(sample.applicant_name).toUpperCase(), sample.applicant_id, sample.applicant_id.slice(0, 5), (sample.applicant_phone ?? '0912').slice(0, 6)];
    for (const q of queries) {
      const want = expected((r) => textMatch(r, q));
      expect(allPages({ query: q }), q).toEqual(want);
    }
    expect(expected((r) => textMatch(r, sample.applicant_name))).toContain(sample.id);
  });

  it('text with filters', () => {
    const want = expected((r) => textMatch(r, 'nguyen') && ['9', '10'].includes(r.status) && r.channel === '1');
    expect(want.length).toBeGreaterThan(40);
    expect(allPages({ query: 'nguyen', statuses: ['9', '10'], channel: '1' })).toEqual(want);
  });

  it('dossier code prefixes: highest code first', () => {
    const byCode = [...rows].sort((a, b) => (a.code < b.code ? 1 : -1));
    for (const q of ['000.00.06.H56', '000.00.06.h56-2604', rows[100].code.slice(0, 20), rows[100].code]) {
      const want = byCode.filter((r) => r.code.startsWith(q.toUpperCase())).map((r) => r.id);
      expect(want.length, q).toBeGreaterThan(0);
      expect(allPages({ query: q }, 71), q).toEqual(want);
    }
  });

  it('filtered lists: statuses, periods, due dates, channel, and no filter at all', () => {
    const nowMs = now.getTime();
    const open = (r: Row) => OPEN_STATUSES.includes(r.status);
    const cases: [Partial<DossierSearchInput>, (r: Row) => boolean][] = [
      [{}, () => true],
      [{ statuses: ['10'] }, (r) => r.status === '10'],
      [{ statuses: ['2', '4', '5'] }, (r) => ['2', '4', '5'].includes(r.status)],
      [{ statuses: ['7', '9'] }, (r) => ['7', '9'].includes(r.status)],
      [{ receivedFrom: '2026-01-01', receivedTo: '2026-01-31' }, (r) => r.business_date >= '2026-01-01' && r.business_date <= '2026-01-31'],
      [{ statuses: ['10'], receivedFrom: '2026-02-01', receivedTo: '2026-03-15' }, (r) => r.status === '10' && r.business_date >= '2026-02-01' && r.business_date <= '2026-03-15'],
      [{ receivedFrom: '2026-06-01' }, (r) => r.business_date >= '2026-06-01'],
      [{ due: 'overdue' }, (r) => open(r) && r.due_ms < nowMs],
      [{ due: 'withinDays', withinDays: 5 }, (r) => open(r) && r.due_ms >= nowMs && r.due_ms < new Date(`${now.toISOString().slice(0, 10)}T00:00:00+07:00`).getTime() + 6 * 86_400_000],
      [{ channel: '3' }, (r) => r.channel === '3'],
    ];
    for (const [input, keep] of cases) {
      const want = expected(keep);
      expect(allPages(input), JSON.stringify(input)).toEqual(want);
    }
    // The generated history has overdue and in-progress dossiers to list.
    expect(expected((r) => open(r) && r.due_ms < nowMs).length).toBeGreaterThan(0);
  });

  it('days remaining on a page agree with the calendar engine', () => {
    const cal = getWorkCalendar(core.app);
    const page = searchDossiers(core.app, { due: 'overdue', limit: 200 } as DossierSearchInput);
    for (const item of page.items) expect(item.daysRemaining).toBe(workingDaysRemaining(now, new Date(item.dueAt), cal));
    for (const due of ['2021-01-04T17:00:00+07:00', '2026-12-31T08:00:00+07:00', now.toISOString(), '2027-02-10T16:00:00+07:00']) {
      for (const at of [now, new Date('2023-05-02T07:00:00+07:00'), new Date('2027-03-01T12:00:00+07:00')]) {
        expect(daysRemainingFast(at, new Date(due), cal), `${at.toISOString()} → ${due}`).toBe(workingDaysRemaining(at, new Date(due), cal));
      }
    }
  });
});
