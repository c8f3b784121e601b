import { z } from 'zod';
import { ADMINS, ANY_USER, SUPERVISORS, method, requestIdSchema } from './define';
import {
  PRIORITY_CATEGORIES,
  type PrintStatus,
  type PriorityCategory,
  type PriorityMode,
  type RatingLevel,
  type TicketState,
} from '../queue/queue-labels';

// ---------------------------------------------------------------- views

export interface ServiceGroupView {
  id: string;
  name: string;
  prefix: string;
  rangeStart: number;
  rangeEnd: number;
  /** Most tickets issued per day; null = only the range limits it. */
  dailyCap: number | null;
  priorityMode: PriorityMode;
  /** Interleaved mode: one priority ticket every N calls. */
  interleaveEvery: number;
  active: boolean;
  sortOrder: number;
}

export interface CounterView {
  number: number;
  name: string;
  groupIds: string[];
  active: boolean;
}

export interface QueuePrinterSettings {
  enabled: boolean;
  host: string;
  port: number;
  /** Printable dots: 576 for 80 mm paper, 384 for 58 mm. */
  widthDots: 576 | 384;
}

export interface QueueOptions {
  /** How many times the board repeats a call's announcement (1–3). */
  announceRepeat: number;
  /** 'clips': recorded voice from the office server; 'speech': the browser's vi-VN voice; 'off': chime only. */
  voice: 'clips' | 'speech' | 'off';
  /** Service time assumed for the wait estimate until real service times exist today. */
  defaultServiceMinutes: number;
  /** Closing lines of the printed ticket; empty = the standard text. */
  ticketFooter: string;
}

export interface QueueConfig {
  groups: ServiceGroupView[];
  counters: CounterView[];
  printer: QueuePrinterSettings;
  options: QueueOptions;
  agencyName: string;
}

export interface TicketView {
  id: string;
  businessDate: string;
  groupId: string;
  groupName: string;
  number: number;
  code: string;
  priority: PriorityCategory | null;
  state: TicketState;
  /** Counter the ticket was called to (null while waiting for its first call). */
  counterNumber: number | null;
  /** Set when it was transferred to one particular counter. */
  targetCounter: number | null;
  clerkName: string | null;
  issuedAt: string;
  /** When it joined its current queue (issue, or transfer). Waiting time starts here. */
  queuedAt: string;
  calledAt: string | null;
  lastCalledAt: string | null;
  callCount: number;
  startedAt: string | null;
  finishedAt: string | null;
  transferredFrom: string | null;
  dossierCode: string | null;
  printStatus: PrintStatus;
  printError: string | null;
  source: 'kiosk' | 'counter';
  rated: boolean;
}

export interface PrintOutcome {
  status: PrintStatus;
  /** Vietnamese, for the person in front of the screen; null when printed or not asked to print. */
  message: string | null;
}

export interface IssueResult {
  ticket: TicketView;
  waitingAhead: number;
  estimatedWaitMinutes: number;
  print: PrintOutcome;
}

export interface ConsoleView {
  counter: CounterView;
  current: TicketView | null;
  /** Tickets this counter may call, in the order "call next" would take the ordinary ones. */
  waiting: TicketView[];
  waitingByGroup: { groupId: string; name: string; prefix: string; waiting: number; priority: number }[];
  /** Tickets this counter handled today, latest first. */
  recent: TicketView[];
  /** Recall is refused until this instant (throttle), or null. */
  recallAllowedAt: string | null;
}

/** What a display board shows. No personal data: codes, counters, counts. */
export interface BoardView {
  agencyName: string;
  businessDate: string;
  counters: { number: number; name: string; code: string | null; state: 'called' | 'serving' | null; groupName: string | null; calledAt: string | null }[];
  lastCalls: { code: string; counterNumber: number; counterName: string; groupName: string; at: string }[];
  waiting: { groupId: string; name: string; prefix: string; waiting: number }[];
  announceRepeat: number;
  voice: QueueOptions['voice'];
}

