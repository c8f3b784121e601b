import type { ErrorCode } from '../../shared/api/result';

/** Thrown by services for conditions a clerk can act on; the message is shown as is (Vietnamese). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
