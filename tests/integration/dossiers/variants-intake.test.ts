import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { sampleIntake } from '../../support/dossier-fixtures';

// Birth registration (1.001193) has two cases in the sample catalog: on time (free, the default) and
// late (8.000 đ). The first release summed both lines, so a free registration was charged 8.000 đ.
const birth = (variantCode?: string) =>
  sampleIntake(0, {
    procedureCode: '1.001193',
    variantCode,
    documents: [{ code: 'TOKHAI', name: 'Tờ khai đăng ký khai sinh', originals: 1, certifiedCopies: 0, copies: 0 }],
    fee: { collection: 'THUTRUOC', copies: 1, pagesPerCopy: 1 },
  });

describe('procedure cases (trường hợp) at intake', () => {
  let t: TestCore;
  let tok: { admin: string; clerk: string; supervisor: string };
  beforeEach(async () => {
    t = await startTestCore({ now: new Date('2026-03-03T09:32:00+07:00') });
    tok = await t.setUpOffice();
  });
  afterEach(() => t.close());

  it('charges nothing for an on-time birth registration, the default case, and records the case', async () => {
    const d = await t.must('dossier.receive', birth(), tok.clerk);
    expect(d.feeTotal).toBe(0);
    expect(d.variant).toEqual({ code: 'DUNGHAN', name: expect.stringContaining('đúng hạn') });
    const again = await t.must('dossier.get', { id: d.id }, tok.clerk);
    expect(again.variant?.code).toBe('DUNGHAN');
    expect(again.feeTotal).toBe(0);
  });

  it('charges 8.000 đ for the late case, once, and prices the same through catalog.fees', async () => {
    const d = await t.must('dossier.receive', birth('quahan'), tok.clerk);
    expect(d.feeTotal).toBe(8_000);
    expect(d.variant?.code).toBe('QUAHAN');
    const q = await t.must('catalog.fees', { code: '1.001193', variantCode: 'QUAHAN', copies: 1, pagesPerCopy: 1 }, tok.clerk);
    expect(q.total).toBe(8_000);
    const free = await t.must('catalog.fees', { code: '1.001193', copies: 1, pagesPerCopy: 1 }, tok.clerk);
    expect([free.variantCode, free.total]).toEqual(['DUNGHAN', 0]);
  });

  it('refuses a case the procedure does not have, in Vietnamese, and saves nothing', async () => {
    const r = await t.call('dossier.receive', birth('KHAC'), tok.clerk);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toContain('không có trường hợp "KHAC"');
    }
    // A case of another procedure: the message lists the cases this one has.
    const other = await t.call('dossier.receive', sampleIntake(0, { variantCode: 'DUNGHAN' }), tok.clerk);
    expect(!other.ok && other.error.message).toContain('các trường hợp: THUONG');
    expect(t.core.app.db.prepare('SELECT count(*) n FROM dossiers').get()).toEqual({ n: 0 });
  });
});
