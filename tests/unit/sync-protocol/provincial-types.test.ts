import { describe, expect, it } from 'vitest';
import {
  formatProvincialTime,
  isProvincialDate,
  isProvincialTime,
  parseProvincialTime,
} from '../../../src/shared/sync/provincial-time';
import {
  batchItemResultSchema,
  calendarAnswerSchema,
  hoSoSchema,
  thuTucSchema,
} from '../../../src/shared/sync/provincial-types';

describe('provincial times', () => {
  it('accepts real instants only', () => {
    expect(isProvincialTime('20240229235959')).toBe(true); // leap day
    expect(isProvincialTime('20250229120000')).toBe(false);
    expect(isProvincialTime('21000229120000')).toBe(false); // 2100 is not a leap year
    expect(isProvincialTime('20250431120000')).toBe(false);
    expect(isProvincialTime('20250714240000')).toBe(false);
    expect(isProvincialTime('20250714126000')).toBe(false);
    expect(isProvincialTime('2025071412000')).toBe(false);
    expect(isProvincialTime('2025-07-14T12:00')).toBe(false);
    expect(isProvincialDate('20270205')).toBe(true);
    expect(isProvincialDate('20271305')).toBe(false);
  });

  it('writes the Vietnamese wall clock whatever the machine zone: UTC 17:30 is 00:30 next day', () => {
    expect(formatProvincialTime(new Date('2025-12-31T17:30:05Z'))).toBe('20260101003005');
    expect(formatProvincialTime(new Date('2025-07-14T09:15:00+07:00'))).toBe('20250714091500');
  });

  it('reads a time back to the same instant', () => {
    const t = new Date('2026-02-16T23:59:59+07:00'); // Tết eve 2026
    expect(parseProvincialTime(formatProvincialTime(t))?.toISOString()).toBe(t.toISOString());
    expect(parseProvincialTime('20250230000000')).toBeNull();
  });
});

describe('answer schemas', () => {
  const hoSo = {
    MaHoSo: '000.00.06.H56-250714-0001',
    PhienBan: 3,
    MaTTHC: '1.001193',
    KenhThucHien: '1',
    ChuHoSo: 'Nguyễn Văn An',
    NgayTiepNhan: '20250714091500',
    NgayHenTra: '20250715091500',
    TrangThaiHoSo: '4',
  };

  it('reads an empty optional time as absent and ignores unknown fields', () => {
    const r = hoSoSchema.parse({ ...hoSo, NgayTra: '', TruongMoi: 'x' });
    expect(r.NgayTra).toBeUndefined();
    expect(r).not.toHaveProperty('TruongMoi');
  });

  it('refuses codes as numbers, versions as strings and impossible times', () => {
    expect(hoSoSchema.safeParse({ ...hoSo, TrangThaiHoSo: 4 }).success).toBe(false);
    expect(hoSoSchema.safeParse({ ...hoSo, PhienBan: '3' }).success).toBe(false);
    expect(hoSoSchema.safeParse({ ...hoSo, NgayHenTra: '20250732000000' }).success).toBe(false);
    expect(hoSoSchema.safeParse({ ...hoSo, TrangThaiHoSo: '11' }).success).toBe(false);
  });

  it('requires HoSoHienTai with a -8 item', () => {
    const item = { MaHoSo: hoSo.MaHoSo, MaThayDoi: 'x', error_code: '-8', message: 'Xung đột', PhienBan: 3 };
    expect(batchItemResultSchema.safeParse(item).success).toBe(false);
    expect(batchItemResultSchema.safeParse({ ...item, HoSoHienTai: hoSo }).success).toBe(true);
  });

  it('reads a catalog flag given as "1"/"0" as a boolean, and defaults absent lists', () => {
    const t = thuTucSchema.parse({
      MaTTHC: '2.000815',
      TenTTHC: 'Chứng thực bản sao từ bản chính',
      ThoiHanGiaiQuyet: { SoNgay: 1, DonVi: 'NGAYLAMVIEC', TrongNgay: '0' },
      HieuLuc: '1',
    });
    expect(t.ThoiHanGiaiQuyet?.TrongNgay).toBe(false);
    expect(t.ThanhPhanHoSo).toEqual([]);
    expect(t.PhiLePhi).toEqual([]);
  });

  it('accepts every shape of an empty calendar answer', () => {
    for (const body of [{}, { result: null }, { result: {} }, { result: { Nam: 2028, NgayNghi: [], NgayLamBu: [] } }]) {
      expect(calendarAnswerSchema.safeParse(body).success).toBe(true);
    }
    expect(calendarAnswerSchema.safeParse({ result: { NgayNghi: [{ Ngay: '2027-01-01', Ten: 'x' }] } }).success).toBe(false);
  });
});
