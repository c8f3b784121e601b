import { z } from 'zod';

/**
 * Characters that make a label lie about itself: C0/C1 controls (NUL included) and the bidirectional
 * overrides/isolates (U+202A–U+202E, U+2066–U+2069) that can make "pdf.exe" read as "exe.pdf".
 */
// eslint-disable-next-line no-control-regex
export const DECEPTIVE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A short human label (device name): NFC, no controls or bidi overrides. */
export function labelSchema(max: number, label: string) {
  return z
    .string()
    .trim()
    .min(1, `${label} không được để trống`)
    .max(max, `${label} dài quá ${max} ký tự`)
    .refine((s) => !DECEPTIVE_CHARS.test(s), `${label} chứa ký tự điều khiển hoặc ký tự đảo chiều không được phép`)
    .transform((s) => s.normalize('NFC'));
}

/** An absolute folder or file path on the host: /…, C:\… or \\server\share\…; no control characters. */
export function absolutePathSchema(label: string) {
  return z
    .string()
    .trim()
    .min(1, `${label} không được để trống`)
    .max(500, `${label} dài quá 500 ký tự`)
    .refine((s) => !DECEPTIVE_CHARS.test(s), `${label} chứa ký tự không được phép`)
    .refine((s) => /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/.test(s), `${label} phải là đường dẫn đầy đủ, ví dụ E:\\SaoLuu hoặc \\\\may-chu\\chia-se hoặc /media/usb`);
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one (code units: no /u flag).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** True when the string is well-formed UTF-16 (String.prototype.isWellFormed is ES2024). */
export function isWellFormedText(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/** What any UTF-8 encoder (SQLite, Buffer.from) makes of the string: each lone surrogate becomes U+FFFD. */
export function toWellFormedText(s: string): string {
  return isWellFormedText(s) ? s : s.replace(LONE_SURROGATES, '\uFFFD');
}

/** Deeper JSON than any method's schema has: refused before parsing (a stack-deep payload is an attack). */
export const MAX_INPUT_DEPTH = 32;

export type InputProblem = { path: string; kind: 'ill-formed' | 'too-deep' };

/**
 * The first string (value or object key) that is not well-formed UTF-16 — a lone surrogate, which
 * SQLite and every UTF-8 consumer silently turn into U+FFFD, so what was checked is not what is stored —
 * or the first place nested deeper than {@link MAX_INPUT_DEPTH}. Null when the input is clean.
 */
export function findInputProblem(value: unknown, path: (string | number)[] = [], depth = 0): InputProblem | null {
  const at = () => path.map(String).join('.');
  if (typeof value === 'string') return isWellFormedText(value) ? null : { path: at(), kind: 'ill-formed' };
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_INPUT_DEPTH) return { path: at(), kind: 'too-deep' };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findInputProblem(value[i], [...path, i], depth + 1);
      if (p) return p;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (!isWellFormedText(k)) return { path: [...path, toWellFormedText(k)].map(String).join('.'), kind: 'ill-formed' };
    const p = findInputProblem(v, [...path, k], depth + 1);
    if (p) return p;
  }
  return null;
}
