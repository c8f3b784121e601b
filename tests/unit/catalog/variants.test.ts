import { describe, expect, it } from 'vitest';
import { computeFees } from '../../../src/shared/catalog/fees';
import { validateCatalogImport } from '../../../src/shared/catalog/import';
import { procedureSchema, type Procedure } from '../../../src/shared/catalog/procedure';
import { defaultVariantCode, procedureCase } from '../../../src/shared/catalog/variants';
import { importCatalogSheets } from '../../../src/shared/catalog/sheet-import';
import { loadSampleCatalogJson } from './fixtures';
import { procedureGrids } from './catalog-grids';

const sample = validateCatalogImport(loadSampleCatalogJson().procedures);
const get = (code: string): Procedure => (sample.ok ? sample.procedures : []).find((p) => p.code === code)!;

describe('procedure variants (trường hợp) of the sample catalog', () => {
  it('birth registration: on time is the default, free and same day; late is 8.000 đ', () => {
    const birth = get('1.001193');
    expect(defaultVariantCode(birth)).toBe('DUNGHAN');
    const onTime = procedureCase(birth);
    const late = procedureCase(birth, 'QUAHAN');
    expect(onTime.ok && onTime.value.variant).toEqual({ code: 'DUNGHAN', name: expect.stringContaining('đúng hạn') });
    expect(onTime.ok && computeFees(onTime.value)).toMatchObject({ ok: true, value: { total: 0 } });
    expect(late.ok && computeFees(late.value)).toMatchObject({ ok: true, value: { total: 8000 } });
    expect(late.ok && late.value.duration.sameDay).toBe(true);
  });

  it('a case needing verification has its own time', () => {
    const m = procedureCase(get('1.000894'), 'XACMINH');
    expect(m.ok && m.value.duration).toMatchObject({ amount: 5, unit: 'WORKING_DAYS', sameDay: false });
    const d = procedureCase(get('1.000656'), 'XACMINH');
    expect(d.ok && d.value.duration).toMatchObject({ amount: 3, sameDay: false });
    const c = procedureCase(get('2.000815'), 'NHIEU');
    expect(c.ok && c.value.duration).toMatchObject({ amount: 2, sameDay: false });
    // Checklist inherited when the case does not list its own.
    expect(c.ok && c.value.documents).toEqual(get('2.000815').documents);
  });

  it('refuses a case the procedure does not have, naming the known ones', () => {
    expect(procedureCase(get('1.001193'), 'KHAC')).toEqual({
      ok: false,
      error: expect.stringMatching(/không có trường hợp "KHAC"; các trường hợp: DUNGHAN .*QUAHAN/),
    });
    expect(procedureCase(get('1.001612'), 'X')).toMatchObject({ ok: false, error: expect.stringContaining('không chia trường hợp') });
    expect(procedureCase(get('1.001612'))).toMatchObject({ ok: true, value: { variant: null } });
  });

  it('validates variants: one default case, one default line per fee group, unique codes', () => {
    const base = get('1.001193');
    const r = procedureSchema.safeParse({
      ...base,
      variants: [
        { code: 'A', name: 'A', isDefault: true },
        { code: 'A', name: 'B', isDefault: true, fees: [
          { code: 'F1', name: 'F1', kind: 'FREE', group: 'G', isDefault: true },
          { code: 'F2', name: 'F2', kind: 'FIXED', amount: 1, group: 'G', isDefault: true },
        ] },
      ],
    });
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      'variants.1.code: Trùng mã trường hợp: "A".',
      'variants: Chỉ được một trường hợp mặc định.',
      'variants.1.fees.1.isDefault: Nhóm phí "G" chỉ được có một khoản mặc định.',
    ]));
  });
});

describe('variants in the spreadsheet catalog (sheet TruongHop)', () => {
  it('reads cases with their own time and fee lines, and reports an unknown case by sheet and row', () => {
    const grids = procedureGrids([get('1.001612')]);
    // Only the columns an administrator needs: a case row may leave the time unit and amount empty.
    grids[grids.findIndex((g) => g.name === 'TruongHop')] = {
      name: 'TruongHop',
      rows: [
        { rowNumber: 1, cells: ['Mã TTHC', 'Mã trường hợp', 'Tên trường hợp', 'Mặc định', 'Thời hạn', 'Trong ngày'] },
        { rowNumber: 2, cells: ['1.001612', 'THUONG', 'Thông thường', 'Có', 3, 'Không'] },
        { rowNumber: 3, cells: ['1.001612', 'GAP', 'Trong ngày', null, null, 'Có'] },
      ],
    };
    const fees = grids.find((g) => g.name === 'PhiLePhi')!;
    fees.rows.push({ rowNumber: fees.rows.length + 1, cells: ['1.001612', 'LP-GAP', 'Lệ phí trong ngày', 'Cố định', 150000, null, null, null, null, null, 'GAP'] });
    const r = importCatalogSheets(grids);
    expect(r.ok ? [] : r.errors).toEqual([]);
    const p = r.ok ? r.procedures[0] : null;
    expect(p?.variants?.map((v) => v.code)).toEqual(['THUONG', 'GAP']);
    const gap = p && procedureCase(p, 'GAP');
    expect(gap && gap.ok && gap.value.duration).toEqual({ amount: 0, unit: 'WORKING_DAYS', sameDay: true });
    expect(gap && gap.ok && computeFees(gap.value)).toMatchObject({ ok: true, value: { total: 150000 } });
    const normal = p && procedureCase(p, 'THUONG');
    expect(normal && normal.ok && computeFees(normal.value)).toMatchObject({ ok: true, value: { total: 100000 } });

    fees.rows[fees.rows.length - 1].cells[10] = 'KHONGCO';
    const bad = importCatalogSheets(grids);
    expect(bad.ok ? [] : bad.errors).toEqual([
      { sheet: 'PhiLePhi', row: fees.rows.length, field: 'Mã trường hợp', message: 'Trường hợp "KHONGCO" của thủ tục 1.001612 không có trong trang "TruongHop".' },
    ]);
  });
});
