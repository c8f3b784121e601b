import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { getProcedure, recordProcedureUse, searchProcedures, searchQuery, applyProvincialCatalog } from '../../../src/main/catalog/catalog-service';
import type { CatalogImportOutcome } from '../../../src/shared/api/catalog-contract';
import { b64, catalogSnapshot, DOCUMENT_HEADER, FEE_HEADER, PROCEDURE_HEADER, sampleProcedures, vn, workbook } from './helpers';

let t: TestCore;
let admin: string;
let clerk: string;

beforeEach(async () => {
  t = await startTestCore({ now: vn('2026-03-02', '08:00') });
  ({ admin, clerk } = await t.setUpOffice());
});
afterEach(() => t.close());

const codes = (list: { code: string }[]) => list.map((p) => p.code);
const rejected = (o: CatalogImportOutcome) => {
  if (o.accepted) throw new Error('import was accepted');
  return o.errors;
};
const accepted = (o: CatalogImportOutcome) => {
  if (!o.accepted) throw new Error(`import was rejected: ${JSON.stringify(o.errors)}`);
  return o;
};

describe('migration 002 and seeding', () => {
  it('creates strict tables whose constraints refuse bad rows', () => {
    const db = t.core.app.db;
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN ('procedures','counter_procedures','calendar_years')").all() as { name: string; sql: string }[];
    expect(tables.map((x) => x.name).sort()).toEqual(['calendar_years', 'counter_procedures', 'procedures']);
    for (const x of tables) expect(x.sql).toMatch(/STRICT/);
    const insert = (source: string, data = '{}') =>
      db.prepare("INSERT INTO procedures (code, data, source, in_force, search_fold, updated_at) VALUES ('9.999999', ?, ?, 1, 'x', 'now')").run(data, source);
    expect(() => insert('somewhere')).toThrow(/CHECK/);
    expect(() => insert('import', 'not json')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO counter_procedures VALUES (1, '0.000000')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO calendar_years (year, data, status, source, updated_at) VALUES (2026, '{}', 'maybe', 'admin', 'now')").run()).toThrow(/CHECK/);
  });

  it('loads the sample catalog at the first read of an empty catalog, once, with an audit entry', async () => {
    expect((t.core.app.db.prepare('SELECT COUNT(*) AS n FROM procedures').get() as { n: number }).n).toBe(0);
    const all = await t.must('catalog.search', { limit: 500 }, clerk);
    expect(codes(all).sort()).toEqual(codes(sampleProcedures()).sort());
    await t.must('catalog.search', {}, clerk);
    const seeds = t.core.app.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalog.seed'").get() as { n: number };
    expect(seeds.n).toBe(1);
    expect(all.every((p) => p.source === 'sample' && p.inForce && !p.overridden)).toBe(true);
  });

  it('does not mix the sample into a catalog that started from an import', async () => {
    const own = sampleProcedures().slice(0, 2);
    accepted(await t.must('catalog.import', { fileName: 'tinh.json', contentBase64: b64(JSON.stringify(own)) }, admin));
    const all = await t.must('catalog.search', { limit: 500 }, clerk);
    expect(codes(all).sort()).toEqual(codes(own).sort());
  });
});

describe('search', () => {
  it('finds procedures without diacritics, on name or code, in any case', async () => {
    const ks = await t.must('catalog.search', { query: 'khai sinh' }, clerk);
    expect(ks.map((p) => p.name)).toContain('Đăng ký khai sinh');
    const ct = await t.must('catalog.search', { query: 'chung thuc' }, clerk);
    expect(codes(ct).sort()).toEqual(['2.000815', '2.000884']);
    expect(ct.every((p) => p.name.startsWith('Chứng thực'))).toBe(true);
    expect(codes(await t.must('catalog.search', { query: 'CHỨNG THỰC chữ ký' }, clerk))).toEqual(['2.000884']);
    expect(codes(await t.must('catalog.search', { query: '001193' }, clerk))).toEqual(['1.001193']);
    expect(codes(await t.must('catalog.search', { query: 'ho kinh doanh' }, clerk))).toEqual(['1.001612']);
    expect(await t.must('catalog.search', { query: 'khai sinh xyz' }, clerk)).toEqual([]);
    // LIKE wildcards typed by the user are literal characters.
    expect(await t.must('catalog.search', { query: '%' }, clerk)).toEqual([]);
  });

  it('lists the most used procedures first', async () => {
    await t.must('catalog.search', {}, clerk); // seed
    const app = t.core.app;
    for (let i = 0; i < 3; i++) recordProcedureUse(app, '2.000884');
    recordProcedureUse(app, '2.000815');
    expect(codes(searchProcedures(app, { query: 'chung thuc' }))).toEqual(['2.000884', '2.000815']);
    const all = await t.must('catalog.search', {}, clerk);
    expect(codes(all).slice(0, 2)).toEqual(['2.000884', '2.000815']);
    expect(all[0].usageCount).toBe(3);
  });

  it('uses the usage index for the intake list and the primary keys for lookups (EXPLAIN QUERY PLAN)', async () => {
    await t.must('catalog.search', {}, clerk);
    const app = t.core.app;
    const plan = (sql: string, params: unknown[]) =>
      (app.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

    const q = searchQuery(app, { query: 'chung thuc' });
    const p1 = plan(q.sql, q.params);
    expect(p1).toMatch(/USING INDEX procedures_by_use \(in_force=\?\)/);
    expect(p1).not.toMatch(/TEMP B-TREE/);

    await t.must('catalog.setCounterProcedures', { counterNumber: 2, codes: ['2.000815', '2.000884'] }, admin);
    const q2 = searchQuery(app, { query: 'chung', counterNumber: 2 });
    const p2 = plan(q2.sql, q2.params);
    expect(p2).toMatch(/counter_procedures USING PRIMARY KEY \(counter_number=\?\)/);
    expect(p2).not.toMatch(/TEMP B-TREE/);

    expect(plan('SELECT * FROM procedures WHERE code = ?', ['1.001193'])).toMatch(/USING INDEX sqlite_autoindex_procedures_1 \(code=\?\)/);
  });

  it('limits a counter to its selected procedures; a counter without selection offers everything', async () => {
    await t.must('catalog.setCounterProcedures', { counterNumber: 2, codes: ['2.000815', '2.000884'] }, admin);
    expect(codes(await t.must('catalog.search', { counterNumber: 2 }, clerk)).sort()).toEqual(['2.000815', '2.000884']);
    expect(codes(await t.must('catalog.search', { counterNumber: 2, query: 'khai sinh' }, clerk))).toEqual([]);
    expect(await t.must('catalog.search', { counterNumber: 3 }, clerk)).toHaveLength(sampleProcedures().length);
    expect((await t.must('catalog.getCounterProcedures', { counterNumber: 2 }, clerk)).codes).toEqual(['2.000815', '2.000884']);
    const bad = await t.call('catalog.setCounterProcedures', { counterNumber: 2, codes: ['9.999999'] }, admin);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('9.999999');
    const forbidden = await t.call('catalog.setCounterProcedures', { counterNumber: 2, codes: [] }, clerk);
    expect(forbidden.ok || forbidden.error.code).toBe('FORBIDDEN');
    await t.must('catalog.setCounterProcedures', { counterNumber: 2, codes: [] }, admin);
    expect(await t.must('catalog.search', { counterNumber: 2 }, clerk)).toHaveLength(sampleProcedures().length);
  });
});

describe('fees', () => {
  it('computes the certified-copy fee per page with the per-copy cap (Circular 226/2016)', async () => {
    const fee = (copies: number, pagesPerCopy: number) => t.must('catalog.fees', { code: '2.000815', copies, pagesPerCopy }, clerk);
    expect((await fee(1, 1)).total).toBe(2_000);
    expect((await fee(1, 5)).total).toBe(2 * 2_000 + 3 * 1_000);
    expect((await fee(3, 5)).total).toBe(3 * 7_000);
    expect((await fee(1, 150)).total).toBe(2 * 2_000 + 148 * 1_000);
    expect((await fee(2, 400)).total).toBe(2 * 200_000);
    expect((await fee(2, 400)).lines[0].capped).toBe(true);
    expect((await t.must('catalog.fees', { code: '2.000884' }, clerk)).total).toBe(10_000);
    expect((await t.must('catalog.fees', { code: '2.000908' }, clerk)).total).toBe(0);
    const missingPages = await t.call('catalog.fees', { code: '2.000815', copies: 1 }, clerk);
    expect(missingPages.ok).toBe(false);
    if (!missingPages.ok) expect(missingPages.error.message).toMatch(/Số trang/);
  });
});

describe('administrator edits', () => {
  it('changes a fee, keeps the original beside it, audits, and refuses a clerk', async () => {
    const before = await t.must('catalog.get', { code: '2.000884' }, admin);
    const fees = [{ ...before.procedure.fees[0], amount: 15_000 }];
    const r = await t.call('catalog.update', { code: '2.000884', fees }, clerk);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    const after = await t.must('catalog.update', { code: '2.000884', fees }, admin);
    expect(after.procedure.fees[0].amount).toBe(15_000);
    expect(after.original.fees[0].amount).toBe(10_000);
    expect(Object.keys(after.overrides)).toEqual(['fees']);
    expect((await t.must('catalog.fees', { code: '2.000884' }, clerk)).total).toBe(15_000);
    expect((await t.must('catalog.search', { query: 'chu ky' }, clerk))[0].overridden).toBe(true);
    const audit = t.core.app.db.prepare("SELECT entity, entity_id, detail FROM audit_log WHERE action = 'catalog.update'").all() as { entity_id: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].entity_id).toBe('2.000884');
    // Back to the source with null.
    const reverted = await t.must('catalog.update', { code: '2.000884', fees: null }, admin);
    expect(reverted.overrides).toEqual({});
    expect((await t.must('catalog.fees', { code: '2.000884' }, clerk)).total).toBe(10_000);
  });

  it('refuses an inconsistent edit with the field and a Vietnamese message, changing nothing', async () => {
    await t.must('catalog.search', {}, clerk);
    const before = catalogSnapshot(t.core.app.db);
    const r = await t.call('catalog.update', { code: '1.004873', duration: { amount: 0, unit: 'WORKING_DAYS', sameDay: false } }, admin);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toContain('Thời hạn phải lớn hơn 0');
    }
    const tiers = await t.call(
      'catalog.update',
      { code: '2.000815', fees: [{ code: 'P', name: 'Phí', kind: 'PER_PAGE_TIERED', tiers: [{ fromPage: 2, toPage: null, pricePerPage: 1000 }] }] },
      admin,
    );
    expect(tiers.ok).toBe(false);
    if (!tiers.ok) expect(tiers.error.message).toContain('Bậc giá phải bắt đầu từ trang 1');
    expect(catalogSnapshot(t.core.app.db)).toEqual(before);
  });
});

