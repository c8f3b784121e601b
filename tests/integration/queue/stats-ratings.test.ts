import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { ProvincialClient } from '../../../src/main/sync/provincial-client';
import type { DanhGia } from '../../../src/shared/sync/provincial-types';
import { startProvincialDouble } from '../../support/provincial-double';
import { TEST_AGENCY } from '../../support/core';
import { startQueueOffice, type QueueOffice } from './queue-fixture';

let office: QueueOffice | null = null;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  office?.t.close();
  office = null;
  while (cleanups.length) await cleanups.pop()!();
});

const DOSSIER = `${TEST_AGENCY.agencyId}-250310-0007`;

/**
 * A morning with known timings (local time):
 *   08:00 A001, A002, B001 issued, then A003 (elderly). Group A is strict.
 *   counter 1 (A):   08:04 calls A003, starts 08:05, finishes 08:15        wait 240 s, service 600 s
 *   counter 2 (A,B): 08:06 calls A001, starts 08:06, finishes 08:11        wait 360 s, service 300 s
 *                    08:11 calls A002, no-show 08:12                       wait 660 s
 *                    08:12 calls B001, starts 08:13, finishes 08:20        wait 720 s, service 420 s
 *   next day 08:00: one ticket issued, never called.
 */
async function morning() {
  const o = await startQueueOffice('2025-03-10T07:55:00');
  office = o;
  const a = await o.group({ name: 'Hộ tịch', prefix: 'A' });
  const b = await o.group({ name: 'Chứng thực', prefix: 'B' });
  await o.counter(1, [a.id], 'Hộ tịch');
  await o.counter(2, [a.id, b.id], 'Tổng hợp');
  o.at('2025-03-10T08:00:00');
  const a1 = await o.issue(a.id);
  await o.issue(a.id);
  await o.issue(b.id);
  const a3 = await o.issue(a.id, 'elderly');
  const step = async (time: string, fn: () => Promise<unknown>) => {
    o.at(`2025-03-10T${time}:00`);
    await fn();
  };
  const c1 = { counterNumber: 1 };
  const c2 = { counterNumber: 2 };
  await step('08:04', async () => expect((await o.t.must('queue.callNext', c1, o.clerk1)).id).toBe(a3.id));
  await step('08:05', () => o.t.must('queue.start', { ...c1, ticketId: a3.id }, o.clerk1));
  await step('08:06', async () => expect((await o.t.must('queue.callNext', c2, o.clerk2)).id).toBe(a1.id));
  await step('08:06', () => o.t.must('queue.start', { ...c2, ticketId: a1.id }, o.clerk2));
  await step('08:11', () => o.t.must('queue.finish', { ...c2, ticketId: a1.id }, o.clerk2));
  let a2 = '';
  await step('08:11', async () => (a2 = (await o.t.must('queue.callNext', c2, o.clerk2)).id));
  await step('08:12', () => o.t.must('queue.noShow', { ...c2, ticketId: a2 }, o.clerk2));
  let b1 = '';
  await step('08:12', async () => (b1 = (await o.t.must('queue.callNext', c2, o.clerk2)).id));
  await step('08:13', () => o.t.must('queue.start', { ...c2, ticketId: b1 }, o.clerk2));
  await step('08:14', () => o.t.must('queue.linkDossier', { ticketId: a3.id, dossierCode: DOSSIER }, o.clerk1));
  await step('08:15', () => o.t.must('queue.finish', { ...c1, ticketId: a3.id }, o.clerk1));
  await step('08:20', () => o.t.must('queue.finish', { ...c2, ticketId: b1 }, o.clerk2));
  return { o, a, b, a3, b1 };
}

