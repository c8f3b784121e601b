/**
 * Every form rendered from demanding data, read back with `pdftotext -layout`: each
 * field must be there, in reading order, and no word may leave the text area or
 * collide with another (what overflowing cells look like).
 */
import { describe, expect, it } from 'vitest';
import {
  renderApology,
  renderControlSheet,
  renderFeeReceipt,
  renderPostalHandover,
  renderReceipt,
  renderRefusal,
  renderStopNotice,
  renderSupplementRequest,
  renderTrackingBook,
} from '../../../src/main/printing/pdf';
import { amountInWords, formatVnd } from '../../../src/shared/domain/money';
import { formatFormTime } from '../../../src/shared/printing/form-time';
import {
  A4_LANDSCAPE,
  A4_PORTRAIT,
  A5_PORTRAIT,
  findInOrder,
  layoutProblems,
  pdfFonts,
  pdfInfo,
  pdfPagesText,
  pdfText,
  renderPngs,
  squash,
  wordBoxes,
  type Margins,
} from './pdf-tools';
import * as S from './samples';

const up = (s: string): string => s.toLocaleUpperCase('vi-VN');
const H = S.header;
const headerGroup = (date?: string): string[] => [
  up(H.parentAgencyName),
  up(H.agencyName),
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  ...(date ? [date] : []),
];

async function check(
  pdf: Buffer,
  name: string,
  fields: (string | string[])[],
  margins: Margins,
  window?: number,
): Promise<string> {
  await renderPngs(pdf, name, { dpi: 110 });
  const text = await pdfText(pdf);
  expect(findInOrder(text, fields, window)).toBeNull();
  expect(layoutProblems(await wordBoxes(pdf), margins)).toEqual([]);
  return text;
}

/** The layout line holding the start of a table row ends with the row's short cells. */
function rowLine(text: string, index: number, firstWords: string): string {
  const line = text.split('\n').find((l) => squash(l).startsWith(`${index} ${firstWords}`));
  if (!line) throw new Error(`không thấy dòng ${index} ${firstWords}`);
  return squash(line);
}

