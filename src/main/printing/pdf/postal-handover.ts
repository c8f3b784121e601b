import { postalTotals, type PostalHandoverData } from '../../../shared/printing/form-data';
import { formatFormTime } from '../../../shared/printing/form-time';
import { FormWriter, type Run } from './layout';

/**
 * Phiếu bàn giao with the public postal service (Decision 45/2016/QĐ-TTg). IN: the
 * postal employee hands in dossiers collected by post; OUT: the counter hands results
 * to the postal employee. Totals are counted from the rows.
 */
export async function renderPostalHandover(data: PostalHandoverData): Promise<Buffer> {
  const inbound = data.direction === 'IN';
  const title = inbound ? 'Phiếu bàn giao hồ sơ' : 'Phiếu bàn giao kết quả giải quyết hồ sơ';
  const w = new FormWriter({ title: `${title} ${data.slipNumber ?? ''}`.trim(), baseSize: 12.5 });
  w.header(data.header, { date: data.at });
  const sub = inbound
    ? 'Từ doanh nghiệp cung ứng dịch vụ bưu chính công ích cho Bộ phận Một cửa'
    : 'Từ Bộ phận Một cửa cho doanh nghiệp cung ứng dịch vụ bưu chính công ích';
  w.title(title, data.slipNumber ? `(${sub})\nSố: ${data.slipNumber}` : `(${sub})`);

  w.para(`Hôm nay, vào lúc ${formatFormTime(data.at)}, tại ${data.header.agencyName}, chúng tôi gồm:`, { align: 'left' });
  const postal: Run[] = [
    { text: 'Ông/Bà ' },
    { text: data.postalEmployee.name, style: 'bold' },
    { text: `, nhân viên ${data.postOffice}` },
    ...(data.postalEmployee.phone ? [{ text: ', số điện thoại ' }, { text: data.postalEmployee.phone, style: 'bold' as const }] : []),
    { text: '.' },
  ];
  const counter: Run[] = [
    { text: 'Ông/Bà ' },
    { text: data.clerkName, style: 'bold' },
    { text: `, công chức tiếp nhận và trả kết quả, ${data.header.agencyName}.` },
  ];
  const [giver, receiver] = inbound ? [postal, counter] : [counter, postal];
  w.runs([{ text: '1. Bên giao: ', style: 'bold' }, ...giver], w.left, w.width);
  w.runs([{ text: '2. Bên nhận: ', style: 'bold' }, ...receiver], w.left, w.width);
  w.para(inbound ? 'Đã bàn giao các hồ sơ sau:' : 'Đã bàn giao kết quả giải quyết của các hồ sơ sau:', { align: 'left', gapAfter: 3 });

  const totals = postalTotals(data.rows);
  w.table(
    [
      { header: 'TT', width: 22, align: 'center' },
      { header: 'Mã bưu gửi', width: 80, nowrap: true },
      { header: 'Mã hồ sơ', width: 118, nowrap: true },
      { header: 'Chủ hồ sơ', width: 96 },
      { header: 'Thủ tục hành chính', width: 80 },
      { header: 'Số bộ', width: 30, align: 'center' },
      { header: 'Ghi chú', width: 40 },
    ],
    [
      ...data.rows.map((r, i) => [String(i + 1), r.postalCode, r.dossierCode, r.ownerName, r.procedureName, String(r.sets), r.note ?? '']),
      [
        { text: `Tổng cộng: ${totals.items} hồ sơ`, colSpan: 5, style: 'bold', align: 'center' },
        { text: String(totals.sets), style: 'bold' },
        '',
      ],
    ],
    { size: w.s(10.5), headerSize: w.s(10.5) },
  );
  w.para(
    `Tổng số: ${totals.items} hồ sơ, ${totals.sets} bộ. Phiếu này lập thành 02 bản, mỗi bên giữ 01 bản./.`,
    { align: 'left' },
  );
  const postalName = data.postalEmployee.name;
  w.signatures(
    inbound
      ? [
          { title: 'Bên giao', note: '(Nhân viên bưu chính ký, ghi rõ họ tên)', name: postalName },
          { title: 'Bên nhận', note: '(Ký, ghi rõ họ tên)', name: data.clerkName },
        ]
      : [
          { title: 'Bên giao', note: '(Ký, ghi rõ họ tên)', name: data.clerkName },
          { title: 'Bên nhận', note: '(Nhân viên bưu chính ký, ghi rõ họ tên)', name: postalName },
        ],
  );
  return w.end();
}
