/**
 * Field checks of the provincial server double. Written independently of the client's zod
 * schemas on purpose: if both sides shared one schema, a mistake in it would pass unseen.
 * Each check records "Field (reason)" in Vietnamese so a `-5` message names every bad field.
 */

export type Obj = Record<string, unknown>;

export const MAX_STRING = 2000;

const TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const DOSSIER_CODE = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4})$/;

function realDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

export function isTime(s: string): boolean {
  const m = TIME.exec(s);
  if (!m) return false;
  const n = m.slice(1).map(Number);
  return realDay(n[0], n[1], n[2]) && n[3] <= 23 && n[4] <= 59 && n[5] <= 59;
}

export function isDate(s: string): boolean {
  const m = DATE.exec(s);
  return m !== null && realDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isUuid(s: string): boolean {
  return UUID.test(s);
}

/** Agency part of a well-formed dossier code, or null when the code is malformed. */
export function dossierAgency(code: string): string | null {
  const m = DOSSIER_CODE.exec(code);
  if (!m) return null;
  if (!realDay(2000 + Number(m[2]), Number(m[3]), Number(m[4])) || Number(m[5]) < 1) return null;
  return m[1];
}

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Collects problems under a path prefix; children share the same list. */
export class Check {
  constructor(
    readonly errors: string[] = [],
    private readonly prefix = '',
  ) {}

  child(prefix: string): Check {
    return new Check(this.errors, this.prefix + prefix);
  }

  fail(field: string, reason: string): void {
    this.errors.push(`${this.prefix}${field} (${reason})`);
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  /** A string field; `required` means present and not blank. */
  str(o: Obj, key: string, opts: { required?: boolean; max?: number } = {}): string | undefined {
    const v = o[key];
    if (v === undefined) {
      if (opts.required) this.fail(key, 'bắt buộc');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.fail(key, 'phải là chuỗi');
      return undefined;
    }
    if (opts.required && v.trim() === '') {
      this.fail(key, 'bắt buộc');
      return undefined;
    }
    const max = opts.max ?? MAX_STRING;
    if ([...v].length > max) {
      this.fail(key, `dài quá ${max} ký tự`);
      return undefined;
    }
    return v;
  }

  /** A code from a fixed list; codes are strings, never numbers. */
  code<T extends string>(o: Obj, key: string, allowed: readonly T[], required = false): T | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.fail(key, 'bắt buộc');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.fail(key, 'mã phải là chuỗi');
      return undefined;
    }
    if (!(allowed as readonly string[]).includes(v)) {
      this.fail(key, `mã không hợp lệ "${v}"`);
      return undefined;
    }
    return v as T;
  }

  /** An integer number within bounds; counts, amounts and versions are numbers, never strings. */
  int(o: Obj, key: string, opts: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    const v = o[key];
    if (v === undefined) {
      if (opts.required) this.fail(key, 'bắt buộc');
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.fail(key, 'phải là số nguyên');
      return undefined;
    }
    const min = opts.min ?? 0;
    if (v < min || (opts.max !== undefined && v > opts.max)) {
      this.fail(key, opts.max === undefined ? `phải từ ${min} trở lên` : `phải từ ${min} đến ${opts.max}`);
      return undefined;
    }
    return v;
  }

  /** A `yyyyMMddHHmmss` time; an empty optional time counts as absent. */
  time(o: Obj, key: string, required = false): string | undefined {
    const v = o[key];
    if (v === undefined || (v === '' && !required)) {
      if (required) this.fail(key, 'bắt buộc');
      return undefined;
    }
    if (typeof v !== 'string' || !isTime(v)) {
      this.fail(key, 'thời gian không hợp lệ, cần yyyyMMddHHmmss');
      return undefined;
    }
    return v;
  }

  date(o: Obj, key: string): string | undefined {
    const v = o[key];
    if (typeof v !== 'string' || !isDate(v)) {
      this.fail(key, 'ngày không hợp lệ, cần yyyyMMdd');
      return undefined;
    }
    return v;
  }

  uuid(o: Obj, key: string, required = true): string | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.fail(key, 'bắt buộc');
      return undefined;
    }
    if (typeof v !== 'string' || !isUuid(v)) {
      this.fail(key, 'không phải UUID');
      return undefined;
    }
    return v;
  }

  /** An optional list of objects, each read by `each` under `key[i].`. */
  list<T>(o: Obj, key: string, each: (item: Obj, c: Check) => T): T[] | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      this.fail(key, 'phải là danh sách');
      return undefined;
    }
    return v.map((item, i) => {
      const c = this.child(`${key}[${i}].`);
      if (!isObj(item)) {
        c.errors.push(`${this.prefix}${key}[${i}] (phải là đối tượng)`);
        return undefined as T;
      }
      return each(item, c);
    });
  }

  /** An optional nested object. */
  obj<T>(o: Obj, key: string, read: (item: Obj, c: Check) => T): T | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    if (!isObj(v)) {
      this.fail(key, 'phải là đối tượng');
      return undefined;
    }
    return read(v, this.child(`${key}.`));
  }
}

/** Copy of `o` without the keys whose value is undefined (what the double stores and answers). */
export function compact<T extends Obj>(o: T): T {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