export interface QueueStatsRow {
  key: string;
  label: string;
  /** Tickets issued (groups, days, total); null for counters and clerks, which are not issued to. */
  issued: number | null;
  called: number;
  served: number;
  noShow: number;
  transferred: number;
  cancelled: number;
  waitAvgSec: number | null;
  waitP90Sec: number | null;
  serviceAvgSec: number | null;
  serviceP90Sec: number | null;
}

export interface RatingSummary {
  key: string;
  label: string;
  total: number;
  veryGood: number;
  good: number;
  bad: number;
  /** Share of "Rất hài lòng" + "Hài lòng", in percent with one decimal; null without ratings. */
  satisfiedPercent: number | null;
}

export interface QueueStats {
  from: string;
  to: string;
  total: QueueStatsRow;
  byDay: QueueStatsRow[];
  byGroup: QueueStatsRow[];
  byCounter: QueueStatsRow[];
  byClerk: QueueStatsRow[];
  ratings: RatingSummary;
  ratingsByCounter: RatingSummary[];
  ratingsByClerk: RatingSummary[];
}

export interface RatingView {
  id: string;
  ticketId: string | null;
  code: string | null;
  counterNumber: number | null;
  level: RatingLevel;
  at: string;
}

// ---------------------------------------------------------------- inputs

const text = (max: number, label: string) =>
  z.string().trim().min(1, `${label} không được để trống`).max(max, `${label} dài quá ${max} ký tự`);
const id = (label: string) => z.string().uuid(`${label} không hợp lệ`);
const counterNumber = z.number().int('Số quầy phải là số nguyên').min(1, 'Số quầy từ 1').max(99, 'Số quầy tối đa 99');
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const ticketNumber = (label: string) =>
  z.number({ error: `${label} phải là số` }).int(`${label} phải là số nguyên`).min(1, `${label} từ 1`).max(9999, `${label} tối đa 9999`);

export const serviceGroupInputSchema = z
  .object({
    id: id('Mã nhóm dịch vụ').optional(),
    name: text(100, 'Tên nhóm dịch vụ'),
    prefix: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]$/, 'Chữ cái đầu số là một chữ cái không dấu A–Z'),
    rangeStart: ticketNumber('Số bắt đầu'),
    rangeEnd: ticketNumber('Số kết thúc'),
    dailyCap: z.number().int().min(1, 'Số phiếu tối đa mỗi ngày từ 1').max(9999).nullable(),
    priorityMode: z.enum(['strict', 'interleave'], 'Chế độ ưu tiên là "strict" hoặc "interleave"'),
    interleaveEvery: z.number().int().min(2, 'Xen kẽ: mỗi N lượt gọi có một lượt ưu tiên, N từ 2').max(20, 'N tối đa 20'),
    active: z.boolean(),
    sortOrder: z.number().int().min(0).max(999).default(0),
  })
  .strict()
  .refine((g) => g.rangeEnd >= g.rangeStart, { path: ['rangeEnd'], message: 'Số kết thúc phải lớn hơn hoặc bằng số bắt đầu' });

export const counterInputSchema = z
  .object({
    number: counterNumber,
    name: text(60, 'Tên quầy'),
    groupIds: z.array(id('Nhóm dịch vụ')).max(26),
    active: z.boolean(),
  })
  .strict();

export const queuePrinterInputSchema = z
  .object({
    enabled: z.boolean(),
    host: z
      .string()
      .trim()
      .max(100, 'Địa chỉ máy in dài quá 100 ký tự')
      .regex(/^[A-Za-z0-9.:_-]*$/, 'Địa chỉ máy in chỉ gồm chữ không dấu, số, dấu chấm, dấu hai chấm, gạch'),
    port: z.number().int().min(1, 'Cổng từ 1').max(65535, 'Cổng tối đa 65535'),
    widthDots: z.union([z.literal(576), z.literal(384)], 'Khổ giấy là 576 (80 mm) hoặc 384 (58 mm) điểm'),
  })
  .strict()
  .refine((p) => !p.enabled || p.host.length > 0, { path: ['host'], message: 'Nhập địa chỉ IP của máy in' });

