import { describe, expect, it } from 'vitest';
import { validateCatalogImport } from '../../../src/shared/catalog/import';
import { importCatalogSheets, type SheetGrid } from '../../../src/shared/catalog/sheet-import';
import { DOCUMENT_HEADERS, FEE_HEADERS, PROCEDURE_HEADERS, procedureGrids } from './catalog-grids';
import { loadSampleCatalogJson } from './fixtures';

const sample = (() => {
  const r = validateCatalogImport(loadSampleCatalogJson().procedures);
  if (!r.ok) throw new Error('sample catalog invalid');
  return r.procedures;
})();

/** Replace one cell, addressed by sheet, row number and header. */
function setCell(grids: SheetGrid[], sheet: string, row: number, header: string, value: string | number | boolean | null) {
  const grid = grids.find((g) => g.name === sheet)!;
  const col = grid.rows[0].cells.indexOf(header);
  grid.rows.find((r) => r.rowNumber === row)!.cells[col] = value;
}

describe('importCatalogSheets', () => {
  it('reads back the whole sample catalog written as spreadsheet rows', () => {
    expect(importCatalogSheets(procedureGrids(sample))).toEqual({ ok: true, procedures: sample });
  });

  it('accepts sheets and headers whatever their case and diacritics, skips blank rows and extra sheets', () => {
    const grids = procedureGrids(sample.slice(0, 2));
    grids[0].name = 'thutuc';
    grids[0].rows[0].cells = grids[0].rows[0].cells.map((h) => String(h).toUpperCase());
    grids[1].rows[0].cells = grids[1].rows[0].cells.map((h) => String(h).normalize('NFD'));
    grids[0].rows.push({ rowNumber: 10, cells: [null, '  ', null] });
    grids.push({ name: 'HuongDan', rows: [{ rowNumber: 1, cells: ['Hướng dẫn điền mẫu'] }] });
    expect(importCatalogSheets(grids)).toEqual({ ok: true, procedures: sample.slice(0, 2) });
  });

  it('works without documents and fees sheets', () => {
    const grids = procedureGrids(sample.slice(0, 1)).slice(0, 1);
    const r = importCatalogSheets(grids);
    expect(r.ok && r.procedures[0]).toMatchObject({ code: sample[0].code, documents: [], fees: [] });
  });

  it('reports wrong headers and stops before reading rows', () => {
    const grids = procedureGrids(sample);
    grids[0].rows[0].cells = grids[0].rows[0].cells.map((h) => (h === 'Tên thủ tục' ? 'Tên TTHC' : h));
    grids[2].rows[0].cells = [...grids[2].rows[0].cells, 'Mã phí'];
    const r = importCatalogSheets(grids);
    expect(r).toEqual({
      ok: false,
      errors: [
        { sheet: 'ThuTuc', row: 1, field: 'Tên TTHC', message: 'Cột "Tên TTHC" không thuộc mẫu danh mục.' },
        { sheet: 'ThuTuc', row: 1, field: 'Tên thủ tục', message: 'Thiếu cột "Tên thủ tục".' },
        { sheet: 'PhiLePhi', row: 1, field: 'Mã phí', message: 'Cột "Mã phí" bị lặp.' },
      ],
    });
  });

  it('requires the procedures sheet', () => {
    const r = importCatalogSheets(procedureGrids(sample).slice(1));
    expect(r).toMatchObject({ ok: false, errors: [{ sheet: 'ThuTuc', message: 'Không có trang tính "ThuTuc".' }] });
  });

  it('reports every bad cell at its sheet, row and column', () => {
    const grids = procedureGrids(sample);
    const rowOf = (code: string) => 2 + sample.findIndex((p) => p.code === code);
    const docRow = 2 + sample.flatMap((p) => p.documents.map(() => p.code)).indexOf('1.000894');
    const feeRow = 2 + sample.flatMap((p) => p.fees.map(() => p.code)).indexOf('2.000815');
    // A code mistyped consistently in all three sheets: one error, on the procedure row.
    for (const g of grids) for (const row of g.rows) if (row.cells[0] === '1.001193') row.cells[0] = '1.00119';
    setCell(grids, 'ThuTuc', rowOf('1.001612'), 'Đơn vị thời hạn', 'Tuần'); // unknown unit
    setCell(grids, 'ThuTuc', rowOf('2.000884'), 'Tên thủ tục', ''); // blank name
    setCell(grids, 'ThanhPhanHoSo', docRow, 'Bản chính', -1); // negative count
    setCell(grids, 'ThanhPhanHoSo', docRow + 1, 'Mã TTHC', '9.999999'); // unknown procedure
    setCell(grids, 'PhiLePhi', feeRow, 'Bậc giá theo trang', '1-2:2000; 4-:1000'); // gap in tiers
    setCell(grids, 'PhiLePhi', feeRow + 1, 'Mức thu', '-10.000'); // negative fee
    const r = importCatalogSheets(grids);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.sheet, e.row, e.field])).toEqual([
      ['ThuTuc', rowOf('1.001193'), 'Mã TTHC'],
      ['ThuTuc', rowOf('2.000884'), 'Tên thủ tục'],
      ['ThuTuc', rowOf('1.001612'), 'Đơn vị thời hạn'],
      ['ThanhPhanHoSo', docRow, 'Bản chính'],
      ['ThanhPhanHoSo', docRow + 1, 'Mã TTHC'],
      ['PhiLePhi', feeRow, 'Bậc giá theo trang'],
      ['PhiLePhi', feeRow + 1, 'Mức thu'],
    ]);
    const msg = (field: string) => r.errors.find((e) => e.field === field)!.message;
    expect(msg('Đơn vị thời hạn')).toContain('"Ngày làm việc"');
    expect(msg('Tên thủ tục')).toBe('Thiếu giá trị bắt buộc.');
    expect(msg('Bản chính')).toBe('Số bản không được âm.');
    expect(msg('Mức thu')).toBe('Số tiền không được âm.');
    expect(msg('Bậc giá theo trang')).toBe('Bậc giá phải bắt đầu từ trang 3.');
    expect(r.errors.find((e) => e.sheet === 'ThanhPhanHoSo' && e.field === 'Mã TTHC')!.message).toBe(
      'Mã TTHC "9.999999" không có trong trang "ThuTuc".',
    );
  });

  it('reports a procedure listed twice with the sheet row of the first', () => {
    const grids = procedureGrids([sample[0]]);
    grids[0].rows.push({ rowNumber: 3, cells: [...grids[0].rows[1].cells] });
    const r = importCatalogSheets(grids);
    expect(r.ok ? [] : r.errors).toEqual([
      { sheet: 'ThuTuc', row: 3, field: 'Mã TTHC', message: `Trùng mã thủ tục ${sample[0].code} với dòng 2.` },
    ]);
  });

  it('matches document rows to a procedure by its province code first', () => {
    const a = { ...sample[5], localCode: '2.000815.000.00.00.H55', documents: [sample[5].documents[0]] };
    const b = { ...sample[5], localCode: '2.000815.000.00.00.H56', documents: [sample[5].documents[1]] };
    const r = importCatalogSheets(procedureGrids([a, b]));
    expect(r.ok && r.procedures.map((p) => p.documents.map((d) => d.code))).toEqual([[a.documents[0].code], [b.documents[0].code]]);
  });

  it('uses the documented headers', () => {
    const [p, d, f] = procedureGrids(sample);
    expect(p.rows[0].cells).toEqual(PROCEDURE_HEADERS);
    expect(d.rows[0].cells).toEqual(DOCUMENT_HEADERS);
    expect(f.rows[0].cells).toEqual(FEE_HEADERS);
  });
});
