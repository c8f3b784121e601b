/**
 * Readers for the objects the counter sends: each checks every rule of the contract and
 * returns the cleaned record the double stores (known fields only, empty times dropped).
 */
import type { DanhGia, HoSoFields, TienDo } from '../../../src/shared/sync/provincial-types';
import { Check, compact, dossierAgency, type Obj } from './validate';

/** A dossier code: required or not, and always `{agency}-{yyMMdd}-{NNNN}` when present. */
function dossierCode(o: Obj, c: Check, required: boolean): string | undefined {
  const v = c.str(o, 'MaHoSo', { required });
  if (v !== undefined && dossierAgency(v) === null) {
    c.fail('MaHoSo', 'sai dạng {mã đơn vị}-{yyMMdd}-{NNNN}');
    return undefined;
  }
  return v;
}

const STATUS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
const CHANNEL = ['1', '2', '3'] as const;
const OWNER_KIND = ['1', '2', '3', '4'] as const;
const RESULT_DELIVERY = ['0', '1'] as const;
const ID_KIND = ['1', '2'] as const;
const FEE_MODE = ['THUTRUOC', 'THUSAU', 'MIEN'] as const;

export interface DossierChange {
  hoSo: HoSoFields;
  maThayDoi: string;
  phienBanGoc: number;
}

/** `DongBoHoSoMC` item. `update` makes `PhienBanGoc` required; on create it must be 0 when given. */
export function readHoSo(o: Obj, update: boolean, c: Check): DossierChange | null {
  const maThayDoi = c.uuid(o, 'MaThayDoi');
  const phienBanGoc = update
    ? c.int(o, 'PhienBanGoc', { required: true })
    : c.int(o, 'PhienBanGoc', { min: 0, max: 0 }) ?? 0;
  const s = (key: string, required = false): string | undefined => c.str(o, key, { required });
  const hoSo = compact({
    MaHoSo: dossierCode(o, c, true),
    // v1.1: the receiving counter's identity of the dossier; optional (a v1 client keeps working).
    IdHoSo: c.uuid(o, 'IdHoSo', false),
    MaTTHC: s('MaTTHC', true),
    TenTTHC: s('TenTTHC'),
    MaLinhVuc: s('MaLinhVuc'),
    TenLinhVuc: s('TenLinhVuc'),
    KenhThucHien: c.code(o, 'KenhThucHien', CHANNEL, true),
    NoiTiepNhan: s('NoiTiepNhan'),
    DonViXuLy: s('DonViXuLy'),
    ChuHoSo: s('ChuHoSo', true),
    LoaiDoiTuong: c.code(o, 'LoaiDoiTuong', OWNER_KIND),
    DiaChiChuHoSo: s('DiaChiChuHoSo'),
    DinhDanhCHS: c.list(o, 'DinhDanhCHS', (d, dc) =>
      compact({ LoaiDinhDanh: dc.code(d, 'LoaiDinhDanh', ID_KIND, true), SoDinhDanh: dc.str(d, 'SoDinhDanh', { required: true }) }),
    ),
    NguoiNop: c.obj(o, 'NguoiNop', (n, nc) =>
      compact({
        HoTen: nc.str(n, 'HoTen'),
        SoDinhDanh: nc.str(n, 'SoDinhDanh'),
        SoDienThoai: nc.str(n, 'SoDienThoai'),
        Email: nc.str(n, 'Email'),
        DiaChi: nc.str(n, 'DiaChi'),
      }),
    ),
    SoDienThoai: s('SoDienThoai'),
    Email: s('Email'),
    TrichYeuHoSo: c.str(o, 'TrichYeuHoSo', { max: 1000 }),
    SoBoHoSo: c.int(o, 'SoBoHoSo'),
    TaiLieuNop: c.list(o, 'TaiLieuNop', (d, dc) =>
      compact({
        MaThanhPhanHoSo: dc.str(d, 'MaThanhPhanHoSo'),
        TenGiayTo: dc.str(d, 'TenGiayTo', { required: true }),
        SoBanChinh: dc.int(d, 'SoBanChinh'),
        SoBanChungThuc: dc.int(d, 'SoBanChungThuc'),
        SoBanPhoto: dc.int(d, 'SoBanPhoto'),
      }),
    ),
    DanhSachLePhi: c.list(o, 'DanhSachLePhi', (d, dc) =>
      compact({
        MaPhiLePhi: dc.str(d, 'MaPhiLePhi'),
        TenPhiLePhi: dc.str(d, 'TenPhiLePhi'),
        HinhThucThu: dc.code(d, 'HinhThucThu', FEE_MODE, true),
        Gia: dc.int(d, 'Gia', { required: true }),
      }),
    ),
    NgayTiepNhan: c.time(o, 'NgayTiepNhan', true),
    NgayHenTra: c.time(o, 'NgayHenTra', true),
    NgayTra: c.time(o, 'NgayTra'),
    NgayKetThucXuLy: c.time(o, 'NgayKetThucXuLy'),
    NgayTuChoi: c.time(o, 'NgayTuChoi'),
    NgayYeuCauBoSung: c.time(o, 'NgayYeuCauBoSung'),
    TrangThaiHoSo: c.code(o, 'TrangThaiHoSo', STATUS, true),
    HinhThuc: c.code(o, 'HinhThuc', RESULT_DELIVERY),
    MaBuuGui: s('MaBuuGui'),
    DanhSachHoSoBoSung: c.list(o, 'DanhSachHoSoBoSung', (d, dc) =>
      compact({
        NoiDungBoSung: dc.str(d, 'NoiDungBoSung', { required: true }),
        NgayYeuCauBoSung: dc.time(d, 'NgayYeuCauBoSung', true),
        NgayBoSung: dc.time(d, 'NgayBoSung'),
        NgayHenTraTruoc: dc.time(d, 'NgayHenTraTruoc'),
        NgayHenTraMoi: dc.time(d, 'NgayHenTraMoi'),
      }),
    ),
    DanhSachGiayToKetQua: c.list(o, 'DanhSachGiayToKetQua', (d, dc) =>
      compact({ TenGiayTo: dc.str(d, 'TenGiayTo', { required: true }), MaGiayToKetQua: dc.str(d, 'MaGiayToKetQua') }),
    ),
    GhiChu: s('GhiChu'),
  });
  if (hoSo.NgayTiepNhan && hoSo.NgayHenTra && hoSo.NgayHenTra < hoSo.NgayTiepNhan) {
    c.fail('NgayHenTra', 'trước NgayTiepNhan');
  }
  if (!c.ok || maThayDoi === undefined || phienBanGoc === undefined) return null;
  return { hoSo: hoSo as HoSoFields, maThayDoi, phienBanGoc };
}

