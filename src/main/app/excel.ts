import type ExcelJS from 'exceljs';

/**
 * exceljs takes about 300 ms to load, a fifth of the office server's start budget, and only exports and
 * imports need it: load it on first use instead of at start.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  const Excel = mod.default ?? mod;
  return new Excel.Workbook();
}
