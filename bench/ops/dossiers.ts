/** Dossier operations: intake, search, filtered lists with paging, detail. */
import { v7 as uuidv7 } from 'uuid';
import { getProcedure } from '../../src/main/catalog/catalog-service';
import { searchPlanSql, type DossierSearchInput } from '../../src/main/dossiers/dossier-search';
import type { Procedure } from '../../src/shared/catalog/procedure';
import { foldVietnamese } from '../../src/shared/domain/text-fold';
import { Rng } from '../gen/rng';
import { measure, nowMs } from '../lib/stats';
import { TARGETS, type BenchOp, type OpResult } from '../lib/types';
import type { BenchContext } from './context';
import { intakeInputs } from './intake-input';

type Row = Record<string, unknown>;

/** Dossier ids received by the intake op, used by later ops (receipt). */
export const receivedToday: string[] = [];

function insertSql(table: string, row: Row): string {
  const cols = Object.keys(row);
  return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`;
}

export const intakeOp: BenchOp = {
  name: 'intake',
  label: 'dossier.receive (dispatcher, clerk)',
  async run(ctx) {
    const { app } = ctx.core;
    const db = app.db;
    const runs = ctx.quick ? 100 : 1000;
    const procedures = new Map<string, Procedure>();
    for (const code of ['2.000815', '2.000884', '1.001193', '1.004873', '2.000635', '1.001612', '1.000894', '2.000908']) procedures.set(code, getProcedure(app, code)!);
    const inputs = intakeInputs(procedures, runs + 5, Number(ctx.day.replace(/-/g, '')), Number(ctx.day.slice(0, 4)) - 18);
    const token = ctx.tokens.clerks[7]; // counter 8: certification desk

    // Baseline: the very rows each intake wrote (dossier, documents, fees, step, audit entry, outbox
    // entry, daily sequence) inserted again right after it by bare prepared statements, one
    // WAL + synchronous=FULL commit each, so both see the same file, WAL and machine load. The
    // copies' audit entries go to a twin of audit_log (the real chain must stay unbroken); all
    // copies are taken out at the end.
    db.exec('CREATE TABLE IF NOT EXISTS bench_audit_copy AS SELECT * FROM audit_log WHERE 0; CREATE INDEX IF NOT EXISTS bench_audit_copy_entity ON bench_audit_copy(entity, entity_id);');
    const copyOf = (id: string, i: number) => {
      const d = db.prepare('SELECT * FROM dossiers WHERE id = ?').get(id) as Row;
      const rid = d.rid as number;
      const { rid: _rid, ...dossier } = d;
      return {
        dossier: { ...dossier, id: uuidv7(), code: `${String(d.code)}-B${i}` },
        documents: db.prepare('SELECT * FROM dossier_documents WHERE dossier_rid = ?').all(rid) as Row[],
        fees: db.prepare('SELECT * FROM dossier_fees WHERE dossier_rid = ?').all(rid) as Row[],
        steps: (db.prepare('SELECT * FROM dossier_steps WHERE dossier_rid = ?').all(rid) as Row[]).map((s) => ({ ...s, id: uuidv7() })),
        audit: (db.prepare("SELECT * FROM audit_log WHERE entity_id = ? AND action = 'dossier.receive'").all(id) as Row[]).map(({ id: _id, ...a }) => a),
        outbox: (db.prepare('SELECT * FROM outbox WHERE entity_id = ?').all(id) as Row[]).map(({ id: _id, ...o }) => ({ ...o, change_id: uuidv7() })),
      };
    };
    type Copy = ReturnType<typeof copyOf>;
    let st: Record<'dossier' | 'document' | 'fee' | 'step' | 'audit' | 'outbox' | 'sequence', { run(...a: unknown[]): { lastInsertRowid: number | bigint } }> | null = null;
    const statementsFor = (c: Copy) => ({
      dossier: db.prepare(insertSql('dossiers', c.dossier)),
      document: db.prepare(insertSql('dossier_documents', c.documents[0])),
      fee: db.prepare(insertSql('dossier_fees', c.fees[0])),
      step: db.prepare(insertSql('dossier_steps', c.steps[0])),
      audit: db.prepare(insertSql('bench_audit_copy', c.audit[0])),
      outbox: db.prepare(insertSql('outbox', c.outbox[0])),
      sequence: db.prepare("INSERT INTO dossier_sequences (agency_id, business_date, last_seq) VALUES ('BENCH', ?, 1) ON CONFLICT(agency_id, business_date) DO UPDATE SET last_seq = last_seq + 1"),
    });
    const baseRids: number[] = [];
    const outboxCopies: unknown[] = [];
    const insertCopy = db.transaction((c: Copy) => {
      const s = st!;
      s.sequence.run(ctx.day);
      const rid = Number(s.dossier.run(c.dossier).lastInsertRowid);
      baseRids.push(rid);
      for (const x of c.documents) s.document.run({ ...x, dossier_rid: rid });
      for (const x of c.fees) s.fee.run({ ...x, dossier_rid: rid });
      for (const x of c.steps) s.step.run({ ...x, dossier_rid: rid });
      for (const x of c.audit) s.audit.run(x);
      for (const x of c.outbox) s.outbox.run(x);
    });

    const samples: number[] = [];
    const baseline: number[] = [];
    try {
      for (let i = -5; i < runs; i++) {
        const t0 = nowMs();
        const d = await ctx.call<{ id: string }>('dossier.receive', inputs[i < 0 ? runs - i - 1 : i], token);
        const t1 = nowMs();
        if (i < 0) continue; // warm-up
        samples.push(t1 - t0);
        receivedToday.push(d.id);
        const copy = copyOf(d.id, i);
        st ??= statementsFor(copy);
        outboxCopies.push(...copy.outbox.map((o) => o.change_id));
        const t2 = nowMs();
        insertCopy(copy);
        baseline.push(nowMs() - t2);
      }
    } finally {
      db.transaction(() => {
        for (const rid of baseRids) {
          for (const t of ['dossier_documents', 'dossier_fees', 'dossier_steps']) db.prepare(`DELETE FROM ${t} WHERE dossier_rid = ?`).run(rid);
          db.prepare('DELETE FROM dossiers WHERE rid = ?').run(rid);
        }
        for (const c of outboxCopies) db.prepare('DELETE FROM outbox WHERE change_id = ?').run(c);
        db.prepare("DELETE FROM dossier_sequences WHERE agency_id = 'BENCH'").run();
      })();
      db.exec('DROP TABLE IF EXISTS bench_audit_copy');
    }
    return [
      {
        name: 'intake',
        label: this.label,
        samples,
        unit: 'ms',
        baseline: { label: 'bare inserts of the same rows, WAL + FULL, one transaction (each right after its intake)', samples: baseline },
        target: TARGETS.intake,
        notes: [`${runs} intakes of the sample procedures on ${ctx.day}`],
      },
    ];
  },
};

/** Runs searches through the dispatcher and, as the baseline, the same SQL prepared and bare. */
async function searchResult(ctx: BenchContext, name: string, label: string, inputs: Partial<DossierSearchInput>[], note: string, pages = 1): Promise<OpResult> {
  const token = ctx.tokens.clerks[0];
  const { app } = ctx.core;
  const samples: number[] = [];
  const bare: number[] = [];
  const run = async (input: Partial<DossierSearchInput>, timed: boolean) => {
    let after: string | undefined;
    for (let p = 0; p < pages; p++) {
      const full = { limit: 100, ...input, ...(after ? { after } : {}) };
      const t0 = nowMs();
      const r = await ctx.call<{ nextAfter: string | null }>('dossier.search', full, token);
      const t1 = nowMs();
      const q = searchPlanSql(app, full as DossierSearchInput);
      const stmt = q && app.db.prepare(q.sql);
      const t2 = nowMs();
      if (stmt && q) stmt.all(q.params);
      const t3 = nowMs();
      if (timed) {
        samples.push(t1 - t0);
        bare.push(t3 - t2);
      }
      if (!r.nextAfter) break;
      after = r.nextAfter;
    }
  };
  for (const input of inputs.slice(0, 3)) await run(input, false);
  for (const input of inputs) await run(input, true);
  return { name, label, samples, unit: 'ms', baseline: { label: 'the same SQL, prepared, without the API', samples: bare }, target: TARGETS.search, notes: [note] };
}

function sampleRows(ctx: BenchContext, n: number, seed: number, where = '1'): Row[] {
  const db = ctx.core.app.db;
  const max = (db.prepare('SELECT max(rid) AS m FROM dossiers').get() as { m: number }).m;
  const rng = new Rng(seed, 5);
  const stmt = db.prepare(`SELECT * FROM dossiers WHERE rid >= ? AND ${where} ORDER BY rid LIMIT 1`);
  const out: Row[] = [];
  for (let i = 0; out.length < n && i < n * 50; i++) {
    const r = stmt.get(rng.int(1, max)) as Row | undefined;
    if (r) out.push(r);
  }
  return out;
}

const COMMON_NAMES = ['nguyen van', 'nguyen thi', 'tran thi', 'le van', 'pham thi h', 'nguyen van a', 'nguyen thi thu', 'tran van h', 'le thi thu h', 'hoang van', 'nguyen', 'nguy', 'vu thi', 'nguyen duc', 'do thi l'];

export const searchOp: BenchOp = {
  name: 'search',
  label: 'dossier.search by text (dispatcher)',
  async run(ctx) {
    const n = ctx.quick ? 30 : 200;
    const rows = sampleRows(ctx, n, 1);
    const rare = sampleRows(ctx, Math.ceil(n / 2), 2, "(applicant_name LIKE 'Quách %' OR applicant_name LIKE 'Khổng %' OR applicant_name LIKE 'Âu %' OR applicant_name LIKE 'Kiều %' OR applicant_name LIKE 'Tô %')");
    const rareNames = [...rare.map((r) => foldVietnamese(String(r.applicant_name))), ...rows.slice(0, Math.floor(n / 2)).map((r) => foldVietnamese(String(r.applicant_name)))];
    const code = (r: Row) => String(r.code);
    const out: OpResult[] = [];
    out.push(await searchResult(ctx, 'search-name-common', 'common name, no diacritics ("nguyen van", "tran thi h"…)', Array.from({ length: n }, (_, i) => ({ query: COMMON_NAMES[i % COMMON_NAMES.length] })), `${COMMON_NAMES.length} common names and prefixes, page of 100`));
    out.push(await searchResult(ctx, 'search-name-rare', 'full name, no diacritics (rare family names and random citizens)', rareNames.map((q) => ({ query: q })), 'folded full names of existing applicants'));
    out.push(await searchResult(ctx, 'search-id', 'personal ID number (12 digits; a fifth by its first 6)', rows.map((r, i) => ({ query: i % 5 === 4 ? String(r.applicant_id).slice(0, 6) : String(r.applicant_id) })), 'IDs of existing applicants'));
    out.push(await searchResult(ctx, 'search-phone', 'phone number (whole, or its first 4–7 digits)', rows.filter((r) => r.applicant_phone).map((r, i) => ({ query: String(r.applicant_phone).slice(0, i % 2 ? 10 : 4 + (i % 4)) })), 'phones of existing applicants'));
    out.push(
      await searchResult(
        ctx,
        'search-code',
        'dossier code or its prefix (agency, month, day, whole code)',
        rows.map((r, i) => ({ query: [code(r).slice(0, 13), code(r).slice(0, 18), code(r).slice(0, 20), code(r)][i % 4] })),
        'prefixes of existing codes',
      ),
    );
    return out;
  },
};

export const listOp: BenchOp = {
  name: 'list',
  label: 'dossier.search with filters, paged (dispatcher)',
  async run(ctx) {
    const n = ctx.quick ? 10 : 60;
    const rng = new Rng(3, 9);
    const months: string[] = [];
    for (let y = Number(ctx.manifest.from.slice(0, 4)); y <= Number(ctx.manifest.to.slice(0, 4)); y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
    const inRange = months.filter((m) => m >= ctx.manifest.from.slice(0, 7) && m <= ctx.manifest.to.slice(0, 7));
    const statusSets: DossierSearchInput['statuses'][] = [['10'], ['9', '10'], ['2', '4', '5', '6'], ['7', '8'], undefined];
    const periods = Array.from({ length: n }, (_, i) => {
      const m = inRange[rng.int(0, inRange.length - 1)];
      const statuses = statusSets[i % statusSets.length];
      return { receivedFrom: `${m}-01`, receivedTo: `${m}-31`.replace(/-(02)-31$/, '-$1-28').replace(/-(04|06|09|11)-31$/, '-$1-30'), ...(statuses ? { statuses } : {}) };
    });
    return [
      await searchResult(ctx, 'list-overdue', 'overdue dossiers, 5 pages of 100', Array.from({ length: n }, () => ({ due: 'overdue' as const })), 'each page is one run', 5),
      await searchResult(ctx, 'list-status-period', 'statuses + a month of receipt, 3 pages of 100', periods, 'random months of the five years; each page is one run', 3),
      await searchResult(ctx, 'list-status', 'status only, 3 pages of 100 (in progress; returned)', Array.from({ length: n }, (_, i) => ({ statuses: i % 2 ? (['10'] as DossierSearchInput['statuses']) : (['2', '4', '6'] as DossierSearchInput['statuses']) })), 'each page is one run', 3),
    ];
  },
};

export const detailOp: BenchOp = {
  name: 'detail',
  label: 'dossier.get by id (dispatcher)',
  async run(ctx) {
    const n = ctx.quick ? 30 : 300;
    const rows = sampleRows(ctx, n, 4);
    const db = ctx.core.app.db;
    const token = ctx.tokens.clerks[0];
    const samples = await measure(rows.length, (i) => ctx.call('dossier.get', { id: rows[i < 0 ? 0 : i].id }, token));
    const st = {
      row: db.prepare('SELECT * FROM dossiers WHERE id = ?'),
      docs: db.prepare('SELECT * FROM dossier_documents WHERE dossier_rid = ? ORDER BY idx'),
      fees: db.prepare('SELECT * FROM dossier_fees WHERE dossier_rid = ? ORDER BY idx'),
      steps: db.prepare('SELECT * FROM dossier_steps WHERE dossier_rid = ? ORDER BY at, rowid'),
    };
    const baseline = await measure(rows.length, (i) => {
      const r = st.row.get(rows[i < 0 ? 0 : i].id) as Row;
      st.docs.all(r.rid);
      st.fees.all(r.rid);
      st.steps.all(r.rid);
    });
    return [{ name: 'detail', label: this.label, samples, unit: 'ms', baseline: { label: 'the four bare SELECTs (row, documents, fees, steps)', samples: baseline }, target: TARGETS.eventLoop, notes: ['random dossiers of the five years'] }];
  },
};
