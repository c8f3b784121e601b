/**
 * Turns the sheets of a spreadsheet catalog into procedures, reporting problems by sheet,
 * row and column header so the administrator can find the cell. Pure: the workbook is read
 * elsewhere (src/main/catalog/catalog-file.ts) and handed over as grids of cells.
 */
import { foldVietnamese } from '../domain/text-fold';
import { validateCatalogImport } from './import';
import type { Procedure } from './procedure';
import { CATALOG_SHEET_COLUMNS, DOCUMENT_SHEET, FEE_SHEET, PROCEDURE_SHEET, VARIANT_SHEET, type Cell, type ColumnSpec } from './sheet-layout';

/** One worksheet: rows with their sheet row numbers; the first row is the header. */
export interface SheetGrid {
  name: string;
  rows: { rowNumber: number; cells: Cell[] }[];
}

/** A problem located in the workbook: sheet, sheet row, column header. */
export interface CatalogSheetError {
  sheet: string;
  row: number;
  /** Column header, or '' for a problem with the whole row or sheet. */
  field: string;
  message: string;
}

/** Outcome of {@link importCatalogSheets}. */
export type CatalogSheetResult = { ok: true; procedures: Procedure[] } | { ok: false; errors: CatalogSheetError[] };

interface ParsedRow {
  rowNumber: number;
  values: Record<string, unknown>;
}

/** Locate each column by its header; report missing, unknown and repeated headers. */
function mapHeader(sheet: string, header: { rowNumber: number; cells: Cell[] }, errors: CatalogSheetError[]) {
  const specs = CATALOG_SHEET_COLUMNS[sheet];
  const found = new Map<ColumnSpec, number>();
  header.cells.forEach((cell, index) => {
    if (cell === null || String(cell).trim() === '') return;
    const folded = foldVietnamese(String(cell));
    const spec = specs.find((s) => foldVietnamese(s.header) === folded || foldVietnamese(s.key) === folded);
    const at = { sheet, row: header.rowNumber, field: String(cell).trim() };
    if (!spec) errors.push({ ...at, message: `Cột "${at.field}" không thuộc mẫu danh mục.` });
    else if (found.has(spec)) errors.push({ ...at, message: `Cột "${spec.header}" bị lặp.` });
    else found.set(spec, index);
  });
  for (const spec of specs) {
    if (spec.required && !found.has(spec)) {
      errors.push({ sheet, row: header.rowNumber, field: spec.header, message: `Thiếu cột "${spec.header}".` });
    }
  }
  return found;
}

/** Read the data rows of one sheet into `key → value`, collecting cell errors. */
function readSheet(grid: SheetGrid | undefined, sheet: string, errors: CatalogSheetError[]): ParsedRow[] | null {
  if (!grid || grid.rows.length === 0) return [];
  const headerErrors = errors.length;
  const columns = mapHeader(sheet, grid.rows[0], errors);
  if (errors.length > headerErrors) return null; // rows cannot be read under a wrong header
  const rows: ParsedRow[] = [];
  for (const { rowNumber, cells } of grid.rows.slice(1)) {
    if (cells.every((c) => c === null || String(c).trim() === '')) continue;
    const values: Record<string, unknown> = {};
    for (const [spec, index] of columns) {
      const parsed = spec.parse(cells[index] ?? null);
      if (parsed.ok) values[spec.key] = parsed.value;
      else errors.push({ sheet, row: rowNumber, field: spec.header, message: parsed.error });
    }
    rows.push({ rowNumber, values });
  }
  return rows;
}

/** `{ 'duration.amount': 3 }` → `{ duration: { amount: 3 } }`, dropping empty cells. */
function nest(values: Record<string, unknown>, skip: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || skip.includes(key)) continue;
    const [head, tail] = key.split('.');
    if (tail === undefined) out[head] = value;
    else out[head] = { ...((out[head] as Record<string, unknown>) ?? {}), [tail]: value };
  }
  return out;
}

const headerOf = (sheet: string, key: string | number | undefined): string =>
  CATALOG_SHEET_COLUMNS[sheet].find((s) => s.key === key)?.header ?? '';

/**
 * Build and validate procedures from the sheets `ThuTuc`, `ThanhPhanHoSo` and `PhiLePhi`
 * (the last two may be absent). Document and fee rows join their procedure through
 * "Mã TTHC", matched against the province code first, then the national code.
 */
