import type { SupplementRequestData } from '../../../shared/printing/form-data';
import { formLabel, formTitle } from '../../../shared/printing/form-sets';
import { contactLines } from './common';
import { FormWriter, pad2 } from './layout';

/** Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export async function renderSupplementRequest(data: SupplementRequestData): Promise<Buffer> {
  const title = formTitle(data.formSet, 'supplementRequest');
  const w = new FormWriter({ title: `${title} ${data.dossierCode}`, baseSize: 13 });
  w.cornerLabel(formLabel(data.formSet, 'supplementRequest'));
  w.header(data.header, { date: data.issuedAt });
  w.title(title, `Mã hồ sơ: ${data.dossierCode}`);

  const a = data.applicant;
  w.field('Hồ sơ của Ông/Bà:', a.name);
  w.field('Nội dung yêu cầu giải quyết:', data.procedureName);
  contactLines(w, a);
  w.gap(3);
  w.para(
    `Sau khi xem xét hồ sơ, ${data.header.agencyName} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`,
  );
  w.gap(3);
  w.table(
    [
      { header: 'TT', width: 5, align: 'center' },
      { header: 'Giấy tờ cần bổ sung, hoàn thiện', width: 46 },
      { header: 'Bản chính', width: 9, align: 'center', group: 'Số lượng' },
      { header: 'Bản chứng thực', width: 10, align: 'center', group: 'Số lượng' },
      { header: 'Bản photo', width: 9, align: 'center', group: 'Số lượng' },
      { header: 'Ghi chú', width: 21 },
    ],
    data.items.map((d, i) => [
      String(i + 1),
      d.name,
      pad2(d.originals),
      pad2(d.certifiedCopies),
      pad2(d.copies),
      d.note ?? '',
    ]),
    { size: w.s(11.5), headerSize: w.s(11) },
  );
  w.field('Lý do:', data.reason);
  w.field('Quy định về thủ tục hành chính này được công khai tại:', data.rulesReference);
  w.runs(
    [
      { text: 'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ' },
      { text: data.contact.name, style: 'bold' },
      ...(data.contact.phone ? [{ text: ', số điện thoại ' }, { text: data.contact.phone, style: 'bold' as const }] : []),
      { text: ' để được hướng dẫn./.' },
    ],
    w.left,
    w.width,
  );
  w.signatures([{ title: 'Người hướng dẫn', name: data.guideName }]);
  return w.end();
}
