/**
 * Rows of the `procedures` table and the merge rules shared by every source of procedures
 * (sample file, administrator's import, provincial feed):
 *
 * - a procedure is identified by its national code; an incoming one updates the row in place;
 * - the administrator's overrides (fees, duration, documents) are kept over the new source;
 * - a procedure the source marks withdrawn stays in the table (old dossiers refer to it)
 *   but is hidden from intake; procedures absent from the source are left as they are;
 * - usage counts and per-counter selections are never touched by a merge.
 */
import type { AppContext } from '../app/app-context';
import { isoLocal } from '../app/clock';
import type { CatalogMergeSummary, ProcedureOverrides, ProcedureSource, ProcedureSummary } from '../../shared/api/catalog-contract';
import type { Procedure } from '../../shared/catalog/procedure';
import { foldVietnamese } from '../../shared/domain/text-fold';

export interface ProcedureRow {
  code: string;
  data: string;
  overrides: string | null;
  source: ProcedureSource;
  in_force: number;
  search_fold: string;
  usage_count: number;
  updated_at: string;
}

/** What search matches: name, national code and the province's own code, folded. */
export function searchFoldOf(p: Procedure): string {
  return foldVietnamese([p.name, p.code, p.localCode ?? ''].join(' '));
}

export function overridesOf(row: Pick<ProcedureRow, 'overrides'>): ProcedureOverrides {
  return row.overrides ? (JSON.parse(row.overrides) as ProcedureOverrides) : {};
}

/** The procedure the counter uses: the source with the administrator's edits applied. */
export function effectiveProcedure(original: Procedure, overrides: ProcedureOverrides): Procedure {
  return {
    ...original,
    ...(overrides.fees && { fees: overrides.fees }),
    ...(overrides.duration && { duration: overrides.duration }),
    ...(overrides.documents && { documents: overrides.documents }),
  };
}

export function effectiveOfRow(row: ProcedureRow): Procedure {
  return effectiveProcedure(JSON.parse(row.data) as Procedure, overridesOf(row));
}

export function summaryOfRow(row: ProcedureRow): ProcedureSummary {
  const p = effectiveOfRow(row);
  return {
    code: row.code,
    localCode: p.localCode ?? null,
    name: p.name,
    fieldName: p.fieldName,
    level: p.level,
    inForce: row.in_force === 1,
    duration: p.duration,
    source: row.source,
    overridden: row.overrides !== null,
    usageCount: row.usage_count,
  };
}

export function getRow(app: AppContext, code: string): ProcedureRow | undefined {
  return app.db.prepare('SELECT * FROM procedures WHERE code = ?').get(code) as ProcedureRow | undefined;
}

/** Source data compared without its timestamp, so a re-sent identical procedure counts as unchanged. */
function sameSource(a: Procedure, b: Procedure): boolean {
  const strip = ({ updatedAt: _u, ...rest }: Procedure) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/**
 * Merges procedures from one source. Must run inside the caller's transaction (mutate).
 * Input codes must be unique (checked by the callers, which report duplicates to the user).
 */
export function mergeProcedures(app: AppContext, procedures: readonly Procedure[], source: ProcedureSource): CatalogMergeSummary {
  const now = isoLocal(app.clock.now());
  const summary: CatalogMergeSummary = { added: [], updated: [], unchanged: [], withdrawn: [], keptOverrides: [] };
  const insert = app.db.prepare(
    `INSERT INTO procedures (code, data, overrides, source, in_force, search_fold, usage_count, updated_at)
     VALUES (?, ?, NULL, ?, ?, ?, 0, ?)`,
  );
  const update = app.db.prepare('UPDATE procedures SET data = ?, source = ?, in_force = ?, search_fold = ?, updated_at = ? WHERE code = ?');
  const retag = app.db.prepare('UPDATE procedures SET source = ? WHERE code = ?');
  for (const p of procedures) {
    const existing = getRow(app, p.code);
    const inForce = p.inForce ? 1 : 0;
    if (!existing) {
      insert.run(p.code, JSON.stringify(p), source, inForce, searchFoldOf(p), now);
      summary.added.push(p.code);
      if (!p.inForce) summary.withdrawn.push(p.code);
      continue;
    }
    if (sameSource(JSON.parse(existing.data) as Procedure, p)) {
      // Same content: only who delivered it last is recorded; nothing a clerk sees changes.
      if (existing.source !== source) retag.run(source, p.code);
      summary.unchanged.push(p.code);
      continue;
    }
    update.run(JSON.stringify(p), source, inForce, searchFoldOf(p), now, p.code);
    summary.updated.push(p.code);
    if (!p.inForce && existing.in_force === 1) summary.withdrawn.push(p.code);
    if (existing.overrides !== null) summary.keptOverrides.push(p.code);
  }
  return summary;
}

/** Codes that appear more than once (the table holds one row per national code). */
export function duplicateCodes(procedures: readonly Procedure[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  procedures.forEach((p, i) => seen.set(p.code, [...(seen.get(p.code) ?? []), i]));
  return new Map([...seen].filter(([, at]) => at.length > 1));
}