export function importCatalogSheets(grids: readonly SheetGrid[]): CatalogSheetResult {
  const errors: CatalogSheetError[] = [];
  const byName = (name: string) => grids.find((g) => foldVietnamese(g.name) === foldVietnamese(name));
  if (!byName(PROCEDURE_SHEET)) {
    return { ok: false, errors: [{ sheet: PROCEDURE_SHEET, row: 0, field: '', message: `Không có trang tính "${PROCEDURE_SHEET}".` }] };
  }
  const procRows = readSheet(byName(PROCEDURE_SHEET), PROCEDURE_SHEET, errors);
  const docRows = readSheet(byName(DOCUMENT_SHEET), DOCUMENT_SHEET, errors);
  const feeRows = readSheet(byName(FEE_SHEET), FEE_SHEET, errors);
  const variantRows = readSheet(byName(VARIANT_SHEET), VARIANT_SHEET, errors);
  if (!procRows || !docRows || !feeRows || !variantRows) return { ok: false, errors };

  type VariantCandidate = Record<string, unknown> & { code?: unknown; documents?: unknown[]; fees?: unknown[] };
  const candidates = procRows.map((r) => ({ ...nest(r.values), documents: [] as unknown[], fees: [] as unknown[], variants: [] as VariantCandidate[] }));
  const sources = procRows.map(() => ({
    documents: [] as number[],
    fees: [] as number[],
    variants: [] as { row: number; documents: number[]; fees: number[] }[],
  }));
  const findProcedure = (ref: unknown): number => {
    const local = procRows.findIndex((r) => r.values.localCode !== undefined && r.values.localCode === ref);
    return local >= 0 ? local : procRows.findIndex((r) => r.values.code === ref);
  };
  const unknownProcedure = (r: ParsedRow, sheet: string) => {
    if (r.values.procedure !== undefined) {
      const message = `Mã TTHC "${String(r.values.procedure)}" không có trong trang "${PROCEDURE_SHEET}".`;
      errors.push({ sheet, row: r.rowNumber, field: headerOf(sheet, 'procedure'), message });
    } else if (!errors.some((e) => e.sheet === sheet && e.row === r.rowNumber)) {
      errors.push({ sheet, row: r.rowNumber, field: headerOf(sheet, 'procedure'), message: 'Thiếu mã thủ tục.' });
    }
  };
  for (const r of variantRows) {
    const target = findProcedure(r.values.procedure);
    if (target < 0) {
      unknownProcedure(r, VARIANT_SHEET);
      continue;
    }
    const v: VariantCandidate = nest(r.values, ['procedure']);
    const d = v.duration as Record<string, unknown> | undefined;
    // A case row may give only "Trong ngày" or only the number of days; the rest follows.
    if (d) v.duration = { unit: 'WORKING_DAYS', sameDay: false, ...(d.sameDay === true && { amount: 0 }), ...d };
    candidates[target].variants.push(v);
    sources[target].variants.push({ row: r.rowNumber, documents: [], fees: [] });
  }
  const attach = (rows: ParsedRow[], sheet: string, list: 'documents' | 'fees') => {
    for (const r of rows) {
      const target = findProcedure(r.values.procedure);
      if (target < 0) {
        unknownProcedure(r, sheet);
        continue;
      }
      if (r.values.variant !== undefined) {
        const code = String(r.values.variant).trim().toUpperCase();
        const vi = candidates[target].variants.findIndex((v) => String(v.code ?? '').trim().toUpperCase() === code);
        if (vi < 0) {
          const message = `Trường hợp "${code}" của thủ tục ${String(r.values.procedure)} không có trong trang "${VARIANT_SHEET}".`;
          errors.push({ sheet, row: r.rowNumber, field: headerOf(sheet, 'variant'), message });
          continue;
        }
        const v = candidates[target].variants[vi];
        v[list] = [...(v[list] ?? []), nest(r.values, ['procedure', 'variant'])];
        sources[target].variants[vi][list].push(r.rowNumber);
        continue;
      }
      candidates[target][list].push(nest(r.values, ['procedure', 'variant']));
      sources[target][list].push(r.rowNumber);
    }
  };
  attach(docRows, DOCUMENT_SHEET, 'documents');
  attach(feeRows, FEE_SHEET, 'fees');

  const result = validateCatalogImport(
    candidates.map(({ variants, ...c }) => (variants.length > 0 ? { ...c, variants } : c)),
    { rowNumbers: procRows.map((r) => r.rowNumber) },
  );
  if (!result.ok) {
    for (const e of result.errors) {
      const index = procRows.findIndex((r) => r.rowNumber === e.row);
      const [head, second, third] = e.path;
      let located: CatalogSheetError;
      const variantSource = head === 'variants' && typeof second === 'number' ? sources[index].variants[second] : undefined;
      if (variantSource) {
        const [, , vHead, vSecond, vThird] = e.path;
        if ((vHead === 'documents' || vHead === 'fees') && typeof vSecond === 'number') {
          const sheet = vHead === 'documents' ? DOCUMENT_SHEET : FEE_SHEET;
          located = { sheet, row: variantSource[vHead][vSecond], field: headerOf(sheet, vThird), message: e.message };
        } else {
          const key = vHead === 'duration' ? `duration.${String(vSecond)}` : vHead;
          located = { sheet: VARIANT_SHEET, row: variantSource.row, field: headerOf(VARIANT_SHEET, key), message: e.message };
        }
      } else if ((head === 'documents' || head === 'fees') && typeof second === 'number') {
        const sheet = head === 'documents' ? DOCUMENT_SHEET : FEE_SHEET;
        located = { sheet, row: sources[index][head][second], field: headerOf(sheet, third), message: e.message };
      } else {
        const key = head === 'duration' ? `duration.${String(second)}` : head;
        located = { sheet: PROCEDURE_SHEET, row: e.row, field: headerOf(PROCEDURE_SHEET, key), message: e.message };
      }
      // A cell that failed to read is already reported; its "missing value" echo is noise.
      if (!errors.some((x) => x.sheet === located.sheet && x.row === located.row && x.field === located.field)) {
        errors.push(located);
      }
    }
  }
  if (result.ok && errors.length === 0) return result;
  const order = [PROCEDURE_SHEET, VARIANT_SHEET, DOCUMENT_SHEET, FEE_SHEET];
  errors.sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet) || a.row - b.row);
  return { ok: false, errors };
}
