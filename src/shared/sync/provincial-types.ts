/**
 * Objects of the provincial one-stop API (`/work/shared/provincial-api.md`) and zod schemas
 * for what the server answers. Field names are the contract's own (Vietnamese, PascalCase)
 * so payloads map one to one. Answer schemas are strict on what the sync logic relies on
 * (codes, versions, times) and ignore fields they do not know, so a newer server that adds
 * a field does not stop the counter.
 */
import { z } from 'zod';
import { isProvincialDate, isProvincialTime } from './provincial-time';

/** At most this many items per batch call (dossiers, progress steps, ratings). */
export const MAX_BATCH_ITEMS = 50;
/** At most this many dossiers per change-feed page. */
export const MAX_FEED_PAGE = 200;

export const PROVINCIAL_ERROR_CODES = ['0', '-1', '-2', '-3', '-4', '-5', '-6', '-7', '-8', '-9'] as const;
export type ProvincialErrorCode = (typeof PROVINCIAL_ERROR_CODES)[number];

export const TRANG_THAI_HO_SO = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
export type TrangThaiHoSo = (typeof TRANG_THAI_HO_SO)[number];
/** Statuses the back office owns; the counter owns the others (see the contract's merge rules). */
export const BACK_OFFICE_STATUSES = ['4', '5', '6', '8', '9'] as const;
export type BackOfficeStatus = (typeof BACK_OFFICE_STATUSES)[number];

export const KENH_THUC_HIEN = ['1', '2', '3'] as const; // walk-in / online / postal
export const LOAI_DOI_TUONG = ['1', '2', '3', '4'] as const;
export const HINH_THUC_NHAN_KQ = ['0', '1'] as const; // at the counter / by post
export const LOAI_DINH_DANH = ['1', '2'] as const;
export const HINH_THUC_THU = ['THUTRUOC', 'THUSAU', 'MIEN'] as const;
export const CAP_THUC_HIEN = ['TINH', 'XA'] as const;
export const MUC_DO_DVC = ['TOANTRINH', 'MOTPHAN', 'TTIN'] as const;
export const DON_VI_THOI_HAN = ['NGAYLAMVIEC', 'NGAY', 'GIO'] as const;
/** 1 = Rất hài lòng, 2 = Hài lòng, 3 = Không hài lòng. */
export const MUC_DO_HAI_LONG = [1, 2, 3] as const;
export type MucDoHaiLong = (typeof MUC_DO_HAI_LONG)[number];

// ---------------------------------------------------------------- plain types (requests and answers)

export interface DinhDanh {
  LoaiDinhDanh: (typeof LOAI_DINH_DANH)[number];
  SoDinhDanh: string;
}
export interface NguoiNop {
  HoTen?: string;
  SoDinhDanh?: string;
  SoDienThoai?: string;
  Email?: string;
  DiaChi?: string;
}
export interface TaiLieuNop {
  MaThanhPhanHoSo?: string;
  TenGiayTo: string;
  SoBanChinh?: number;
  SoBanChungThuc?: number;
  SoBanPhoto?: number;
}
export interface LePhi {
  MaPhiLePhi?: string;
  TenPhiLePhi?: string;
  HinhThucThu: (typeof HINH_THUC_THU)[number];
  /** Integer đồng. */
  Gia: number;
}
export interface HoSoBoSung {
  NoiDungBoSung: string;
  NgayYeuCauBoSung: string;
  NgayBoSung?: string;
  NgayHenTraTruoc?: string;
  NgayHenTraMoi?: string;
}
export interface GiayToKetQua {
  TenGiayTo: string;
  MaGiayToKetQua?: string;
}

/** The dossier fields both directions share. Times are `yyyyMMddHHmmss`. */
export interface HoSoFields {
  MaHoSo: string;
  /** v1.1: the identity the receiving counter chose at intake (a UUID), never changed; the code is only the human identity. */
  IdHoSo?: string;
  MaTTHC: string;
  TenTTHC?: string;
  MaLinhVuc?: string;
  TenLinhVuc?: string;
  KenhThucHien: (typeof KENH_THUC_HIEN)[number];
  NoiTiepNhan?: string;
  DonViXuLy?: string;
  ChuHoSo: string;
  LoaiDoiTuong?: (typeof LOAI_DOI_TUONG)[number];
  DiaChiChuHoSo?: string;
  DinhDanhCHS?: DinhDanh[];
  NguoiNop?: NguoiNop;
  SoDienThoai?: string;
  Email?: string;
  TrichYeuHoSo?: string;
  SoBoHoSo?: number;
  TaiLieuNop?: TaiLieuNop[];
  DanhSachLePhi?: LePhi[];
  NgayTiepNhan: string;
  NgayHenTra: string;
  NgayTra?: string;
  NgayKetThucXuLy?: string;
  NgayTuChoi?: string;
  NgayYeuCauBoSung?: string;
  TrangThaiHoSo: TrangThaiHoSo;
  HinhThuc?: (typeof HINH_THUC_NHAN_KQ)[number];
  MaBuuGui?: string;
  DanhSachHoSoBoSung?: HoSoBoSung[];
  DanhSachGiayToKetQua?: GiayToKetQua[];
  GhiChu?: string;
}

