import { HANDOVER_RESULT_LABELS, type ControlSheetData } from '../../../shared/printing/form-data';
import { formLabel, formTitle } from '../../../shared/printing/form-sets';
import { formatFormTime } from '../../../shared/printing/form-time';
import { DOTS, FormWriter } from './layout';

/** Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05 of 2018, Mẫu 06 of 2025): one row per hand-over. */
export async function renderControlSheet(data: ControlSheetData): Promise<Buffer> {
  const title = formTitle(data.formSet, 'controlSheet');
  const w = new FormWriter({ title: `${title} ${data.dossierCode}`, baseSize: 12.5 });
  w.cornerLabel(formLabel(data.formSet, 'controlSheet'));
  w.header(data.header);
  w.title(title, `Mã hồ sơ: ${data.dossierCode}`);

  w.field('Kèm theo hồ sơ của:', data.ownerName);
  w.field('Nội dung yêu cầu giải quyết:', data.procedureName);
  w.field('Ngày, giờ nhận hồ sơ:', formatFormTime(data.receivedAt));
  w.field('Ngày, giờ hẹn trả kết quả:', formatFormTime(data.dueAt));
  // The original appointment stays; the date in force is printed beside it (domain brief §10).
  if (data.currentDueAt) w.field(data.currentDueReason === 'SUPPLEMENT' ? 'Ngày, giờ hẹn trả kết quả sau bổ sung hồ sơ:' : 'Ngày, giờ hẹn trả kết quả sau gia hạn:', formatFormTime(data.currentDueAt));
  w.field('Cơ quan (bộ phận) giải quyết hồ sơ:', data.processingBody);
  w.field('Cơ quan phối hợp giải quyết hồ sơ:', data.cooperatingBodies.join('; ') || DOTS);
  w.gap(4);
  const HANDOVER = 'Thời gian giao, nhận hồ sơ';
  w.table(
    [
      { header: 'TT', width: 5, align: 'center' },
      { header: 'Tên cơ quan', width: 21 },
      { header: 'Thời điểm', width: 15, group: HANDOVER },
      { header: 'Người giao (ký, ghi rõ họ tên)', width: 14, align: 'center', group: HANDOVER },
      { header: 'Người nhận (ký, ghi rõ họ tên)', width: 14, align: 'center', group: HANDOVER },
      { header: 'Kết quả giải quyết hồ sơ (trước hạn/ đúng hạn/ quá hạn)', width: 11, align: 'center' },
      { header: 'Ghi chú', width: 20 },
    ],
    [...data.rows.map((r, i) => [
      String(i + 1),
      `Giao: ${r.fromBody}\nNhận: ${r.toBody}`,
      `${formatFormTime(r.at).replace(', ', '\n')}${r.viaPost ? '\n(theo phiếu gửi bưu chính)' : ''}`,
      // Names sit at the foot of the cell, leaving room above them for the signature.
      { text: r.giverName ?? '', valign: 'bottom' as const },
      { text: r.receiverName ?? '', valign: 'bottom' as const },
      r.result ? HANDOVER_RESULT_LABELS[r.result] : '',
      r.note ?? '',
    ]),
    // Hand-overs still to come: numbered rows with the Giao/Nhận labels, to be filled and signed by hand.
    ...Array.from({ length: data.blankRows ?? 0 }, (_, i) => [String(data.rows.length + i + 1), 'Giao:\n\n\nNhận:', '…giờ…phút\nngày …/…/……', '', '', '', ''])],
    { size: w.s(11), headerSize: w.s(10.5), minRowHeight: w.s(84) },
  );
  return w.end();
}
