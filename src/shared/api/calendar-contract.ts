import { z } from 'zod';
import { ADMINS, ANY_USER, method } from './define';
import { dayOffSchema, extraWorkingDaySchema, officeHoursSchema } from '../calendar/types';
import type { CalendarYear, LocalDate, OfficeHours } from '../calendar/types';
import type { ProcedureDuration } from '../catalog/procedure';
import { procedureCodeSchema, variantCodeSchema } from './catalog-contract';

/** The years the administrator screens offer; any year 1900–2199 is accepted by the API. */
export const CALENDAR_EDITABLE_YEARS = { from: 2025, to: 2030 } as const;

export interface CalendarYearView {
  /** The year in force: the stored one, else the proposal computed from the lunar calendar. */
  calendar: CalendarYear;
  /** False while the year is the app's default (announced or proposed; nothing saved yet). */
  stored: boolean;
  updatedAt: string | null;
  /** The announcement the app ships for this year, when it ships one (the year is then confirmed by default). */
  announcedSource: string | null;
}

export interface DueDatePreview {
  code: string;
  name: string;
  /** The case whose time was used; null for a procedure without variants. */
  variant: { code: string; name: string } | null;
  duration: ProcedureDuration;
  receivedAt: string;
  /** When counting started (receipt, or the next opening). */
  startedAt: string;
  due: string;
  dueDate: LocalDate;
  /** Vietnamese explanations, in the order the rules applied. */
  notes: string[];
  /** Working days left from now (0 = due today, negative = overdue). */
  daysRemaining: number;
  /** Years counted whose calendar is only a proposal: the due date is provisional while this is not empty. */
  provisionalYears: number[];
}

const yearSchema = z.int('Năm phải là số nguyên').min(1900, 'Năm phải từ 1900').max(2199, 'Năm phải trước 2200');
const instantSchema = z.iso.datetime({ offset: true, error: 'Thời điểm phải theo ISO 8601 có múi giờ, ví dụ 2026-03-02T08:00:00+07:00' });

export const calendarYearInputSchema = z
  .object({
    year: yearSchema,
    daysOff: z.array(dayOffSchema).max(200, 'Quá nhiều ngày nghỉ trong một năm'),
    extraWorkingDays: z.array(extraWorkingDaySchema).max(100, 'Quá nhiều ngày làm bù trong một năm'),
    status: z.enum(['proposed', 'confirmed']),
  })
  .strict();

export const calendarContract = {
  'calendar.getYear': method<CalendarYearView>()({
    input: z.object({ year: yearSchema }).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Lịch nghỉ, làm bù của một năm: bản đã lưu, hoặc bản đề xuất tính từ âm lịch (đánh dấu là đề xuất).',
  }),
  'calendar.saveYear': method<CalendarYearView>()({
    input: calendarYearInputSchema,
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Lưu lịch một năm do quản trị sửa; lịch mâu thuẫn (trùng ngày, làm bù không phải cuối tuần…) bị từ chối kèm lý do.',
  }),
  'calendar.confirmYear': method<CalendarYearView>()({
    input: z.object({ year: yearSchema }).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Xác nhận lịch một năm (bản đề xuất hoặc bản đã sửa) là lịch chính thức.',
  }),
  'calendar.importYear': method<CalendarYearView>()({
    input: z
      .object({
        fileName: z.string().trim().min(1, 'Thiếu tên tệp').max(255, 'Tên tệp quá dài'),
        content: z.string().min(1, 'Tệp rỗng').max(1_000_000, 'Tệp quá lớn (tối đa 1 MB)'),
      })
      .strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Nhập lịch một năm từ tệp JSON (dạng lịch của ứng dụng, hoặc dạng LayLichNghi của tỉnh).',
  }),
  'calendar.getOfficeHours': method<OfficeHours>()({
    input: z.object({}).strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Giờ làm việc theo từng thứ trong tuần.',
  }),
  'calendar.saveOfficeHours': method<OfficeHours>()({
    input: z.object({ hours: officeHoursSchema }).strict(),
    access: { kind: 'roles', roles: ADMINS },
    summary: 'Sửa giờ làm việc (mỗi thứ một hoặc nhiều ca; thứ không có ca là ngày nghỉ).',
  }),
  'calendar.dueDate': method<DueDatePreview>()({
    input: z
      .object({
        code: procedureCodeSchema,
        variantCode: variantCodeSchema.optional(),
        receivedAt: instantSchema.optional(),
        pauses: z.array(z.object({ from: instantSchema, to: instantSchema.nullable() }).strict()).max(50).optional(),
      })
      .strict(),
    access: { kind: 'roles', roles: ANY_USER },
    summary: 'Xem trước hạn trả kết quả của một thủ tục cho thời điểm tiếp nhận (mặc định: bây giờ), kèm giải thích và số ngày còn lại.',
  }),
};