describe('ratings', () => {
  it('rates the ticket just served at a counter and queues a DongBoDanhGiaHaiLong item the province accepts', async () => {
    const { o, a3, b1 } = await morning();
    o.at('2025-03-10T08:16:05');
    const target = await o.t.must('queue.rateTarget', { counterNumber: 1 }, o.clerk1);
    expect(target).toEqual({ counterNumber: 1, code: 'A003', ticketId: a3.id, rated: false });
    const r1 = await o.t.must('queue.rate', { counterNumber: 1, level: 1 }, o.clerk1);
    expect(r1).toMatchObject({ ticketId: a3.id, code: 'A003', counterNumber: 1, level: 1 });
    o.at('2025-03-10T08:21:00');
    await o.t.must('queue.rate', { ticketId: b1, level: 3 }, o.clerk2);
    // The counter's latest ticket (B001) is already rated: a second rating is refused.
    const again = await o.t.call('queue.rate', { counterNumber: 2, level: 2 }, o.clerk2);
    expect(again.ok || again.error.message).toBe('Số B001 đã được đánh giá. Xin cảm ơn quý khách!');
    expect((await o.t.must('queue.ticket', { ticketId: a3.id }, o.clerk1)).rated).toBe(true);

    const outbox = o.t.core.app.db.prepare("SELECT change_id, kind, entity_id, payload FROM outbox WHERE kind = 'rating' ORDER BY id").all() as {
      change_id: string; kind: string; entity_id: string; payload: string;
    }[];
    expect(outbox).toHaveLength(2);
    expect(JSON.parse(outbox[0].payload)).toEqual({ MaHoSo: DOSSIER, SoThuTu: 'A003', Quay: '1', CanBo: 'Trần Thị Cán Bộ', MucDo: 1, ThoiGian: '20250310081605' });
    expect(JSON.parse(outbox[1].payload)).toEqual({ SoThuTu: 'B001', Quay: '2', CanBo: 'Phạm Văn Quầy Hai', MucDo: 3, ThoiGian: '20250310082100' });
    expect(outbox[0].entity_id).toBe(r1.id);

    // The items, with their change ids, pass the provincial contract's validation.
    const double = await startProvincialDouble({ accounts: [{ username: 'motcua', password: 'mat-khau', madonvi: [TEST_AGENCY.agencyId] }] });
    cleanups.push(() => double.close());
    const client = new ProvincialClient({ baseUrl: double.url, username: 'motcua', password: 'mat-khau', madonvi: TEST_AGENCY.agencyId, timeoutMs: 5000 });
    const items = outbox.map((e) => ({ MaThayDoi: e.change_id, ...JSON.parse(e.payload) }) as DanhGia);
    const pushed = await client.pushRatings(items);
    expect(pushed.ok).toBe(true);
    if (pushed.ok) expect(pushed.value.map((x) => x.error_code)).toEqual(['0', '0']);
    expect(double.state.ratings().map((x) => x.MucDo)).toEqual([1, 3]);
  });

  it('a rating screen at an idle counter still records the counter', async () => {
    const o = await startQueueOffice();
    office = o;
    await o.counter(5, []);
    const r = await o.t.must('queue.rate', { counterNumber: 5, level: 2 }, o.clerk1);
    expect(r).toMatchObject({ ticketId: null, counterNumber: 5, level: 2 });
    const payload = JSON.parse((o.t.core.app.db.prepare("SELECT payload FROM outbox WHERE kind = 'rating'").get() as { payload: string }).payload);
    expect(payload).toEqual({ Quay: '5', MucDo: 2, ThoiGian: expect.stringMatching(/^\d{14}$/) });
    const bad = await o.t.call('queue.rate', { level: 2 }, o.clerk1);
    expect(bad.ok || bad.error.code).toBe('VALIDATION');
  });
});