describe('Mẫu 01 receipt', () => {
  it('prints every field in order on one A4 page, with Tinos only', async () => {
    const r = S.receipt;
    const pdf = await renderReceipt(r);
    expect(await pdfInfo(pdf)).toMatchObject({ pages: 1, width: 595.28, height: 841.89 });
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/Tinos/);

    const org = r.owner!.kind === 'ORGANISATION' ? r.owner! : null;
    const total = r.fees.reduce((s, f) => s + f.amount, 0);
    const text = await check(
      pdf,
      'receipt-a4',
      [
        ['Mẫu số 01', ...headerGroup('Phường Ba Đình, ngày 27 tháng 10 năm 2023')],
        'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
        `Mã hồ sơ: ${r.dossierCode}`,
        `${H.agencyName} tiếp nhận hồ sơ của Ông/Bà: ${r.applicant.name}`,
        ['Số định danh cá nhân: 001190012345', 'Số điện thoại: 0912345678'],
        `Email: ${r.applicant.email}`,
        `Địa chỉ: ${r.applicant.address}`,
        'Nội dung yêu cầu giải quyết: Đăng ký thành lập hộ kinh doanh (mã TTHC: 1.001612)',
        `Tổ chức là chủ hồ sơ: ${org!.name}`,
        ['Mã số doanh nghiệp/thuế: 1801234567', 'Người đại diện: Lê Văn Thắng'],
        `Địa chỉ của chủ hồ sơ: ${org!.address}`,
        'Phí, lệ phí (thu trước):',
        ...r.fees.map((f) => `${f.name} ${formatVnd(f.amount)}`),
        `Tổng cộng: ${formatVnd(total)} (${amountInWords(total)})`,
        '1. Thành phần hồ sơ nộp gồm:',
        ['TT', 'Tên giấy tờ', 'Số lượng', 'Bản chính', 'Bản chứng thực', 'Bản photo'],
        ...r.documents.map((d, i) => `${i + 1} ${d.name}`),
        '2. Số lượng hồ sơ: 01 bộ',
        '3. Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc',
        '4. Thời gian nhận hồ sơ: 09 giờ 32 phút, ngày 27/10/2023',
        '5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 32 phút, ngày 03/11/2023',
        `6. Đăng ký nhận kết quả tại: qua dịch vụ bưu chính công ích, địa chỉ: ${r.resultDelivery.address}`,
        ['Vào Sổ theo dõi hồ sơ, Quyển số: 03/2023', 'Số thứ tự: 1.204'],
        'Tra cứu tình trạng hồ sơ tại:',
        ['NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ'],
        [r.applicant.name, r.receiverName],
      ],
      A4_PORTRAIT,
    );
    // Quantities sit on the first line of their row, in column order.
    r.documents.forEach((d, i) => {
      const first = d.name.split(' ').slice(0, 3).join(' ');
      const q = [d.originals, d.certifiedCopies, d.copies].map((n) => (n === 0 ? '0' : String(n).padStart(2, '0')));
      expect(rowLine(text, i + 1, first).endsWith(q.join(' '))).toBe(true);
    });
    // The URL may wrap; with the line breaks removed it is all there.
    expect(squash(text).replace(/ /g, '')).toContain(r.lookupUrl);
  });

  it('prints a counter receipt for a person owner, without fees, in the 2025 set', async () => {
    const pdf = await renderReceipt({
      ...S.receipt,
      formSet: '2025',
      owner: { kind: 'PERSON', name: 'Phạm Thị Lụa', address: 'Xã Đông Anh, Hà Nội', idNumber: '001180000001' },
      documents: S.receipt.documents.slice(0, 2),
      feeMode: 'EXEMPT',
      fees: [],
      resultDelivery: { method: 'COUNTER' },
      bookEntry: undefined,
    });
    expect((await pdfInfo(pdf)).pages).toBe(1);
    const text = await check(
      pdf,
      'receipt-a4-counter',
      [
        ['Mẫu số 01', ...headerGroup()],
        'Chủ hồ sơ (Ông/Bà): Phạm Thị Lụa (số định danh: 001180000001)',
        'Địa chỉ của chủ hồ sơ: Xã Đông Anh, Hà Nội',
        'Phí, lệ phí: Miễn.',
        `6. Đăng ký nhận kết quả tại: ${H.agencyName} (nhận trực tiếp)`,
      ],
      A4_PORTRAIT,
    );
    expect(text).not.toContain('Quyển số');
  });

  it('renders on A5 with every field and nothing outside the margins', async () => {
    const pdf = await renderReceipt(S.receipt, { paper: 'A5' });
    const info = await pdfInfo(pdf);
    expect(info).toMatchObject({ width: 419.53, height: 595.28 });
    expect(info.pages).toBeLessThanOrEqual(2);
    await check(
      pdf,
      'receipt-a5',
      [
        'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
        `Mã hồ sơ: ${S.dossierCode}`,
        ...S.receipt.documents.map((d, i) => `${i + 1} ${d.name}`),
        '5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 32 phút, ngày 03/11/2023',
        ['NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ'],
      ],
      A5_PORTRAIT,
    );
  });
});