export const queueOptionsInputSchema = z
  .object({
    announceRepeat: z.number().int().min(1, 'Số lần đọc từ 1').max(3, 'Số lần đọc tối đa 3'),
    voice: z.enum(['clips', 'speech', 'off']),
    defaultServiceMinutes: z.number().int().min(1, 'Thời gian phục vụ từ 1 phút').max(120, 'Thời gian phục vụ tối đa 120 phút'),
    ticketFooter: z.string().trim().max(300, 'Lời cuối phiếu dài quá 300 ký tự'),
  })
  .strict();

const ticketAction = z.object({ counterNumber, ticketId: id('Mã phiếu') }).strict();

export const queueContract = {
  'queue.config': method<QueueConfig>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ANY_USER, kiosk: true },
    summary: 'Cấu hình hàng đợi: nhóm dịch vụ, quầy, máy in phiếu, tuỳ chọn đọc số.',
  }),
  'queue.saveGroup': method<ServiceGroupView>()({
    input: serviceGroupInputSchema,
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Thêm hoặc sửa nhóm dịch vụ (chữ cái đầu số, dải số, số phiếu tối đa/ngày, chế độ ưu tiên).',
  }),
  'queue.saveCounter': method<CounterView>()({
    input: counterInputSchema,
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Thêm hoặc sửa quầy và các nhóm dịch vụ quầy phục vụ.',
  }),
  'queue.setPrinter': method<QueuePrinterSettings>()({
    input: queuePrinterInputSchema,
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Cấu hình máy in phiếu số thứ tự (mạng, cổng 9100).',
  }),
  'queue.setOptions': method<QueueOptions>()({
    input: queueOptionsInputSchema,
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Tuỳ chọn hàng đợi: số lần đọc số, giọng đọc, thời gian phục vụ dự kiến, lời cuối phiếu.',
  }),
  'queue.testPrint': method<{ done: true }>()({
    input: z.object({ host: z.string().trim().max(100).optional(), port: z.number().int().min(1).max(65535).optional(), widthDots: z.union([z.literal(576), z.literal(384)]).optional() }).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'In thử một phiếu mẫu có đủ dấu tiếng Việt (theo cấu hình đã lưu hoặc địa chỉ nhập).',
  }),
  'queue.issue': method<IssueResult>()({
    input: z
      .object({
        groupId: id('Nhóm dịch vụ'),
        priority: z.enum(PRIORITY_CATEGORIES, 'Đối tượng ưu tiên không hợp lệ').nullable(),
        source: z.enum(['kiosk', 'counter']),
        print: z.boolean().default(true),
        /** One per press on the kiosk or terminal: a repeated press (or a retry after a lost answer) gets the same ticket. */
        requestId: requestIdSchema,
      })
      .strict(),
    access: { kind: 'roles', roles: ANY_USER, kiosk: true },
    idempotent: true,
    summary: 'Cấp số thứ tự (ki-ốt hoặc tại quầy), in phiếu nếu có máy in; lỗi in được trả về và ghi lại.',
  }),
  'queue.reprint': method<PrintOutcome>()({
    input: z.object({ ticketId: id('Mã phiếu') }).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'In lại phiếu số thứ tự (sau khi in lỗi).',
  }),
  'queue.ticket': method<TicketView>()({
    input: z.object({ ticketId: id('Mã phiếu') }).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Một phiếu số thứ tự.',
  }),
  'queue.list': method<TicketView[]>()({
    input: z.object({ date: localDate.optional(), states: z.array(z.enum(['waiting', 'called', 'serving', 'done', 'no_show', 'transferred', 'cancelled'])).optional() }).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Danh sách phiếu trong ngày (mặc định hôm nay).',
  }),
  'queue.console': method<ConsoleView>()({
    input: z.object({ counterNumber }).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Màn hình quầy: số đang phục vụ, danh sách chờ của các nhóm quầy phục vụ, số vừa xong.',
  }),
  'queue.callNext': method<TicketView>()({
    input: z.object({ counterNumber }).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Gọi số tiếp theo theo chế độ ưu tiên của nhóm; số đang phục vụ (nếu có) được kết thúc.',
  }),
  'queue.callTicket': method<TicketView>()({
    input: ticketAction,
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Gọi một số được chọn (đang chờ hoặc đã vắng mặt).',
  }),
  'queue.recall': method<TicketView>()({
    input: ticketAction,
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Gọi lại số đang gọi (tối đa một lần mỗi 10 giây).',
  }),
  'queue.noShow': method<TicketView>()({
    input: ticketAction,
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Đánh dấu vắng mặt số đang gọi.',
  }),
  'queue.start': method<TicketView>()({
    input: ticketAction,
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Bắt đầu phục vụ số đang gọi.',
  }),
  'queue.finish': method<TicketView>()({
    input: ticketAction,
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Kết thúc phục vụ.',
  }),
  'queue.transfer': method<TicketView>()({
    input: z
      .object({ counterNumber, ticketId: id('Mã phiếu'), toGroupId: id('Nhóm dịch vụ').optional(), toCounterNumber: counterNumber.optional() })
      .strict()
      .refine((t) => (t.toGroupId === undefined) !== (t.toCounterNumber === undefined), {
        path: ['toGroupId'],
        message: 'Chọn một nhóm dịch vụ hoặc một quầy để chuyển',
      }),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Chuyển số đang gọi/đang phục vụ sang nhóm dịch vụ hoặc quầy khác (giữ nguyên số trên phiếu).',
  }),
  'queue.cancel': method<TicketView>()({
    input: z.object({ ticketId: id('Mã phiếu') }).strict(),
    access: { kind: 'roles', roles: SUPERVISORS },
    summary: 'Huỷ một phiếu đang chờ (lấy nhầm, in hỏng).',
  }),
  'queue.linkDossier': method<TicketView>()({
    input: z.object({ ticketId: id('Mã phiếu'), dossierCode: z.string().trim().min(1, 'Nhập mã hồ sơ').max(40, 'Mã hồ sơ dài quá 40 ký tự') }).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Gắn mã hồ sơ vào số đang phục vụ (khi tiếp nhận hồ sơ).',
  }),
  'queue.rate': method<RatingView>()({
    input: z
      .object({
        level: z.union([z.literal(1), z.literal(2), z.literal(3)], 'Mức đánh giá là 1, 2 hoặc 3'),
        ticketId: id('Mã phiếu').optional(),
        counterNumber: counterNumber.optional(),
      })
      .strict()
      .refine((r) => r.ticketId !== undefined || r.counterNumber !== undefined, { path: ['counterNumber'], message: 'Cần số quầy hoặc mã phiếu được đánh giá' }),
    access: { kind: 'roles', roles: ANY_USER, kiosk: true },
    summary: 'Công dân đánh giá mức độ hài lòng (1 Rất hài lòng, 2 Hài lòng, 3 Không hài lòng); gửi lên hệ thống tỉnh.',
  }),
  'queue.rateTarget': method<{ counterNumber: number; code: string | null; ticketId: string | null; rated: boolean }>()({
    input: z.object({ counterNumber }).strict(),
    access: { kind: 'roles', roles: ANY_USER, kiosk: true },
    summary: 'Số đang/vừa được phục vụ tại quầy, để màn hình đánh giá hiển thị.',
  }),
  'queue.stats': method<QueueStats>()({
    input: z.object({ from: localDate, to: localDate }).strict(),
    access: { kind: 'roles', roles: SUPERVISORS },
    summary: 'Thống kê hàng đợi theo ngày/kỳ: số phiếu, đã phục vụ, vắng mặt, thời gian chờ và phục vụ (trung bình, P90), đánh giá.',
  }),
  'queue.exportStats': method<{ file: string; fileName: string }>()({
    input: z.object({ from: localDate, to: localDate }).strict(),
    access: { kind: 'roles', roles: SUPERVISORS },
    summary: 'Xuất thống kê hàng đợi ra tệp Excel trong thư mục dữ liệu.',
  }),
  'queue.board': method<BoardView>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ANY_USER, board: true, kiosk: true },
    summary: 'Dữ liệu màn hình hiển thị: số đang gọi tại từng quầy, các lượt gọi gần nhất, số người chờ.',
  }),
};
