import { describe, expect, it } from 'vitest';
import { FORM_KINDS, formLabel, formNumber, formSetFor, formTitle, hasForm } from '../../../src/shared/printing/form-sets';

describe('formSetFor', () => {
  it('switches to Circular 03/2025 at midnight 15 Sep 2025, Vietnam time', () => {
    expect(formSetFor('2025-09-14T23:59:59+07:00')).toBe('2018');
    expect(formSetFor('2025-09-15T00:00:00+07:00')).toBe('2025');
    // 16:59 UTC on the 14th is still the 14th in Vietnam; 17:00 UTC is midnight of the 15th.
    expect(formSetFor('2025-09-14T16:59:59Z')).toBe('2018');
    expect(formSetFor('2025-09-14T17:00:00Z')).toBe('2025');
    expect(formSetFor('2018-07-01T08:00:00+07:00')).toBe('2018');
    expect(formSetFor('2026-02-17T08:00:00+07:00')).toBe('2025');
  });

  it('rejects an unreadable instant', () => {
    expect(() => formSetFor('hôm qua')).toThrow(RangeError);
  });
});

describe('formNumber', () => {
  it('numbers the forms of each circular', () => {
    const y2018 = FORM_KINDS.filter((f) => hasForm('2018', f)).map((f) => [f, formNumber('2018', f)]);
    expect(Object.fromEntries(y2018)).toEqual({
      receipt: '01',
      supplementRequest: '02',
      refusal: '03',
      apology: '04',
      controlSheet: '05',
      trackingBook: '06',
    });
    const y2025 = FORM_KINDS.map((f) => [f, formNumber('2025', f)]);
    expect(Object.fromEntries(y2025)).toEqual({
      receipt: '01',
      supplementRequest: '02',
      refusal: '03',
      apology: '04',
      stopNotice: '05',
      controlSheet: '06',
      trackingBook: '07',
    });
  });

  it('has no stop notice before 2025', () => {
    expect(hasForm('2018', 'stopNotice')).toBe(false);
    expect(() => formNumber('2018', 'stopNotice')).toThrow(/01\/2018/);
  });

  it('changes the title of form 04 only', () => {
    expect(formTitle('2018', 'apology')).toBe('Phiếu xin lỗi và hẹn lại ngày trả kết quả');
    expect(formTitle('2025', 'apology')).toBe('Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết');
    for (const f of ['receipt', 'supplementRequest', 'refusal', 'controlSheet', 'trackingBook'] as const) {
      expect(formTitle('2025', f)).toBe(formTitle('2018', f));
    }
    expect(formTitle('2025', 'stopNotice')).toBe('Thông báo dừng giải quyết hồ sơ');
    expect(formLabel('2018', 'controlSheet')).toBe('Mẫu số 05');
    expect(formLabel('2025', 'controlSheet')).toBe('Mẫu số 06');
  });
});
