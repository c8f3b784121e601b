import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ThuTuc } from '../../../src/shared/sync/provincial-types';
import { must, mustFail, startRig, type Rig } from './fixtures';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig.double.close();
});

const khaiSinh: ThuTuc = {
  MaTTHC: '1.001193',
  TenTTHC: 'Thủ tục đăng ký khai sinh',
  MaLinhVuc: 'G03-HT01',
  TenLinhVuc: 'Hộ tịch',
  CapThucHien: 'XA',
  CoQuanThucHien: 'Ủy ban nhân dân cấp xã',
  MucDo: 'TOANTRINH',
  ThoiHanGiaiQuyet: { SoNgay: 0, DonVi: 'NGAYLAMVIEC', TrongNgay: true },
  ThanhPhanHoSo: [
    { MaThanhPhan: 'TP1', TenGiayTo: 'Tờ khai đăng ký khai sinh', SoBanChinh: 1, SoBanSao: 0, BatBuoc: true },
    { MaThanhPhan: 'TP2', TenGiayTo: 'Giấy chứng sinh', SoBanChinh: 1, SoBanSao: 0, BatBuoc: true },
  ],
  PhiLePhi: [{ MaPhiLePhi: 'LP1', TenPhiLePhi: 'Lệ phí đăng ký khai sinh đúng hạn', MucThu: 0, MoTa: 'Miễn lệ phí' }],
  HieuLuc: '1',
};
const chungThuc: ThuTuc = {
  MaTTHC: '2.000815',
  TenTTHC: 'Chứng thực bản sao từ bản chính',
  CapThucHien: 'XA',
  MucDo: 'MOTPHAN',
  ThoiHanGiaiQuyet: { SoNgay: 1, DonVi: 'NGAYLAMVIEC', TrongNgay: false },
  ThanhPhanHoSo: [],
  PhiLePhi: [{ MaPhiLePhi: 'LP2', TenPhiLePhi: 'Phí chứng thực', MucThu: 2000, MoTa: '2.000 đồng/trang' }],
  HieuLuc: '0',
};

describe('LayDanhSachTTHC: catalog', () => {
  beforeEach(() => {
    rig.double.state.setCatalog([
      { thuTuc: khaiSinh, changedAt: '20250701080000' },
      { thuTuc: chungThuc, changedAt: '20250710143000' },
    ]);
  });

  it('returns the whole catalog without tuNgay', async () => {
    expect(must(await rig.client.catalog())).toEqual([khaiSinh, chungThuc]);
  });

  it('returns only procedures changed since tuNgay (inclusive)', async () => {
    expect(must(await rig.client.catalog('20250705000000')).map((t) => t.MaTTHC)).toEqual(['2.000815']);
    expect(must(await rig.client.catalog('20250710143000')).map((t) => t.MaTTHC)).toEqual(['2.000815']);
    expect(must(await rig.client.catalog('20250710143001'))).toEqual([]);
  });

  it('refuses a malformed tuNgay with -5', async () => {
    const r = mustFail(await rig.client.catalog('2025-07-05'));
    expect(r.outcome).toMatchObject({ kind: 'app', errorCode: '-5' });
    expect(r.outcome.message).toContain('tuNgay');
  });
});

describe('LayLichNghi: official calendar', () => {
  it('returns an announced year', async () => {
    const days = {
      NgayNghi: [
        { Ngay: '20270101', Ten: 'Tết Dương lịch' },
        { Ngay: '20270205', Ten: 'Tết Nguyên đán' },
        { Ngay: '20270430', Ten: 'Ngày Chiến thắng' },
      ],
      NgayLamBu: [{ Ngay: '20270123', Ten: 'Làm bù cho ngày nghỉ Tết' }],
    };
    rig.double.state.setCalendar(2027, days);
    expect(must(await rig.client.calendar(2027))).toEqual({ Nam: 2027, ...days });
  });

  it('answers null for a year not announced yet', async () => {
    rig.double.state.setCalendar(2027, { NgayNghi: [{ Ngay: '20270101', Ten: 'Tết Dương lịch' }], NgayLamBu: [] });
    expect(must(await rig.client.calendar(2028))).toBeNull();
  });

  it('refuses a year sent as a string with -5', async () => {
    const r = mustFail(await rig.client.call('LayLichNghi', { nam: '2027' }));
    expect(r.outcome).toMatchObject({ kind: 'app', errorCode: '-5' });
  });
});
