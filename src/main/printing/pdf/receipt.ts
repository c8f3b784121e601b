import { FEE_MODE_LABELS, feeTotal, type ReceiptData } from '../../../shared/printing/form-data';
import { formLabel, formTitle } from '../../../shared/printing/form-sets';
import { formatFormTime } from '../../../shared/printing/form-time';
import { amountInWords, formatVnd } from '../../../shared/domain/money';
import { code128Png, qrPng } from './codes';
import { FormWriter, PageLimitExceeded, mm, nfc, pad2, type Paper, type Run } from './layout';

export interface ReceiptOptions {
  paper?: Paper;
}

/** Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả, with QR (status page) and Code 128 (dossier code). */
export async function renderReceipt(data: ReceiptData, options: ReceiptOptions = {}): Promise<Buffer> {
  // Start both image generations before laying out text; they are the slow part.
  const [qr, barcode] = await Promise.all([qrPng(nfc(data.lookupUrl)), code128Png(nfc(data.dossierCode))]);

  const title = `${formTitle(data.formSet, 'receipt')} ${data.dossierCode}`;
  const paper = options.paper ?? 'A4';
  const writer = (density: number, maxPages?: number): FormWriter =>
    new FormWriter({ title, paper, baseSize: 12, density, maxPages });

  // A receipt is handed over as one sheet: a heavy dossier (many documents, long
  // names) is drawn denser rather than spilling onto a second page. The first layout
  // measures how much room the content needs; one more layout at the density that
  // fits is then usually enough.
  const first = writer(1);
  drawReceipt(first, data, qr, barcode);
  const used = first.contentUsed();
  if (used.pages === 1) return first.end();

  const floor = MIN_DENSITY[paper];
  let density = Math.max(floor, Math.min(1, (0.98 * used.pageHeight) / used.total));
  for (;;) {
    const last = density <= floor;
    const w = writer(density, last ? undefined : 1);
    try {
      drawReceipt(w, data, qr, barcode);
      return await w.end();
    } catch (e) {
      if (!(e instanceof PageLimitExceeded)) throw e;
      density = Math.max(floor, density * 0.95);
    }
  }
}

/**
 * How far a receipt may shrink to stay on one sheet: about 9 pt body text on A4. A5 is
 * small already, so below 0.9 it takes a second page rather than becoming unreadable.
 */
const MIN_DENSITY: Record<Paper, number> = { A4: 0.76, A5: 0.9 };

/** About 22 mm: a phone camera reads the lookup URL's QR from a handheld sheet. */
const QR_MIN_PT = 62;
/** Code 128 bar module of 0.33 mm, comfortably above what counter scanners resolve. */
const BARCODE_MODULE_PT = mm(0.33);
/** code128Png draws two pixels per module. */
const BARCODE_PX_PER_MODULE = 2;

function pngWidth(png: Buffer): number {
  return png.readUInt32BE(16);
}

