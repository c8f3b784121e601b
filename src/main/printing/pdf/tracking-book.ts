import type { TrackingBookData } from '../../../shared/printing/form-data';
import { formLabel, formTitle } from '../../../shared/printing/form-sets';
import { formatFormTime, formatShortDateTime } from '../../../shared/printing/form-time';
import { FormWriter, type Column } from './layout';

const DATES = 'Ngày, tháng, năm';

/**
 * Columns of the official register (Mẫu 06 / 07). Widths are in points of the A4
 * landscape text width (≈743 pt): the code column fits a full dossier code at 9 pt and
 * the date columns fit "dd/MM/yyyy" on one line.
 */
const COLUMNS: Column[] = [
  { header: 'TT', width: 20, align: 'center' },
  { header: 'Mã hồ sơ', width: 110, nowrap: true },
  { header: 'Tên thủ tục hành chính', width: 76 },
  { header: 'Số lượng hồ sơ (bộ)', width: 31, align: 'center' },
  { header: 'Tên cá nhân, tổ chức', width: 68 },
  { header: 'Địa chỉ, số điện thoại', width: 66 },
  { header: 'Cơ quan chủ trì giải quyết', width: 58 },
  { header: 'Nhận hồ sơ', width: 50, align: 'center', group: DATES, nowrap: true },
  { header: 'Hẹn trả kết quả', width: 50, align: 'center', group: DATES, nowrap: true },
  { header: 'Chuyển hồ sơ đến cơ quan giải quyết', width: 50, align: 'center', group: DATES, nowrap: true },
  { header: 'Nhận kết quả từ cơ quan giải quyết', width: 50, align: 'center', group: DATES, nowrap: true },
  { header: 'Trả kết quả cho cá nhân, tổ chức', width: 50, align: 'center', group: DATES, nowrap: true },
  { header: 'Ký nhận', width: 30 },
  { header: 'Ghi chú', width: 40 },
];

/** "27/10/2023" over "09:32": a date never breaks inside a narrow column. */
const stamp = (iso: string | undefined): string => (iso ? formatShortDateTime(iso).replace(' ', '\n') : '');

const civil = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Sổ theo dõi hồ sơ for a period, A4 landscape; long books page with the header repeated. */
export async function renderTrackingBook(data: TrackingBookData): Promise<Buffer> {
  const title = formTitle(data.formSet, 'trackingBook');
  const w = new FormWriter({ title: `${title} ${data.periodFrom} – ${data.periodTo}`, landscape: true, baseSize: 12 });
  w.cornerLabel(formLabel(data.formSet, 'trackingBook'));
  w.header(data.header);
  const period = `Từ ngày ${civil(data.periodFrom)} đến ngày ${civil(data.periodTo)}`;
  w.title(title, data.volume ? `${period} — Quyển số: ${data.volume}` : period);
  w.table(
    COLUMNS,
    data.rows.map((r, i) => [
      String(i + 1),
      r.dossierCode,
      r.procedureName,
      String(r.sets),
      r.applicantName,
      [r.address, r.phone].filter(Boolean).join('; '),
      r.competentAgency,
      stamp(r.receivedAt),
      stamp(r.dueAt),
      stamp(r.sentAt),
      stamp(r.resultAt),
      stamp(r.returnedAt),
      '',
      r.note ?? '',
    ]),
    { size: w.s(9), headerSize: w.s(9), numberColumns: true },
  );
  w.para(`Tổng số: ${data.rows.length} hồ sơ. Ngày in: ${formatFormTime(data.printedAt)}.`, {
    style: 'italic',
    size: w.s(11),
    align: 'left',
  });
  return w.end();
}
