/**
 * Writes the generated history into the database: the rows come from produceHistory, run in a
 * worker thread when the bundled worker is there (dist/bench/history-worker.cjs, built by
 * bench/run.mjs) so that making rows and writing them use both cores, or in this thread otherwise
 * (from sources, in tests). Both give the same rows: the producer is deterministic and each
 * table's rows are written in the order they were produced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppContext } from '../../src/main/app/app-context';
import type { Db } from '../../src/main/db/database';
import { getProcedure } from '../../src/main/catalog/catalog-service';
import { getOfficeHours, getWorkCalendar } from '../../src/main/calendar/calendar-service';
import type { Procedure } from '../../src/shared/catalog/procedure';
import { AUDIT_INSERT } from './audit-row';
import { batcher, type Batch } from './batch';
import { MIX_CODES, produceHistory, TABLES, type HistoryCounts, type HistoryInput, type Table } from './history';
import type { Office } from './office';

export interface LoadOptions {
  size: number;
  seed: number;
  from: string;
  to: string;
  agencyId: string;
  logDays: number;
  /** Dossiers per transaction (commits fall on day boundaries). */
  batch: number;
  onProgress?: (dossiers: number) => void;
  /** 'auto': the worker when its bundle exists. */
  mode?: 'auto' | 'inline' | 'worker';
}