function drawReceipt(w: FormWriter, data: ReceiptData, qr: Buffer, barcode: Buffer): void {
  w.cornerLabel(formLabel(data.formSet, 'receipt'));
  w.header(data.header, { date: data.receivedAt });

  // Title block with the QR on the right and the code + barcode under the title.
  // The symbols keep a scannable physical size whatever the text density.
  const qrSize = Math.max(w.s(62), QR_MIN_PT);
  const textW = w.width - qrSize - w.s(8);
  const y0 = w.y;
  w.y += w.box(formTitle(data.formSet, 'receipt').toLocaleUpperCase('vi-VN'), w.left, w.y, textW, 'bold', w.s(14), 'center');
  w.y += w.s(2);
  w.y += w.box(`Mã hồ sơ: ${data.dossierCode}`, w.left, w.y, textW, 'bold', w.s(13), 'center');
  const barcodeW = Math.min(textW, (pngWidth(barcode) / BARCODE_PX_PER_MODULE) * BARCODE_MODULE_PT);
  const barcodeH = Math.max(w.s(24), 20);
  w.image(barcode, w.left + (textW - barcodeW) / 2, w.y + w.s(2), barcodeW, barcodeH);
  const qrX = w.right - qrSize;
  w.image(qr, qrX, y0 - w.s(6), qrSize, qrSize);
  w.box('Quét mã để tra cứu', qrX - w.s(10), y0 - w.s(6) + qrSize, qrSize + w.s(20), 'italic', w.s(8), 'center');
  w.y = Math.max(w.y + barcodeH + w.s(10), y0 + qrSize + w.s(8));

  const a = data.applicant;
  w.field(`${data.header.agencyName} tiếp nhận hồ sơ của Ông/Bà:`, a.name);
  w.fieldRow(
    [
      { label: 'Số định danh cá nhân:', value: a.idNumber },
      { label: 'Số điện thoại:', value: a.phone },
    ],
    [1.05, 1],
  );
  w.field('Email:', a.email);
  w.field('Địa chỉ:', a.address);
  w.field('Nội dung yêu cầu giải quyết:', `${data.procedureName} (mã TTHC: ${data.procedureCode})`);
  if (data.variantName) w.field('Trường hợp:', data.variantName);
  if (data.owner) {
    const o = data.owner;
    if (o.kind === 'ORGANISATION') {
      w.field('Tổ chức là chủ hồ sơ:', o.name);
      if (o.taxCode || o.representative) {
        w.fieldRow(
          [
            { label: 'Mã số doanh nghiệp/thuế:', value: o.taxCode },
            { label: 'Người đại diện:', value: o.representative },
          ],
          [1, 1],
        );
      }
    } else {
      w.field('Chủ hồ sơ (Ông/Bà):', o.idNumber ? `${o.name} (số định danh: ${o.idNumber})` : o.name);
    }
    w.field('Địa chỉ của chủ hồ sơ:', o.address);
  }

  // Fees on one flowing line: a table here would cost the space the documents need.
  const total = feeTotal(data.fees);
  const mode = FEE_MODE_LABELS[data.feeMode];
  const feeRuns: Run[] = [];
  if (data.fees.length === 0) {
    feeRuns.push({ text: 'Phí, lệ phí: ' }, { text: `${mode}.`, style: 'bold' });
  } else {
    feeRuns.push({ text: `Phí, lệ phí (${mode.toLocaleLowerCase('vi-VN')}): ` });
    data.fees.forEach((f, i) => {
      feeRuns.push({ text: `${f.name} ` }, { text: formatVnd(f.amount), style: 'bold' }, { text: i < data.fees.length - 1 ? '; ' : '. ' });
    });
    feeRuns.push(
      { text: 'Tổng cộng: ' },
      { text: formatVnd(total), style: 'bold' },
      { text: ` (${amountInWords(total)}).`, style: 'italic' },
    );
  }
  w.runs(feeRuns, w.left, w.width);

  w.para('1. Thành phần hồ sơ nộp gồm:', { align: 'left' });
  w.gap(2);
  w.table(
    [
      { header: 'TT', width: 5, align: 'center' },
      { header: 'Tên giấy tờ', width: 65 },
      { header: 'Bản chính', width: 10, align: 'center', group: 'Số lượng' },
      { header: 'Bản chứng thực', width: 10, align: 'center', group: 'Số lượng' },
      { header: 'Bản photo', width: 10, align: 'center', group: 'Số lượng' },
    ],
    data.documents.map((d, i) => [String(i + 1), d.name, pad2(d.originals), pad2(d.certifiedCopies), pad2(d.copies)]),
    { size: w.s(10.5), headerSize: w.s(10) },
  );
  w.field('2. Số lượng hồ sơ:', `${pad2(data.sets)} bộ`);
  w.field(
    '3. Thời gian giải quyết hồ sơ theo quy định:',
    `${pad2(data.processingTime.amount)} ${data.processingTime.unitLabel}`,
  );
  w.field('4. Thời gian nhận hồ sơ:', formatFormTime(data.receivedAt));
  w.field(
    '5. Thời gian trả kết quả giải quyết hồ sơ:',
    data.dueProvisional
      ? `${formatFormTime(data.dueAt)} (dự kiến: lịch nghỉ lễ năm tới chưa được công bố chính thức; nếu hạn thay đổi, Bộ phận Một cửa sẽ báo lại)`
      : formatFormTime(data.dueAt),
  );
  const d = data.resultDelivery;
  w.field(
    '6. Đăng ký nhận kết quả tại:',
    d.method === 'POST'
      ? `qua dịch vụ bưu chính công ích, địa chỉ: ${d.address}`
      : `${d.address ?? data.header.agencyName} (nhận trực tiếp)`,
  );
  if (data.bookEntry) {
    w.fieldRow(
      [
        { label: 'Vào Sổ theo dõi hồ sơ, Quyển số:', value: data.bookEntry.volume },
        { label: 'Số thứ tự:', value: data.bookEntry.number },
      ],
      [1.6, 1],
    );
  }
  w.gap(2);
  w.para(
    `Khi đến nhận kết quả, Ông/Bà vui lòng mang theo giấy này. Tra cứu tình trạng hồ sơ tại: ${data.lookupUrl}`,
    { style: 'italic', size: w.s(11), align: 'left' },
  );
  w.signatures([
    { title: 'Người nộp hồ sơ', name: a.name, space: 48 },
    { title: 'Người tiếp nhận hồ sơ', name: data.receiverName, space: 48 },
  ]);
}
