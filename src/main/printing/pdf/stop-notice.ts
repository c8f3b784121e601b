import type { StopNoticeData } from '../../../shared/printing/form-data';
import { formLabel, formTitle } from '../../../shared/printing/form-sets';
import { formatFormTime } from '../../../shared/printing/form-time';
import { addressee, letterSigner, numberedList, numberLine } from './common';
import { FormWriter } from './layout';

/** Mẫu 05 of Circular 03/2025 — Thông báo dừng giải quyết hồ sơ (no 2018 equivalent). */
export async function renderStopNotice(data: StopNoticeData): Promise<Buffer> {
  // formTitle throws for a set without this form, so a 2018 dossier cannot get one.
  const title = formTitle(data.formSet, 'stopNotice');
  const agency = data.header.agencyName;
  const w = new FormWriter({ title: `${title} ${data.dossierCode}`, baseSize: 13 });
  w.cornerLabel(formLabel(data.formSet, 'stopNotice'));
  w.header(data.header, {
    date: data.issuedAt,
    leftLines: [numberLine(data.documentNumber), 'V/v dừng giải quyết hồ sơ'],
  });
  w.title(title);
  addressee(w, data.recipientName);

  const indent = { firstLineIndent: w.s(28), gapAfter: 3 };
  if (data.legalBasis) w.para(`Căn cứ ${data.legalBasis};`, indent);
  w.para(
    `${agency} đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục “${data.procedureName}” vào lúc ${formatFormTime(data.receivedAt)}; mã hồ sơ: ${data.dossierCode}.`,
    indent,
  );
  w.para(`${agency} thông báo dừng giải quyết hồ sơ nêu trên vì các lý do sau:`, indent);
  numberedList(w, data.reasons);
  w.para('Xin thông báo để Ông/Bà (tổ chức) được biết./.', indent);
  w.closing(data.recipients, letterSigner(data.signer));
  return w.end();
}
