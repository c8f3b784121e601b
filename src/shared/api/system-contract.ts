import { z } from 'zod';
import { ADMINS, ANY_USER, SUPERVISORS, method, type Role } from './define';

/** Agency electronic ID shape NNN.NN.NN.Xnn (Decision 20/2020/QĐ-TTg); only the shape is checked. */
export const agencyIdSchema = z
  .string()
  .trim()
  .regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, 'Mã định danh cơ quan phải có dạng NNN.NN.NN.Xnn, ví dụ 000.00.06.H56');

const text = (max: number, label: string) =>
  z.string().trim().min(1, `${label} không được để trống`).max(max, `${label} dài quá ${max} ký tự`);

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'Tên đăng nhập gồm 3–32 ký tự: chữ không dấu, số, dấu chấm, gạch');
export const passwordSchema = z
  .string()
  .min(8, 'Mật khẩu phải có ít nhất 8 ký tự')
  .max(128, 'Mật khẩu dài quá 128 ký tự');
export const roleSchema = z.enum(['clerk', 'supervisor', 'admin']);

export interface UserView {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  disabled: boolean;
  counterNumber: number | null;
  lockedUntil: string | null;
  createdAt: string;
}

export interface OfficeSettings {
  agencyId: string;
  agencyName: string;
  parentAgencyName: string;
  receivingPointName: string;
  place: string;
  counterNumber: number;
  lookupUrlPattern: string;
  lanEnabled: boolean;
  idleLockMinutes: number;
  language: 'vi' | 'en';
  /** Names (or addresses) the LAN PCs use to reach this server; other Host names are refused (DNS rebinding). */
  lanHostNames: string[];
}

export const officeSettingsPatchSchema = z
  .object({
    agencyName: text(200, 'Tên cơ quan'),
    parentAgencyName: text(200, 'Tên cơ quan chủ quản'),
    receivingPointName: text(200, 'Tên nơi tiếp nhận'),
    place: text(100, 'Địa danh'),
    counterNumber: z.number().int().min(1, 'Số quầy từ 1').max(99, 'Số quầy tối đa 99'),
    lookupUrlPattern: z
      .string()
      .trim()
      .max(300)
      .refine((s) => s.includes('{ma}'), 'Mẫu địa chỉ tra cứu phải chứa {ma} (vị trí mã hồ sơ)'),
    lanEnabled: z.boolean(),
    idleLockMinutes: z.number().int().min(1).max(240),
    language: z.enum(['vi', 'en']),
    lanHostNames: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9]([a-z0-9-]{0,62})(\.[a-z0-9]([a-z0-9-]{0,62}))*$/, 'Tên máy chủ chỉ gồm chữ không dấu, số, dấu gạch ngang và dấu chấm (ví dụ may-chu-motcua.lan)')
          .max(253),
        'Danh sách tên máy chủ không hợp lệ',
      )
      .max(20, 'Tối đa 20 tên máy chủ'),
  })
  .partial()
  .strict();

export const setupInputSchema = z
  .object({
    agencyId: agencyIdSchema,
    agencyName: text(200, 'Tên cơ quan'),
    parentAgencyName: text(200, 'Tên cơ quan chủ quản'),
    receivingPointName: text(200, 'Tên nơi tiếp nhận'),
    place: text(100, 'Địa danh'),
    counterNumber: z.number().int().min(1).max(99),
    admin: z.object({ username: usernameSchema, fullName: text(100, 'Họ tên'), password: passwordSchema }).strict(),
  })
  .strict();

export interface SystemStatus {
  setUp: boolean;
  agencyName: string | null;
  receivingPointName: string | null;
  version: string;
  testMode: boolean;
}

export interface AuditEntryView {
  id: number;
  at: string;
  actor: string | null;
  device: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  detail: string | null;
}

export const systemContract = {
  'system.status': method<SystemStatus>()({
    input: z.object({}).strict(),
    access: { kind: 'public' },
    summary: 'Trạng thái cài đặt: đã thiết lập lần đầu chưa, tên cơ quan, phiên bản.',
  }),
  'system.setup': method<{ done: true }>()({
    input: setupInputSchema,
    access: { kind: 'public' },
    summary: 'Thiết lập lần đầu: mã cơ quan, tên, nơi tiếp nhận, quầy, tài khoản quản trị. Chỉ chạy được một lần.',
  }),
  'auth.login': method<{ token: string; user: UserView; expiresAt: string }>()({
    input: z
      .object({ username: z.string().trim().toLowerCase().min(1, 'Nhập tên đăng nhập').max(64), password: z.string().min(1, 'Nhập mật khẩu').max(128) })
      .strict(),
    access: { kind: 'public' },
    summary: 'Đăng nhập; trả về mã phiên dùng cho mọi lời gọi sau.',
  }),
  'auth.logout': method<{ done: true }>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Đăng xuất, huỷ mã phiên hiện tại.',
  }),
  'auth.me': method<UserView>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Người dùng của phiên hiện tại.',
  }),
  'auth.changePassword': method<{ done: true }>()({
    input: z.object({ oldPassword: z.string().min(1).max(128), newPassword: passwordSchema }).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Đổi mật khẩu của chính mình.',
  }),
  'users.list': method<UserView[]>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Danh sách người dùng.',
  }),
  'users.create': method<UserView>()({
    input: z
      .object({
        username: usernameSchema,
        fullName: text(100, 'Họ tên'),
        role: roleSchema,
        password: passwordSchema,
        counterNumber: z.number().int().min(1).max(99).nullable().optional(),
      })
      .strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Tạo người dùng (cán bộ, trưởng bộ phận, quản trị).',
  }),
  'users.setDisabled': method<UserView>()({
    input: z.object({ userId: z.string().uuid(), disabled: z.boolean() }).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Khoá hoặc mở khoá tài khoản; khoá thì huỷ mọi phiên của người đó.',
  }),
  'users.resetPassword': method<{ done: true }>()({
    input: z.object({ userId: z.string().uuid(), password: passwordSchema }).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Đặt lại mật khẩu và gỡ khoá do nhập sai nhiều lần.',
  }),
  'settings.get': method<OfficeSettings>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ANY_USER, board: true },
    summary: 'Cấu hình cơ quan và nơi tiếp nhận.',
  }),
  'settings.update': method<OfficeSettings>()({
    input: officeSettingsPatchSchema,
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Sửa cấu hình (chỉ quản trị). Mã cơ quan không sửa được sau thiết lập.',
  }),
  'audit.list': method<AuditEntryView[]>()({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100), beforeId: z.number().int().positive().optional() }).strict(),
    access: { kind: 'roles', roles: SUPERVISORS },
    summary: 'Nhật ký thao tác, mới nhất trước.',
  }),
  'audit.verify': method<{ intact: boolean; checked: number; firstBrokenId: number | null }>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Kiểm tra chuỗi băm của nhật ký; báo mục đầu tiên bị sửa.',
  }),
};
