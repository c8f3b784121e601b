/**
 * Validation of a catalog import (JSON file, spreadsheet, or the provincial feed).
 * An import is all-or-nothing, and the administrator fixes the file in one pass, so every
 * bad row is reported rather than stopping at the first.
 */
import { formatIssuePath, vietnameseIssueMessage } from './issue-messages';
import { procedureSchema, type Procedure } from './procedure';

/** Mapping of the provincial feed; lives in its own file, exported here with the other import checks. */
export { fromProvincialThuTuc, type ThuTucMappingResult } from './provincial-thu-tuc';

/** One problem in an import: row (see {@link CatalogImportOptions.rowNumbers}), field path, Vietnamese message. */
export interface CatalogImportError {
  row: number;
  field: string;
  message: string;
  /** The same field as a path (`['fees', 0, 'amount']`), for callers that map errors back to a source. */
  path: (string | number)[];
}

/** Outcome of {@link validateCatalogImport}: all procedures, or every error found. */
export type CatalogImportResult =
  | { ok: true; procedures: Procedure[] }
  | { ok: false; errors: CatalogImportError[] };

/** Key under which a procedure must be unique within one catalog. */
export const procedureKey = (p: Pick<Procedure, 'code' | 'localCode'>): string => p.localCode ?? p.code;

/** Options of {@link validateCatalogImport}. */
export interface CatalogImportOptions {
  /** Row number to report for each candidate (e.g. its spreadsheet row); default: 1-based position. */
  rowNumbers?: readonly number[];
}

/**
 * Validate candidate procedures; every bad row is reported, not only the first.
 * Procedures must be unique by {@link procedureKey}.
 */
export function validateCatalogImport(rows: unknown[], options: CatalogImportOptions = {}): CatalogImportResult {
  const errors: CatalogImportError[] = [];
  const procedures: Procedure[] = [];
  const firstRowOf = new Map<string, number>();

  if (rows.length === 0) {
    return { ok: false, errors: [{ row: 0, field: '', path: [], message: 'Danh mục không có thủ tục nào.' }] };
  }

  rows.forEach((candidate, index) => {
    const row = options.rowNumbers?.[index] ?? index + 1;
    const parsed = procedureSchema.safeParse(candidate, { error: vietnameseIssueMessage });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
        errors.push({ row, field: formatIssuePath(path), path, message: issue.message });
      }
      return;
    }
    const key = procedureKey(parsed.data);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      const field = parsed.data.localCode ? 'localCode' : 'code';
      errors.push({ row, field, path: [field], message: `Trùng mã thủ tục ${key} với dòng ${first}.` });
      return;
    }
    firstRowOf.set(key, row);
    procedures.push(parsed.data);
  });

  return errors.length > 0 ? { ok: false, errors } : { ok: true, procedures };
}

/**
 * Rows of a JSON catalog file: either a bare array of procedures or an object
 * `{ "procedures": [...] }` (the shape of `resources/catalog/sample-catalog.json`).
 */
export function rowsFromCatalogJson(value: unknown): { ok: true; rows: unknown[] } | { ok: false; error: string } {
  if (Array.isArray(value)) return { ok: true, rows: value };
  if (typeof value === 'object' && value !== null && Array.isArray((value as { procedures?: unknown }).procedures)) {
    return { ok: true, rows: (value as { procedures: unknown[] }).procedures };
  }
  return { ok: false, error: 'Tệp danh mục JSON phải là một danh sách thủ tục hoặc một đối tượng có trường "procedures".' };
}
