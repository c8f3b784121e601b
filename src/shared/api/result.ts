/** The one shape every API call answers with, over IPC and over HTTP alike. */
export type ApiError = { code: ErrorCode; message: string; fields?: Record<string, string> };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UNKNOWN_METHOD',
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'LOCKED',
  'RATE_LIMITED',
  'NOT_SET_UP',
  'STORAGE',
  'PRINTER',
  'INTERNAL',
  /** Set by the client only: no answer came back, so whether the office did it is unknown (a retry is safe with a request id). */
  'NETWORK',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, fields?: Record<string, string>): { ok: false; error: ApiError } {
  return fields ? { ok: false, error: { code, message, fields } } : { ok: false, error: { code, message } };
}
