import { ERROR_STATUS, ErrorCode, FieldIssue } from '@gongkai/shared';

/**
 * The one error type of the server. Services throw it; the error middleware turns it into the contract's
 * `{ error: { code, message, details? } }` with `status`. Messages are shown to people (Chinese).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** An AppError whose status follows the code's standard status. */
  static of(code: ErrorCode, message: string, details?: unknown): AppError {
    return new AppError(ERROR_STATUS[code], code, message, details);
  }
}

export const validationFailed = (message: string, details?: FieldIssue[]) =>
  AppError.of('VALIDATION_FAILED', message, details);
export const unauthenticated = (message = '请先登录') => AppError.of('UNAUTHENTICATED', message);
export const forbidden = (message = '没有权限进行此操作') => AppError.of('FORBIDDEN', message);
export const notFound = (message = '内容不存在') => AppError.of('NOT_FOUND', message);
export const conflict = (message: string, details?: unknown) => AppError.of('CONFLICT', message, details);
export const rateLimited = (message = '操作过于频繁，请稍后再试', details?: unknown) =>
  AppError.of('RATE_LIMITED', message, details);
