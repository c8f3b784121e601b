import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../app/excel';
import type { AppContext } from '../app/app-context';
import { queueStats, statTickets } from './queue-stats';
import { msBetween } from './queue-rows';
import type { QueueStatsRow, RatingSummary } from '../../shared/api/queue-contract';
import { formatDuration, PRIORITY_LABELS, TICKET_STATE_LABELS } from '../../shared/queue/queue-labels';

const STAT_COLUMNS: { header: string; key: keyof QueueStatsRow | 'waitAvg' | 'waitP90' | 'serviceAvg' | 'serviceP90'; width: number }[] = [
  { header: 'Mục', key: 'label', width: 34 },
  { header: 'Số phiếu cấp', key: 'issued', width: 13 },
  { header: 'Đã gọi', key: 'called', width: 10 },
  { header: 'Đã phục vụ', key: 'served', width: 12 },
  { header: 'Vắng mặt', key: 'noShow', width: 11 },
  { header: 'Chuyển', key: 'transferred', width: 10 },
  { header: 'Huỷ', key: 'cancelled', width: 8 },
  { header: 'Chờ TB (phút)', key: 'waitAvg', width: 14 },
  { header: 'Chờ P90 (phút)', key: 'waitP90', width: 15 },
  { header: 'Phục vụ TB (phút)', key: 'serviceAvg', width: 17 },
  { header: 'Phục vụ P90 (phút)', key: 'serviceP90', width: 18 },
];

/** Minutes with one decimal, as a number so Excel can sum and chart it. */
const minutes = (sec: number | null) => (sec === null ? null : Math.round(sec / 6) / 10);

function statSheet(wb: ExcelJS.Workbook, name: string, rows: QueueStatsRow[]): void {
  const ws = wb.addWorksheet(name);
  ws.columns = STAT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const r of rows) {
    ws.addRow({ ...r, waitAvg: minutes(r.waitAvgSec), waitP90: minutes(r.waitP90Sec), serviceAvg: minutes(r.serviceAvgSec), serviceP90: minutes(r.serviceP90Sec) });
  }
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function ratingSheet(wb: ExcelJS.Workbook, rows: RatingSummary[]): void {
  const ws = wb.addWorksheet('Đánh giá');
  ws.columns = [
    { header: 'Mục', key: 'label', width: 34 },
    { header: 'Số lượt', key: 'total', width: 10 },
    { header: 'Rất hài lòng', key: 'veryGood', width: 13 },
    { header: 'Hài lòng', key: 'good', width: 10 },
    { header: 'Không hài lòng', key: 'bad', width: 15 },
    { header: 'Tỷ lệ hài lòng (%)', key: 'satisfiedPercent', width: 18 },
  ];
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
}

/**
 * Writes the period's statistics to `<data>/exports/thong-ke-hang-doi_<from>_<to>.xlsx`:
 * summary, by day, group, counter and clerk, ratings, and every ticket.
 */
export async function exportQueueStats(app: AppContext, from: string, to: string): Promise<{ file: string; fileName: string }> {
  const stats = queueStats(app.db, from, to);
  const wb = await newWorkbook();
  wb.creator = 'Một cửa Desk';
  wb.created = app.clock.now();
  statSheet(wb, 'Tổng hợp', [stats.total]);
  statSheet(wb, 'Theo ngày', stats.byDay);
  statSheet(wb, 'Theo nhóm', stats.byGroup);
  statSheet(wb, 'Theo quầy', stats.byCounter);
  statSheet(wb, 'Theo cán bộ', stats.byClerk);
  ratingSheet(wb, [stats.ratings, ...stats.ratingsByCounter, ...stats.ratingsByClerk]);

  const detail = wb.addWorksheet('Chi tiết phiếu');
  detail.columns = [
    { header: 'Ngày', key: 'date', width: 12 },
    { header: 'Số', key: 'code', width: 8 },
    { header: 'Nhóm', key: 'group', width: 28 },
    { header: 'Ưu tiên', key: 'priority', width: 24 },
    { header: 'Trạng thái', key: 'state', width: 14 },
    { header: 'Quầy', key: 'counter', width: 7 },
    { header: 'Cán bộ', key: 'clerk', width: 24 },
    { header: 'Lấy số', key: 'issued', width: 27 },
    { header: 'Gọi', key: 'called', width: 27 },
    { header: 'Chờ', key: 'wait', width: 9 },
    { header: 'Phục vụ', key: 'service', width: 9 },
    { header: 'Mã hồ sơ', key: 'dossier', width: 28 },
  ];
  for (const t of statTickets(app.db, from, to)) {
    detail.addRow({
      date: t.business_date,
      code: t.display_code,
      group: t.group_name,
      priority: t.priority ? PRIORITY_LABELS[t.priority] : '',
      state: TICKET_STATE_LABELS[t.state],
      counter: t.counter_number,
      clerk: t.clerk_name ?? '',
      issued: t.queued_at,
      called: t.called_at ?? '',
      wait: t.called_at ? formatDuration(msBetween(t.queued_at, t.called_at) / 1000) : '',
      service: t.started_at && t.finished_at && t.state === 'done' ? formatDuration(msBetween(t.started_at, t.finished_at) / 1000) : '',
      dossier: t.dossier_code ?? '',
    });
  }
  detail.getRow(1).font = { bold: true };

  const dir = path.join(app.paths.root, 'exports');
  fs.mkdirSync(dir, { recursive: true });
  const fileName = `thong-ke-hang-doi_${from}_${to}.xlsx`;
  const file = path.join(dir, fileName);
  // Written to a temp name and renamed, so a half-written file never sits under the final name.
  const tmp = `${file}.${process.pid}.tmp`;
  await wb.xlsx.writeFile(tmp);
  fs.renameSync(tmp, file);
  return { file, fileName };
}
