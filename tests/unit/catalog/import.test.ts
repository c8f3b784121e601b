import { describe, expect, it } from 'vitest';
import { rowsFromCatalogJson, validateCatalogImport } from '../../../src/shared/catalog/import';
import { validProcedure } from './fixtures';

describe('validateCatalogImport', () => {
  it('returns the parsed procedures when every row is valid', () => {
    const r = validateCatalogImport([validProcedure(), { ...validProcedure(), code: '2.000884' }]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.procedures.map((p) => p.code)).toEqual(['2.000815', '2.000884']);
  });

  it('reports every bad row, not only the first', () => {
    const fees = (amount: number) => [{ code: 'F', name: 'Lệ phí', kind: 'FIXED', amount }];
    const rows = [
      validProcedure(),
      { ...validProcedure(), code: '2.00081X' }, // bad code
      { ...validProcedure(), code: '1.000001', fees: fees(-100) }, // negative fee
      { ...validProcedure(), code: '1.000002', duration: { amount: 3, unit: 'WEEKS', sameDay: false } }, // unknown unit
      { ...validProcedure(), code: '1.000003', ['Tên thủ tục']: 'x' }, // wrong column
      'not an object',
      { ...validProcedure(), code: '1.000004' },
    ];
    const r = validateCatalogImport(rows);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const summary = r.errors.map((e) => [e.row, e.field]);
    expect(summary).toEqual([
      [2, 'code'],
      [3, 'fees[0].amount'],
      [4, 'duration.unit'],
      [5, ''],
      [6, ''],
    ]);
    expect(r.errors[1].message).toBe('Số tiền không được âm.');
    expect(r.errors[1].path).toEqual(['fees', 0, 'amount']);
    expect(r.errors[3].message).toContain('Tên thủ tục');
    expect(r.errors[4].message).toContain('đối tượng');
  });

  it('reports several problems within one row', () => {
    const r = validateCatalogImport([{ ...validProcedure(), name: '', level: 'HUYEN', inForce: 'có' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field).sort()).toEqual(['inForce', 'level', 'name']);
  });

  it('rejects a procedure listed twice, naming the first row', () => {
    const r = validateCatalogImport([validProcedure(), { ...validProcedure(), code: '1.000001' }, validProcedure()]);
    expect(r).toEqual({
      ok: false,
      errors: [{ row: 3, field: 'code', path: ['code'], message: 'Trùng mã thủ tục 2.000815 với dòng 1.' }],
    });
  });

  it('treats the same national code under two province codes as two procedures', () => {
    const r = validateCatalogImport([
      { ...validProcedure(), localCode: '2.000815.000.00.00.H55' },
      { ...validProcedure(), localCode: '2.000815.000.00.00.H56' },
    ]);
    expect(r.ok).toBe(true);
  });

  it('uses the given row numbers in reports', () => {
    const r = validateCatalogImport([validProcedure(), { ...validProcedure(), code: 'x' }], { rowNumbers: [7, 9] });
    expect(r.ok ? [] : r.errors.map((e) => e.row)).toEqual([9]);
  });

  it('refuses an empty catalog', () => {
    const r = validateCatalogImport([]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toBe('Danh mục không có thủ tục nào.');
  });
});

describe('rowsFromCatalogJson', () => {
  it('accepts a bare list or an object with procedures', () => {
    expect(rowsFromCatalogJson([1, 2])).toEqual({ ok: true, rows: [1, 2] });
    expect(rowsFromCatalogJson({ version: 1, procedures: [3] })).toEqual({ ok: true, rows: [3] });
  });

  it.each([null, 5, 'x', {}, { procedures: {} }])('rejects %j', (v) => {
    expect(rowsFromCatalogJson(v)).toMatchObject({ ok: false, error: expect.stringContaining('procedures') });
  });
});
