import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../src/main/app/bootstrap';
import { AdjustableClock } from '../../../src/main/app/clock';
import { silentLogger } from '../../../src/main/app/logger';
import { searchPlanSql, type DossierSearchInput } from '../../../src/main/dossiers/dossier-search';
import { generateDataset } from '../../../bench/generate';
import { makeTempDir } from '../../support/temp-dir';

/**
 * The hot queries of the dossier list, planned by SQLite on a generated installation (2,000
 * dossiers over a year): each must reach its rows through the index meant for it, never by reading
 * the whole dossiers table, and never sort every match. Checked twice: with ANALYZE statistics (as
 * the generated 1,000,000 one has), and without any (as the app leaves a real installation).
 */
const tmp = makeTempDir('motcua-plans-');
let core: Core;
let codeIndex: string;

beforeAll(async () => {
  const m = await generateDataset({ out: tmp.dir, size: 2000, seed: 11, years: 1 });
  core = await startCore({ dataDir: tmp.dir, clock: new AdjustableClock(new Date(`${m.to}T09:00:00+07:00`)), log: silentLogger });
  const indexes = core.app.db.prepare("SELECT name FROM pragma_index_list('dossiers')").all() as { name: string }[];
  codeIndex = indexes.map((i) => i.name).find((n) => (core.app.db.prepare('SELECT name FROM pragma_index_info(?)').all(n) as { name: string }[]).map((c) => c.name).join() === 'code')!;
}, 120_000);
afterAll(() => {
  core?.close();
  tmp.cleanup();
});

describe.each([
  ['with ANALYZE statistics', false],
  ['without statistics', true],
])('dossier list query plans, %s', (_label, dropStats) => {
  beforeAll(() => {
    if (!dropStats) return;
    const db = core.app.db;
    expect((db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'").get() as { n: number }).n).toBe(1);
    // Dropping the statistics tables makes SQLite reload the schema and plan from its defaults.
    for (const t of ['sqlite_stat1', 'sqlite_stat4']) db.exec(`DROP TABLE IF EXISTS ${t}`);
  });

  const plan = (input: Partial<DossierSearchInput>): string[] => {
    const q = searchPlanSql(core.app, { limit: 100, ...input } as DossierSearchInput);
    if (!q) throw new Error('no query');
    const details = (core.app.db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(q.params) as { detail: string }[]).map((r) => r.detail);
    if (process.env.SHOW_PLANS) console.log(JSON.stringify(input), details.join(" | "));
    return details;
  };
  const fullScan = (details: string[]) => details.filter((d) => /^SCAN (d|dossiers)\b/.test(d) && !/VIRTUAL TABLE/.test(d));

  it('a name without diacritics goes through the full-text index, newest first, without sorting', () => {
    for (const query of ['nguyen van', 'tran thi thu h', 'le']) {
      const p = plan({ query });
      expect(p.some((d) => /SCAN f VIRTUAL TABLE INDEX/.test(d)), p.join(' | ')).toBe(true);
      expect(p.some((d) => /SEARCH d USING INTEGER PRIMARY KEY/.test(d)), p.join(' | ')).toBe(true);
      expect(p.filter((d) => d.includes('TEMP B-TREE')), p.join(' | ')).toEqual([]);
      expect(fullScan(p)).toEqual([]);
    }
  });

  it('an ID number, a phone and the next page also use the full-text index', () => {
    for (const input of [{ query: '001089012345' }, { query: '0912' }, { query: 'nguyen', after: '1500' }]) {
      const p = plan(input);
      expect(p.some((d) => /VIRTUAL TABLE INDEX/.test(d)), p.join(' | ')).toBe(true);
      expect(fullScan(p)).toEqual([]);
    }
  });

  it('a dossier code prefix reads the code index in order', () => {
    for (const query of ['000.00.06.H56', '000.00.06.H56-2601', '000.00.06.H56-260105-0012']) {
      const p = plan({ query });
      expect(p.join(' | ')).toMatch(new RegExp(`SEARCH d USING INDEX ${codeIndex} \\(code>\\? AND code<\\?\\)`));
      expect(p.filter((d) => d.includes('TEMP B-TREE'))).toEqual([]);
      expect(fullScan(p)).toEqual([]);
    }
    expect(plan({ query: '000.00.06.H56', after: '000.00.06.H56-260105-0012' }).join(' | ')).toContain(codeIndex);
  });

  it('overdue and due-soon lists use dossiers_status_due', () => {
    for (const input of [{ due: 'overdue' as const }, { due: 'today' as const }, { due: 'overdue' as const, after: '1900' }]) {
      const p = plan(input);
      expect(p.join(' | ')).toMatch(/USING (COVERING )?INDEX dossiers_status_due/);
      expect(fullScan(p)).toEqual([]);
    }
  });

  it('a period, with or without statuses, uses dossiers_day from the index alone', () => {
    for (const input of [
      { receivedFrom: '2026-01-01', receivedTo: '2026-01-31' },
      { statuses: ['10' as const], receivedFrom: '2026-01-01', receivedTo: '2026-01-31' },
      { statuses: ['9' as const, '10' as const], receivedFrom: '2026-03-01', receivedTo: '2026-03-31', after: '1200' },
    ]) {
      const p = plan(input);
      expect(p.join(' | ')).toMatch(/USING COVERING INDEX dossiers_day \(business_date>\? AND business_date<\?\)/);
      expect(fullScan(p)).toEqual([]);
    }
  });

  it('in-progress statuses come from dossiers_status_due; finished ones walk back from the newest row', () => {
    const open = plan({ statuses: ['2', '4', '5'] });
    expect(open.join(' | ')).toMatch(/USING COVERING INDEX dossiers_status_due \(status=\?\)/);
    expect(fullScan(open)).toEqual([]);
    // Returned dossiers are nine in ten: the newest rows fill the page at once, no sort needed.
    const returned = plan({ statuses: ['10'] });
    expect(returned.join(' | ')).toMatch(/^SCAN d$/m);
    expect(returned.filter((d) => d.includes('TEMP B-TREE'))).toEqual([]);
  });
});
