import type { RefusalData } from '../../../shared/printing/form-data';
import { formLabel, formTitle } from '../../../shared/printing/form-sets';
import { contactLines, numberedList } from './common';
import { FormWriter } from './layout';

/** Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export async function renderRefusal(data: RefusalData): Promise<Buffer> {
  const title = formTitle(data.formSet, 'refusal');
  const w = new FormWriter({ title: `${title} ${data.dossierCode ?? ''}`.trim(), baseSize: 13 });
  w.cornerLabel(formLabel(data.formSet, 'refusal'));
  w.header(data.header, { date: data.issuedAt });
  w.title(title, data.dossierCode ? `Mã hồ sơ: ${data.dossierCode}` : undefined);

  const a = data.applicant;
  w.field(`${data.header.agencyName} tiếp nhận hồ sơ của Ông/Bà:`, a.name);
  contactLines(w, a);
  w.field('Nội dung yêu cầu giải quyết:', data.procedureName);
  w.gap(3);
  w.para(
    `Qua xem xét, ${data.header.agencyName} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
  );
  numberedList(w, data.reasons);
  w.para('Xin thông báo cho Ông/Bà được biết và thực hiện./.', { gapAfter: 4 });
  w.signatures([
    { title: 'Người nộp hồ sơ', name: a.name },
    { title: 'Người tiếp nhận hồ sơ', name: data.receiverName },
  ]);
  return w.end();
}
