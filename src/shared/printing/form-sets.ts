/**
 * Which circular's numbering and titles a printed form uses.
 *
 * Circular 03/2025/TT-VPCP replaced Circular 01/2018/TT-VPCP from 15 Sep 2025. A dossier
 * keeps the set of the day it was received, so reprinting an old dossier shows the
 * numbers and titles it was issued with.
 */

export const FORM_SETS = ['2018', '2025'] as const;
export type FormSet = (typeof FORM_SETS)[number];

export const FORM_KINDS = [
  'receipt',
  'supplementRequest',
  'refusal',
  'apology',
  'stopNotice',
  'controlSheet',
  'trackingBook',
] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** First instant of Circular 03/2025: midnight 15 Sep 2025, Vietnam time. */
export const CIRCULAR_2025_FROM = '2025-09-15T00:00:00+07:00';
const CIRCULAR_2025_FROM_MS = Date.parse(CIRCULAR_2025_FROM);

/** The form set in force when the dossier was received (ISO 8601 instant with offset). */
export function formSetFor(receivedAt: string): FormSet {
  const ms = Date.parse(receivedAt);
  if (Number.isNaN(ms)) throw new RangeError(`Thời điểm tiếp nhận không hợp lệ: ${receivedAt}`);
  return ms >= CIRCULAR_2025_FROM_MS ? '2025' : '2018';
}

interface FormEntry {
  number: string;
  title: string;
}

const FORMS: Record<FormSet, Partial<Record<FormKind, FormEntry>>> = {
  '2018': {
    receipt: { number: '01', title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' },
    supplementRequest: { number: '02', title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' },
    refusal: { number: '03', title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ' },
    apology: { number: '04', title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả' },
    controlSheet: { number: '05', title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' },
    trackingBook: { number: '06', title: 'Sổ theo dõi hồ sơ' },
  },
  '2025': {
    receipt: { number: '01', title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' },
    supplementRequest: { number: '02', title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' },
    refusal: { number: '03', title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ' },
    apology: { number: '04', title: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết' },
    stopNotice: { number: '05', title: 'Thông báo dừng giải quyết hồ sơ' },
    controlSheet: { number: '06', title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' },
    trackingBook: { number: '07', title: 'Sổ theo dõi hồ sơ' },
  },
};

function entry(formSet: FormSet, form: FormKind): FormEntry {
  const e = FORMS[formSet][form];
  if (!e) {
    throw new RangeError(
      `Biểu mẫu "${form}" không có trong bộ biểu mẫu ${formSet === '2018' ? 'Thông tư 01/2018/TT-VPCP' : 'Thông tư 03/2025/TT-VPCP'}`,
    );
  }
  return e;
}

/** True when the set has the form (the stop notice exists only from 2025). */
export function hasForm(formSet: FormSet, form: FormKind): boolean {
  return FORMS[formSet][form] !== undefined;
}

/** Two-digit form number ("01" … "07"); throws for a form the set does not have. */
export function formNumber(formSet: FormSet, form: FormKind): string {
  return entry(formSet, form).number;
}

/** Official title in sentence case; printers upper-case it for the heading. */
export function formTitle(formSet: FormSet, form: FormKind): string {
  return entry(formSet, form).title;
}

/** Label printed in the top corner, e.g. "Mẫu số 06". */
export function formLabel(formSet: FormSet, form: FormKind): string {
  return `Mẫu số ${formNumber(formSet, form)}`;
}

/** Short citation of the circular, for footers and reports. */
export function circularOf(formSet: FormSet): string {
  return formSet === '2018' ? 'Thông tư số 01/2018/TT-VPCP' : 'Thông tư số 03/2025/TT-VPCP';
}