/** Statements of the bulk load, prepared once. */
function statements(db: Db): Record<Table, { run(...values: unknown[]): unknown }> {
  return {
    dossier: db.prepare(`INSERT INTO dossiers (rid, id, code, agency_id, business_date, form_set, procedure_code, procedure_name, field_code, field_name, competent_agency,
      channel, status, summary, applicant_name, applicant_id, applicant_birth_date, applicant_sex, applicant_address, applicant_phone, applicant_email,
      owner_type, owner_name, owner_id, owner_address, sets, fee_total, result_delivery, delivery_address, postal_code,
      received_at, due_at, due_ms, original_due_at, extended_due_at, finished_at, returned_at, counter_number, clerk_id, clerk_name, ticket_id, result_documents,
      server_version, note, search_text, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?, ?)`),
    document: db.prepare('INSERT INTO dossier_documents (dossier_rid, idx, code, name, originals, certified_copies, copies) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    fee: db.prepare('INSERT INTO dossier_fees (dossier_rid, idx, code, name, amount, collection) VALUES (?, ?, ?, ?, ?, ?)'),
    step: db.prepare('INSERT INTO dossier_steps (id, dossier_rid, at, action, from_status, to_status, actor_id, actor_name, body, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    pause: db.prepare('INSERT INTO dossier_pauses (dossier_rid, idx, from_at, to_at, content, due_before, due_after) VALUES (?, 0, ?, ?, ?, ?, ?)'),
    sequence: db.prepare('INSERT INTO dossier_sequences (agency_id, business_date, last_seq) VALUES (?, ?, ?)'),
    outbox: db.prepare("INSERT INTO outbox (change_id, kind, entity_id, payload, status, attempts, created_at, sent_at) VALUES (?, ?, ?, ?, 'sent', 1, ?, ?)"),
    ticket: db.prepare(`INSERT INTO queue_tickets (id, business_date, group_id, number, display_code, priority, state, target_counter, counter_number, clerk_id,
      issued_at, queued_at, called_at, last_called_at, call_count, started_at, finished_at, transferred_from, dossier_code, print_status, print_error, source)
      VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, ?)`),
    ticketLog: db.prepare('INSERT INTO queue_ticket_log (ticket_id, from_state, to_state, at, counter_number, clerk_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    number: db.prepare('INSERT INTO queue_numbers (business_date, group_id, number, ticket_id) VALUES (?, ?, ?, ?)'),
    dayCounter: db.prepare('INSERT INTO queue_day_counters (business_date, group_id, last_number, issued) VALUES (?, ?, ?, ?)'),
    audit: db.prepare(AUDIT_INSERT),
    rating: db.prepare('INSERT INTO queue_ratings (id, ticket_id, business_date, counter_number, clerk_id, dossier_code, level, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
  };
}


function workerFile(): string | null {
  if (typeof __dirname === 'undefined') return null;
  const f = path.join(__dirname, 'history-worker.cjs');
  return fs.existsSync(f) ? f : null;
}

export async function loadHistory(app: AppContext, office: Office, opts: LoadOptions): Promise<HistoryCounts> {
  const db = app.db;
  const procedures: Record<string, Procedure> = {};
  for (const code of MIX_CODES) {
    const p = getProcedure(app, code);
    if (!p) throw new Error(`sample procedure ${code} missing from the catalog`);
    procedures[code] = p;
  }
  const cal = getWorkCalendar(app);
  const years: HistoryInput['calendar']['years'] = [];
  for (let y = Number(opts.from.slice(0, 4)) - 1; y <= Number(opts.to.slice(0, 4)) + 1; y++) years.push(cal.year(y));
  const input: HistoryInput = {
    size: opts.size,
    seed: opts.seed,
    from: opts.from,
    to: opts.to,
    agencyId: opts.agencyId,
    logDays: opts.logDays,
    procedures,
    calendar: { officeHours: getOfficeHours(app), years },
    groups: office.groups,
    clerks: office.clerks,
    startRid: (db.prepare('SELECT coalesce(max(rid), 0) AS m FROM dossiers').get() as { m: number }).m,
    auditPrev: office.audit.prev,
  };

  const st = statements(db);
  let committed = 0;
  let reported = 0;
  const write = (b: Batch) => {
    for (const t of TABLES) for (const values of b.rows[t] ?? []) st[t].run(...values);
    if (b.dossiers - committed >= opts.batch) {
      db.exec('COMMIT; BEGIN');
      committed = b.dossiers;
    }
    if (opts.onProgress && Math.floor(b.dossiers / 10_000) > Math.floor(reported / 10_000)) opts.onProgress(b.dossiers);
    reported = b.dossiers;
  };

  const file = opts.mode === 'inline' ? null : workerFile();
  if (opts.mode === 'worker' && !file) throw new Error('history worker bundle not found (run node bench/run.mjs --build-only)');
  db.exec('BEGIN');
  let result: { counts: HistoryCounts; usage: [string, number][] };
  try {
    result = file ? await inWorker(file, input, write) : inline(input, write);
    for (const [code, n] of result.usage) db.prepare('UPDATE procedures SET usage_count = usage_count + ? WHERE code = ?').run(n, code);
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
  return result.counts;
}

function inline(input: HistoryInput, write: (b: Batch) => void) {
  const b = batcher(write);
  const r = produceHistory(input, b.put, b.dayDone);
  b.flush(r.counts.dossiers);
  return r;
}

function inWorker(file: string, input: HistoryInput, write: (b: Batch) => void): Promise<{ counts: HistoryCounts; usage: [string, number][] }> {
  // ahead[0]: batches posted and not yet written; the worker waits while it is at MAX_AHEAD (batch.ts).
  const ahead = new Int32Array(new SharedArrayBuffer(4));
  return new Promise((resolve, reject) => {
    const w = new Worker(file, { workerData: { input, ahead: ahead.buffer } });
    let settled = false;
    w.on('message', (m: { batch?: Batch; done?: { counts: HistoryCounts; usage: [string, number][] } }) => {
      try {
        if (m.batch) {
          write(m.batch);
          Atomics.sub(ahead, 0, 1);
          Atomics.notify(ahead, 0);
        }
        if (m.done) {
          settled = true;
          resolve(m.done);
        }
      } catch (e) {
        settled = true;
        void w.terminate();
        reject(e);
      }
    });
    w.once('error', (e) => {
      settled = true;
      reject(e);
    });
    w.once('exit', (code) => {
      if (!settled) reject(new Error(`history worker exited with ${code}`));
    });
  });
}
