import { PAYMENT_METHOD_LABELS, feeTotal, type FeeReceiptData } from '../../../shared/printing/form-data';
import { amountInWords, formatVnd } from '../../../shared/domain/money';
import { DOTS, FormWriter, type Paper } from './layout';

export interface FeeReceiptOptions {
  paper?: Paper;
}

/**
 * Biên lai thu phí, lệ phí: the fee lines, their total in figures and in words. The
 * total is computed here from the lines so the two can never disagree.
 */
export async function renderFeeReceipt(data: FeeReceiptData, options: FeeReceiptOptions = {}): Promise<Buffer> {
  const total = feeTotal(data.fees);
  const w = new FormWriter({ title: `Biên lai thu phí, lệ phí ${data.number ?? ''}`.trim(), paper: options.paper, baseSize: 12.5 });
  w.cornerLabel(`Ký hiệu: ${data.series?.trim() || DOTS}    Số: ${data.number?.trim() || DOTS}`);
  w.header(data.header, { date: data.issuedAt });
  w.title('Biên lai thu phí, lệ phí');

  w.field('Tên người nộp tiền:', data.payerName);
  w.field('Địa chỉ:', data.payerAddress);
  if (data.dossierCode) w.field('Mã hồ sơ:', data.dossierCode);
  if (data.procedureName) w.field('Nội dung yêu cầu giải quyết:', data.procedureName);
  w.gap(3);
  w.table(
    [
      { header: 'TT', width: 7, align: 'center' },
      { header: 'Tên loại phí, lệ phí', width: 66 },
      { header: 'Số tiền', width: 27, align: 'right' },
    ],
    [
      ...data.fees.map((f, i) => [String(i + 1), f.name, formatVnd(f.amount)]),
      [
        { text: 'Tổng cộng', colSpan: 2, style: 'bold', align: 'center' },
        { text: formatVnd(total), style: 'bold' },
      ],
    ],
    { size: w.s(12) },
  );
  w.runs(
    [{ text: 'Số tiền bằng chữ: ' }, { text: `${amountInWords(total)}.`, style: 'boldItalic' }],
    w.left,
    w.width,
  );
  w.field('Hình thức thanh toán:', PAYMENT_METHOD_LABELS[data.paymentMethod]);
  w.signatures([
    { title: 'Người nộp tiền', name: data.payerName, space: 50 },
    { title: 'Người thu tiền', name: data.collectorName, space: 50 },
  ]);
  return w.end();
}