/** A dossier as the server answers it, with its server version. */
export interface HoSo extends HoSoFields {
  PhienBan: number;
}

/** A dossier as the counter sends it (`DongBoHoSoMC`): a whole copy plus change key and base version. */
export interface HoSoRequest extends HoSoFields {
  MaThayDoi: string;
  /** Server version the counter last saw; 0 on create. */
  PhienBanGoc: number;
}

/** A processing step (`CapNhatTienDoHoSoMC`). */
export interface TienDo {
  MaHoSo: string;
  MaThayDoi: string;
  /** At most 50 characters. */
  NguoiXuLy?: string;
  ChucDanh?: string;
  ThoiDiemXuLy: string;
  PhongBanXuLy?: string;
  NoiDungXuLy?: string;
  TrangThai: TrangThaiHoSo;
  NgayBatDau?: string;
  NgayKetThucTheoQuyDinh?: string;
}

/** A satisfaction rating (`DongBoDanhGiaHaiLong`). */
export interface DanhGia {
  MaThayDoi: string;
  MaHoSo?: string;
  /** Queue ticket number. */
  SoThuTu?: string;
  Quay?: string;
  CanBo?: string;
  MucDo: MucDoHaiLong;
  ThoiGian: string;
}

export interface ThoiHanGiaiQuyet {
  SoNgay: number;
  DonVi: (typeof DON_VI_THOI_HAN)[number];
  TrongNgay: boolean;
}
export interface ThanhPhanHoSo {
  MaThanhPhan?: string;
  TenGiayTo: string;
  SoBanChinh?: number;
  SoBanSao?: number;
  BatBuoc?: boolean;
}
export interface PhiLePhi {
  MaPhiLePhi?: string;
  TenPhiLePhi?: string;
  /** Integer đồng. */
  MucThu?: number;
  MoTa?: string;
}
/** A procedure of the catalog (`LayDanhSachTTHC`). */
export interface ThuTuc {
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc?: string;
  TenLinhVuc?: string;
  CapThucHien?: (typeof CAP_THUC_HIEN)[number];
  CoQuanThucHien?: string;
  MucDo?: (typeof MUC_DO_DVC)[number];
  ThoiHanGiaiQuyet?: ThoiHanGiaiQuyet;
  ThanhPhanHoSo: ThanhPhanHoSo[];
  PhiLePhi: PhiLePhi[];
  /** "1" in force, "0" withdrawn. */
  HieuLuc: '1' | '0';
}

export interface NgayLich {
  /** `yyyyMMdd`. */
  Ngay: string;
  Ten: string;
}
/** The official calendar of a year (`LayLichNghi`). */
export interface LichNghi {
  Nam: number;
  NgayNghi: NgayLich[];
  NgayLamBu: NgayLich[];
}

/** One item of a batch answer, in the order the items were sent. */
export interface BatchItemResult {
  MaHoSo: string;
  MaThayDoi: string;
  error_code: ProvincialErrorCode;
  message: string;
  PhienBan: number;
  /** The server's copy, present with `-8`, and with `-3` from a v1.1 server. */
  HoSoHienTai?: HoSo;
}

// ---------------------------------------------------------------- answer schemas

const time = z.string().refine(isProvincialTime, 'không đúng dạng yyyyMMddHHmmss');
/** "An empty optional time counts as absent." */
const optTime = z
  .union([z.literal(''), time])
  .optional()
  .transform((v) => (v === '' ? undefined : v));
const optStr = z.string().optional();
const count = z.number().int().nonnegative();
const version = z.number().int().nonnegative();

export const errorCodeSchema = z.enum(PROVINCIAL_ERROR_CODES);

/** Every answer: `error_code` plus a Vietnamese `message` (tolerated when missing). */
export const envelopeSchema = z.object({
  error_code: errorCodeSchema,
  message: z.string().optional().default(''),
});

export const authAnswerSchema = z.object({
  error_code: z.literal('0'),
  session: z.string().min(1),
  expires_in: z.number().positive(),
});

