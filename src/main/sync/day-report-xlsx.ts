/** The end-of-day report as a workbook: the summary, and every row the PDF may only sample. */
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../app/excel';
import type { DayDossierLine, DayReportData } from './day-report-data';
import { formatShortDateTime } from '../../shared/printing/form-time';

function header(ws: ExcelJS.Worksheet): void {
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function dossierSheet(wb: ExcelJS.Workbook, name: string, lines: DayDossierLine[]): void {
  const ws = wb.addWorksheet(name);
  ws.columns = [
    { header: 'TT', key: 'n', width: 6 },
    { header: 'Mã hồ sơ', key: 'code', width: 28 },
    { header: 'Thủ tục', key: 'procedureName', width: 50 },
    { header: 'Chủ hồ sơ', key: 'ownerName', width: 28 },
    { header: 'Trạng thái', key: 'status', width: 22 },
    { header: 'Tiếp nhận', key: 'receivedAt', width: 18 },
    { header: 'Hẹn trả', key: 'dueAt', width: 18 },
    { header: 'Trả kết quả', key: 'returnedAt', width: 18 },
  ];
  lines.forEach((l, i) =>
    ws.addRow({
      ...l,
      n: i + 1,
      receivedAt: formatShortDateTime(l.receivedAt),
      dueAt: formatShortDateTime(l.dueAt),
      returnedAt: l.returnedAt ? formatShortDateTime(l.returnedAt) : '',
    }),
  );
  header(ws);
}

export async function buildDayReportXlsx(d: DayReportData, createdAt: Date): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Một cửa Desk';
  wb.created = createdAt;

  const sum = wb.addWorksheet('Tổng hợp');
  sum.columns = [
    { header: 'Nội dung', key: 'label', width: 52 },
    { header: 'Số lượng', key: 'value', width: 14 },
  ];
  const c = d.counts;
  const rows: [string, number | string][] = [
    ['Ngày', d.date],
    ['Hồ sơ tiếp nhận trong ngày', c.received],
    ['Hồ sơ đã trả kết quả trong ngày', c.returned],
    ['Hồ sơ quá hạn, đang giải quyết', c.overdue],
    ['Hồ sơ đã có kết quả, chờ trả', c.awaitingPickup],
  ];
  if (c.tickets) rows.push(['Phiếu số thứ tự đã cấp', c.tickets.issued], ['Lượt đã được phục vụ', c.tickets.served], ['Lượt vắng mặt', c.tickets.noShow]);
  if (c.ratings) rows.push(['Lượt đánh giá', c.ratings.total], ['Rất hài lòng', c.ratings.veryGood], ['Hài lòng', c.ratings.good], ['Không hài lòng', c.ratings.bad]);
  rows.push(['Mục chờ gửi lên hệ thống tỉnh', d.unsynced.pending], ['Mục bị hệ thống tỉnh từ chối', d.unsynced.parked.length]);
  rows.push(['Sao lưu', d.backup?.message ?? 'Chưa sao lưu']);
  for (const [label, value] of rows) sum.addRow({ label, value });
  header(sum);

  const proc = wb.addWorksheet('Theo thủ tục');
  proc.columns = [
    { header: 'Mã thủ tục', key: 'code', width: 14 },
    { header: 'Tên thủ tục', key: 'name', width: 60 },
    { header: 'Tiếp nhận', key: 'received', width: 12 },
    { header: 'Trả kết quả', key: 'returned', width: 12 },
  ];
  d.byProcedure.forEach((p) => proc.addRow(p));
  header(proc);

  dossierSheet(wb, 'Tiếp nhận', d.received);
  dossierSheet(wb, 'Trả kết quả', d.returned);
  dossierSheet(wb, 'Quá hạn', d.overdue);

  const un = wb.addWorksheet('Chưa đồng bộ');
  un.columns = [
    { header: 'Mã hồ sơ', key: 'dossierCode', width: 28 },
    { header: 'Mục', key: 'label', width: 30 },
    { header: 'Lý do', key: 'message', width: 80 },
    { header: 'Số lần gửi', key: 'attempts', width: 12 },
  ];
  d.unsynced.parked.forEach((p) => un.addRow({ ...p, dossierCode: p.dossierCode ?? '' }));
  header(un);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
