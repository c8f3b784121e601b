/**
 * Working-day calendar and due-date engine (pure TypeScript, Vietnam time UTC+7).
 *
 * - lunar: Vietnamese lunar calendar conversions
 * - proposals: default holidays for a year, validation of edited years
 * - working-time: the office's working days/hours (WorkCalendar)
 * - due-date: due dates and "days remaining"
 */
export type {
  CalendarYear,
  DayOff,
  DayOffKind,
  DurationUnit,
  ExtraWorkingDay,
  LocalDate,
  OfficeHours,
  OfficeSession,
  Pause,
  ProcessingDuration,
} from './types';
export {
  DEFAULT_OFFICE_HOURS,
  calendarYearSchema,
  dayOffSchema,
  extraWorkingDaySchema,
  localDateSchema,
  officeHoursSchema,
  officeSessionSchema,
  processingDurationSchema,
} from './types';
export { instantAt, isLocalDate, localDateTime, toLocalDate, formatViDate } from './local-date';
export type { LunarDate } from './lunar';
export { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar';
export { proposeYear, validateCalendarYear } from './proposals';
export { ANNOUNCED_SOURCES, announcedYear, defaultYear, provisionalDueText } from './announced';
export type { WorkCalendar, WorkCalendarOptions, TimeRange } from './working-time';
export { addOfficeTime, createWorkCalendar, officeTimeBetween } from './working-time';
export type { DueDateInput, DueDateResult } from './due-date';
export { SAME_DAY_CUTOFF_MINUTES, computeDueDate, workingDaysRemaining } from './due-date';
