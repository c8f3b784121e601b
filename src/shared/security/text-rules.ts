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