describe('imports and merge rules', () => {
  it('updates in place by code, keeps local edits, keeps withdrawn procedures retrievable but hidden', async () => {
    // Local edit first: the administrator raises the certified-copy cap.
    const detail = await t.must('catalog.get', { code: '2.000815' }, admin);
    const localFees = [{ ...detail.procedure.fees[0], capPerCopy: 250_000 }];
    await t.must('catalog.update', { code: '2.000815', fees: localFees }, admin);
    recordProcedureUse(t.core.app, '2.000815');
    await t.must('catalog.setCounterProcedures', { counterNumber: 1, codes: ['2.000815', '2.000908'] }, admin);

    const list = sampleProcedures();
    const cc = list.find((p) => p.code === '2.000815')!;
    cc.name = 'Chứng thực bản sao từ bản chính (tên mới)';
    cc.fees[0].capPerCopy = 180_000; // the source changes too…
    list.find((p) => p.code === '2.000908')!.inForce = false;
    list.push({ ...list[0], code: '1.999999', name: 'Thủ tục thử nghiệm mới', documents: [], fees: [] });

    const out = accepted(await t.must('catalog.import', { fileName: 'danh-muc.json', contentBase64: b64(JSON.stringify({ procedures: list })) }, admin));
    expect(out.added).toEqual(['1.999999']);
    expect(out.updated.sort()).toEqual(['2.000815', '2.000908']);
    expect(out.withdrawn).toEqual(['2.000908']);
    expect(out.keptOverrides).toEqual(['2.000815']);
    expect(out.unchanged).toHaveLength(list.length - 3);

    // …but the administrator's edit still applies; the new name arrived; usage and counter selection are untouched.
    const after = await t.must('catalog.get', { code: '2.000815' }, clerk);
    expect(after.procedure.name).toBe('Chứng thực bản sao từ bản chính (tên mới)');
    expect(after.procedure.fees[0].capPerCopy).toBe(250_000);
    expect(after.original.fees[0].capPerCopy).toBe(180_000);
    expect(after.source).toBe('import');
    expect(after.usageCount).toBe(1);
    expect((await t.must('catalog.fees', { code: '2.000815', copies: 1, pagesPerCopy: 300 }, clerk)).total).toBe(250_000);

    // Withdrawn: hidden from intake search, still there by code (old dossiers) and for the administrator.
    expect(codes(await t.must('catalog.search', { query: 'so goc' }, clerk))).toEqual([]);
    expect(codes(await t.must('catalog.search', { query: 'so goc', includeWithdrawn: true }, admin))).toEqual(['2.000908']);
    expect(codes(await t.must('catalog.search', { counterNumber: 1 }, clerk))).toEqual(['2.000815']);
    expect(getProcedure(t.core.app, '2.000908')?.inForce).toBe(false);
    expect((await t.must('catalog.get', { code: '2.000908' }, clerk)).procedure.inForce).toBe(false);
    expect((await t.must('catalog.getCounterProcedures', { counterNumber: 1 }, clerk)).codes).toEqual(['2.000815', '2.000908']);

    // The same file again changes nothing.
    const again = accepted(await t.must('catalog.import', { fileName: 'danh-muc.json', contentBase64: b64(JSON.stringify({ procedures: list })) }, admin));
    expect(again.added.length + again.updated.length).toBe(0);
    expect(again.unchanged).toHaveLength(list.length);
  });

  it('rejects a JSON file with bad rows, reporting every one, and leaves the database unchanged', async () => {
    await t.must('catalog.search', {}, clerk);
    const before = catalogSnapshot(t.core.app.db);
    const list: unknown[] = sampleProcedures();
    (list[1] as Record<string, unknown>).code = '1000894';
    (list[3] as { fees: { amount: number }[] }).fees[0].amount = -5;
    (list[3] as Record<string, unknown>).level = 'HUYEN';
    list[5] = { ...(list[5] as object), name: '' };
    (list[6] as Record<string, unknown>).name = 'Đổi tên, nhưng tệp có lỗi nên không được lưu';
    const errors = rejected(await t.must('catalog.import', { fileName: 'loi.json', contentBase64: b64(JSON.stringify(list)) }, admin));
    const byRow = (row: number) => errors.filter((e) => e.row === row).map((e) => e.field).sort();
    expect(byRow(2)).toEqual(['code']);
    expect(byRow(4)).toEqual(['fees[0].amount', 'level']);
    expect(byRow(6)).toEqual(['name']);
    expect(new Set(errors.map((e) => e.row))).toEqual(new Set([2, 4, 6]));
    expect(errors.every((e) => /[àáảãạăâđêôơư]/i.test(e.message) || /Mã|Giá trị|Không/.test(e.message))).toBe(true);
    expect(catalogSnapshot(t.core.app.db)).toEqual(before);

    const broken = rejected(await t.must('catalog.import', { fileName: 'hong.json', contentBase64: b64('{"procedures": [') }, admin));
    expect(broken[0].message).toMatch(/Không đọc được tệp JSON/);
    const wrongType = rejected(await t.must('catalog.import', { fileName: 'danh-muc.csv', contentBase64: b64('a,b') }, admin));
    expect(wrongType[0].message).toMatch(/\.json hoặc \.xlsx/);
    expect(catalogSnapshot(t.core.app.db)).toEqual(before);
  });

  it('rejects two procedures with the same national code (province codes differ)', async () => {
    await t.must('catalog.search', {}, clerk);
    const before = catalogSnapshot(t.core.app.db);
    const [a] = sampleProcedures();
    const list = [
      { ...a, localCode: '1.001193.000.00.00.H55' },
      { ...a, localCode: '1.001193.000.00.00.H56' },
    ];
    const errors = rejected(await t.must('catalog.import', { fileName: 'trung.json', contentBase64: b64(JSON.stringify(list)) }, admin));
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('1.001193');
    expect(catalogSnapshot(t.core.app.db)).toEqual(before);
  });

  it('rejects an XLSX file with bad rows on several sheets, reporting every one with its sheet, row and column', async () => {
    await t.must('catalog.search', {}, clerk);
    const before = catalogSnapshot(t.core.app.db);
    const file = await workbook({
      ThuTuc: [
        PROCEDURE_HEADER,
        ['1.001193', null, 'Đăng ký khai sinh (sửa)', 'HOTICH', 'Hộ tịch', 'Cấp xã', 'UBND cấp xã', 'Toàn trình', 0, 'Ngày làm việc', 'Có', null, null, 'Có'],
        ['1.00x', null, 'Mã sai', 'HOTICH', 'Hộ tịch', 'Cấp xã', 'UBND cấp xã', 'Toàn trình', 3, 'Ngày làm việc', 'Không', null, null, 'Có'],
        ['1.004873', null, 'Xác nhận tình trạng hôn nhân', 'HOTICH', 'Hộ tịch', 'Cấp huyện', 'UBND cấp xã', 'Toàn trình', 3, 'Tuần', 'Không', null, null, 'Có'],
      ],
      ThanhPhanHoSo: [DOCUMENT_HEADER, ['1.001193', 'KS-01', 'Tờ khai', 'Có', 1, 0, 0], ['9.999999', 'X-01', 'Giấy tờ lạc', 'Có', 1, 0, 0]],
      PhiLePhi: [FEE_HEADER, ['1.001193', 'LP', 'Lệ phí', 'Cố định', 'mười nghìn', null, null, null]],
    });
    const errors = rejected(await t.must('catalog.import', { fileName: 'danh-muc.xlsx', contentBase64: b64(file) }, admin));
    const at = errors.map((e) => `${e.sheet}!${e.row} ${e.field}`);
    expect(at).toEqual(
      expect.arrayContaining([
        'ThuTuc!3 Mã TTHC',
        'ThuTuc!4 Cấp thực hiện',
        'ThuTuc!4 Đơn vị thời hạn',
        'ThanhPhanHoSo!3 Mã TTHC',
        'PhiLePhi!2 Mức thu',
      ]),
    );
    expect(errors.some((e) => e.sheet === 'ThuTuc' && e.row === 2)).toBe(false);
    expect(catalogSnapshot(t.core.app.db)).toEqual(before);
  });

  it('imports a valid XLSX file and merges it', async () => {
    await t.must('catalog.search', {}, clerk);
    const file = await workbook({
      ThuTuc: [
        PROCEDURE_HEADER,
        ['1.001612', null, 'Đăng ký thành lập hộ kinh doanh', 'HKD', 'Thành lập và hoạt động của hộ kinh doanh', 'Cấp xã', 'UBND cấp xã', 'Một phần', 3, 'Ngày làm việc', 'Không', null, null, 'Có'],
        ['2.002000', '2.002000.000.00.00.H56', 'Thủ tục mới của tỉnh', 'KHAC', 'Khác', 'Cấp tỉnh', 'Sở Tư pháp', 'Một phần', 10, 'Ngày', 'Không', null, null, 'Có'],
      ],
      ThanhPhanHoSo: [DOCUMENT_HEADER, ['1.001612', 'HKD-01', 'Giấy đề nghị đăng ký hộ kinh doanh', 'Có', 1, 0, 0]],
      PhiLePhi: [FEE_HEADER, ['1.001612', 'LP-HKD', 'Lệ phí đăng ký hộ kinh doanh', 'Cố định', '120.000', null, null, null]],
    });
    const out = accepted(await t.must('catalog.import', { fileName: 'Danh muc.XLSX', contentBase64: b64(file) }, admin));
    expect(out.added).toEqual(['2.002000']);
    expect(out.updated).toEqual(['1.001612']);
    expect((await t.must('catalog.fees', { code: '1.001612' }, clerk)).total).toBe(120_000);
    expect(codes(await t.must('catalog.search', { query: 'thu tuc moi cua tinh' }, clerk))).toEqual(['2.002000']);
    // The province's own code finds it too, and a lookup by the suffixed code resolves to the national one.
    expect(codes(await t.must('catalog.search', { query: 'H56' }, clerk))).toEqual(['2.002000']);
    expect(getProcedure(t.core.app, '2.002000.000.00.00.H56')?.code).toBe('2.002000');
  });
});

