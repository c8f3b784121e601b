/**
 * The procedure catalog as the rest of the app sees it: effective procedures (source data
 * with the administrator's edits), search for intake, usage counts, and the writes that
 * change the catalog (import, administrator edit, provincial pull, per-counter selection).
 *
 * Seeding: the sample catalog (resources/catalog/sample-catalog.json) is loaded lazily, the
 * first time the catalog is read while the table is empty. That keeps setup untouched, and an
 * office whose first act is an import or a provincial pull never gets the sample mixed in.
 */
import fs from 'node:fs';
import { SYSTEM_CALLER, type AppContext, type Caller } from '../app/app-context';
import { isoLocal } from '../app/clock';
import { resourcePath } from '../app/paths';
import { AppError } from '../api/app-error';
import { mutate } from '../audit/audit-log';
import type {
  CatalogMergeSummary,
  ProcedureDetail,
  ProcedureOverrides,
  ProcedureSummary,
} from '../../shared/api/catalog-contract';
import { rowsFromCatalogJson, validateCatalogImport } from '../../shared/catalog/import';
import { formatIssuePath, vietnameseIssueMessage } from '../../shared/catalog/issue-messages';
import { procedureSchema, type Procedure } from '../../shared/catalog/procedure';
import { fromProvincialThuTuc } from '../../shared/catalog/provincial-thu-tuc';
import { procedureCase, type ProcedureCase } from '../../shared/catalog/variants';
import { splitProcedureCode } from '../../shared/domain/identity';
import { foldVietnamese } from '../../shared/domain/text-fold';
import {
  duplicateCodes,
  effectiveOfRow,
  effectiveProcedure,
  getRow,
  mergeProcedures,
  overridesOf,
  summaryOfRow,
  type ProcedureRow,
} from './procedure-store';

const seeded = new WeakSet<AppContext>();

/** Loads the sample catalog when the table is empty; a missing or broken sample file is logged, not fatal. */
export function ensureCatalogSeeded(app: AppContext): void {
  if (seeded.has(app)) return;
  if (app.db.prepare('SELECT 1 FROM procedures LIMIT 1').get()) {
    seeded.add(app);
    return;
  }
  let procedures: Procedure[];
  try {
    const rows = rowsFromCatalogJson(JSON.parse(fs.readFileSync(resourcePath('catalog', 'sample-catalog.json'), 'utf8')));
    const result = rows.ok ? validateCatalogImport(rows.rows) : null;
    if (!result?.ok) throw new Error(rows.ok ? 'sample catalog does not validate' : rows.error);
    procedures = result.procedures;
  } catch (error) {
    app.log.error('sample catalog not loaded', { error });
    seeded.add(app);
    return;
  }
  const summary = mutate(app, SYSTEM_CALLER, (s: CatalogMergeSummary) => ({ action: 'catalog.seed', entity: 'catalog', detail: { added: s.added.length } }), () =>
    mergeProcedures(app, procedures, 'sample'),
  );
  seeded.add(app);
  app.events.emit('catalog.changed', { codes: summary.added, reason: 'seed' });
}

/** National code of `code`, also when a provincial portal appended its agency ID. */
function nationalCode(code: string): string {
  return splitProcedureCode(code)?.national ?? code.trim();
}

/**
 * The effective procedure (source + administrator's edits), withdrawn ones included so
 * that old dossiers still show theirs. Null when the code is not in the catalog.
 */
export function getProcedure(app: AppContext, code: string): Procedure | null {
  ensureCatalogSeeded(app);
  const row = getRow(app, nationalCode(code));
  return row ? effectiveOfRow(row) : null;
}

/**
 * The procedure under one of its cases (trường hợp): the default case when `variantCode` is absent.
 * Throws NOT_FOUND for an unknown procedure and VALIDATION (field variantCode) for an unknown case.
 */
export function getProcedureCase(app: AppContext, code: string, variantCode?: string | null): ProcedureCase {
  const listed = getProcedure(app, code);
  if (!listed) throw new AppError('NOT_FOUND', `Không có thủ tục mã ${code} trong danh mục.`, { procedureCode: 'Không có trong danh mục' });
  const r = procedureCase(listed, variantCode);
  if (!r.ok) throw new AppError('VALIDATION', r.error, { variantCode: r.error });
  return r.value;
}

export function getProcedureDetail(app: AppContext, code: string): ProcedureDetail {
  ensureCatalogSeeded(app);
  const row = getRow(app, nationalCode(code));
  if (!row) throw new AppError('NOT_FOUND', `Không có thủ tục mã ${code} trong danh mục.`);
  return {
    procedure: effectiveOfRow(row),
    original: JSON.parse(row.data) as Procedure,
    overrides: overridesOf(row),
    source: row.source,
    usageCount: row.usage_count,
    updatedAt: row.updated_at,
  };
}

export interface SearchOptions {
  query?: string;
  includeWithdrawn?: boolean;
  counterNumber?: number;
  limit?: number;
}

