import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSyncRig, localSteps, type SyncRig } from './sync-rig';
import { Check } from '../../support/provincial-double/validate';
import { readHoSo, readTienDo } from '../../support/provincial-double/records';
import { getRowById } from '../../../src/main/dossiers/dossier-repo';
import { clip, hoSoRequest, mapHoSo } from '../../../src/main/sync/hoso-mapper';
import { sampleIntake } from '../../support/dossier-fixtures';

/** What the double stores from a request: it must be exactly what we sent (nothing refused, nothing dropped). */
function acceptedByDouble(req: object, update = false) {
  const c = new Check();
  const change = readHoSo(req as Record<string, unknown>, update, c);
  expect(c.errors).toEqual([]);
  return change!;
}

describe('HoSo and TienDo built from local dossiers', () => {
  let rig: SyncRig;
  beforeEach(async () => {
    rig = await startSyncRig({ configure: false });
  });
  afterEach(() => rig.close());

  const app = () => rig.t.core.app;
  const row = (id: string) => getRowById(app().db, id)!;

  it('a walk-in dossier: every required field, strict types, times on the UTC+7 wall clock', () => {
    const [id] = rig.receive(1);
    const r = row(id);
    const req = hoSoRequest(app().db, r, '0195b3a0-1c2d-7e4f-8a9b-0c1d2e3f4a5b', 0);
    const stored = acceptedByDouble(req);
    const { MaThayDoi, PhienBanGoc, ...fields } = req;
    expect(stored).toEqual({ hoSo: fields, maThayDoi: MaThayDoi, phienBanGoc: PhienBanGoc });
    const intake = sampleIntake(0);
    expect(req).toMatchObject({
      MaHoSo: '000.00.06.H56-260303-0001',
      MaTTHC: '2.000815',
      KenhThucHien: '1',
      NoiTiepNhan: '000.00.06.H56',
      ChuHoSo: intake.applicant.fullName,
      LoaiDoiTuong: '1',
      DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: intake.applicant.idNumber }],
      SoDienThoai: intake.applicant.phone,
      SoBoHoSo: 1,
      TrangThaiHoSo: '2',
      HinhThuc: '0',
      TaiLieuNop: [{ MaThanhPhanHoSo: 'BANCHINH', TenGiayTo: 'Bản chính giấy tờ cần chứng thực', SoBanChinh: 1, SoBanChungThuc: 0, SoBanPhoto: 2 }],
      // 2 copies × 3 pages: 2 × (2.000 + 2.000 + 1.000) = 10.000 đ, integer đồng, a number.
      DanhSachLePhi: [{ MaPhiLePhi: 'P-CTBS', HinhThucThu: 'THUTRUOC', Gia: 10_000 }],
      PhienBanGoc: 0,
    });
    // Stored instants carry +07:00, so the wall-clock digits are the stored ones (received 3 March 2026, 09:32).
    expect(req.NgayTiepNhan).toBe(r.received_at.slice(0, 19).replace(/[-T:]/g, ''));
    expect(req.NgayTiepNhan).toMatch(/^2026030309320\d$/);
    expect(req.NgayHenTra).toBe(r.due_at.slice(0, 19).replace(/[-T:]/g, ''));
    // The applicant is the owner: no NguoiNop.
    expect(req.NguoiNop).toBeUndefined();
    // Nothing null or empty goes out.
    for (const [k, v] of Object.entries(req)) expect(v === null || v === '' || v === undefined, k).toBe(false);
  });

  it('the wall clock is UTC+7 whatever the hour: 23:59 local is still the same day', () => {
    rig.t.clock.set(new Date('2026-03-03T23:59:30+07:00'));
    const [id] = rig.receive(1);
    // 16:59 UTC: a machine-zone or UTC formatting would say 165930.
    expect(mapHoSo(app().db, row(id)).NgayTiepNhan).toMatch(/^2026030323593\d$/);
    expect(mapHoSo(app().db, row(id)).MaHoSo).toBe('000.00.06.H56-260303-0001');
  });

  it('an applicant who is not the owner goes as NguoiNop; a business owner has no personal ID', () => {
    const [id] = rig.receive(1, () => ({
      owner: { type: '2', name: 'Công ty TNHH Thương mại Hoàng Long', idNumber: '0101234567', address: 'Số 5 phố Kim Mã, phường Giảng Võ, Hà Nội' },
      applicant: { fullName: 'Vũ Thị Mai', idNumber: '001190012345', address: 'Số 7 ngõ 40 phố Tạ Quang Bửu, Hà Nội', phone: '0912345678', email: 'mai.vu@example.vn' },
    }));
    const req = hoSoRequest(app().db, row(id), '0195b3a0-1c2d-7e4f-8a9b-0c1d2e3f4a5c', 0);
    acceptedByDouble(req);
    expect(req.ChuHoSo).toBe('Công ty TNHH Thương mại Hoàng Long');
    expect(req.LoaiDoiTuong).toBe('2');
    expect(req.DinhDanhCHS).toBeUndefined();
    expect(req.NguoiNop).toEqual({ HoTen: 'Vũ Thị Mai', SoDinhDanh: '001190012345', SoDienThoai: '0912345678', Email: 'mai.vu@example.vn', DiaChi: 'Số 7 ngõ 40 phố Tạ Quang Bửu, Hà Nội' });
    expect(req.Email).toBe('mai.vu@example.vn');
  });

  it('postal dossiers carry MaBuuGui; a fee the procedure does not charge (KHONGTHU) is not sent, an exemption is', () => {
    const [postal, free, exempt] = [
      rig.receive(1, () => ({ channel: '3', postalCode: 'EL123456785VN', resultDelivery: '1', deliveryAddress: 'Số 12 phố Đội Cấn, Ba Đình, Hà Nội' }))[0],
      rig.receive(1, () => ({ procedureCode: '1.001193', fee: { collection: 'THUTRUOC', feeCodes: ['LP-KS-DH'] } }))[0],
      rig.receive(1, () => ({ procedureCode: '1.001193', fee: { collection: 'MIEN', feeCodes: ['LP-KS-DH'] } }))[0],
    ];
    const p = hoSoRequest(app().db, row(postal), '0195b3a0-1c2d-7e4f-8a9b-0c1d2e3f4a5d', 0);
    acceptedByDouble(p);
    expect(p).toMatchObject({ KenhThucHien: '3', HinhThuc: '1', MaBuuGui: 'EL123456785VN' });
    const f = hoSoRequest(app().db, row(free), '0195b3a0-1c2d-7e4f-8a9b-0c1d2e3f4a5e', 0);
    acceptedByDouble(f);
    expect(app().db.prepare('SELECT collection FROM dossier_fees WHERE dossier_rid = ?').all(row(free).rid)).toEqual([{ collection: 'KHONGTHU' }]);
    expect(f.DanhSachLePhi).toBeUndefined();
    expect(f.MaBuuGui).toBeUndefined();
    const e = hoSoRequest(app().db, row(exempt), '0195b3a0-1c2d-7e4f-8a9b-0c1d2e3f4a5f', 0);
    acceptedByDouble(e);
    expect(e.DanhSachLePhi).toEqual([{ MaPhiLePhi: 'LP-KS-DH', TenPhiLePhi: 'Lệ phí đăng ký khai sinh đúng hạn', HinhThucThu: 'MIEN', Gia: 0 }]);
  });

  it('supplement rounds, results and return: DanhSachHoSoBoSung, NgayKetThucXuLy, DanhSachGiayToKetQua, NgayTra', () => {
    const [id] = rig.receive(1);
    rig.act(id, 'transfer', { body: 'Phòng Tư pháp' });
    rig.t.clock.set(new Date('2026-03-04T08:00:00+07:00'));
    rig.act(id, 'requestSupplement', { content: 'Bổ sung bản sao giấy khai sinh' });
    rig.t.clock.set(new Date('2026-03-05T14:15:00+07:00'));
    rig.act(id, 'supplementReceived');
    rig.t.clock.set(new Date('2026-03-06T10:00:00+07:00'));
    rig.act(id, 'resultReady', { resultDocuments: [{ name: 'Bản sao có chứng thực', code: 'KQ-001' }, { name: 'Phiếu trả kết quả' }] });
    rig.t.clock.set(new Date('2026-03-06T15:45:10+07:00'));
    const r = rig.act(id, 'returned', { collectorName: 'Nguyễn Văn An' });
    const req = hoSoRequest(app().db, r, '0195b3a0-1c2d-7e4f-8a9b-0c1d2e3f4a60', 3);
    acceptedByDouble(req, true);
    expect(req).toMatchObject({
      TrangThaiHoSo: '10',
      NgayYeuCauBoSung: '20260304080000',
      NgayKetThucXuLy: '20260306100000',
      NgayTra: '20260306154510',
      DanhSachGiayToKetQua: [{ TenGiayTo: 'Bản sao có chứng thực', MaGiayToKetQua: 'KQ-001' }, { TenGiayTo: 'Phiếu trả kết quả' }],
      PhienBanGoc: 3,
    });
    expect(req.DanhSachHoSoBoSung).toHaveLength(1);
    const round = req.DanhSachHoSoBoSung![0];
    expect(round).toMatchObject({ NoiDungBoSung: 'Bổ sung bản sao giấy khai sinh', NgayYeuCauBoSung: '20260304080000', NgayBoSung: '20260305141500' });
    // The clock stood still while the citizen was away: the new due date is later than the old.
    expect(round.NgayHenTraMoi! > round.NgayHenTraTruoc!).toBe(true);
    expect(req.NgayHenTra).toBe(round.NgayHenTraMoi);
  });

  it('every status change becomes a TienDo the double accepts, with the actor clipped to 50 characters', async () => {
    const longName = 'Nguyễn Thị Phương Thảo Bích Ngọc Hoàng Lan Minh Châu Diệu Linh';
    expect([...longName].length).toBeGreaterThan(50);
    await rig.t.must('users.create', { username: 'canbo2', fullName: longName, role: 'clerk', password: 'matkhau-canbo-2', counterNumber: 2 }, rig.tok.admin);
    const [id] = rig.receive(1);
    rig.act(id, 'transfer', { body: 'Phòng Tư pháp', note: 'Chuyển trong ngày' });
    const steps = localSteps(app(), row(id));
    expect(steps).toHaveLength(1);
    const c = new Check();
    expect(readTienDo(steps[0] as unknown as Record<string, unknown>, c)).toEqual(steps[0]);
    expect(c.errors).toEqual([]);
    expect(steps[0]).toMatchObject({
      MaHoSo: row(id).code,
      TrangThai: '4',
      NguoiXuLy: 'Trần Thị Cán Bộ',
      ChucDanh: 'Công chức tiếp nhận và trả kết quả',
      NoiDungXuLy: 'Chuyển xử lý: Phòng Tư pháp — Chuyển trong ngày',
    });
    expect(steps[0].ThoiDiemXuLy).toMatch(/^2026030309320\d$/);
    expect(clip(longName, 50)).toHaveLength(50);
    expect([...clip(longName, 50)].length).toBe(50);
  });
});