/** `CapNhatTienDoHoSoMC` item. */
export function readTienDo(o: Obj, c: Check): TienDo | null {
  const step = compact({
    MaHoSo: dossierCode(o, c, true),
    MaThayDoi: c.uuid(o, 'MaThayDoi'),
    NguoiXuLy: c.str(o, 'NguoiXuLy', { max: 50 }),
    ChucDanh: c.str(o, 'ChucDanh'),
    ThoiDiemXuLy: c.time(o, 'ThoiDiemXuLy', true),
    PhongBanXuLy: c.str(o, 'PhongBanXuLy'),
    NoiDungXuLy: c.str(o, 'NoiDungXuLy'),
    TrangThai: c.code(o, 'TrangThai', STATUS, true),
    NgayBatDau: c.time(o, 'NgayBatDau'),
    NgayKetThucTheoQuyDinh: c.time(o, 'NgayKetThucTheoQuyDinh'),
  });
  return c.ok ? (step as TienDo) : null;
}

/** `DongBoDanhGiaHaiLong` item. */
export function readDanhGia(o: Obj, c: Check): DanhGia | null {
  const rating = compact({
    MaThayDoi: c.uuid(o, 'MaThayDoi'),
    MaHoSo: dossierCode(o, c, false),
    SoThuTu: c.str(o, 'SoThuTu'),
    Quay: c.str(o, 'Quay'),
    CanBo: c.str(o, 'CanBo'),
    MucDo: c.int(o, 'MucDo', { required: true, min: 1, max: 3 }),
    ThoiGian: c.time(o, 'ThoiGian', true),
  });
  return c.ok ? (rating as DanhGia) : null;
}