const DEFAULT_LIMIT = 100;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The SQL and parameters of a search; exported so a test can EXPLAIN the exact query the app runs. */
export function searchQuery(app: AppContext, opts: SearchOptions): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!opts.includeWithdrawn) where.push('in_force = 1');
  const words = foldVietnamese(opts.query ?? '').split(' ').filter((w) => w !== '');
  for (const w of words) {
    where.push("search_fold LIKE ? ESCAPE '\\'");
    params.push(`%${escapeLike(w)}%`);
  }
  if (opts.counterNumber !== undefined && app.db.prepare('SELECT 1 FROM counter_procedures WHERE counter_number = ? LIMIT 1').get(opts.counterNumber)) {
    where.push('code IN (SELECT procedure_code FROM counter_procedures WHERE counter_number = ?)');
    params.push(opts.counterNumber);
  }
  // In-force procedures first (only relevant when withdrawn ones are asked for), then most used.
  const order = opts.includeWithdrawn ? 'in_force DESC, usage_count DESC, code' : 'usage_count DESC, code';
  const sql = `SELECT * FROM procedures ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`;
  params.push(opts.limit ?? DEFAULT_LIMIT);
  return { sql, params };
}

/**
 * Procedures whose name or code contains every word of the query, ignoring case and
 * diacritics ("khai sinh" finds "Đăng ký khai sinh"), most used first. Withdrawn procedures
 * only when asked; a counter with a selection sees only its procedures.
 */
export function searchProcedures(app: AppContext, opts: SearchOptions = {}): ProcedureSummary[] {
  ensureCatalogSeeded(app);
  const { sql, params } = searchQuery(app, opts);
  return (app.db.prepare(sql).all(...params) as ProcedureRow[]).map(summaryOfRow);
}

/** Counts one more dossier received for the procedure (orders the intake list). Runs inside the caller's transaction. */
export function recordProcedureUse(app: AppContext, code: string): void {
  app.db.prepare('UPDATE procedures SET usage_count = usage_count + 1 WHERE code = ?').run(nationalCode(code));
}

// ------------------------------------------------------------------ writes

/** Merges validated procedures from an administrator's import file; one transaction, one audit entry. */
export function applyImportedProcedures(app: AppContext, caller: Caller, procedures: readonly Procedure[], fileName: string): CatalogMergeSummary {
  const summary = mutate(
    app,
    caller,
    (s: CatalogMergeSummary) => ({ action: 'catalog.import', entity: 'catalog', detail: { fileName, ...countsOf(s) } }),
    () => mergeProcedures(app, procedures, 'import'),
  );
  seeded.add(app);
  app.events.emit('catalog.changed', { codes: [...summary.added, ...summary.updated], reason: 'import' });
  return summary;
}

function countsOf(s: CatalogMergeSummary) {
  return { added: s.added.length, updated: s.updated.length, unchanged: s.unchanged.length, withdrawn: s.withdrawn.length, keptOverrides: s.keptOverrides.length };
}

export interface ProvincialCatalogItemError {
  /** Position in the list the province sent. */
  index: number;
  maTTHC: string | null;
  field: string;
  message: string;
}

export interface ProvincialCatalogResult extends CatalogMergeSummary {
  /** Items that could not be mapped; the others are applied. */
  errors: ProvincialCatalogItemError[];
}

/**
 * Applies a `LayDanhSachTTHC` answer (its `result` list): each `ThuTuc` is mapped with
 * fromProvincialThuTuc and merged like an import (in place by code, local edits kept,
 * withdrawn kept but hidden). Unlike a file import it is not all-or-nothing: a bad item is
 * reported and skipped, so one malformed procedure does not block the rest of the feed.
 */
export function applyProvincialCatalog(app: AppContext, thuTucList: readonly unknown[], caller: Caller = SYSTEM_CALLER): ProvincialCatalogResult {
  const errors: ProvincialCatalogItemError[] = [];
  const accepted: Procedure[] = [];
  const firstIndex = new Map<string, number>();
  thuTucList.forEach((item, index) => {
    const raw = (item as { MaTTHC?: unknown } | null)?.MaTTHC;
    const maTTHC = typeof raw === 'string' ? raw : null;
    const mapped = fromProvincialThuTuc(item);
    if (!mapped.ok) {
      for (const e of mapped.errors) errors.push({ index, maTTHC, ...e });
      return;
    }
    const seenAt = firstIndex.get(mapped.value.code);
    if (seenAt !== undefined) {
      errors.push({ index, maTTHC, field: 'MaTTHC', message: `Thủ tục ${mapped.value.code} xuất hiện hai lần (vị trí ${seenAt + 1} và ${index + 1}); bỏ qua lần sau.` });
      return;
    }
    firstIndex.set(mapped.value.code, index);
    accepted.push(mapped.value);
  });
  const summary = mutate(
    app,
    caller,
    (s: CatalogMergeSummary) => ({ action: 'catalog.provincialPull', entity: 'catalog', detail: { ...countsOf(s), rejected: new Set(errors.map((e) => e.index)).size } }),
    () => mergeProcedures(app, accepted, 'provincial'),
  );
  seeded.add(app);
  if (summary.added.length + summary.updated.length > 0) {
    app.events.emit('catalog.changed', { codes: [...summary.added, ...summary.updated], reason: 'provincial' });
  }
  return { ...summary, errors };
}

