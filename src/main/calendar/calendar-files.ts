/**
 * Calendar years arriving from outside: the province's `LayLichNghi` answer and a JSON file
 * chosen by the administrator (either our own CalendarYear shape or the province's shape).
 */
import { z } from 'zod';
import type { CalendarYear, DayOff, DayOffKind, ExtraWorkingDay, LocalDate } from '../../shared/calendar/types';
import { dayOffSchema, extraWorkingDaySchema } from '../../shared/calendar/types';
import { foldVietnamese } from '../../shared/domain/text-fold';

export type ParsedYear = { ok: true; calendar: CalendarYear } | { ok: false; errors: string[] } | { ok: 'empty'; year: number | null };

const YMD = /^(\d{4})(\d{2})(\d{2})$/;

/** `yyyyMMdd` → `YYYY-MM-DD` (the calendar validator then rejects impossible dates). */
function fromProvincialDate(s: string): LocalDate | null {
  const m = YMD.exec(s.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/**
 * The province only names its days off; the kind is read from the name so the year view
 * can colour them. Anything not recognisable is a public holiday.
 */
export function kindFromName(name: string): DayOffKind {
  const f = foldVietnamese(name);
  if (f.includes('nghi bu')) return 'compensatory';
  if (f.includes('hoan doi') || f.includes('doi ngay') || f.includes('doi cho')) return 'swap';
  if (f.includes('tet') && !f.includes('duong lich')) return 'tet';
  return 'holiday';
}

const ngay = z.object({ Ngay: z.string(), Ten: z.string().nullish() });
const lichNghiSchema = z.object({
  Nam: z.number().int().nullish(),
  NgayNghi: z.array(ngay).nullish(),
  NgayLamBu: z.array(ngay).nullish(),
});

/** Unwraps `{ result: … }` when the whole answer is passed. */
function unwrap(answer: unknown): unknown {
  if (answer && typeof answer === 'object' && 'result' in answer && !('Nam' in answer) && !('NgayNghi' in answer)) {
    return (answer as { result: unknown }).result;
  }
  return answer;
}

/**
 * Maps a `LayLichNghi` result to a confirmed CalendarYear with source 'provincial'. An empty
 * answer (null, `{}`, or both lists empty) means "not announced yet" and maps to `empty`.
 * Repeated dates inside one list are kept once; dates are not otherwise corrected.
 */
export function calendarFromLichNghi(answer: unknown, expectedYear?: number): ParsedYear {
  const raw = unwrap(answer);
  if (raw === null || raw === undefined) return { ok: 'empty', year: expectedYear ?? null };
  const parsed = lichNghiSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `Lịch của tỉnh không đúng mẫu tại ${i.path.join('.') || '(gốc)'}: ${i.message}`) };
  }
  const { Nam, NgayNghi, NgayLamBu } = parsed.data;
  const year = Nam ?? expectedYear ?? null;
  if ((NgayNghi ?? []).length === 0 && (NgayLamBu ?? []).length === 0) return { ok: 'empty', year };
  if (year === null) return { ok: false, errors: ['Lịch của tỉnh không ghi năm (Nam).'] };
  if (expectedYear !== undefined && Nam != null && Nam !== expectedYear) {
    return { ok: false, errors: [`Đã hỏi lịch năm ${expectedYear} nhưng tỉnh trả lịch năm ${Nam}.`] };
  }
  const errors: string[] = [];
  const daysOff: DayOff[] = [];
  const extra: ExtraWorkingDay[] = [];
  const seenOff = new Set<string>();
  const seenExtra = new Set<string>();
  for (const d of NgayNghi ?? []) {
    const date = fromProvincialDate(d.Ngay);
    if (!date) errors.push(`Ngày nghỉ «${d.Ngay}» không đúng dạng yyyyMMdd.`);
    else if (!seenOff.has(date)) {
      seenOff.add(date);
      const name = d.Ten?.trim() || 'Ngày nghỉ theo lịch của tỉnh';
      daysOff.push({ date, name, kind: kindFromName(name), proposed: false });
    }
  }
  for (const d of NgayLamBu ?? []) {
    const date = fromProvincialDate(d.Ngay);
    if (!date) errors.push(`Ngày làm bù «${d.Ngay}» không đúng dạng yyyyMMdd.`);
    else if (!seenExtra.has(date)) {
      seenExtra.add(date);
      extra.push({ date, name: d.Ten?.trim() || 'Ngày làm bù theo lịch của tỉnh' });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, calendar: sortYear({ year, daysOff, extraWorkingDays: extra, status: 'confirmed', source: 'provincial' }) };
}

export function sortYear(y: CalendarYear): CalendarYear {
  return {
    ...y,
    daysOff: [...y.daysOff].sort((a, b) => a.date.localeCompare(b.date)),
    extraWorkingDays: [...y.extraWorkingDays].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/** Our own file shape: kind and proposed may be left out (read from the name, and false). */
const fileYearSchema = z.object({
  year: z.number().int(),
  daysOff: z.array(
    dayOffSchema.extend({ kind: dayOffSchema.shape.kind.optional(), proposed: z.boolean().optional() }),
  ),
  extraWorkingDays: z.array(extraWorkingDaySchema).optional(),
  status: z.enum(['proposed', 'confirmed']).optional(),
});

/**
 * A calendar year from a JSON file: `{ year, daysOff, extraWorkingDays, status? }`, or the
 * province's `{ Nam, NgayNghi, NgayLamBu }` (optionally inside `result`). Source 'import';
 * confirmed unless the file says 'proposed'.
 */
export function calendarFromFile(text: string): ParsedYear {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`Tệp không phải JSON hợp lệ: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const inner = unwrap(value);
  if (inner && typeof inner === 'object' && ('Nam' in inner || 'NgayNghi' in inner)) {
    const r = calendarFromLichNghi(inner);
    if (r.ok === true) return { ok: true, calendar: { ...r.calendar, source: 'import' } };
    if (r.ok === 'empty') return { ok: false, errors: ['Tệp lịch không có ngày nghỉ hay ngày làm bù nào.'] };
    return r;
  }
  const parsed = fileYearSchema.safeParse(inner);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'Tệp'}: ${i.message}`),
    };
  }
  const f = parsed.data;
  return {
    ok: true,
    calendar: sortYear({
      year: f.year,
      daysOff: f.daysOff.map((d) => ({ date: d.date, name: d.name.trim(), kind: d.kind ?? kindFromName(d.name), proposed: d.proposed ?? false })),
      extraWorkingDays: (f.extraWorkingDays ?? []).map((d) => ({ date: d.date, name: d.name.trim() })),
      status: f.status ?? 'confirmed',
      source: 'import',
    }),
  };
}
