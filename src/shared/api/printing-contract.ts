import { z } from 'zod';
import { ADMINS, ANY_USER, method } from './define';

export const PRINTABLE_FORMS = ['receipt', 'supplementRequest', 'refusal', 'apology', 'controlSheet', 'feeReceipt', 'stopNotice', 'postalHandover'] as const;
export type PrintableForm = (typeof PRINTABLE_FORMS)[number];

export const PRINTABLE_FORM_LABELS: Record<PrintableForm, string> = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  supplementRequest: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  apology: 'Văn bản xin lỗi và hẹn lại ngày trả kết quả',
  controlSheet: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  feeReceipt: 'Biên lai thu phí, lệ phí',
  stopNotice: 'Thông báo dừng giải quyết hồ sơ',
  postalHandover: 'Phiếu bàn giao với bưu chính công ích',
};

export interface PrintedDocumentView {
  id: string;
  subjectId: string;
  form: string;
  title: string;
  createdAt: string;
  pages: number;
  bytes: number;
  /** Set on a reprint: the archived original it reproduces (the reprint is that file plus a copy mark). */
  originalId: string | null;
  attempts: { at: string; printer: string; ok: boolean; message: string | null }[];
}

export interface PrintingSettingsView {
  printer: string;
  perForm: Partial<Record<string, string>>;
  receiptPaper: 'A4' | 'A5';
  sumatraPath: string;
  /** SHA-256 of the approved SumatraPDF file (empty = the shipped copy); checked before every print. */
  sumatraSha256: string;
}

export interface RenderedDocument extends PrintedDocumentView {
  pdfBase64: string;
}

export const printingContract = {
  'printing.render': method<RenderedDocument>()({
    // A paper handed out (receipt, Mẫu 02–05, fee receipt, postal slip) is issued once: asking again returns
    // the archived original. The control sheet is a working paper and is drawn afresh each time.
    input: z.strictObject({
      /** A dossier id, an intake outcome id for forms 02/03 issued without a received dossier, or a postal hand-over id. */
      subjectId: z.string().uuid(),
      form: z.enum(PRINTABLE_FORMS),
      paper: z.enum(['A4', 'A5']).optional(),
    }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Tạo (lần đầu) hoặc lấy lại bản gốc đã cấp của một biểu mẫu cho hồ sơ, lưu kèm hồ sơ, để xem trước và in. Phiếu kiểm soát luôn vẽ lại theo các lần giao nhận hiện có.',
  }),
  'printing.print': method<PrintedDocumentView>()({
    input: z.strictObject({ documentId: z.string().uuid(), printer: z.string().max(300).optional() }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Gửi một bản PDF đã tạo tới máy in; mỗi lần gửi được ghi lại (gửi đi chưa chắc đã in xong: cho phép in lại). Chỉ chọn được máy in trong danh sách do quản trị cấu hình.',
  }),
  'printing.history': method<PrintedDocumentView[]>()({
    input: z.strictObject({ subjectId: z.string().uuid() }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Các giấy tờ đã in của một hồ sơ và các lần gửi in.',
  }),
  'printing.getSettings': method<PrintingSettingsView>()({
    input: z.strictObject({}),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Máy in A4 và khổ giấy in giấy tiếp nhận.',
  }),
  'printing.saveSettings': method<PrintingSettingsView>()({
    input: z.strictObject({
      printer: z.string().trim().max(300, 'Tên máy in dài quá 300 ký tự').optional(),
      perForm: z.partialRecord(z.enum(PRINTABLE_FORMS), z.string().trim().max(300, 'Tên máy in dài quá 300 ký tự')).optional(),
      receiptPaper: z.enum(['A4', 'A5']).optional(),
      sumatraPath: z.string().trim().max(500).optional(),
    }),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Chọn máy in (tên máy in của hệ điều hành, để trống = mặc định, hoặc folder:<thư mục>), khổ giấy tiếp nhận, đường dẫn SumatraPDF (chỉ đặt được trên chính máy chủ; mã SHA-256 của tệp được ghi lại và kiểm tra trước mỗi lần in).',
  }),
  'printing.get': method<RenderedDocument>()({
    input: z.strictObject({ documentId: z.string().uuid() }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Lấy lại bản PDF đã lưu (xem lại).',
  }),
  'printing.reprint': method<RenderedDocument>()({
    input: z.strictObject({ documentId: z.string().uuid() }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'In lại một giấy đã cấp: đúng bản lưu gốc (không tạo lại với dữ liệu hôm nay), thêm dấu "BẢN SAO" ở lề trên; bản in lại cũng được lưu.',
  }),
};
