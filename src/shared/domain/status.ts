/**
 * Codes shared with the national portal (DVCQG) and the provincial API. Values are the
 * strings the API sends (`"2"`, not `2`); labels are what clerks read on screen and paper.
 */
import { z } from 'zod';

/** `TrangThaiHoSo`: dossier status codes 1–10. */
export const DOSSIER_STATUS = {
  SUBMITTED: '1',
  RECEIVED: '2',
  REFUSED: '3',
  PROCESSING: '4',
  SUPPLEMENT_REQUESTED: '5',
  FINANCIAL_OBLIGATION: '6',
  WITHDRAWN: '7',
  STOPPED: '8',
  FINISHED: '9',
  RETURNED: '10',
} as const;
/** One of the DOSSIER_STATUS codes. */
export type DossierStatus = (typeof DOSSIER_STATUS)[keyof typeof DOSSIER_STATUS];
/** Validator of these codes (strings, as the API sends them). */
export const dossierStatusSchema = z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);

/** Vietnamese label of each code, for screens and printed forms. */
export const DOSSIER_STATUS_LABELS: Readonly<Record<DossierStatus, string>> = {
  '1': 'Mới đăng ký',
  '2': 'Được tiếp nhận',
  '3': 'Không được tiếp nhận',
  '4': 'Đang xử lý',
  '5': 'Yêu cầu bổ sung giấy tờ',
  '6': 'Yêu cầu thực hiện nghĩa vụ tài chính',
  '7': 'Công dân yêu cầu rút hồ sơ',
  '8': 'Dừng xử lý',
  '9': 'Đã xử lý xong',
  '10': 'Đã trả kết quả',
};

/** `KenhThucHien`: how the dossier reached the counter. */
export const CHANNEL = { WALK_IN: '1', ONLINE: '2', POSTAL: '3' } as const;
/** One of the CHANNEL codes. */
export type Channel = (typeof CHANNEL)[keyof typeof CHANNEL];
/** Validator of these codes (strings, as the API sends them). */
export const channelSchema = z.enum(['1', '2', '3']);
/** Vietnamese label of each code, for screens and printed forms. */
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  '1': 'Trực tiếp',
  '2': 'Trực tuyến',
  '3': 'Qua dịch vụ bưu chính công ích',
};

/** `LoaiDoiTuong`: who owns the dossier. */
export const OWNER_TYPE = { CITIZEN: '1', BUSINESS: '2', STATE_BODY: '3', OTHER_ORGANISATION: '4' } as const;
/** One of the OWNER_TYPE codes. */
export type OwnerType = (typeof OWNER_TYPE)[keyof typeof OWNER_TYPE];
/** Validator of these codes (strings, as the API sends them). */
export const ownerTypeSchema = z.enum(['1', '2', '3', '4']);
/** Vietnamese label of each code, for screens and printed forms. */
export const OWNER_TYPE_LABELS: Readonly<Record<OwnerType, string>> = {
  '1': 'Công dân',
  '2': 'Doanh nghiệp',
  '3': 'Cơ quan nhà nước',
  '4': 'Tổ chức khác',
};

/** `LoaiDinhDanh`: kind of personal ID number. */
export const PERSONAL_ID_KIND = { ID12: '1', OLD_ID9: '2' } as const;
/** One of the PERSONAL_ID_KIND codes. */
export type PersonalIdKind = (typeof PERSONAL_ID_KIND)[keyof typeof PERSONAL_ID_KIND];
/** Validator of these codes (strings, as the API sends them). */
export const personalIdKindSchema = z.enum(['1', '2']);
/** Vietnamese label of each code, for screens and printed forms. */
export const PERSONAL_ID_KIND_LABELS: Readonly<Record<PersonalIdKind, string>> = {
  '1': 'Số định danh cá nhân (12 số)',
  '2': 'Chứng minh nhân dân (9 số)',
};

/**
 * How a fee is collected. `KHONGTHU` ("không thu": the procedure has no fee) exists on the
 * receipt form but not in the provincial API's `HinhThucThu`; see {@link PROVINCIAL_FEE_COLLECTION}.
 */
export const FEE_COLLECTION = { BEFORE: 'THUTRUOC', AFTER: 'THUSAU', EXEMPT: 'MIEN', NONE: 'KHONGTHU' } as const;
/** One of the FEE_COLLECTION codes. */
export type FeeCollection = (typeof FEE_COLLECTION)[keyof typeof FEE_COLLECTION];
/** Validator of these codes (strings, as the API sends them). */
export const feeCollectionSchema = z.enum(['THUTRUOC', 'THUSAU', 'MIEN', 'KHONGTHU']);
/** Vietnamese label of each code, for screens and printed forms. */
export const FEE_COLLECTION_LABELS: Readonly<Record<FeeCollection, string>> = {
  THUTRUOC: 'Thu trước',
  THUSAU: 'Thu sau',
  MIEN: 'Miễn',
  KHONGTHU: 'Không thu',
};

/** The subset the provincial API accepts in `DanhSachLePhi[].HinhThucThu`; a `KHONGTHU` line is not sent. */
export const provincialFeeCollectionSchema = z.enum(['THUTRUOC', 'THUSAU', 'MIEN']);
/** A fee collection mode the provincial API accepts. */
export type ProvincialFeeCollection = z.infer<typeof provincialFeeCollectionSchema>;
/** The modes of {@link provincialFeeCollectionSchema}, in order. */
export const PROVINCIAL_FEE_COLLECTION: readonly ProvincialFeeCollection[] = provincialFeeCollectionSchema.options;

/** `HinhThuc`: where the result is handed over. */
export const RESULT_DELIVERY = { COUNTER: '0', POST: '1' } as const;
/** One of the RESULT_DELIVERY codes. */
export type ResultDelivery = (typeof RESULT_DELIVERY)[keyof typeof RESULT_DELIVERY];
/** Validator of these codes (strings, as the API sends them). */
export const resultDeliverySchema = z.enum(['0', '1']);
/** Vietnamese label of each code, for screens and printed forms. */
export const RESULT_DELIVERY_LABELS: Readonly<Record<ResultDelivery, string>> = {
  '0': 'Nhận trực tiếp tại Bộ phận Một cửa',
  '1': 'Nhận qua dịch vụ bưu chính công ích',
};