describe('letters and slips', () => {
  it('Mẫu 02 supplement request', async () => {
    const d = S.supplement;
    await check(
      await renderSupplementRequest(d),
      'supplement-request',
      [
        ['Mẫu số 02', ...headerGroup('Phường Ba Đình, ngày 01 tháng 10 năm 2025')],
        'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
        `Mã hồ sơ: ${d.dossierCode}`,
        `Hồ sơ của Ông/Bà: ${d.applicant.name}`,
        `Nội dung yêu cầu giải quyết: ${d.procedureName}`,
        `Địa chỉ: ${d.applicant.address}`,
        ['Số điện thoại: 0912345678', `Email: ${d.applicant.email}`],
        'đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
        [`1 ${d.items[0].name}`, 'Bổ sung chữ ký'],
        `2 ${d.items[1].name}`,
        `Lý do: ${d.reason}`,
        `Quy định về thủ tục hành chính này được công khai tại: ${d.rulesReference}`,
        'liên hệ với Đặng Thị Ngọc Ánh, số điện thoại 0243 8223 456 để được hướng dẫn',
        'NGƯỜI HƯỚNG DẪN',
        d.guideName,
      ],
      A4_PORTRAIT,
    );
  });

  it('Mẫu 03 refusal', async () => {
    const d = S.refusal;
    await check(
      await renderRefusal(d),
      'refusal',
      [
        ['Mẫu số 03', ...headerGroup('Phường Ba Đình, ngày 27 tháng 10 năm 2023')],
        'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
        `Mã hồ sơ: ${d.dossierCode}`,
        `tiếp nhận hồ sơ của Ông/Bà: ${d.applicant.name}`,
        `Địa chỉ: ${d.applicant.address}`,
        `Nội dung yêu cầu giải quyết: ${d.procedureName}`,
        'thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
        ...d.reasons.map((r, i) => `${i + 1}. ${r}`),
        'Xin thông báo cho Ông/Bà được biết và thực hiện./.',
        ['NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ'],
        [d.applicant.name, d.receiverName],
      ],
      A4_PORTRAIT,
    );
  });

  it('Mẫu 04 apology, in both form sets', async () => {
    const d = S.apology;
    const common = [
      `Kính gửi: ${d.recipientName}`,
      `thủ tục “${d.procedureName}” vào lúc ${formatFormTime(d.receivedAt)}; mã hồ sơ: ${d.dossierCode}`,
      `Thời gian hẹn trả kết quả giải quyết hồ sơ: ${formatFormTime(d.originalDueAt)}`,
      `lý do: ${d.delayReason}`,
      `Sự chậm trễ này là do lỗi của ${d.faultyBody}`,
    ];
    await check(
      await renderApology(d),
      'apology-2025',
      [
        ['Mẫu số 04', ...headerGroup('Phường Ba Đình, ngày 03 tháng 11 năm 2025'), 'Số: 125/TTPVHCC-TNTKQ'],
        'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
        ...common,
        `đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ đến ${formatFormTime(d.newDueAt)}`,
        'Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.',
        ['Nơi nhận:', 'KT. GIÁM ĐỐC'],
        ['- Như trên;', 'PHÓ GIÁM ĐỐC', '(Ký, ghi rõ họ tên và đóng dấu)'],
        '- Lưu: VT, TNTKQ.',
        d.signer.name,
      ],
      A4_PORTRAIT,
    );
    const text2018 = await check(
      await renderApology({ ...d, formSet: '2018', documentNumber: undefined }),
      'apology-2018',
      [
        ['Mẫu số 04', 'V/v xin lỗi và hẹn lại ngày trả kết quả'],
        'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
        ...common,
        `sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào lúc ${formatFormTime(d.newDueAt)}`,
      ],
      A4_PORTRAIT,
    );
    // No number yet: dots left to write it in by hand.
    expect(text2018).toMatch(/Số: …{5,}/);
  });

  it('Mẫu 05 (2025) stop notice, refused for the 2018 set', async () => {
    const d = S.stopNotice;
    await check(
      await renderStopNotice(d),
      'stop-notice',
      [
        ['Mẫu số 05', ...headerGroup('Phường Ba Đình, ngày 05 tháng 11 năm 2025'), 'Số: 131/TB-TTPVHCC'],
        'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
        `Kính gửi: ${d.recipientName}`,
        `Căn cứ ${d.legalBasis}`,
        `mã hồ sơ: ${d.dossierCode}`,
        ...d.reasons.map((r, i) => `${i + 1}. ${r}`),
        ['Nơi nhận:', 'GIÁM ĐỐC'],
        d.signer.name,
      ],
      A4_PORTRAIT,
    );
    // A caller bypassing the schema still cannot print a form the 2018 set never had.
    await expect(renderStopNotice({ ...d, formSet: '2018' as '2025' })).rejects.toThrow(/01\/2018/);
  });

  it('control sheet numbered 05 (2018) or 06 (2025), one row per hand-over', async () => {
    const d = S.controlSheet;
    const labels = ['Đúng hạn', 'Trước hạn', 'Quá hạn'];
    // One group per row: the row's cells interleave line by line in the layout text.
    const rows = d.rows.map((r, i) => [
      `${i + 1} Giao: ${r.fromBody}`,
      `Nhận: ${r.toBody}`,
      formatFormTime(r.at).split(', ')[0],
      labels[i],
      r.giverName!,
      r.receiverName!,
      ...(r.note ? [r.note] : []),
      ...(r.viaPost ? ['(theo phiếu gửi bưu chính)'] : []),
    ]);
    await check(
      await renderControlSheet(d),
      'control-sheet-2025',
      [
        ['Mẫu số 06', ...headerGroup()],
        'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
        `Mã hồ sơ: ${d.dossierCode}`,
        `Kèm theo hồ sơ của: ${d.ownerName}`,
        `Ngày, giờ nhận hồ sơ: ${formatFormTime(d.receivedAt)}`,
        `Ngày, giờ hẹn trả kết quả: ${formatFormTime(d.dueAt)}`,
        `Cơ quan (bộ phận) giải quyết hồ sơ: ${d.processingBody}`,
        `Cơ quan phối hợp giải quyết hồ sơ: ${d.cooperatingBodies.join('; ')}`,
        ['TT', 'Tên cơ quan', 'Thời gian giao, nhận hồ sơ', 'Người giao', 'Người nhận', 'Ghi chú'],
        ...rows,
      ],
      A4_PORTRAIT,
    );
    const text2018 = await pdfText(await renderControlSheet({ ...d, formSet: '2018' }));
    expect(text2018).toContain('Mẫu số 05');
  });

  it('fee receipt with the amount in figures and words', async () => {
    const d = S.feeReceipt;
    await check(
      await renderFeeReceipt(d),
      'fee-receipt',
      [
        ['Ký hiệu: BL-25T', 'Số: 0001234', ...headerGroup('Phường Ba Đình, ngày 27 tháng 10 năm 2023')],
        'BIÊN LAI THU PHÍ, LỆ PHÍ',
        `Tên người nộp tiền: ${d.payerName}`,
        `Địa chỉ: ${d.payerAddress}`,
        `Mã hồ sơ: ${d.dossierCode}`,
        ...d.fees.map((f, i) => `${i + 1} ${f.name} ${formatVnd(f.amount)}`),
        'Tổng cộng 126.000 đ',
        'Số tiền bằng chữ: Một trăm hai mươi sáu nghìn đồng.',
        'Hình thức thanh toán: Tiền mặt',
        ['NGƯỜI NỘP TIỀN', 'NGƯỜI THU TIỀN'],
        [d.payerName, d.collectorName],
      ],
      A4_PORTRAIT,
    );
    const a5 = await renderFeeReceipt(d, { paper: 'A5' });
    expect((await pdfInfo(a5)).width).toBe(419.53);
    expect(layoutProblems(await wordBoxes(a5), A5_PORTRAIT)).toEqual([]);
  });

  it('postal hand-over slips in both directions, with totals counted from the rows', async () => {
    const d = S.postalHandover;
    const rowFields = d.rows.map((r, i) => [`${i + 1} ${r.postalCode} ${r.dossierCode}`, r.ownerName, r.procedureName]);
    await check(
      await renderPostalHandover(d),
      'postal-out',
      [
        headerGroup('Phường Ba Đình, ngày 27 tháng 10 năm 2023'),
        'PHIẾU BÀN GIAO KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
        'Số: 27/10-BCCI',
        `Hôm nay, vào lúc 16 giờ 30 phút, ngày 27/10/2023, tại ${H.agencyName}`,
        `1. Bên giao: Ông/Bà ${d.clerkName}`,
        `2. Bên nhận: Ông/Bà ${d.postalEmployee.name}, nhân viên ${d.postOffice}, số điện thoại 0987654321`,
        ...rowFields,
        'Tổng cộng: 3 hồ sơ 4',
        'Tổng số: 3 hồ sơ, 4 bộ.',
        ['BÊN GIAO', 'BÊN NHẬN'],
        [d.clerkName, d.postalEmployee.name],
      ],
      A4_PORTRAIT,
    );
    await check(
      await renderPostalHandover({ ...d, direction: 'IN', rows: d.rows.slice(0, 2) }),
      'postal-in',
      [
        'PHIẾU BÀN GIAO HỒ SƠ',
        `1. Bên giao: Ông/Bà ${d.postalEmployee.name}`,
        `2. Bên nhận: Ông/Bà ${d.clerkName}`,
        'Tổng số: 2 hồ sơ, 3 bộ.',
        ['BÊN GIAO', 'BÊN NHẬN'],
        [d.postalEmployee.name, d.clerkName],
      ],
      A4_PORTRAIT,
    );
  });
});

