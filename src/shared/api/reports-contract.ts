import { z } from 'zod';
import { SUPERVISORS, method } from './define';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

export interface TrackingBookExport {
  rows: number;
  fileBase: string;
  pdfBase64: string;
  xlsxBase64: string;
}

export const reportsContract = {
  'reports.trackingBook': method<TrackingBookExport>()({
    input: z
      .strictObject({ from: day, to: day })
      .refine((v) => v.from <= v.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['to'] })
      .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 366 * 86_400_000, { message: 'Mỗi lần xuất tối đa một năm', path: ['to'] }),
    access: { kind: 'roles', roles: SUPERVISORS },
    summary: 'Xuất Sổ theo dõi hồ sơ của một kỳ (XLSX và PDF, chạy ngoài luồng phục vụ quầy); việc xuất dữ liệu cá nhân được ghi nhật ký.',
  }),
};
