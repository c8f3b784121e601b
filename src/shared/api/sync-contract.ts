import { z } from 'zod';
import { ADMINS, ANY_USER, SUPERVISORS, method } from './define';

export type SyncRunReason = 'background' | 'manual' | 'close-day' | 'change';
/** How a run ended: `offline` = the server could not be reached (it will retry), `config` = an administrator must act. */
export type SyncRunOutcome = 'ok' | 'offline' | 'config' | 'failed' | 'stopped';

export interface SyncProgressView {
  phase: string;
  done: number;
  total: number;
  message?: string;
}

export interface SyncConfigView {
  baseUrl: string;
  username: string;
  agencyId: string;
  intervalSec: number;
  timeoutSec: number;
  enabled: boolean;
  /** Where the password is sealed: the OS key store, or the data folder's key file. */
  secretScheme: 'os' | 'file' | null;
  updatedAt: string;
}

export interface SyncStatusView {
  configured: boolean;
  enabled: boolean;
  state: 'not-configured' | 'disabled' | 'idle' | 'running' | 'config-error';
  /** Learned by trying: true after the server answered, false after it could not be reached, null before any try. */
  online: boolean | null;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  lastErrorKind: 'offline' | 'config' | 'internal' | null;
  pending: number;
  parked: number;
  /** Code collisions not yet fully repaired (new code given and citizen called back): the banner on every staff screen. */
  collisions: number;
  nextRunAt: string | null;
  progress: SyncProgressView | null;
  /** Present for supervisors and administrators. */
  config: SyncConfigView | null;
}

export interface SyncRunView {
  id: number;
  reason: SyncRunReason;
  startedAt: string;
  finishedAt: string | null;
  outcome: SyncRunOutcome | null;
  pushed: number;
  pulled: number;
  parked: number;
  pending: number;
  error: string | null;
}

export interface ParkedItemView {
  id: number;
  kind: 'dossier' | 'progress' | 'rating';
  /** What the item is, in words ("Hồ sơ", "Bước xử lý: Chuyển xử lý", "Đánh giá mức độ hài lòng"). */
  label: string;
  dossierId: string | null;
  dossierCode: string | null;
  /** The server's message naming the refused fields. */
  message: string;
  attempts: number;
  createdAt: string;
  parkedAt: string | null;
}

/** A dossier code the province holds for another dossier (contract v1.1, `IdHoSo`). */
export interface CollisionView {
  id: number;
  /** The code both dossiers carry. */
  code: string;
  detectedAt: string;
  /** Where it showed: our create answered -3, a version conflict, or the change feed. */
  source: 'create' | 'conflict' | 'feed';
  /** The counter's dossier (now under `code`, or under `newCode` once repaired). */
  local: { dossierId: string; code: string; ownerName: string; applicantName: string; applicantPhone: string | null; receivedAt: string; procedureName: string } | null;
  /** The province's dossier holding the code (another citizen's). */
  server: { ownerName: string; procedureName: string; receivedAt: string; status: string };
  repairedAt: string | null;
  newCode: string | null;
  calledBackAt: string | null;
}

export interface DayReportCounts {
  received: number;
  returned: number;
  overdue: number;
  awaitingPickup: number;
  tickets: { issued: number; served: number; noShow: number } | null;
  ratings: { total: number; veryGood: number; good: number; bad: number } | null;
}

export interface CloseDayResult {
  date: string;
  closedAt: string;
  sync: SyncRunView | null;
  /** Why the sync part did not run or did not finish, in words; null when all went through. */
  syncProblem: string | null;
  report: DayReportCounts;
  unsynced: { pending: number; parked: ParkedItemView[] };
  files: { pdf: string; xlsx: string };
  pdfBase64: string;
  xlsxBase64: string;
  backup: { ok: boolean; file: string | null; message: string };
}

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

