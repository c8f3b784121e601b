import { z } from 'zod';
import { ADMINS, method } from './define';
import { absolutePathSchema } from '../security/text-rules';

export type BackupKind = 'daily' | 'manual' | 'before-restore';
export type BackupLocation = 'primary' | 'second';

/** Backup files are named by the app; the API accepts only such a name, never a path. */
export const BACKUP_FILE_RE = /^motcua-\d{8}-\d{6}(-\d{1,3})?-(daily|manual|before-restore)\.mcbk$/;
export const backupFileSchema = z.string().regex(BACKUP_FILE_RE, 'Tên tệp sao lưu không hợp lệ');

export const passphraseSchema = z
  .string()
  .min(10, 'Mật khẩu sao lưu phải có ít nhất 10 ký tự')
  .max(256, 'Mật khẩu sao lưu dài quá 256 ký tự');

export interface BackupEntry {
  file: string;
  location: BackupLocation;
  createdAt: string;
  kind: BackupKind;
  size: number;
  schemaVersion: number;
  appVersion: string;
}

export interface BackupContents {
  file: string;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  tables: { name: string; rows: number }[];
}

export type SecondCopyResult = { ok: true; dir: string } | { ok: false; dir: string; message: string };

export interface BackupRunResult {
  entry: BackupEntry;
  /** null when no second folder is configured. */
  secondCopy: SecondCopyResult | null;
  /** Old files removed by the rotation (14 daily + 12 monthly). */
  deleted: string[];
}

export interface BackupStatus {
  keyScheme: 'passphrase' | 'os' | null;
  /** The desktop app can protect the key with the operating system (Windows DPAPI / keychain). */
  osKeyAvailable: boolean;
  primaryDir: string;
  secondDir: string | null;
  running: boolean;
  lastRun: { at: string; ok: boolean; message: string; file: string | null; secondCopy: SecondCopyResult | null } | null;
  /** Today's (Asia/Ho_Chi_Minh) backup exists. */
  todayDone: boolean;
  count: number;
  pendingRestore: { file: string; createdAt: string; stagedAt: string } | null;
}

export const backupContract = {
  'backup.status': method<BackupStatus>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Tình trạng sao lưu: khoá mã hoá, thư mục, lần sao lưu gần nhất, khôi phục đang chờ.',
  }),
  'backup.list': method<BackupEntry[]>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Các bản sao lưu (thư mục chính và thư mục thứ hai), mới nhất trước.',
  }),
  'backup.run': method<BackupRunResult>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Sao lưu ngay: bản sao trực tuyến, kiểm tra toàn vẹn, mã hoá AES-256-GCM, xoay vòng 14 ngày + 12 tháng.',
  }),
  'backup.setPassphrase': method<{ done: true }>()({
    input: z.object({ passphrase: passphraseSchema, currentPassphrase: z.string().max(256).optional() }).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Đặt hoặc đổi mật khẩu sao lưu (cần để khôi phục; không lưu mật khẩu, chỉ lưu mã kiểm tra).',
  }),
  'backup.useOsKey': method<{ done: true }>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Dùng khoá ngẫu nhiên do hệ điều hành bảo vệ (chỉ ứng dụng máy tính; chỉ khôi phục được trên máy này).',
  }),
  'backup.setSecondDir': method<{ dir: string | null; reachable: boolean; message: string | null }>()({
    input: z.object({ dir: absolutePathSchema('Thư mục sao lưu thứ hai').nullable() }).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Thư mục sao lưu thứ hai (ổ USB, thư mục mạng), hoặc null để bỏ.',
  }),
  'backup.restore': method<{ restartRequired: true; contents: BackupContents }>()({
    input: z
      .object({
        file: backupFileSchema,
        location: z.enum(['primary', 'second']).default('primary'),
        passphrase: z.string().max(256).optional(),
      })
      .strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Chuẩn bị khôi phục một bản sao lưu (giải mã, kiểm tra); áp dụng khi khởi động lại ứng dụng.',
  }),
  'backup.cancelRestore': method<{ done: true }>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Huỷ lần khôi phục đang chờ khởi động lại.',
  }),
};
