import type { ErrorCode } from '../../shared/api/result';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNKNOWN_METHOD: 404,
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  LOCKED: 423,
  RATE_LIMITED: 429,
  NOT_SET_UP: 409,
  STORAGE: 507,
  PRINTER: 502,
  INTERNAL: 500,
  // Never sent by the office: the client's own code for an answer that did not arrive.
  NETWORK: 502,
};
