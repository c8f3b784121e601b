/**
 * Calendar data: which days an office is open and during which hours.
 *
 * The holiday calendar is *data* per year (the Ministry of Home Affairs announces
 * Tết and National Day breaks each year), so these shapes are what the
 * administrator edits, what is imported, and what the provincial server sends.
 */
import { z } from 'zod';
import { isLocalDate, isTimeOfDay, parseTimeOfDay } from './local-date';

/** A Vietnam calendar date written 'YYYY-MM-DD' (no time, no zone). */
export type LocalDate = string;

export type DayOffKind = 'holiday' | 'compensatory' | 'tet' | 'swap';

/**
 * A weekday the office is closed.
 * - holiday: a public holiday fixed by law (1/1, Giỗ Tổ, 30/4, 1/5, 2/9, 24/11)
 * - tet: one of the Tết days
 * - compensatory: nghỉ bù for a holiday that fell on a weekend
 * - swap: nghỉ hoán đổi, paid back by a working Saturday (see extraWorkingDays)
 */
export interface DayOff {
  date: LocalDate;
  name: string;
  kind: DayOffKind;
  /** True for a default the app computed and nobody has confirmed yet. */
  proposed: boolean;
}

/** A Saturday or Sunday worked in exchange for a swapped day off (làm bù). */
export interface ExtraWorkingDay {
  date: LocalDate;
  name: string;
}

export interface CalendarYear {
  year: number;
  daysOff: DayOff[];
  extraWorkingDays: ExtraWorkingDay[];
  status: 'proposed' | 'confirmed';
  source: 'default' | 'admin' | 'import' | 'provincial';
}

/** One stretch of office time, local wall clock 'HH:MM'; `end` is exclusive. */
export interface OfficeSession {
  start: string;
  end: string;
}

/** Sessions for each weekday, index 0 = Sunday … 6 = Saturday; an empty list means closed. */
export type OfficeHours = readonly [
  OfficeSession[],
  OfficeSession[],
  OfficeSession[],
  OfficeSession[],
  OfficeSession[],
  OfficeSession[],
  OfficeSession[],
];

const WEEKDAY_HOURS: OfficeSession[] = [
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

/** Mon–Fri 07:00–11:30 and 13:30–17:00 (8 h), closed Saturday and Sunday. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = [
  [],
  WEEKDAY_HOURS,
  WEEKDAY_HOURS,
  WEEKDAY_HOURS,
  WEEKDAY_HOURS,
  WEEKDAY_HOURS,
  [],
];

export type DurationUnit = 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'HOURS';

/** How long a procedure may take (thời hạn giải quyết). */
export interface ProcessingDuration {
  amount: number;
  unit: DurationUnit;
  /** Giải quyết trong ngày: due at closing the same day, or the next working day when received after 15:00. `amount`/`unit` are then ignored. */
  sameDay: boolean;
}

/** A wait for the citizen to complete the dossier; `to` is null while still waiting. */
export interface Pause {
  from: Date;
  to: Date | null;
}

// ---------------------------------------------------------------- schemas

export const localDateSchema = z
  .string()
  .refine((s) => isLocalDate(s), { error: 'Ngày không hợp lệ (định dạng YYYY-MM-DD)' });

const timeSchema = z.string().refine((s) => isTimeOfDay(s), { error: 'Giờ không hợp lệ (định dạng HH:MM)' });

export const officeSessionSchema = z
  .object({ start: timeSchema, end: timeSchema })
  .refine((s) => !isTimeOfDay(s.start) || !isTimeOfDay(s.end) || parseTimeOfDay(s.start) < parseTimeOfDay(s.end), {
    error: 'Giờ bắt đầu phải trước giờ kết thúc',
  });

function sessionsInOrder(sessions: OfficeSession[]): boolean {
  for (let i = 1; i < sessions.length; i++) {
    if (parseTimeOfDay(sessions[i].start) < parseTimeOfDay(sessions[i - 1].end)) return false;
  }
  return true;
}

const daySessionsSchema = z
  .array(officeSessionSchema)
  .refine((list) => !list.every((s) => isTimeOfDay(s.start) && isTimeOfDay(s.end)) || sessionsInOrder(list), {
    error: 'Các ca làm việc phải theo thứ tự và không chồng lên nhau',
  });

export const officeHoursSchema = z
  .tuple([daySessionsSchema, daySessionsSchema, daySessionsSchema, daySessionsSchema, daySessionsSchema, daySessionsSchema, daySessionsSchema])
  .refine((week) => week.some((day) => day.length > 0), { error: 'Phải có ít nhất một ngày làm việc trong tuần' });

export const dayOffSchema = z.object({
  date: localDateSchema,
  name: z.string().trim().min(1, { error: 'Thiếu tên ngày nghỉ' }),
  kind: z.enum(['holiday', 'compensatory', 'tet', 'swap']),
  proposed: z.boolean(),
});

export const extraWorkingDaySchema = z.object({
  date: localDateSchema,
  name: z.string().trim().min(1, { error: 'Thiếu tên ngày làm bù' }),
});

/** Shape only; use validateCalendarYear for the rules between entries. */
export const calendarYearSchema = z.object({
  year: z.int().min(1900, { error: 'Năm phải từ 1900' }).max(2199, { error: 'Năm phải trước 2200' }),
  daysOff: z.array(dayOffSchema),
  extraWorkingDays: z.array(extraWorkingDaySchema),
  status: z.enum(['proposed', 'confirmed']),
  source: z.enum(['default', 'admin', 'import', 'provincial']),
});

export const processingDurationSchema = z
  .object({
    amount: z.number().min(0, { error: 'Thời hạn không được âm' }),
    unit: z.enum(['WORKING_DAYS', 'CALENDAR_DAYS', 'HOURS']),
    sameDay: z.boolean(),
  })
  .refine((d) => d.sameDay || d.unit === 'HOURS' || Number.isInteger(d.amount), {
    error: 'Số ngày phải là số nguyên',
  });

// Compile-time checks that schema outputs and the hand-written types agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: [
  Same<z.infer<typeof calendarYearSchema>, CalendarYear>,
  Same<z.infer<typeof officeSessionSchema>, OfficeSession>,
  Same<z.infer<typeof processingDurationSchema>, ProcessingDuration>,
] = [true, true, true];
void schemaMatchesTypes;
