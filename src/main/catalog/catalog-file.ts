/**
 * Reads a catalog file chosen by the administrator (`.json` or `.xlsx`) and validates it.
 *
 * JSON: an array of procedures, or `{ "procedures": [...] }` as in
 * resources/catalog/sample-catalog.json.
 *
 * XLSX (layout in src/shared/catalog/sheet-layout.ts, explained in docs/catalog-import.md):
 *   sheet "ThuTuc"        — Mã TTHC | Mã TTHC của tỉnh | Tên thủ tục | Mã lĩnh vực | Tên lĩnh vực |
 *                            Cấp thực hiện | Cơ quan thực hiện | Mức độ dịch vụ công | Thời hạn |
 *                            Đơn vị thời hạn | Trong ngày | Thời hạn kéo dài | Ghi chú thời hạn | Còn hiệu lực
 *   sheet "ThanhPhanHoSo" — Mã TTHC | Mã giấy tờ | Tên giấy tờ | Bắt buộc | Bản chính | Bản chứng thực | Bản photo
 *   sheet "PhiLePhi"      — Mã TTHC | Mã phí | Tên phí, lệ phí | Cách tính | Mức thu | Bậc giá theo trang |
 *                            Tối đa mỗi bản | Ghi chú
 * Row 1 of each sheet is the header; other sheets (instructions…) are ignored.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../app/excel';
import { rowsFromCatalogJson, validateCatalogImport } from '../../shared/catalog/import';
import type { Procedure } from '../../shared/catalog/procedure';
import { importCatalogSheets, type SheetGrid } from '../../shared/catalog/sheet-import';
import type { Cell } from '../../shared/catalog/sheet-layout';

/** A problem in a catalog file; `sheet` is set for spreadsheets, row 0 means the whole file. */
export interface CatalogFileError {
  sheet?: string;
  row: number;
  field: string;
  message: string;
}

/** Outcome of {@link readCatalogFile}. */
export type CatalogFileResult = { ok: true; procedures: Procedure[] } | { ok: false; errors: CatalogFileError[] };

const fileError = (message: string): CatalogFileResult => ({ ok: false, errors: [{ row: 0, field: '', message }] });

/** Vietnamese text for the usual I/O failures; the raw message otherwise (kept for support). */
function describeError(e: unknown, path: string): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return `không tìm thấy tệp "${path}".`;
  if (code === 'EACCES' || code === 'EPERM') return `không có quyền đọc tệp "${path}".`;
  if (code === 'EISDIR') return `"${path}" là thư mục, không phải tệp.`;
  return e instanceof Error ? e.message : String(e);
}

/** Flatten an exceljs cell value (rich text, formula, hyperlink, date…) to a plain cell. */
export function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return toCell(value.result as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return null; // formula never calculated
  if ('hyperlink' in value) return toCell(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return null;
}

async function readJson(path: string): Promise<CatalogFileResult> {
  let value: unknown;
  try {
    value = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (e) {
    return fileError(`Không đọc được tệp JSON: ${describeError(e, path)}`);
  }
  const rows = rowsFromCatalogJson(value);
  if (!rows.ok) return fileError(rows.error);
  const result = validateCatalogImport(rows.rows);
  return result.ok ? result : { ok: false, errors: result.errors.map(({ row, field, message }) => ({ row, field, message })) };
}

async function readXlsx(path: string): Promise<CatalogFileResult> {
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (e) {
    return fileError(`Không đọc được tệp Excel (.xlsx): ${describeError(e, path)}`);
  }
  const grids: SheetGrid[] = workbook.worksheets.map((ws) => {
    const rows: SheetGrid['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(toCell(row.getCell(c).value));
      rows.push({ rowNumber, cells });
    });
    return { name: ws.name, rows };
  });
  return importCatalogSheets(grids);
}

/** Read and validate a catalog file; every problem found is returned, never thrown. */
export async function readCatalogFile(path: string): Promise<CatalogFileResult> {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return readJson(path);
  if (ext === '.xlsx') return readXlsx(path);
  return fileError(`Chỉ nhận tệp danh mục .json hoặc .xlsx, không nhận "${ext || 'tệp không có phần mở rộng'}".`);
}
