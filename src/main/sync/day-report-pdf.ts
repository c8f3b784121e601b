/** The end-of-day report as an A4 PDF, with the forms' building blocks (header, tables, signatures). */
import { FormWriter, type Column } from '../printing/pdf/layout';
import { formatFormDate, formatFormTime, formatShortDateTime } from '../../shared/printing/form-time';
import type { DayReportData } from './day-report-data';

/** Longest list printed in full on paper; the spreadsheet always has every row. */
const MAX_PRINTED_ROWS = 200;

const civil = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const num = (n: number): string => n.toLocaleString('vi-VN');

const SYNC_OUTCOME: Record<string, string> = {
  ok: 'hoàn tất',
  offline: 'chưa kết nối được hệ thống tỉnh',
  config: 'lỗi cấu hình kết nối',
  failed: 'gặp lỗi',
  stopped: 'bị dừng',
};

function section(w: FormWriter, title: string): void {
  w.gap(6);
  w.ensureSpace(w.s(60));
  w.para(title, { style: 'bold', align: 'left' });
  w.gap(2);
}

function note(w: FormWriter, text: string): void {
  w.para(text, { style: 'italic', size: w.s(11), align: 'left' });
}

export function renderDayReport(d: DayReportData): Promise<Buffer> {
  const w = new FormWriter({ title: `Báo cáo chốt ngày ${civil(d.date)}`, baseSize: 12 });
  w.header(d.header, { date: d.closedAt });
  w.title('Báo cáo chốt ngày', `Ngày ${civil(d.date)}${d.receivingPoint ? ` — ${d.receivingPoint}` : ''}`);

  section(w, 'I. Tiếp nhận và trả kết quả');
  const c = d.counts;
  const rows: [string, number][] = [
    ['Hồ sơ tiếp nhận trong ngày', c.received],
    ['Hồ sơ đã trả kết quả trong ngày', c.returned],
    ['Hồ sơ quá hạn, đang giải quyết (tại thời điểm chốt)', c.overdue],
    ['Hồ sơ đã có kết quả, chờ trả', c.awaitingPickup],
  ];
  if (c.tickets) rows.push(['Phiếu số thứ tự đã cấp', c.tickets.issued], ['Lượt công dân đã được phục vụ', c.tickets.served], ['Lượt vắng mặt khi được gọi', c.tickets.noShow]);
  if (c.ratings) {
    rows.push(['Lượt đánh giá mức độ hài lòng', c.ratings.total], ['— Rất hài lòng', c.ratings.veryGood], ['— Hài lòng', c.ratings.good], ['— Không hài lòng', c.ratings.bad]);
  }
  const summaryCols: Column[] = [
    { header: 'TT', width: 8, align: 'center' },
    { header: 'Nội dung', width: 70 },
    { header: 'Số lượng', width: 22, align: 'right' },
  ];
  w.table(summaryCols, rows.map(([label, n], i) => [String(i + 1), label, num(n)]), { size: w.s(11), headerSize: w.s(11) });

  if (d.byProcedure.length) {
    section(w, 'II. Theo thủ tục hành chính');
    const cols: Column[] = [
      { header: 'TT', width: 6, align: 'center' },
      { header: 'Mã thủ tục', width: 14, nowrap: true },
      { header: 'Tên thủ tục', width: 52 },
      { header: 'Tiếp nhận', width: 14, align: 'right' },
      { header: 'Trả kết quả', width: 14, align: 'right' },
    ];
    w.table(cols, d.byProcedure.map((p, i) => [String(i + 1), p.code, p.name, num(p.received), num(p.returned)]), { size: w.s(10.5), headerSize: w.s(10.5) });
  }

  section(w, `III. Hồ sơ quá hạn (${num(d.overdue.length)})`);
  if (!d.overdue.length) note(w, 'Không có hồ sơ quá hạn.');
  else {
    const cols: Column[] = [
      { header: 'TT', width: 6, align: 'center' },
      { header: 'Mã hồ sơ', width: 28, nowrap: true },
      { header: 'Thủ tục', width: 30 },
      { header: 'Chủ hồ sơ', width: 20 },
      { header: 'Hạn trả', width: 16, align: 'center' },
    ];
    w.table(
      cols,
      d.overdue.slice(0, MAX_PRINTED_ROWS).map((l, i) => [String(i + 1), l.code, l.procedureName, l.ownerName, formatShortDateTime(l.dueAt).replace(' ', '\n')]),
      { size: w.s(10), headerSize: w.s(10) },
    );
    if (d.overdue.length > MAX_PRINTED_ROWS) note(w, `Chỉ in ${MAX_PRINTED_ROWS} hồ sơ đầu; danh sách đầy đủ trong tệp Excel kèm theo.`);
  }

  section(w, 'IV. Đồng bộ với hệ thống tỉnh');
  if (d.sync) {
    w.field('Lần đồng bộ cuối:', `${formatShortDateTime(d.sync.startedAt)} — ${SYNC_OUTCOME[d.sync.outcome ?? ''] ?? 'chưa xong'}; đã gửi ${num(d.sync.pushed)}, đã nhận ${num(d.sync.pulled)} thay đổi.`);
  }
  if (d.syncProblem) w.field('Lưu ý:', d.syncProblem);
  const parked = d.unsynced.parked;
  w.field('Chưa đồng bộ được:', `${num(d.unsynced.pending)} mục chờ gửi; ${num(parked.length)} mục bị hệ thống tỉnh từ chối.`);
  if (parked.length) {
    const cols: Column[] = [
      { header: 'TT', width: 6, align: 'center' },
      { header: 'Mã hồ sơ', width: 28, nowrap: true },
      { header: 'Mục', width: 20 },
      { header: 'Lý do hệ thống tỉnh trả về', width: 46 },
    ];
    w.table(cols, parked.slice(0, MAX_PRINTED_ROWS).map((p, i) => [String(i + 1), p.dossierCode ?? '', p.label, p.message]), { size: w.s(10), headerSize: w.s(10) });
  }

  section(w, 'V. Sao lưu dữ liệu');
  w.field('Kết quả:', d.backup ? d.backup.message : 'Chưa sao lưu.');

  w.gap(4);
  note(w, `Chốt lúc ${formatFormTime(d.closedAt)}; ngày lập báo cáo ${formatFormDate(d.closedAt)}.`);
  w.signatures([
    { title: 'NGƯỜI LẬP BÁO CÁO', name: d.closedBy },
    { title: 'TRƯỞNG BỘ PHẬN MỘT CỬA' },
  ]);
  return w.end();
}
