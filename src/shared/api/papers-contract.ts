import { z } from 'zod';
import { ADMINS, ANY_USER, method } from './define';

/**
 * Who issues and signs the papers, and how fee receipts are made. Set by an administrator in
 * Cài đặt → Giấy tờ; nothing here is guessed (names stay dotted on paper until they are set).
 */
export interface SigningBody {
  /** The competent agency as the catalog names it (e.g. "Ủy ban nhân dân cấp xã"). */
  match: string;
  /** The real body printed on its letterhead (e.g. "Ủy ban nhân dân phường Ba Đình"). */
  name: string;
  /** Parent line above it on the letterhead; empty when none. */
  parentName: string;
  /** Capacity of its head, e.g. "CHỦ TỊCH" or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH". */
  headTitle: string;
  headName: string;
}

export interface FeeReceiptSettings {
  /** PRINTED: the office prints its own receipts; ELECTRONIC: receipts come from a provider and are only recorded. */
  mode: 'PRINTED' | 'ELECTRONIC';
  /** Ký hiệu mẫu biên lai, as registered (e.g. "01BLP0-001"). */
  templateSymbol: string;
  /** Ký hiệu biên lai (series), e.g. "AA-26P". */
  series: string;
  /** The collecting organisation and its tax code (printed on the receipt). */
  organisation: string;
  taxCode: string;
  /** Liên: 2 or 3 copies of a printed receipt. */
  copies: number;
  /** Default provider of electronic receipts (e.g. "VNPT", "Viettel"). */
  provider: string;
}

export interface PapersSettings {
  /** Head of the one-stop section / centre, signs its own letters (Mẫu 04 when the delay is its own, Mẫu 05). */
  oneStopHead: { title: string; name: string };
  agencies: SigningBody[];
  feeReceipt: FeeReceiptSettings;
}

export const DEFAULT_PAPERS_SETTINGS: PapersSettings = {
  oneStopHead: { title: 'GIÁM ĐỐC', name: '' },
  agencies: [],
  feeReceipt: { mode: 'PRINTED', templateSymbol: '', series: '', organisation: '', taxCode: '', copies: 2, provider: '' },
};

const line = (max: number, label: string) => z.string().trim().max(max, `${label} dài quá ${max} ký tự`);
const required = (max: number, label: string) => line(max, label).min(1, `${label} không được để trống`);

export const signingBodySchema = z.strictObject({
  match: required(500, 'Tên cơ quan trong danh mục'),
  name: required(200, 'Tên cơ quan'),
  parentName: line(200, 'Cơ quan chủ quản'),
  headTitle: required(100, 'Chức vụ người ký'),
  headName: line(100, 'Họ tên người ký'),
});

export const feeReceiptSettingsSchema = z.strictObject({
  mode: z.enum(['PRINTED', 'ELECTRONIC']),
  templateSymbol: line(30, 'Ký hiệu mẫu biên lai'),
  series: line(20, 'Ký hiệu biên lai').regex(/^[\p{L}\p{N}/-]*$/u, 'Ký hiệu biên lai chỉ gồm chữ, số, "/" và "-"'),
  organisation: line(200, 'Tên tổ chức thu'),
  taxCode: line(14, 'Mã số thuế').regex(/^(\d{10}(-\d{3})?)?$/, 'Mã số thuế gồm 10 chữ số (hoặc 10 số, gạch, 3 số)'),
  copies: z.number().int().min(1, 'Số liên từ 1').max(3, 'Số liên tối đa 3'),
  provider: line(100, 'Nhà cung cấp biên lai điện tử'),
});

export const papersContract = {
  'papers.getSettings': method<PapersSettings>()({
    input: z.strictObject({}),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Người ký các văn bản (trưởng bộ phận một cửa, thủ trưởng từng cơ quan có thẩm quyền) và cách lập biên lai thu phí.',
  }),
  'papers.saveSettings': method<PapersSettings>()({
    input: z.strictObject({
      oneStopHead: z.strictObject({ title: required(100, 'Chức vụ người ký'), name: line(100, 'Họ tên người ký') }).optional(),
      agencies: z.array(signingBodySchema).max(200).optional(),
      feeReceipt: feeReceiptSettingsSchema.optional(),
    }),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Lưu người ký văn bản theo từng cơ quan và thiết lập biên lai (tự in: ký hiệu mẫu, ký hiệu, tổ chức thu, mã số thuế, số liên; hoặc biên lai điện tử của nhà cung cấp).',
  }),
};