const HEADER_CELLS = [
  'TT',
  'Mã hồ sơ',
  'Tên thủ tục hành chính',
  'Số lượng hồ sơ (bộ)',
  'Tên cá nhân, tổ chức',
  'Địa chỉ, số điện thoại',
  'Cơ quan chủ trì giải quyết',
  'Ngày, tháng, năm',
  'Nhận hồ sơ',
  'Hẹn trả kết quả',
  'Chuyển hồ sơ đến cơ quan giải quyết',
  'Nhận kết quả từ cơ quan giải quyết',
  'Trả kết quả cho cá nhân, tổ chức',
  'Ký nhận',
  'Ghi chú',
];

describe('tracking book', () => {
  it('lists a short period on A4 landscape with the register columns', async () => {
    const d = S.trackingBook;
    const pdf = await renderTrackingBook(d);
    const text = await check(
      pdf,
      'tracking-book',
      [
        ['Mẫu số 06', ...headerGroup()],
        'SỔ THEO DÕI HỒ SƠ',
        'Từ ngày 01/10/2023 đến ngày 31/10/2023 — Quyển số: 03/2023',
        '(1) (2) (3) (4) (5) (6) (7) (8) (9) (10) (11) (12) (13) (14)',
        ...d.rows.map((r, i) => [`${i + 1} ${r.dossierCode}`, r.procedureName, r.applicantName, r.competentAgency]),
        'Tổng số: 6 hồ sơ.',
      ],
      A4_LANDSCAPE,
      // A register line carries fourteen columns, so a wrapped cell's next words come
      // after up to a line's worth of other cells.
      30,
    );
    // Fourteen header cells wrap on up to five lines, so their words interleave widely.
    expect(findInOrder(text, [HEADER_CELLS], 60)).toBeNull();
  });

  it('breaks 120 rows over several pages, repeating the header, every row once and in order', async () => {
    const rows = S.trackingRows(120);
    const pdf = await renderTrackingBook({ ...S.trackingBook, formSet: '2025', rows });
    const info = await pdfInfo(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(4);
    expect(info.width).toBeGreaterThan(info.height);
    const pages = await pdfPagesText(pdf);
    expect(pages.length).toBe(info.pages);
    pages.forEach((page, i) => {
      expect(findInOrder(page, [HEADER_CELLS, '(1) (2) (3) (4) (5) (6) (7) (8) (9) (10) (11) (12) (13) (14)'], 60)).toBeNull();
      if (i > 0) expect(page.trimStart().startsWith(String(i + 1))).toBe(true); // page number on top
    });
    expect(pages[0]).toContain('Mẫu số 07');
    const all = pages.join('\n');
    expect(findInOrder(all, rows.map((r, i) => `${i + 1} ${r.dossierCode}`))).toBeNull();
    for (const r of rows) expect(all.split(r.dossierCode).length - 1).toBe(1);
    expect(layoutProblems(await wordBoxes(pdf), A4_LANDSCAPE)).toEqual([]);
    await renderPngs(pdf, 'tracking-book-120', { dpi: 80, first: 1, last: 2 });
  });
});

describe('text safety', () => {
  it('normalises decomposed input to NFC before drawing', async () => {
    const nfd = 'Nguyễn Thị Ánh Tuyết'.normalize('NFD');
    const pdf = await renderRefusal({ ...S.refusal, applicant: { ...S.refusal.applicant, name: nfd } });
    const text = await pdfText(pdf);
    expect(text).toContain('Nguyễn Thị Ánh Tuyết'.normalize('NFC'));
    expect(text).not.toContain(nfd);
  });

  it('clips a cell taller than a page instead of running off it', async () => {
    const huge = Array.from({ length: 400 }, (_, i) => `Ghi chú rất dài số ${i + 1}`).join(', ');
    const rows = S.trackingRows(3).map((r, i) => (i === 1 ? { ...r, note: huge } : r));
    const pdf = await renderTrackingBook({ ...S.trackingBook, rows });
    expect(layoutProblems(await wordBoxes(pdf), A4_LANDSCAPE)).toEqual([]);
    const all = (await pdfPagesText(pdf)).join('\n');
    for (const r of rows) expect(all).toContain(r.dossierCode);
    expect(all).toContain('…');
  });
});