export const syncConfigInputSchema = z.strictObject({
  baseUrl: z
    .string()
    .trim()
    .url('Địa chỉ máy chủ tỉnh không hợp lệ (ví dụ https://motcua.tinh.gov.vn/lgsp)')
    .max(500)
    .refine((u) => /^https?:\/\//i.test(u), 'Địa chỉ máy chủ tỉnh phải bắt đầu bằng https://'),
  username: z.string().trim().min(1, 'Nhập tên đăng nhập do tỉnh cấp').max(100),
  /** Required the first time; leave out to keep the saved one. */
  password: z.string().min(1, 'Nhập mật khẩu').max(200).optional(),
  /** `madonvi`; defaults to the office's agency ID. */
  agencyId: z.string().trim().min(1).max(50).optional(),
  intervalSec: z.number().int().min(30, 'Chu kỳ tối thiểu 30 giây').max(86_400, 'Chu kỳ tối đa 1 ngày').default(300),
  timeoutSec: z.number().int().min(1, 'Thời gian chờ tối thiểu 1 giây').max(300, 'Thời gian chờ tối đa 300 giây').default(30),
  enabled: z.boolean().default(true),
  /** Try to sign in with the saved settings and say whether it worked. */
  test: z.boolean().default(true),
});
export type SyncConfigInput = z.input<typeof syncConfigInputSchema>;

export const syncContract = {
  'sync.status': method<SyncStatusView>()({
    input: z.strictObject({}),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Tình trạng đồng bộ với hệ thống tỉnh: trực tuyến, lần thành công gần nhất, số mục chờ gửi và bị giữ lại, tiến độ.',
  }),
  'sync.configure': method<{ status: SyncStatusView; connection: { ok: boolean; message: string } | null }>()({
    input: syncConfigInputSchema,
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Cấu hình kết nối hệ thống tỉnh (địa chỉ, tài khoản, mã đơn vị, chu kỳ); mật khẩu được mã hoá khi lưu. Thử đăng nhập ngay.',
  }),
  'sync.runNow': method<{ started: boolean; run: SyncRunView | null }>()({
    input: z.strictObject({ wait: z.boolean().default(false) }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Đồng bộ ngay: gửi các thay đổi chờ gửi, nhận thay đổi từ hệ thống tỉnh, danh mục và lịch nghỉ.',
  }),
  'sync.parked': method<ParkedItemView[]>()({
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(200) }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Các mục hệ thống tỉnh từ chối (dữ liệu không hợp lệ), với lý do; không chặn các mục khác.',
  }),
  'sync.resend': method<{ resent: number }>()({
    input: z.strictObject({ ids: z.array(z.number().int().positive()).min(1, 'Chọn ít nhất một mục').max(200) }),
    access: { kind: 'roles', roles: SUPERVISORS },
    summary: 'Gửi lại các mục bị giữ lại sau khi đã sửa hồ sơ (tạo thay đổi mới với mã thay đổi mới).',
  }),
  'sync.collisions': method<CollisionView[]>()({
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Các trường hợp trùng mã hồ sơ với hệ thống tỉnh (mã đã cấp cho hồ sơ khác): chưa xử lý trước.',
  }),
  'sync.repairCollision': method<CollisionView>()({
    input: z.strictObject({ id: z.number().int().positive() }),
    access: { kind: 'roles', roles: SUPERVISORS },
    summary: 'Xử lý trùng mã: cấp mã mới cho hồ sơ của quầy, gửi lên tỉnh như hồ sơ mới, lấy về hồ sơ của tỉnh mang mã cũ.',
  }),
  'sync.collisionCalledBack': method<CollisionView>()({
    input: z.strictObject({ id: z.number().int().positive() }),
    access: { kind: 'roles', roles: SUPERVISORS },
    summary: 'Ghi nhận đã gọi công dân và trao giấy tiếp nhận in lại với mã mới.',
  }),
  'sync.log': method<SyncRunView[]>()({
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(50) }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Nhật ký các lần đồng bộ gần đây.',
  }),
  'sync.closeDay': method<CloseDayResult>()({
    input: z.strictObject({ date: isoDay.optional() }),
    access: { kind: 'roles', roles: SUPERVISORS },
    summary: 'Chốt ngày: đồng bộ hết, lập báo cáo ngày (PDF, Excel), sao lưu cơ sở dữ liệu và báo những gì chưa đồng bộ được.',
  }),
};
