import { describe, expect, it } from 'vitest';
import { computeFee, computeFees } from '../../../src/shared/catalog/fees';
import { procedureSchema, type Procedure, type ProcedureFee } from '../../../src/shared/catalog/procedure';
import { loadSampleCatalogJson } from './fixtures';

const catalog = loadSampleCatalogJson().procedures.map((p) => procedureSchema.parse(p));
const byCode = (code: string): Procedure => {
  const p = catalog.find((x) => x.code === code);
  if (!p) throw new Error(`missing ${code}`);
  return p;
};
const certifiedCopy = byCode('2.000815').fees[0];

/** Hand-computed price of one certified copy: 2.000 đ for each of pages 1–2, 1.000 đ after, cap 200.000 đ. */
const expectedCopyPrice = (pages: number) => Math.min(2000 * Math.min(pages, 2) + 1000 * Math.max(pages - 2, 0), 200_000);

describe('computeFee: certified copies (tiered per page, capped per copy)', () => {
  it.each([
    [1, 2_000],
    [2, 4_000],
    [3, 5_000],
    [10, 12_000],
    [198, 200_000],
    [199, 200_000],
    [300, 200_000],
  ])('%i page(s) → %i đ', (pages, amount) => {
    expect(amount).toBe(expectedCopyPrice(pages));
    expect(computeFee(certifiedCopy, { pagesPerCopy: pages })).toEqual({ ok: true, value: amount });
  });

  it('multiplies by the number of copies, after the cap', () => {
    expect(computeFee(certifiedCopy, { copies: 3, pagesPerCopy: 10 })).toEqual({ ok: true, value: 36_000 });
    expect(computeFee(certifiedCopy, { copies: 3, pagesPerCopy: 300 })).toEqual({ ok: true, value: 600_000 });
  });

  it('matches the hand formula for every page count up to 400', () => {
    for (let pages = 1; pages <= 400; pages++) {
      expect(computeFee(certifiedCopy, { copies: 2, pagesPerCopy: pages })).toEqual({ ok: true, value: 2 * expectedCopyPrice(pages) });
    }
  });

  it.each([
    [{ pagesPerCopy: 0 }, 'Số trang'],
    [{}, 'Số trang'],
    [{ pagesPerCopy: 2.5 }, 'Số trang'],
    [{ pagesPerCopy: -3 }, 'Số trang'],
    [{ pagesPerCopy: 3, copies: 0 }, 'Số bản'],
    [{ pagesPerCopy: 3, copies: -1 }, 'Số bản'],
  ])('rejects %j', (input, fragment) => {
    const r = computeFee(certifiedCopy, input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(fragment);
  });

  it('is uncapped when no cap is set', () => {
    const fee: ProcedureFee = { ...certifiedCopy, capPerCopy: undefined };
    expect(computeFee(fee, { pagesPerCopy: 300 })).toEqual({ ok: true, value: 302_000 });
  });
});

describe('computeFee: other kinds', () => {
  it('free fees cost nothing', () => {
    expect(computeFee(byCode('1.000894').fees[0], { copies: 4 })).toEqual({ ok: true, value: 0 });
  });

  it('a fixed fee is per case, whatever the copies', () => {
    const signature = byCode('2.000884').fees[0];
    expect(computeFee(signature)).toEqual({ ok: true, value: 10_000 });
    expect(computeFee(signature, { copies: 5 })).toEqual({ ok: true, value: 10_000 });
  });

  it('a per-copy fee multiplies', () => {
    const extract: ProcedureFee = { code: 'X', name: 'Phí trích lục', kind: 'PER_COPY', amount: 8_000 };
    expect(computeFee(extract, { copies: 3 })).toEqual({ ok: true, value: 24_000 });
  });
});

describe('computeFees', () => {
  it('lists each fee and totals them', () => {
    const r = computeFees(byCode('2.000815'), { copies: 2, pagesPerCopy: 250 });
    expect(r).toEqual({
      ok: true,
      value: {
        lines: [
          {
            code: certifiedCopy.code,
            name: certifiedCopy.name,
            kind: 'PER_PAGE_TIERED',
            copies: 2,
            pagesPerCopy: 250,
            amount: 400_000,
            capped: true,
          },
        ],
        total: 400_000,
      },
    });
  });

  it('charges only the chosen fees when some are alternatives', () => {
    const birth = byCode('1.001193');
    const late = birth.fees.find((f) => f.kind === 'FIXED');
    expect(late).toBeDefined();
    // Alternatives are never summed: without a choice the default line (free when on time) applies.
    const byDefault = computeFees(birth);
    const onTime = computeFees(birth, { feeCodes: birth.fees.filter((f) => f.kind === 'FREE').map((f) => f.code) });
    const lateOnly = computeFees(birth, { feeCodes: [late!.code] });
    expect(byDefault.ok && byDefault.value.total).toBe(0);
    expect(onTime.ok && onTime.value.total).toBe(0);
    expect(lateOnly.ok && lateOnly.value.total).toBe(late!.amount);
    expect(computeFees(birth, { feeCodes: birth.fees.map((f) => f.code) })).toEqual({
      ok: false,
      error: 'Các khoản "Lệ phí đăng ký khai sinh đúng hạn" và "Lệ phí đăng ký khai sinh quá hạn" loại trừ nhau: chỉ chọn một khoản.',
    });
    expect(computeFees(birth, { feeCodes: ['KHONG-CO'] })).toEqual({
      ok: false,
      error: 'Thủ tục 1.001193 không có khoản phí, lệ phí mã: KHONG-CO.',
    });
  });

  it('takes per-fee copies and pages over the shared ones', () => {
    const proc: Procedure = {
      ...byCode('2.000815'),
      fees: [certifiedCopy, { code: 'PC', name: 'Phí theo bản', kind: 'PER_COPY', amount: 5_000 }],
    };
    const r = computeFees(proc, { copies: 1, pagesPerCopy: 3, perFee: { PC: { copies: 4 } } });
    expect(r.ok && r.value.lines.map((l) => l.amount)).toEqual([5_000, 20_000]);
    expect(r.ok && r.value.total).toBe(25_000);
  });

  it('fails as a whole when one line is invalid', () => {
    const r = computeFees(byCode('2.000815'), { pagesPerCopy: 0 });
    expect(r.ok).toBe(false);
  });
});
