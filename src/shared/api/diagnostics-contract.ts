import { z } from 'zod';
import { ADMINS, method } from './define';
import { updateUrlProblem } from '../diagnostics/updates';

export interface SupportBundleResult {
  /** Absolute path of the zip in the data folder's support/ (on the host PC). */
  path: string;
  fileName: string;
  size: number;
  createdAt: string;
  /** Entries in the zip. */
  files: number;
}

export interface UpdateSource {
  /** Province-hosted update server; null: the one built into the installer. */
  feedUrl: string | null;
}

export const diagnosticsContract = {
  'diagnostics.supportBundle': method<SupportBundleResult>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary:
      'Tạo gói hỗ trợ kỹ thuật (.zip trong thư mục support/ của dữ liệu): nhật ký 7 ngày, phiên bản, cấu hình không kèm mật khẩu/khoá, thống kê cơ sở dữ liệu; không chứa dữ liệu cá nhân.',
  }),
  'diagnostics.getUpdateSource': method<UpdateSource>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Địa chỉ máy chủ cập nhật phần mềm của văn phòng (null: địa chỉ có sẵn trong bộ cài).',
  }),
  'diagnostics.setUpdateSource': method<UpdateSource>()({
    input: z
      .object({
        feedUrl: z
          .string()
          .trim()
          .max(300, 'Địa chỉ dài quá 300 ký tự')
          .superRefine((url, ctx) => {
            const problem = updateUrlProblem(url);
            if (problem) ctx.addIssue({ code: 'custom', message: problem });
          })
          .nullable(),
      })
      .strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Đặt địa chỉ máy chủ cập nhật (https://, hoặc http:// theo IP trong mạng nội bộ); null để dùng địa chỉ có sẵn trong bộ cài.',
  }),
};
