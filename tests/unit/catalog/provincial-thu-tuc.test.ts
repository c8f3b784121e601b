import { describe, expect, it } from 'vitest';
import { fromProvincialThuTuc } from '../../../src/shared/catalog/import';

/** A `ThuTuc` as the provincial `LayDanhSachTTHC` service sends it. */
function thuTuc(): Record<string, unknown> {
  return {
    MaTTHC: '2.000815.000.00.00.H55',
    TenTTHC: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    MaLinhVuc: 'G09-CT01',
    TenLinhVuc: 'Chứng thực',
    CapThucHien: 'XA',
    CoQuanThucHien: 'Ủy ban nhân dân cấp xã',
    MucDo: 'MOTPHAN',
    ThoiHanGiaiQuyet: { SoNgay: 1, DonVi: 'NGAYLAMVIEC', TrongNgay: true },
    ThanhPhanHoSo: [
      { MaThanhPhan: 'TP1', TenGiayTo: 'Bản chính giấy tờ, văn bản', SoBanChinh: 1, SoBanSao: 0, BatBuoc: true },
      { MaThanhPhan: 'TP2', TenGiayTo: 'Bản sao cần chứng thực', SoBanChinh: 0, SoBanSao: 1, BatBuoc: '0' },
    ],
    PhiLePhi: [
      { MaPhiLePhi: 'P1', TenPhiLePhi: 'Phí chứng thực', MucThu: 2000, MoTa: '2.000 đồng/trang' },
      { MaPhiLePhi: 'P2', TenPhiLePhi: 'Lệ phí khác', MucThu: 0, MoTa: '' },
    ],
    HieuLuc: '1',
    TruongMoi: 'các trường lạ được bỏ qua',
  };
}

describe('fromProvincialThuTuc', () => {
  it('maps a provincial procedure to the catalog model', () => {
    const r = fromProvincialThuTuc(thuTuc());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({
      code: '2.000815',
      localCode: '2.000815.000.00.00.H55',
      name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
      fieldCode: 'G09-CT01',
      fieldName: 'Chứng thực',
      level: 'XA',
      competentAgency: 'Ủy ban nhân dân cấp xã',
      onlineLevel: 'MOTPHAN',
      duration: { amount: 0, unit: 'WORKING_DAYS', sameDay: true },
      documents: [
        { code: 'TP1', name: 'Bản chính giấy tờ, văn bản', required: true, originals: 1, certifiedCopies: 0, copies: 0 },
        { code: 'TP2', name: 'Bản sao cần chứng thực', required: false, originals: 0, certifiedCopies: 0, copies: 1 },
      ],
      fees: [
        { code: 'P1', name: 'Phí chứng thực', kind: 'FIXED', amount: 2000, note: '2.000 đồng/trang' },
        { code: 'P2', name: 'Lệ phí khác', kind: 'FREE' },
      ],
      inForce: true,
    });
  });

  it('maps units, plain national codes and withdrawn procedures', () => {
    const t = {
      ...thuTuc(),
      MaTTHC: '1.001612',
      ThoiHanGiaiQuyet: { SoNgay: 3, DonVi: 'NGAYLAMVIEC', TrongNgay: false },
      HieuLuc: '0',
    };
    const r = fromProvincialThuTuc(t);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.code).toBe('1.001612');
    expect(r.value).not.toHaveProperty('localCode');
    expect(r.value.duration).toEqual({ amount: 3, unit: 'WORKING_DAYS', sameDay: false });
    expect(r.value.inForce).toBe(false);
    const hours = fromProvincialThuTuc({ ...t, ThoiHanGiaiQuyet: { SoNgay: 4, DonVi: 'GIO', TrongNgay: false } });
    expect(hours.ok && hours.value.duration.unit).toBe('HOURS');
    const days = fromProvincialThuTuc({ ...t, ThoiHanGiaiQuyet: { SoNgay: 30, DonVi: 'NGAY', TrongNgay: false } });
    expect(days.ok && days.value.duration.unit).toBe('CALENDAR_DAYS');
  });

  it('names the provincial fields in errors about the raw shape', () => {
    const t = thuTuc();
    t.HieuLuc = 1;
    t.ThoiHanGiaiQuyet = { SoNgay: '3', DonVi: 'TUAN', TrongNgay: false };
    delete t.TenTTHC;
    const r = fromProvincialThuTuc(t);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.errors.map((e) => e.field).sort();
    expect(fields).toEqual(['HieuLuc', 'TenTTHC', 'ThoiHanGiaiQuyet.DonVi', 'ThoiHanGiaiQuyet.SoNgay']);
    expect(r.errors.find((e) => e.field === 'TenTTHC')?.message).toBe('Thiếu giá trị bắt buộc.');
  });

  it('names the provincial fields in errors about the content', () => {
    const t = thuTuc();
    t.CapThucHien = 'HUYEN';
    (t.PhiLePhi as Record<string, unknown>[])[0].MucThu = -2000;
    (t.ThanhPhanHoSo as Record<string, unknown>[])[1].SoBanSao = -1;
    const r = fromProvincialThuTuc(t);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field).sort()).toEqual(['CapThucHien', 'PhiLePhi[0].MucThu', 'ThanhPhanHoSo[1].SoBanSao']);
  });

  it('rejects a malformed procedure code', () => {
    const r = fromProvincialThuTuc({ ...thuTuc(), MaTTHC: '2.000815-H55' });
    expect(r).toEqual({ ok: false, errors: [{ field: 'MaTTHC', message: expect.stringContaining('d.dddddd') }] });
  });

  it('rejects something that is not an object', () => {
    expect(fromProvincialThuTuc(null).ok).toBe(false);
    expect(fromProvincialThuTuc([]).ok).toBe(false);
  });
});
