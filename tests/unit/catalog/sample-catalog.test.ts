import { describe, expect, it } from 'vitest';
import { validateCatalogImport } from '../../../src/shared/catalog/import';
import { loadSampleCatalogJson } from './fixtures';

const json = loadSampleCatalogJson();

describe('resources/catalog/sample-catalog.json', () => {
  const result = validateCatalogImport(json.procedures);

  it('validates against the procedure schema', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  const procedures = result.ok ? result.procedures : [];
  const get = (code: string) => procedures.find((p) => p.code === code)!;

  it('holds the nine procedures of the domain brief', () => {
    expect(procedures.map((p) => p.code).sort()).toEqual(
      ['1.000656', '1.000894', '1.001193', '1.001612', '1.004873', '2.000635', '2.000815', '2.000884', '2.000908'].sort(),
    );
    expect(get('1.001193').name).toBe('Đăng ký khai sinh');
    expect(get('1.000894').name).toBe('Đăng ký kết hôn');
    expect(get('1.001612').fieldName).toBe('Thành lập và hoạt động của hộ kinh doanh');
  });

  it('has the times of the brief', () => {
    for (const code of ['1.001193', '1.000894', '1.000656', '2.000635', '2.000815', '2.000884', '2.000908']) {
      expect(get(code).duration.sameDay, code).toBe(true);
    }
    expect(get('1.000894').duration.extendedAmount).toBe(5);
    expect(get('1.000656').duration.extendedAmount).toBe(3);
    expect(get('2.000815').duration.extendedAmount).toBe(2);
    expect(get('1.004873').duration).toMatchObject({ amount: 3, unit: 'WORKING_DAYS', sameDay: false });
    expect(get('1.001612').duration).toMatchObject({ amount: 3, unit: 'WORKING_DAYS', sameDay: false });
  });

  it('has the fees of the brief', () => {
    expect(get('2.000815').fees[0]).toMatchObject({
      kind: 'PER_PAGE_TIERED',
      tiers: [
        { fromPage: 1, toPage: 2, pricePerPage: 2000 },
        { fromPage: 3, toPage: null, pricePerPage: 1000 },
      ],
      capPerCopy: 200000,
    });
    expect(get('2.000884').fees).toEqual([expect.objectContaining({ kind: 'FIXED', amount: 10000 })]);
    expect(get('1.000894').fees.every((f) => f.kind === 'FREE')).toBe(true);
    expect(get('2.000908').fees.every((f) => f.kind === 'FREE')).toBe(true);
    expect(get('1.001612').fees[0]).toMatchObject({ kind: 'FIXED', amount: 100000 });
    expect(get('2.000635').fees[0].kind).toBe('PER_COPY');
  });

  it('marks province-set example amounts with a note', () => {
    for (const code of ['1.004873', '2.000635', '1.001612']) {
      for (const fee of get(code).fees) expect(fee.note, `${code} ${fee.code}`).toMatch(/ví dụ/);
    }
  });

  it('lists the birth registration documents', () => {
    const names = get('1.001193').documents.map((d) => d.name);
    expect(names.some((n) => n.startsWith('Tờ khai đăng ký khai sinh'))).toBe(true);
    expect(names.some((n) => n.startsWith('Giấy chứng sinh'))).toBe(true);
    expect(get('1.001193').documents.filter((d) => d.required).length).toBeGreaterThanOrEqual(2);
  });

  it('stores every string in NFC', () => {
    const strings: string[] = [];
    JSON.stringify(json, (_k, v) => (typeof v === 'string' ? (strings.push(v), v) : v));
    expect(strings.length).toBeGreaterThan(100);
    expect(strings.filter((s) => s !== s.normalize('NFC'))).toEqual([]);
  });
});