/** Duplicate national codes in a validated import, as problems for the report (codes are unique in the table). */
export function duplicateCodeProblems(procedures: readonly Procedure[]): { row: number; field: string; message: string }[] {
  return [...duplicateCodes(procedures)].map(([code, at]) => ({
    row: at[1] + 1,
    field: 'code',
    message: `Mã thủ tục ${code} xuất hiện ở ${at.length} thủ tục (thứ ${at.map((i) => i + 1).join(', ')}); mỗi mã quốc gia chỉ được một thủ tục.`,
  }));
}

export interface ProcedureEdit {
  code: string;
  fees?: ProcedureOverrides['fees'] | null;
  duration?: ProcedureOverrides['duration'] | null;
  documents?: ProcedureOverrides['documents'] | null;
}

const EDITABLE = ['fees', 'duration', 'documents'] as const;

/**
 * The administrator's local edit of fees, duration or documents: a value replaces the
 * source's, null goes back to the source, absent leaves the field as it is. An edit equal
 * to the source is dropped, so "overridden" only marks real local differences.
 */
export function updateProcedure(app: AppContext, caller: Caller, edit: ProcedureEdit): ProcedureDetail {
  ensureCatalogSeeded(app);
  const code = nationalCode(edit.code);
  const row = getRow(app, code);
  if (!row) throw new AppError('NOT_FOUND', `Không có thủ tục mã ${edit.code} trong danh mục.`);
  const original = JSON.parse(row.data) as Procedure;
  const next: Record<string, unknown> = { ...overridesOf(row) };
  const changed: string[] = [];
  for (const key of EDITABLE) {
    const value = edit[key];
    if (value === undefined) continue;
    changed.push(key);
    if (value === null || JSON.stringify(value) === JSON.stringify(original[key])) delete next[key];
    else next[key] = value;
  }
  const overrides = next as ProcedureOverrides;
  const checked = procedureSchema.safeParse(effectiveProcedure(original, overrides), { error: vietnameseIssueMessage });
  if (!checked.success) {
    // Keys as the dispatcher writes them ('fees.0.amount'), so screens map both kinds of errors the same way.
    const fields: Record<string, string> = {};
    for (const i of checked.error.issues) fields[i.path.map(String).join('.')] ??= i.message;
    const first = checked.error.issues[0];
    const where = formatIssuePath(first.path.filter((k): k is string | number => typeof k !== 'symbol'));
    throw new AppError('VALIDATION', `Không lưu được: ${where}: ${first.message}`, fields);
  }
  const stored = Object.keys(overrides).length > 0 ? JSON.stringify(overrides) : null;
  mutate(app, caller, { action: 'catalog.update', entity: 'procedure', entityId: code, detail: { fields: changed, overridden: Object.keys(overrides) } }, () => {
    app.db.prepare('UPDATE procedures SET overrides = ?, updated_at = ? WHERE code = ?').run(stored, isoLocal(app.clock.now()), code);
  });
  app.events.emit('catalog.changed', { codes: [code], reason: 'admin' });
  return getProcedureDetail(app, code);
}

export function getCounterProcedures(app: AppContext, counterNumber: number): string[] {
  return (app.db.prepare('SELECT procedure_code FROM counter_procedures WHERE counter_number = ? ORDER BY procedure_code').all(counterNumber) as { procedure_code: string }[]).map(
    (r) => r.procedure_code,
  );
}

/** Replaces the procedures a counter offers; an empty list means every procedure. */
export function setCounterProcedures(app: AppContext, caller: Caller, counterNumber: number, codes: readonly string[]): string[] {
  ensureCatalogSeeded(app);
  const unique = [...new Set(codes.map(nationalCode))];
  const unknown = unique.filter((c) => !getRow(app, c));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION', `Không có trong danh mục: ${unknown.join(', ')}.`, { codes: `Mã không có trong danh mục: ${unknown.join(', ')}` });
  }
  mutate(app, caller, { action: 'catalog.setCounterProcedures', entity: 'counter', entityId: String(counterNumber), detail: { count: unique.length } }, () => {
    app.db.prepare('DELETE FROM counter_procedures WHERE counter_number = ?').run(counterNumber);
    const insert = app.db.prepare('INSERT INTO counter_procedures (counter_number, procedure_code) VALUES (?, ?)');
    for (const c of unique) insert.run(counterNumber, c);
  });
  app.events.emit('catalog.changed', { codes: unique, reason: 'counter' });
  return getCounterProcedures(app, counterNumber);
}
