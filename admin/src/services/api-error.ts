import { ERROR_MESSAGES_ZH, ERROR_STATUS, type ErrorBody, type ErrorCode, type FieldIssue } from '@gongkai/shared';
import { zh } from '../locale/zh';

/** Codes the console adds for failures that never reached the server or never came back in the contract's shape. */
export type ClientErrorCode = 'NETWORK' | 'TIMEOUT' | 'ABORTED' | 'BAD_RESPONSE';

/**
 * The one error type the request layer throws: always the contract's error shape
 * `{ error: { code, message, details? } }`, plus the HTTP status (0 when no response arrived).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the request never got a response. */
    readonly status: number,
    /** Contract code (`VALIDATION_FAILED`, `UNAUTHENTICATED`, …) or a ClientErrorCode. */
    readonly code: ErrorCode | ClientErrorCode | string,
    message: string,
    /** `details` as the server sent it (for VALIDATION_FAILED: a list of `{ path, message }`). */
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The error in the contract's shape. */
  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }

  /** The field issues of a VALIDATION_FAILED error (empty for anything else or a malformed `details`). */
  fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue =>
        typeof d === 'object' && d !== null && typeof (d as FieldIssue).message === 'string',
    );
  }
}

/** True for an ApiError (also across module copies, e.g. in tests). */
export function isApiError(x: unknown): x is ApiError {
  return x instanceof ApiError || (x instanceof Error && x.name === 'ApiError' && 'code' in x);
}

const CODE_BY_STATUS = new Map<number, ErrorCode>(
  (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).map(([code, status]) => [status, code]),
);

/**
 * The contract code for an HTTP status whose body was not in the contract's shape
 * (a proxy's HTML 502, an empty 404 from a static server…).
 */
export function codeForStatus(status: number): ErrorCode {
  const known = CODE_BY_STATUS.get(status);
  if (known) return known;
  if (status === 502 || status === 504) return 'UNAVAILABLE';
  return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
}

/** The console's Chinese message for a code when the server gave none. */
export function defaultMessage(code: string): string {
  if (code in ERROR_MESSAGES_ZH) return ERROR_MESSAGES_ZH[code as ErrorCode];
  switch (code) {
    case 'NETWORK':
      return zh.request.network;
    case 'TIMEOUT':
      return zh.request.timeout;
    case 'ABORTED':
      return zh.request.aborted;
    case 'BAD_RESPONSE':
      return zh.request.badResponse;
    default:
      return zh.request.unknown;
  }
}

/**
 * A readable one-line Chinese message for any error: the server's message, and for VALIDATION_FAILED
 * the field messages from `details` (`fieldLabels` turns field paths into their form labels).
 */
export function formatError(err: unknown, fieldLabels: Record<string, string> = {}): string {
  if (!isApiError(err)) return zh.request.unknown;
  const issues = err.code === 'VALIDATION_FAILED' ? err.fieldIssues() : [];
  if (issues.length === 0) return err.message || defaultMessage(err.code);
  const lines = issues.map((i) => {
    const label = i.path ? (fieldLabels[i.path] ?? i.path) : '';
    return label ? `${label}：${i.message}` : i.message;
  });
  return `${err.message}：${lines.join(zh.request.fieldSeparator)}`;
}
