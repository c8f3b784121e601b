/**
 * Vietnamese messages for schema issues that carry no message of their own, and a readable
 * path (`fees[0].amount`). Passed per parse call rather than via `z.config`, so that other
 * modules keep their own error language.
 */
import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  boolean: 'giá trị đúng/sai',
  array: 'danh sách',
  object: 'đối tượng',
  null: 'rỗng',
};

function describeInput(input: unknown): string {
  if (input === undefined) return 'không có';
  if (input === null) return 'rỗng';
  if (Array.isArray(input)) return 'danh sách';
  if (typeof input === 'string') return `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  return 'đối tượng';
}

/** Error map for `schema.safeParse(x, { error: vietnameseIssueMessage })`. */
export function vietnameseIssueMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Thiếu giá trị bắt buộc.';
      return `Phải là ${TYPE_NAMES[issue.expected] ?? issue.expected}, nhận được ${describeInput(issue.input)}.`;
    case 'invalid_value':
      return `Giá trị ${describeInput(issue.input)} không hợp lệ; dùng một trong: ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`;
    case 'too_small':
      return `Giá trị quá nhỏ (tối thiểu ${String(issue.minimum)}).`;
    case 'too_big':
      return `Giá trị quá lớn (tối đa ${String(issue.maximum)}).`;
    case 'invalid_format':
      return 'Sai định dạng.';
    default:
      return 'Giá trị không hợp lệ.';
  }
}

/** `['fees', 0, 'amount']` → `fees[0].amount`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
