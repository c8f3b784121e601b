import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogFile } from '../../../src/main/catalog/catalog-file';
import { validateCatalogImport } from '../../../src/shared/catalog/import';
import type { Procedure } from '../../../src/shared/catalog/procedure';
import { DOCUMENT_HEADERS, FEE_HEADERS, PROCEDURE_HEADERS, procedureRows, VARIANT_HEADERS } from '../../unit/catalog/catalog-grids';
import { loadSampleCatalogJson, SAMPLE_CATALOG_PATH } from '../../unit/catalog/fixtures';

let dir: string;
let sample: Procedure[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-catalog-'));
  const r = validateCatalogImport(loadSampleCatalogJson().procedures);
  if (!r.ok) throw new Error('sample catalog invalid');
  sample = r.procedures;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Edit = (wb: ExcelJS.Workbook) => void;

/** Write the procedures as an administrator's workbook, then apply edits to its cells. */
async function writeWorkbook(name: string, procedures: Procedure[], ...edits: Edit[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const rows = procedureRows(procedures);
  const guide = wb.addWorksheet('HuongDan');
  guide.addRow(['Điền danh mục thủ tục theo các trang tính ThuTuc, ThanhPhanHoSo, PhiLePhi, TruongHop.']);
  for (const [sheet, header, body] of [
    ['ThuTuc', PROCEDURE_HEADERS, rows.procedures],
    ['ThanhPhanHoSo', DOCUMENT_HEADERS, rows.documents],
    ['PhiLePhi', FEE_HEADERS, rows.fees],
    ['TruongHop', VARIANT_HEADERS, rows.variants],
  ] as const) {
    const ws = wb.addWorksheet(sheet);
    ws.addRow([...header]);
    for (const r of body) ws.addRow(r);
  }
  for (const edit of edits) edit(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

/** Cell of a sheet by 1-based row and header text. */
function cell(wb: ExcelJS.Workbook, sheet: string, row: number, header: string): ExcelJS.Cell {
  const ws = wb.getWorksheet(sheet)!;
  let col = 0;
  ws.getRow(1).eachCell((c, i) => {
    if (c.value === header) col = i;
  });
  if (col === 0) throw new Error(`no column ${header}`);
  return ws.getRow(row).getCell(col);
}

describe('readCatalogFile (.xlsx)', () => {
  it('reads a good workbook into exactly the sample procedures', async () => {
    const path = await writeWorkbook('good.xlsx', sample);
    expect(await readCatalogFile(path)).toEqual({ ok: true, procedures: sample });
  });

  it('copes with what Excel does to cells: numeric codes, rich text, formulas, grouped amounts', async () => {
    const path = await writeWorkbook('excel-ish.xlsx', sample, (wb) => {
      const row = 2 + sample.findIndex((p) => p.code === '2.000884');
      // Typed into a General cell, "2.000884" becomes a number.
      cell(wb, 'ThuTuc', row, 'Mã TTHC').value = 2.000884;
      cell(wb, 'ThuTuc', row, 'Tên lĩnh vực').value = { richText: [{ text: 'Chứng ' }, { text: 'thực', font: { bold: true } }] };
      const feeRow = 2 + sample.flatMap((p) => p.fees.map(() => p.code)).indexOf('2.000884');
      cell(wb, 'PhiLePhi', feeRow, 'Mức thu').value = { formula: '5000*2', result: 10000 };
      const hkdFee = 2 + sample.flatMap((p) => p.fees.map(() => p.code)).indexOf('1.001612');
      cell(wb, 'PhiLePhi', hkdFee, 'Mức thu').value = '100.000 đ';
    });
    expect(await readCatalogFile(path)).toEqual({ ok: true, procedures: sample });
  });

  it('reports every problem of a bad workbook by sheet, row and column', async () => {
    const procRow = (code: string) => 2 + sample.findIndex((p) => p.code === code);
    const feeRow = (code: string) => 2 + sample.flatMap((p) => p.fees.map(() => p.code)).indexOf(code);
    const path = await writeWorkbook('bad.xlsx', sample, (wb) => {
      cell(wb, 'ThuTuc', procRow('1.004873'), 'Đơn vị thời hạn').value = 'Tháng';
      cell(wb, 'ThuTuc', procRow('1.000656'), 'Cấp thực hiện').value = 'Cấp huyện';
      cell(wb, 'PhiLePhi', feeRow('2.000884'), 'Mức thu').value = -10000;
      cell(wb, 'PhiLePhi', feeRow('1.001612'), 'Cách tính').value = 'Tùy ý';
    });
    const r = await readCatalogFile(path);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.sheet, e.row, e.field])).toEqual([
      ['ThuTuc', procRow('1.000656'), 'Cấp thực hiện'],
      ['ThuTuc', procRow('1.004873'), 'Đơn vị thời hạn'],
      ['PhiLePhi', feeRow('2.000884'), 'Mức thu'],
      ['PhiLePhi', feeRow('1.001612'), 'Cách tính'],
    ]);
    expect(r.errors[0].message).toContain('"Cấp xã"');
    expect(r.errors[2].message).toBe('Số tiền không được âm.');
  });

  it('reports missing and unknown columns', async () => {
    const path = await writeWorkbook('columns.xlsx', sample, (wb) => {
      wb.getWorksheet('ThanhPhanHoSo')!.spliceColumns(5, 1); // drop "Bản chính"
      wb.getWorksheet('ThuTuc')!.getRow(1).getCell(20).value = 'Phí dịch vụ';
    });
    const r = await readCatalogFile(path);
    expect(r).toEqual({
      ok: false,
      errors: [
        { sheet: 'ThuTuc', row: 1, field: 'Phí dịch vụ', message: 'Cột "Phí dịch vụ" không thuộc mẫu danh mục.' },
        { sheet: 'ThanhPhanHoSo', row: 1, field: 'Bản chính', message: 'Thiếu cột "Bản chính".' },
      ],
    });
  });

  it('refuses a file that is not a workbook', async () => {
    const path = join(dir, 'broken.xlsx');
    await writeFile(path, 'đây không phải tệp Excel');
    const r = await readCatalogFile(path);
    expect(r).toMatchObject({ ok: false, errors: [{ row: 0, message: expect.stringContaining('Không đọc được tệp Excel') }] });
  });
});

describe('readCatalogFile (.json and others)', () => {
  it('reads the shipped sample catalog', async () => {
    expect(await readCatalogFile(SAMPLE_CATALOG_PATH)).toEqual({ ok: true, procedures: sample });
  });

  it('reads a bare array with a BOM', async () => {
    const path = join(dir, 'bare.json');
    await writeFile(path, `\uFEFF${JSON.stringify(loadSampleCatalogJson().procedures.slice(0, 2))}`);
    expect(await readCatalogFile(path)).toEqual({ ok: true, procedures: sample.slice(0, 2) });
  });

  it('reports every bad procedure of a JSON catalog', async () => {
    const procedures = loadSampleCatalogJson().procedures;
    procedures[1].code = '1.0894';
    (procedures[4].duration as Record<string, unknown>).unit = 'DAYS';
    const path = join(dir, 'bad.json');
    await writeFile(path, JSON.stringify({ procedures }));
    const r = await readCatalogFile(path);
    expect(r).toEqual({
      ok: false,
      errors: [
        { row: 2, field: 'code', message: expect.stringContaining('d.dddddd') },
        { row: 5, field: 'duration.unit', message: expect.stringContaining('WORKING_DAYS') },
      ],
    });
  });

  it('explains unreadable JSON, missing files and other extensions in Vietnamese', async () => {
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ "procedures": [');
    expect(await readCatalogFile(broken)).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('Không đọc được tệp JSON') }] });
    expect(await readCatalogFile(join(dir, 'khong-co.json'))).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('không tìm thấy tệp') }],
    });
    expect(await readCatalogFile(join(dir, 'danh-muc.csv'))).toMatchObject({
      ok: false,
      errors: [{ message: 'Chỉ nhận tệp danh mục .json hoặc .xlsx, không nhận ".csv".' }],
    });
  });
});