export const hoSoSchema = z.object({
  MaHoSo: z.string().min(1),
  IdHoSo: optStr,
  PhienBan: version,
  MaTTHC: z.string(),
  TenTTHC: optStr,
  MaLinhVuc: optStr,
  TenLinhVuc: optStr,
  KenhThucHien: z.enum(KENH_THUC_HIEN),
  NoiTiepNhan: optStr,
  DonViXuLy: optStr,
  ChuHoSo: z.string(),
  LoaiDoiTuong: z.enum(LOAI_DOI_TUONG).optional(),
  DiaChiChuHoSo: optStr,
  DinhDanhCHS: z.array(z.object({ LoaiDinhDanh: z.enum(LOAI_DINH_DANH), SoDinhDanh: z.string() })).optional(),
  NguoiNop: z
    .object({ HoTen: optStr, SoDinhDanh: optStr, SoDienThoai: optStr, Email: optStr, DiaChi: optStr })
    .optional(),
  SoDienThoai: optStr,
  Email: optStr,
  TrichYeuHoSo: optStr,
  SoBoHoSo: count.optional(),
  TaiLieuNop: z
    .array(
      z.object({
        MaThanhPhanHoSo: optStr,
        TenGiayTo: z.string(),
        SoBanChinh: count.optional(),
        SoBanChungThuc: count.optional(),
        SoBanPhoto: count.optional(),
      }),
    )
    .optional(),
  DanhSachLePhi: z
    .array(
      z.object({
        MaPhiLePhi: optStr,
        TenPhiLePhi: optStr,
        HinhThucThu: z.enum(HINH_THUC_THU),
        Gia: count,
      }),
    )
    .optional(),
  NgayTiepNhan: time,
  NgayHenTra: time,
  NgayTra: optTime,
  NgayKetThucXuLy: optTime,
  NgayTuChoi: optTime,
  NgayYeuCauBoSung: optTime,
  TrangThaiHoSo: z.enum(TRANG_THAI_HO_SO),
  HinhThuc: z.enum(HINH_THUC_NHAN_KQ).optional(),
  MaBuuGui: optStr,
  DanhSachHoSoBoSung: z
    .array(
      z.object({
        NoiDungBoSung: z.string(),
        NgayYeuCauBoSung: time,
        NgayBoSung: optTime,
        NgayHenTraTruoc: optTime,
        NgayHenTraMoi: optTime,
      }),
    )
    .optional(),
  DanhSachGiayToKetQua: z.array(z.object({ TenGiayTo: z.string(), MaGiayToKetQua: optStr })).optional(),
  GhiChu: optStr,
});

export const batchItemResultSchema = z
  .object({
    MaHoSo: z.string(),
    MaThayDoi: z.string(),
    error_code: errorCodeSchema,
    message: z.string().optional().default(''),
    PhienBan: version,
    HoSoHienTai: hoSoSchema.optional(),
  })
  .refine((r) => r.error_code !== '-8' || r.HoSoHienTai !== undefined, {
    message: 'kết quả -8 thiếu HoSoHienTai',
    path: ['HoSoHienTai'],
  });

export const batchAnswerSchema = z.object({ result: z.array(batchItemResultSchema) });

export const lookupAnswerSchema = z.object({ result: z.array(hoSoSchema).max(1) });

export const feedAnswerSchema = z.object({
  result: z.array(hoSoSchema),
  conTroTiepTheo: z.string(),
});

/** Flags are booleans in the contract; "1"/"0" is accepted too, being harmless to read. */
const flag = z.union([z.boolean(), z.enum(['1', '0']).transform((v) => v === '1')]);

export const thuTucSchema = z.object({
  MaTTHC: z.string().min(1),
  TenTTHC: z.string(),
  MaLinhVuc: optStr,
  TenLinhVuc: optStr,
  CapThucHien: z.enum(CAP_THUC_HIEN).optional(),
  CoQuanThucHien: optStr,
  MucDo: z.enum(MUC_DO_DVC).optional(),
  ThoiHanGiaiQuyet: z
    .object({ SoNgay: z.number().nonnegative(), DonVi: z.enum(DON_VI_THOI_HAN), TrongNgay: flag })
    .optional(),
  ThanhPhanHoSo: z
    .array(
      z.object({
        MaThanhPhan: optStr,
        TenGiayTo: z.string(),
        SoBanChinh: count.optional(),
        SoBanSao: count.optional(),
        BatBuoc: flag.optional(),
      }),
    )
    .optional()
    .default([]),
  PhiLePhi: z
    .array(z.object({ MaPhiLePhi: optStr, TenPhiLePhi: optStr, MucThu: count.optional(), MoTa: optStr }))
    .optional()
    .default([]),
  HieuLuc: z.enum(['1', '0']),
});

export const catalogAnswerSchema = z.object({ result: z.array(thuTucSchema) });

const ngayLich = z.object({ Ngay: z.string().refine(isProvincialDate, 'không đúng dạng yyyyMMdd'), Ten: z.string().optional().default('') });

/**
 * `LayLichNghi`: "an empty answer means the year has not been announced yet". An absent or
 * null `result`, `{}`, or a year with both lists empty all read as not announced (null).
 */
export const calendarAnswerSchema = z.object({
  result: z
    .union([
      z.null(),
      z.object({
        Nam: z.number().int().optional(),
        NgayNghi: z.array(ngayLich).optional().default([]),
        NgayLamBu: z.array(ngayLich).optional().default([]),
      }),
    ])
    .optional(),
});

// Compile-time proof that what the schemas produce fits the plain types above.
type Assignable<T, U extends T> = U;
export type _HoSoCheck = Assignable<HoSo, z.output<typeof hoSoSchema>>;
export type _ItemCheck = Assignable<BatchItemResult, z.output<typeof batchItemResultSchema>>;
export type _ThuTucCheck = Assignable<ThuTuc, z.output<typeof thuTucSchema>>;