describe('statistics', () => {
  it('computes counts, average and p90 waiting and service times per group, counter, clerk and day', async () => {
    const { o, a, b, a3, b1 } = await morning();
    o.at('2025-03-10T08:30:00');
    await o.t.must('queue.rate', { ticketId: a3.id, level: 1 }, o.clerk1);
    await o.t.must('queue.rate', { ticketId: b1, level: 3 }, o.clerk1);
    o.at('2025-03-11T08:00:00');
    await o.relogin();
    await o.issue(a.id);

    const s = await o.t.must('queue.stats', { from: '2025-03-10', to: '2025-03-11' }, o.supervisor);
    const avg = (xs: number[]) => Math.round(xs.reduce((x, y) => x + y, 0) / xs.length);
    expect(s.total).toMatchObject({ issued: 5, called: 4, served: 3, noShow: 1, transferred: 0, cancelled: 0 });
    expect(s.total).toMatchObject({ waitAvgSec: avg([240, 360, 660, 720]), waitP90Sec: 720, serviceAvgSec: avg([600, 300, 420]), serviceP90Sec: 600 });
    expect(s.byDay.map((d) => [d.label, d.issued, d.called])).toEqual([
      ['10/03/2025', 4, 4],
      ['11/03/2025', 1, 0],
    ]);
    const ga = s.byGroup.find((g) => g.key === a.id)!;
    const gb = s.byGroup.find((g) => g.key === b.id)!;
    expect(ga).toMatchObject({ label: 'Hộ tịch', issued: 4, called: 3, served: 2, noShow: 1, waitAvgSec: avg([240, 360, 660]), waitP90Sec: 660, serviceAvgSec: 450, serviceP90Sec: 600 });
    expect(gb).toMatchObject({ label: 'Chứng thực', issued: 1, called: 1, served: 1, waitAvgSec: 720, serviceAvgSec: 420 });
    expect(s.byCounter.map((c) => [c.label, c.issued, c.called, c.served, c.noShow, c.waitAvgSec, c.waitP90Sec, c.serviceAvgSec, c.serviceP90Sec])).toEqual([
      ['Quầy 1 – Hộ tịch', null, 1, 1, 0, 240, 240, 600, 600],
      ['Quầy 2 – Tổng hợp', null, 3, 2, 1, avg([360, 660, 720]), 720, avg([300, 420]), 420],
    ]);
    expect(s.byClerk.map((c) => [c.label, c.called, c.served]).sort()).toEqual([
      ['Phạm Văn Quầy Hai', 3, 2],
      ['Trần Thị Cán Bộ', 1, 1],
    ]);
    expect(s.ratings).toEqual({ key: 'total', label: 'Tổng cộng', total: 2, veryGood: 1, good: 0, bad: 1, satisfiedPercent: 50 });
    expect(s.ratingsByCounter.map((r) => [r.label, r.total, r.veryGood, r.bad])).toEqual([
      ['Quầy 1 – Hộ tịch', 1, 1, 0],
      ['Quầy 2 – Tổng hợp', 1, 0, 1],
    ]);
    // One day only.
    const day2 = await o.t.must('queue.stats', { from: '2025-03-11', to: '2025-03-11' }, o.supervisor);
    expect(day2.total).toMatchObject({ issued: 1, called: 0, waitAvgSec: null, waitP90Sec: null });
    // Clerks do not see per-clerk figures; a reversed period is refused.
    expect((await o.t.call('queue.stats', { from: '2025-03-10', to: '2025-03-11' }, o.clerk1)).ok).toBe(false);
    const reversed = await o.t.call('queue.stats', { from: '2025-03-12', to: '2025-03-11' }, o.supervisor);
    expect(reversed.ok || reversed.error.code).toBe('VALIDATION');
  });

  it('exports the statistics to an Excel file in the data folder', async () => {
    const { o } = await morning();
    const out = await o.t.must('queue.exportStats', { from: '2025-03-10', to: '2025-03-10' }, o.supervisor);
    expect(out.fileName).toBe('thong-ke-hang-doi_2025-03-10_2025-03-10.xlsx');
    expect(out.file.startsWith(o.t.dataDir)).toBe(true);
    expect(fs.existsSync(out.file)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo ngày', 'Theo nhóm', 'Theo quầy', 'Theo cán bộ', 'Đánh giá', 'Chi tiết phiếu']);
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(summary.getRow(1).getCell(2).value).toBe('Số phiếu cấp');
    const total = summary.getRow(2);
    expect([total.getCell(1).value, total.getCell(2).value, total.getCell(4).value, total.getCell(5).value]).toEqual(['Tổng cộng', 4, 3, 1]);
    // Average wait (240+360+660+720)/4 s = 8.25 min → 8.3; p90 720 s = 12 min.
    expect([total.getCell(8).value, total.getCell(9).value]).toEqual([8.3, 12]);
    const detail = wb.getWorksheet('Chi tiết phiếu')!;
    expect(detail.rowCount).toBe(5);
    const codes = [2, 3, 4, 5].map((i) => detail.getRow(i).getCell(2).value);
    expect(codes.sort()).toEqual(['A001', 'A002', 'A003', 'B001']);
    const a3row = [2, 3, 4, 5].map((i) => detail.getRow(i)).find((r) => r.getCell(2).value === 'A003')!;
    expect([a3row.getCell(4).value, a3row.getCell(5).value, a3row.getCell(10).value, a3row.getCell(11).value, a3row.getCell(12).value]).toEqual([
      'Người cao tuổi',
      'Đã xong',
      '4:00',
      '10:00',
      DOSSIER,
    ]);
    expect((await o.t.call('queue.exportStats', { from: '2025-03-10', to: '2025-03-10' }, o.clerk1)).ok).toBe(false);
  });
});
