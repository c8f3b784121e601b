import { describe, expect, it } from 'vitest';
import {
  formatFormDate,
  formatFormTime,
  formatLongDate,
  formatPlaceDate,
  formatShortDateTime,
} from '../../../src/shared/printing/form-time';

describe('form times (always UTC+7)', () => {
  it('formats the receipt time with zero-padded fields', () => {
    expect(formatFormTime('2023-10-27T09:32:00+07:00')).toBe('09 giờ 32 phút, ngày 27/10/2023');
    expect(formatFormTime('2024-01-05T07:05:00+07:00')).toBe('07 giờ 05 phút, ngày 05/01/2024');
  });

  it('converts other offsets to Vietnam time, across the date line', () => {
    // 02:32 UTC is 09:32 in Hà Nội; 17:30 UTC is 00:30 the next day.
    expect(formatFormTime('2023-10-27T02:32:00Z')).toBe('09 giờ 32 phút, ngày 27/10/2023');
    expect(formatFormTime('2023-12-31T17:30:00Z')).toBe('00 giờ 30 phút, ngày 01/01/2024');
    expect(formatFormDate('2023-12-31T17:30:00.000Z')).toBe('01/01/2024');
    expect(formatShortDateTime('2023-10-27T09:32:00+07:00')).toBe('27/10/2023 09:32');
  });

  it('refuses an instant without an offset instead of using the machine zone', () => {
    expect(() => formatFormTime('2023-10-27T09:32:00')).toThrow(/múi giờ/);
    expect(() => formatFormTime('không phải ngày')).toThrow(RangeError);
  });

  it('writes the long date as Decree 30 does (zero before days < 10 and months 1–2)', () => {
    expect(formatLongDate('2025-03-05T10:00:00+07:00')).toBe('ngày 05 tháng 3 năm 2025');
    expect(formatLongDate('2025-02-14T10:00:00+07:00')).toBe('ngày 14 tháng 02 năm 2025');
    expect(formatLongDate('2025-01-01T10:00:00+07:00')).toBe('ngày 01 tháng 01 năm 2025');
    expect(formatLongDate('2023-10-27T10:00:00+07:00')).toBe('ngày 27 tháng 10 năm 2023');
    expect(formatPlaceDate(' Phường Ba Đình ', '2023-10-27T02:00:00Z')).toBe('Phường Ba Đình, ngày 27 tháng 10 năm 2023');
  });
});
