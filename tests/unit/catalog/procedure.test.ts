import { describe, expect, it } from 'vitest';
import { vietnameseIssueMessage } from '../../../src/shared/catalog/issue-messages';
import { procedureSchema } from '../../../src/shared/catalog/procedure';
import { validProcedure } from './fixtures';

/** Issues of a parse as `path → message`. */
function issues(value: unknown): Record<string, string> {
  const r = procedureSchema.safeParse(value, { error: vietnameseIssueMessage });
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

const withFee = (fee: Record<string, unknown>) => ({ ...validProcedure(), fees: [fee] });

describe('procedureSchema', () => {
  it('accepts a valid procedure and normalises its text to trimmed NFC', () => {
    const p = { ...validProcedure(), name: `  ${'Chứng thực bản sao'.normalize('NFD')}  ` };
    const r = procedureSchema.parse(p);
    expect(r.name).toBe('Chứng thực bản sao');
    expect(r.name).toBe(r.name.normalize('NFC'));
  });

  it('requires a national code d.dddddd', () => {
    expect(issues({ ...validProcedure(), code: '2.000815.000.00.00.H55' })).toHaveProperty('code');
    expect(issues({ ...validProcedure(), code: '2.00081' }).code).toContain('d.dddddd');
  });

  it('reports unknown enums, unknown keys and blank names in Vietnamese', () => {
    const found = issues({ ...validProcedure(), level: 'HUYEN', onlineLevel: 4, name: '   ', typo: 1 });
    expect(found.level).toBe('Giá trị "HUYEN" không hợp lệ; dùng một trong: TINH, XA.');
    expect(found.onlineLevel).toContain('TOANTRINH');
    expect(found.name).toBe('Không được để trống.');
    expect(found['']).toBe('Trường không được hỗ trợ: typo.');
  });

  it('checks the duration rules', () => {
    const d = (duration: Record<string, unknown>) => issues({ ...validProcedure(), duration });
    expect(d({ amount: 3, unit: 'WORKING_DAYS', sameDay: false })).toEqual({});
    expect(d({ amount: 3, unit: 'WEEKS', sameDay: false })['duration.unit']).toContain('WORKING_DAYS');
    expect(d({ amount: 1, unit: 'WORKING_DAYS', sameDay: true })['duration.amount']).toContain('trong ngày');
    expect(d({ amount: 0, unit: 'WORKING_DAYS', sameDay: false })['duration.amount']).toContain('lớn hơn 0');
    expect(d({ amount: 5, unit: 'WORKING_DAYS', sameDay: false, extendedAmount: 5 })['duration.extendedAmount']).toContain(
      'lớn hơn thời hạn thông thường',
    );
    expect(d({ amount: -1, unit: 'HOURS', sameDay: false })['duration.amount']).toBe('Thời hạn không được âm.');
  });

  it('checks document quantities', () => {
    const p = validProcedure();
    (p.documents as Record<string, unknown>[])[0].originals = -1;
    (p.documents as Record<string, unknown>[])[1].copies = 1.5;
    const found = issues(p);
    expect(found['documents.0.originals']).toBe('Số bản không được âm.');
    expect(found['documents.1.copies']).toBe('Số bản phải là số nguyên.');
  });

  it('rejects duplicate document codes', () => {
    const p = validProcedure();
    (p.documents as Record<string, unknown>[])[1].code = 'BC';
    expect(issues(p)['documents.1.code']).toContain('Trùng mã giấy tờ');
  });

  it('checks fee amounts by kind', () => {
    expect(issues(withFee({ code: 'F', name: 'Lệ phí', kind: 'FIXED', amount: -5 }))['fees.0.amount']).toBe('Số tiền không được âm.');
    expect(issues(withFee({ code: 'F', name: 'Lệ phí', kind: 'FIXED', amount: 1000.5 }))['fees.0.amount']).toContain('số nguyên');
    expect(issues(withFee({ code: 'F', name: 'Lệ phí', kind: 'FIXED' }))['fees.0.amount']).toBe('Thiếu mức thu.');
    expect(issues(withFee({ code: 'F', name: 'Lệ phí', kind: 'PER_COPY' }))['fees.0.amount']).toBe('Thiếu mức thu.');
    expect(issues(withFee({ code: 'F', name: 'Lệ phí', kind: 'FREE', amount: 5000 }))['fees.0.amount']).toContain('miễn phí');
    expect(issues(withFee({ code: 'F', name: 'Lệ phí', kind: 'FREE' }))).toEqual({});
    expect(issues(withFee({ code: 'F', name: 'Lệ phí', kind: 'FIXED', amount: 100, capPerCopy: 5 }))['fees.0.capPerCopy']).toBeDefined();
    expect(issues(withFee({ code: 'F', name: 'Lệ phí', kind: 'GIFT', amount: 1 }))['fees.0.kind']).toContain('PER_PAGE_TIERED');
  });

  it('requires tiers that start at page 1, follow on, and end open', () => {
    const tiered = (tiers: unknown[]) => issues(withFee({ code: 'P', name: 'Phí', kind: 'PER_PAGE_TIERED', tiers }));
    expect(tiered([{ fromPage: 1, toPage: null, pricePerPage: 1000 }])).toEqual({});
    expect(tiered([])['fees.0.tiers']).toContain('ít nhất một bậc');
    expect(tiered([{ fromPage: 2, toPage: null, pricePerPage: 1 }])['fees.0.tiers.0.fromPage']).toContain('trang 1');
    const gap = tiered([
      { fromPage: 1, toPage: 2, pricePerPage: 2 },
      { fromPage: 4, toPage: null, pricePerPage: 1 },
    ]);
    expect(gap['fees.0.tiers.1.fromPage']).toContain('trang 3');
    const closed = tiered([{ fromPage: 1, toPage: 10, pricePerPage: 2 }]);
    expect(closed['fees.0.tiers.0.toPage']).toContain('để trống');
    const openMiddle = tiered([
      { fromPage: 1, toPage: null, pricePerPage: 2 },
      { fromPage: 3, toPage: null, pricePerPage: 1 },
    ]);
    expect(openMiddle['fees.0.tiers.0.toPage']).toContain('Chỉ bậc giá cuối cùng');
    const backwards = tiered([
      { fromPage: 1, toPage: 0, pricePerPage: 2 },
      { fromPage: 1, toPage: null, pricePerPage: 1 },
    ]);
    expect(backwards['fees.0.tiers.0.toPage']).toBeDefined();
  });

  it('accepts updatedAt only with an offset', () => {
    expect(issues({ ...validProcedure(), updatedAt: '2025-07-01T08:00:00+07:00' })).toEqual({});
    expect(issues({ ...validProcedure(), updatedAt: '2025-07-01T08:00:00' }).updatedAt).toContain('múi giờ');
  });
});