describe('provincial catalog (LayDanhSachTTHC)', () => {
  it('maps and merges the feed with the same rules, reporting bad items and applying the rest', async () => {
    const detail = await t.must('catalog.get', { code: '1.004873' }, admin);
    await t.must('catalog.update', { code: '1.004873', fees: [{ ...detail.procedure.fees[0], amount: 12_000 }] }, admin);
    const thuTuc = (code: string, name: string, extra: Record<string, unknown> = {}) => ({
      MaTTHC: code,
      TenTTHC: name,
      MaLinhVuc: 'HOTICH',
      TenLinhVuc: 'Hộ tịch',
      CapThucHien: 'XA',
      CoQuanThucHien: 'UBND cấp xã',
      MucDo: 'MOTPHAN',
      ThoiHanGiaiQuyet: { SoNgay: 5, DonVi: 'NGAYLAMVIEC', TrongNgay: false },
      ThanhPhanHoSo: [{ MaThanhPhan: 'TP1', TenGiayTo: 'Tờ khai', SoBanChinh: 1, SoBanSao: 0, BatBuoc: true }],
      PhiLePhi: [{ MaPhiLePhi: 'LP1', TenPhiLePhi: 'Lệ phí', MucThu: 15000, MoTa: '' }],
      HieuLuc: '1',
      ...extra,
    });
    const result = applyProvincialCatalog(t.core.app, [
      thuTuc('1.004873.000.00.00.H56', 'Cấp Giấy xác nhận tình trạng hôn nhân'),
      thuTuc('2.000908', 'Cấp bản sao từ sổ gốc', { HieuLuc: '0' }),
      thuTuc('1.00487', 'Mã hỏng'),
      thuTuc('2.003000', 'Thủ tục mới từ tỉnh', { ThoiHanGiaiQuyet: { SoNgay: 2, DonVi: 'TUAN', TrongNgay: false } }),
      thuTuc('2.004000', 'Thủ tục tỉnh hợp lệ'),
    ]);
    expect(result.added).toEqual(['2.004000']);
    expect(result.updated.sort()).toEqual(['1.004873', '2.000908']);
    expect(result.withdrawn).toEqual(['2.000908']);
    expect(result.keptOverrides).toEqual(['1.004873']);
    expect([...new Set(result.errors.map((e) => e.index))]).toEqual([2, 3]);
    expect(result.errors.find((e) => e.index === 3)?.field).toBe('ThoiHanGiaiQuyet.DonVi');

    const p = await t.must('catalog.get', { code: '1.004873' }, clerk);
    expect(p.source).toBe('provincial');
    expect(p.procedure.duration.amount).toBe(5);
    expect(p.procedure.fees[0].amount).toBe(12_000); // local edit kept
    expect(p.procedure.localCode).toBe('1.004873.000.00.00.H56');
    expect(codes(await t.must('catalog.search', { query: 'so goc' }, clerk))).toEqual([]);
    const audit = t.core.app.db.prepare("SELECT detail FROM audit_log WHERE action = 'catalog.provincialPull'").get() as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ added: 1, updated: 2, rejected: 2 });
  });
});
