import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataset, readManifest } from '../../../bench/generate';
import { contentHash } from '../../../bench/gen/content-hash';
import { verifyAuditChain } from '../../../src/main/audit/audit-log';
import { parseDossierCode } from '../../../src/shared/domain/dossier-code';
import { foldVietnamese } from '../../../src/shared/domain/text-fold';
import { makeTempDir } from '../../support/temp-dir';

const SIZE = 2000;
const dirs: { cleanup(): void }[] = [];
afterAll(() => dirs.forEach((d) => d.cleanup()));

async function generate(seed: number) {
  const tmp = makeTempDir('motcua-gen-');
  dirs.push(tmp);
  // A short history keeps the test quick while still spanning months, holidays and open dossiers.
  await generateDataset({ out: tmp.dir, size: SIZE, seed, years: 1, mode: 'inline' });
  return { dir: tmp.dir, db: new BetterSqlite3(path.join(tmp.dir, 'motcua.sqlite'), { readonly: true }) };
}

describe('benchmark data generator', () => {
  it('gives the same database content for the same seed, another for another seed', async () => {
    const a = await generate(7);
    const b = await generate(7);
    const c = await generate(8);
    try {
      const ha = contentHash(a.db);
      expect(contentHash(b.db)).toBe(ha);
      expect(contentHash(c.db)).not.toBe(ha);
      // The hash covers the rows themselves: the same seed must also give byte-equal dossiers.
      const rows = (db: BetterSqlite3.Database) => db.prepare('SELECT * FROM dossiers ORDER BY rid LIMIT 50').all();
      expect(rows(b.db)).toEqual(rows(a.db));
    } finally {
      [a, b, c].forEach((x) => x.db.close());
    }
  });

  it('gives the same content when the rows are produced in a worker thread (the bundled generator)', async () => {
    const bundle = makeTempDir('motcua-genbundle-');
    dirs.push(bundle);
    const root = path.resolve(__dirname, '../../..');
    await build({
      entryPoints: { generate: path.join(root, 'bench/generate.ts'), 'history-worker': path.join(root, 'bench/gen/history-worker.ts') },
      outdir: bundle.dir,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      logLevel: 'warning',
    });
    const out = makeTempDir('motcua-gen-');
    dirs.push(out);
    // Run from the repository so that node_modules and resources/ resolve as for npm run bench.
    const stdout = execFileSync(process.execPath, [path.join(bundle.dir, 'generate.cjs'), '--out', out.dir, '--size', String(SIZE), '--seed', '7', '--years', '1', '--mode', 'worker'], { cwd: root, env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') } }).toString();
    expect(stdout).toMatch(/generated 2,000 dossiers/);
    const viaWorker = new BetterSqlite3(path.join(out.dir, 'motcua.sqlite'), { readonly: true });
    const inline = await generate(7);
    try {
      expect(contentHash(viaWorker)).toBe(contentHash(inline.db));
    } finally {
      viaWorker.close();
      inline.db.close();
    }
  }, 120_000);

  it('writes a sound installation: codes and daily sequences agree, audit chain intact, keys consistent', async () => {
    const { dir, db } = await generate(3);
    try {
      const m = readManifest(dir);
      expect(m.counts.dossiers).toBe(SIZE);
      expect((db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n).toBe(SIZE);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(verifyAuditChain(db).intact).toBe(true);

      // {agencyId}-{yyMMdd}-{NNNN}: the date is the business day, the numbers of a day run 1..last_seq.
      const byDay = new Map<string, number[]>();
      for (const r of db.prepare('SELECT code, business_date, agency_id FROM dossiers ORDER BY rid').iterate() as IterableIterator<{ code: string; business_date: string; agency_id: string }>) {
        const p = parseDossierCode(r.code);
        expect(p.ok, r.code).toBe(true);
        if (!p.ok) continue;
        expect(p.value.agencyId).toBe(r.agency_id);
        expect(p.value.localDate).toBe(r.business_date);
        byDay.set(r.business_date, [...(byDay.get(r.business_date) ?? []), p.value.seq]);
      }
      const seqs = db.prepare('SELECT business_date, last_seq FROM dossier_sequences').all() as { business_date: string; last_seq: number }[];
      expect(seqs.length).toBe(byDay.size);
      for (const s of seqs) expect(byDay.get(s.business_date)).toEqual(Array.from({ length: s.last_seq }, (_, i) => i + 1));

      // Rows are in time order, as the app writes them: rid order = receipt order.
      const received = (db.prepare('SELECT received_at FROM dossiers ORDER BY rid').all() as { received_at: string }[]).map((r) => Date.parse(r.received_at));
      expect(received.every((t, i) => i === 0 || t >= received[i - 1])).toBe(true);

      // The full-text index was built: a generated name is found without its diacritics.
      const one = db.prepare('SELECT rid, applicant_name FROM dossiers WHERE rid = 1234').get() as { rid: number; applicant_name: string };
      const hits = db.prepare('SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ?').all(foldVietnamese(one.applicant_name).split(' ').map((w) => `"${w}"`).join(' ')) as { rowid: number }[];
      expect(hits.map((h) => h.rowid)).toContain(one.rid);
      expect(fs.existsSync(path.join(dir, 'bench-manifest.json'))).toBe(true);
    } finally {
      db.close();
    }
  });
});
