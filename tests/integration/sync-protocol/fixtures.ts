/** Shared set-up for the sync-protocol tests: a provincial double and a client talking to it. */
import { randomUUID } from 'node:crypto';
import {
  ProvincialClient,
  type Disposition,
  type Outcome,
  type ProvincialClientOptions,
} from '../../../src/main/sync/provincial-client';
import type { HoSoRequest, TienDo } from '../../../src/shared/sync/provincial-types';
import { startProvincialDouble, type ProvincialDouble, type ProvincialDoubleOptions } from '../../support/provincial-double';

export const AGENCY = '000.00.06.H56';
export const OTHER_AGENCY = '000.00.07.H56';
export const USER = 'motcua.h56';
export const PASSWORD = 'mat-khau-dung';

export interface Rig {
  double: ProvincialDouble;
  client: ProvincialClient;
  /** Another client, e.g. with other credentials or agency. */
  clientWith(overrides: Partial<ProvincialClientOptions>): ProvincialClient;
}

export async function startRig(
  doubleOptions: Partial<ProvincialDoubleOptions> = {},
  clientOptions: Partial<ProvincialClientOptions> = {},
): Promise<Rig> {
  const double = await startProvincialDouble({
    accounts: [
      { username: USER, password: PASSWORD, madonvi: [AGENCY] },
      { username: 'other', password: 'other-pw', madonvi: [OTHER_AGENCY] },
    ],
    ...doubleOptions,
  });
  const clientWith = (overrides: Partial<ProvincialClientOptions>): ProvincialClient =>
    new ProvincialClient({
      baseUrl: double.url,
      username: USER,
      password: PASSWORD,
      madonvi: AGENCY,
      timeoutMs: 5000,
      ...clientOptions,
      ...overrides,
    });
  return { double, client: clientWith({}), clientWith };
}

export const newId = (): string => randomUUID();

let counter = 0;
/** A fresh dossier code of `agency` (unique within the test process). */
export function nextCode(agency = AGENCY): string {
  counter += 1;
  // 9,999 codes a day: move to the next day rather than overflow the four digits.
  const day = 1 + Math.floor((counter - 1) / 9999);
  const seq = 1 + ((counter - 1) % 9999);
  return `${agency}-2507${String(day).padStart(2, '0')}-${String(seq).padStart(4, '0')}`;
}

/** A complete, valid create request; `over` replaces fields. */
export function dossier(over: Partial<HoSoRequest> = {}): HoSoRequest {
  return {
    MaHoSo: nextCode(),
    MaThayDoi: newId(),
    PhienBanGoc: 0,
    MaTTHC: '1.001193',
    TenTTHC: 'Đăng ký khai sinh',
    MaLinhVuc: 'G03-HT01',
    TenLinhVuc: 'Hộ tịch',
    KenhThucHien: '1',
    NoiTiepNhan: AGENCY,
    DonViXuLy: AGENCY,
    ChuHoSo: 'Nguyễn Văn An',
    LoaiDoiTuong: '1',
    DiaChiChuHoSo: 'Số 12 đường Trần Phú, phường Hải Châu, thành phố Đà Nẵng',
    DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '048095000123' }],
    SoDienThoai: '0905123456',
    TrichYeuHoSo: 'Đăng ký khai sinh cho con',
    SoBoHoSo: 1,
    TaiLieuNop: [{ MaThanhPhanHoSo: 'TP1', TenGiayTo: 'Tờ khai đăng ký khai sinh', SoBanChinh: 1, SoBanChungThuc: 0, SoBanPhoto: 0 }],
    DanhSachLePhi: [{ MaPhiLePhi: 'LP1', TenPhiLePhi: 'Lệ phí đăng ký khai sinh', HinhThucThu: 'MIEN', Gia: 0 }],
    NgayTiepNhan: '20250714091500',
    NgayHenTra: '20250715091500',
    TrangThaiHoSo: '2',
    HinhThuc: '0',
    ...over,
  };
}

/** A valid progress step for `maHoSo`. */
export function step(maHoSo: string, over: Partial<TienDo> = {}): TienDo {
  return {
    MaHoSo: maHoSo,
    MaThayDoi: newId(),
    NguoiXuLy: 'Trần Thị Bình',
    ChucDanh: 'Công chức tư pháp - hộ tịch',
    ThoiDiemXuLy: '20250714100000',
    PhongBanXuLy: 'Tư pháp',
    NoiDungXuLy: 'Chuyển hồ sơ cho bộ phận xử lý',
    TrangThai: '4',
    ...over,
  };
}

/** Unwraps a result the test expects to be ok, with the failure in the message otherwise. */
export function must<T>(r: { ok: true; value: T } | { ok: false; outcome: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.outcome)}`);
  return r.value;
}

/** Unwraps a result the test expects to have failed. */
export function mustFail(
  r: { ok: true; value: unknown } | { ok: false; outcome: Outcome; disposition: Disposition },
): { outcome: Outcome; disposition: Disposition } {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return { outcome: r.outcome, disposition: r.disposition };
}

/** The dossier fields of a request, as the server is expected to store them. */
export function fieldsOf(d: HoSoRequest): Omit<HoSoRequest, 'MaThayDoi' | 'PhienBanGoc'> {
  const copy: Partial<HoSoRequest> = { ...d };
  delete copy.MaThayDoi;
  delete copy.PhienBanGoc;
  return copy as Omit<HoSoRequest, 'MaThayDoi' | 'PhienBanGoc'>;
}
