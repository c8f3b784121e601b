import { z } from 'zod';
import { ADMINS, ANY_USER, method } from './define';
import { absolutePathSchema } from '../security/text-rules';

export interface LockStatus {
  locked: boolean;
  idleLockMinutes: number;
}

export interface TlsView {
  enabled: boolean;
  certPath: string | null;
  keyPath: string | null;
  /** SHA-256 fingerprint to compare on the terminals, e.g. "AB:CD:…". */
  fingerprint: string | null;
  subject: string | null;
  validTo: string | null;
  /** TLS settings are read when the office server starts. */
  restartRequired: boolean;
}

export interface RecoveryStatus {
  mode: 'normal' | 'recovery';
  /** Why the database could not be opened (Vietnamese), in recovery mode. */
  problem: string | null;
  dataDirWritable: boolean;
  backups: { file: string; location: 'primary' | 'second'; createdAt: string; size: number }[];
}

/** Methods a session behind the idle screen lock may still call. */
export const ALLOWED_WHILE_LOCKED: readonly string[] = ['auth.unlock', 'auth.lock', 'auth.lockStatus', 'auth.logout', 'auth.me'];

export const securityContract = {
  'auth.lock': method<LockStatus>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Khoá màn hình của phiên hiện tại (sau thời gian không thao tác); mọi chức năng bị từ chối đến khi mở khoá.',
  }),
  'auth.unlock': method<LockStatus>()({
    input: z.object({ password: z.string().min(1, 'Nhập mật khẩu').max(128) }).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Mở khoá màn hình bằng mật khẩu của chính người dùng; sai 5 lần thì kết thúc phiên.',
  }),
  'auth.lockStatus': method<LockStatus>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Phiên có đang khoá không, và số phút không thao tác trước khi khoá.',
  }),
  'server.getTls': method<TlsView>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Cấu hình HTTPS của máy chủ văn phòng (chứng chỉ, dấu vân tay).',
  }),
  'server.setTls': method<TlsView>()({
    input: z
      .object({
        enabled: z.boolean(),
        certPath: absolutePathSchema('Đường dẫn chứng chỉ').optional(),
        keyPath: absolutePathSchema('Đường dẫn khoá riêng').optional(),
      })
      .strict()
      .refine((v) => !v.enabled || (v.certPath && v.keyPath), { message: 'Bật HTTPS cần cả tệp chứng chỉ và tệp khoá riêng', path: ['certPath'] }),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Bật HTTPS với chứng chỉ và khoá riêng (tệp PEM do quản trị cung cấp), hoặc tắt; có hiệu lực khi khởi động lại.',
  }),
  'recovery.status': method<RecoveryStatus>()({
    input: z.object({}).strict(),
    access: { kind: 'public' },
    summary: 'Máy chủ đang chạy bình thường hay ở chế độ khôi phục (cơ sở dữ liệu hỏng), và các bản sao lưu có thể dùng.',
  }),
  'recovery.restoreLatest': method<{ restoredFrom: string; createdAt: string }>()({
    input: z.object({ passphrase: z.string().min(1, 'Nhập mật khẩu sao lưu').max(256) }).strict(),
    access: { kind: 'public' },
    summary: 'Chế độ khôi phục: khôi phục bản sao lưu tốt mới nhất (cần mật khẩu sao lưu), rồi mở lại ứng dụng.',
  }),
};
