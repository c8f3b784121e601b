import type { ApologyData } from '../../../shared/printing/form-data';
import { formLabel, formTitle } from '../../../shared/printing/form-sets';
import { formatFormTime } from '../../../shared/printing/form-time';
import { addressee, letterSigner, numberLine } from './common';
import { FormWriter } from './layout';

/**
 * Mẫu 04 — "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (Circular 01/2018) or "Văn bản
 * xin lỗi và đề nghị gia hạn thời gian giải quyết" (Circular 03/2025): the 2025 letter
 * asks the citizen to agree to an extension instead of announcing a new date.
 */
export async function renderApology(data: ApologyData): Promise<Buffer> {
  const title = formTitle(data.formSet, 'apology');
  const is2025 = data.formSet === '2025';
  const agency = data.header.agencyName;
  const w = new FormWriter({ title: `${title} ${data.dossierCode}`, baseSize: 13 });
  w.cornerLabel(formLabel(data.formSet, 'apology'));
  w.header(data.header, {
    date: data.issuedAt,
    leftLines: [
      numberLine(data.documentNumber),
      is2025 ? 'V/v xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ' : 'V/v xin lỗi và hẹn lại ngày trả kết quả',
    ],
  });
  w.title(title);
  addressee(w, data.recipientName);

  const indent = { firstLineIndent: w.s(28), gapAfter: 3 };
  w.para(
    `${agency} tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục “${data.procedureName}” vào lúc ${formatFormTime(data.receivedAt)}; mã hồ sơ: ${data.dossierCode}.`,
    indent,
  );
  w.para(`Thời gian hẹn trả kết quả giải quyết hồ sơ: ${formatFormTime(data.originalDueAt)}.`, indent);
  w.para(
    `Tuy nhiên, đến nay ${agency} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hẹn, lý do: ${data.delayReason}.`,
    indent,
  );
  w.para(`Sự chậm trễ này là do lỗi của ${data.faultyBody}.`, indent);
  w.para(
    is2025
      ? `${agency} trân trọng xin lỗi Ông/Bà và đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ đến ${formatFormTime(data.newDueAt)}.`
      : `${agency} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào lúc ${formatFormTime(data.newDueAt)}.`,
    indent,
  );
  w.para('Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.', indent);
  w.closing(data.recipients, letterSigner(data.signer));
  return w.end();
}
