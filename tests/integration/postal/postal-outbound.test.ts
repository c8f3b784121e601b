import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { makeTempDir } from '../../support/temp-dir';
import { sampleIntake } from '../../support/dossier-fixtures';
import { mapHoSo } from '../../../src/main/sync/hoso-mapper';
import { getRowById } from '../../../src/main/dossiers/dossier-repo';
import type { DossierView } from '../../../src/shared/dossiers/dossier-schemas';
import { pdfText, postalIntake, s10, withWrongDigit } from './postal-fixtures';

const POSTMAN = { employeeName: 'Đỗ Minh Tuấn', employeePhone: '0978111222', postOffice: 'Bưu cục Kim Mã' };

describe('postal outbound: results handed to the post, dossiers returned with their item code and fee', () => {
  let t: TestCore;
  let tok: { admin: string; clerk: string; supervisor: string };
  let tmp: ReturnType<typeof makeTempDir>;
  let inCodes: string[];
  let byPost: DossierView[];
  let atCounter: DossierView;
  let incompleteItemId: string;

  const finish = async (id: string) => {
    await t.must('dossier.act', { dossierId: id, action: 'transfer', body: 'Công chức Tư pháp - Hộ tịch' }, tok.clerk);
    return t.must('dossier.act', { dossierId: id, action: 'resultReady', resultDocuments: [{ name: 'Bản sao đã chứng thực' }] }, tok.clerk);
  };

  beforeEach(async () => {
    t = await startTestCore({ now: new Date('2026-03-03T08:30:00+07:00') });
    tok = await t.setUpOffice();
    tmp = makeTempDir('motcua-postal-out-');
    // Two postal dossiers in by post (one with an incomplete neighbour), one walk-in to collect at the counter.
    inCodes = [s10('55500001', 'EL'), s10('55500002', 'EL'), s10('55500003', 'EL')];
    const h = await t.must('postal.openInbound', POSTMAN, tok.clerk);
    for (const c of inCodes) await t.must('postal.addItem', { handoverId: h.id, postalCode: c }, tok.clerk);
    byPost = [];
    for (const [i, c] of inCodes.slice(0, 2).entries()) {
      byPost.push((await t.must('postal.receiveItem', { handoverId: h.id, postalCode: c, intake: postalIntake(i, { sets: i + 1 }) }, tok.clerk)).dossier);
    }
    const inc = await t.must('postal.markIncomplete', { handoverId: h.id, postalCode: inCodes[2], procedureCode: '1.001193', applicant: sampleIntake(4).applicant, reason: 'Thiếu giấy chứng sinh' }, tok.clerk);
    incompleteItemId = inc.handover.items[2].id;
    await t.must('postal.closeInbound', { handoverId: h.id }, tok.clerk);
    atCounter = await t.must('dossier.receive', sampleIntake(3), tok.clerk);
    t.clock.set(new Date('2026-03-05T14:00:00+07:00'));
    tok = await t.relogin();
    for (const d of [...byPost, atCounter]) await finish(d.id);
  });
  afterEach(() => {
    t.close();
    tmp.cleanup();
  });

  it('lists what waits to leave by post: ready results with delivery by post, and incomplete items to send back', async () => {
    const c = await t.must('postal.outboundCandidates', {}, tok.clerk);
    expect(c.filter((x) => x.kind === 'result').map((x) => [x.dossierCode, x.inboundPostalCode, x.sets])).toEqual([
      [byPost[0].code, inCodes[0], 1],
      [byPost[1].code, inCodes[1], 2],
    ]);
    expect(c.filter((x) => x.kind === 'supplementReturn').map((x) => [x.inboundItemId, x.ownerName, x.inboundPostalCode])).toEqual([[incompleteItemId, 'Đặng Quốc Việt', inCodes[2]]]);
    expect(c.some((x) => x.dossierId === atCounter.id)).toBe(false);
  });

  it('refuses the whole hand-over when one line is wrong: bad check digit, counter delivery, code in an open hand-over', async () => {
    const out = [s10('66600001'), s10('66600002')];
    const wrong = await t.call('postal.handOver', { ...POSTMAN, items: [{ dossierId: byPost[0].id, postalCode: out[0] }, { dossierId: byPost[1].id, postalCode: withWrongDigit(out[1]) }] }, tok.clerk);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error.code).toBe('VALIDATION');
      expect(wrong.error.message).toMatch(/^Dòng 2: .*sai số kiểm tra/);
      expect(wrong.error.fields).toHaveProperty('items.1.postalCode');
      expect(wrong.error.fields).toHaveProperty('items.1.confirmNonS10');
    }
    const counter = await t.call('postal.handOver', { ...POSTMAN, items: [{ dossierId: atCounter.id, postalCode: out[0] }] }, tok.clerk);
    expect(!counter.ok && counter.error.message).toContain('tại Bộ phận Một cửa');
    const dupLine = await t.call('postal.handOver', { ...POSTMAN, items: [{ dossierId: byPost[0].id, postalCode: out[0] }, { dossierId: byPost[1].id, postalCode: out[0] }] }, tok.clerk);
    expect(!dupLine.ok && dupLine.error.message).toContain('Trùng mã');
    // A code still sitting in an open inbound hand-over cannot also leave in an outbound one.
    const open = await t.must('postal.openInbound', POSTMAN, tok.clerk);
    await t.must('postal.addItem', { handoverId: open.id, postalCode: out[1] }, tok.clerk);
    const held = await t.call('postal.handOver', { ...POSTMAN, items: [{ dossierId: byPost[1].id, postalCode: out[1] }] }, tok.clerk);
    expect(!held.ok && held.error.message).toContain(open.number);
    // Nothing moved.
    for (const d of byPost) expect((await t.must('dossier.get', { id: d.id }, tok.clerk)).status).toBe('9');
    expect(t.core.app.db.prepare("SELECT count(*) n FROM postal_handovers WHERE direction = 'OUT'").get()).toEqual({ n: 0 });
  });

  it('hands over: status 10 with the item code kept, fee with the dossier fees, slip lists every item with totals', async () => {
    const out = [s10('77700001'), s10('77700002'), s10('77700003')];
    const feesBefore = byPost[1].feeTotal;
    const r = await t.must(
      'postal.handOver',
      {
        ...POSTMAN,
        items: [
          { dossierId: byPost[0].id, postalCode: out[0] },
          { dossierId: byPost[1].id, postalCode: out[1].toLowerCase(), postalFee: 25_000 },
          { inboundItemId: incompleteItemId, postalCode: out[2] },
        ],
      },
      tok.clerk,
    );
    expect(r.handover).toMatchObject({ direction: 'OUT', state: 'closed', number: 'BG-260305-01', slipDocumentId: r.document.id });
    expect(r.handover.counts).toMatchObject({ items: 3, returned: 3, sets: 4, postalFees: 25_000 });
    expect(r.warnings).toEqual([]);

    const d0 = await t.must('dossier.get', { id: byPost[0].id }, tok.clerk);
    const d1 = await t.must('dossier.get', { id: byPost[1].id }, tok.clerk);
    for (const [d, code] of [[d0, out[0]], [d1, out[1]]] as const) {
      expect(d.status).toBe('10');
      expect(d.postalCode).toBe(code);
      expect(d.returnedAt).toMatch(/^2026-03-05T14:00/);
      expect(d.steps.at(-1)).toMatchObject({ action: 'returned', toStatus: '10' });
    }
    expect(d0.fees.some((f) => f.name === 'Cước bưu chính')).toBe(false);
    expect(d1.fees.at(-1)).toEqual({ code: '', name: 'Cước bưu chính', amount: 25_000, collection: 'THUSAU' });
    expect(d1.feeTotal).toBe(feesBefore + 25_000);
    // The provincial record carries the item code of the result and "by post".
    const hoso = mapHoSo(t.core.app.db, getRowById(t.core.app.db, d1.id)!);
    expect(hoso).toMatchObject({ TrangThaiHoSo: '10', HinhThuc: '1', MaBuuGui: out[1] });
    expect(hoso.DanhSachLePhi?.at(-1)).toEqual({ HinhThucThu: 'THUSAU', Gia: 25_000, TenPhiLePhi: 'Cước bưu chính' });
    // The return step is queued for the province.
    expect(t.core.app.db.prepare("SELECT count(*) n FROM outbox WHERE entity_id = ? AND kind = 'progress'").get(d1.id)).toEqual({ n: 3 });

    // Nothing waits any more.
    expect(await t.must('postal.outboundCandidates', {}, tok.clerk)).toEqual([]);
    // A dossier already returned cannot be handed over twice.
    const again = await t.call('postal.handOver', { ...POSTMAN, items: [{ dossierId: d0.id, postalCode: s10('77700009') }] }, tok.clerk);
    expect(!again.ok && again.error.message).toContain('Đã trả kết quả');

    const { layout, flat } = pdfText(r.document.pdfBase64, tmp.dir);
    expect(flat).toContain('PHIẾU BÀN GIAO KẾT QUẢ GIẢI QUYẾT HỒ SƠ');
    expect(flat).toContain('Số: BG-260305-01');
    expect(flat).toContain('Đỗ Minh Tuấn');
    expect(flat).toContain('Bưu cục Kim Mã');
    const rowOf = (code: string) => layout.split('\n').find((l) => l.includes(code)) ?? '';
    const esc = (s: string) => s.replace(/\./g, '\\.');
    expect(rowOf(out[0])).toMatch(new RegExp(`^\\s*1\\s+${out[0]}\\s+${esc(d0.code)}\\s+Nguyễn Văn.*Chứng thực.*\\s1(\\s|$)`));
    expect(rowOf(out[1])).toMatch(new RegExp(`^\\s*2\\s+${out[1]}\\s+${esc(d1.code)}\\s+Trần Thị.*Chứng thực.*\\s2(\\s|$)`));
    expect(rowOf(out[2])).toMatch(new RegExp(`^\\s*3\\s+${out[2]}\\s+Chưa cấp mã\\s+Đặng Quốc.*Đăng ký khai.*\\s1(\\s|$)`));
    expect(flat).toContain('25.000 đ');
    expect(flat).toContain('Tổng cộng: 3 hồ sơ');
    expect(flat).toContain('Tổng số: 3 hồ sơ, 4 bộ');
    // The sender is the counter, the receiver the postal employee.
    expect(flat).toMatch(/Bên giao: Ông\/Bà Trần Thị Cán Bộ.*Bên nhận: Ông\/Bà Đỗ Minh Tuấn/);
  });

  it('finds a dossier by the postal item code it came in under, then by the one its result left under', async () => {
    const byCode = async (q: string) => (await t.must('dossier.search', { query: q }, tok.clerk)).items.map((i) => i.code);
    expect(await byCode(inCodes[1])).toEqual([byPost[1].code]);
    expect(await byCode(inCodes[1].toLowerCase())).toEqual([byPost[1].code]);
    const out = s10('88800001');
    expect(await byCode(out)).toEqual([]);
    await t.must('postal.handOver', { ...POSTMAN, items: [{ dossierId: byPost[1].id, postalCode: out }] }, tok.clerk);
    expect(await byCode(out)).toEqual([byPost[1].code]);
    // The code it came in under still finds it after the result left by post.
    expect(await byCode(inCodes[1])).toEqual([byPost[1].code]);
  });

  it('accepts a confirmed non-S10 code and warns on another shape', async () => {
    const r = await t.must(
      'postal.handOver',
      { ...POSTMAN, items: [{ dossierId: byPost[0].id, postalCode: withWrongDigit(s10('99900001')), confirmNonS10: true }, { dossierId: byPost[1].id, postalCode: 'BD0099887' }] },
      tok.clerk,
    );
    expect(r.handover.items.map((i) => i.codeKind)).toEqual(['confirmed', 'not-s10']);
    expect(r.warnings).toHaveLength(2);
  });
});
