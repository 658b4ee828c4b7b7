/*
 * How WeChat failures are classified. Every call of the client returns a typed result instead of throwing:
 * `retryable` failures may succeed later (busy, rate limit, 5xx, network, timeout); permanent ones never
 * will (refused / quota used, bad openid, bad data, bad template, bad credentials) and must not be retried.
 */

/** Why a WeChat call failed (stable values: stored with deliveries and shown in admin statistics). */
export type FailureReason =
  | 'busy'
  | 'rate-limited'
  | 'server-error'
  | 'network'
  | 'timeout'
  | 'token'
  | 'refused'
  | 'bad-openid'
  | 'bad-data'
  | 'bad-template'
  | 'bad-credentials'
  | 'invalid-code'
  | 'blocked'
  | 'other';

/** A failed call. `errcode` is WeChat's code, or the HTTP status for a 5xx, or 0 for network/timeout. */
export interface WechatFailure {
  ok: false;
  reason: FailureReason;
  retryable: boolean;
  errcode: number;
  errmsg: string;
  /**
   * True when the request may have reached WeChat before the failure (timeout, connection reset after the
   * request was written): a retry could then duplicate a message. See docs/notices.md.
   */
  ambiguous?: boolean;
}

/** Reasons worth retrying later. */
export const RETRYABLE_REASONS: ReadonlySet<FailureReason> = new Set(['busy', 'rate-limited', 'server-error', 'network', 'timeout', 'token']);

const BY_CODE: Record<number, FailureReason> = {
  [-1]: 'busy',
  45009: 'rate-limited', // API daily/minute quota reached
  45011: 'rate-limited', // code2session: too frequent
  40001: 'token', // invalid access_token (after one refresh)
  42001: 'token', // access_token expired (after one refresh)
  41001: 'token', // access_token missing
  43101: 'refused', // user refused, or the one-time quota is used up
  40003: 'bad-openid',
  47003: 'bad-data', // template data invalid; errmsg names the field
  47001: 'bad-data', // body not valid JSON / wrong format
  40037: 'bad-template', // invalid template_id
  41030: 'bad-template', // invalid page
  40013: 'bad-credentials', // invalid appid
  40125: 'bad-credentials', // invalid appsecret
  40029: 'invalid-code', // login code invalid
  40163: 'invalid-code', // login code already used
  41008: 'invalid-code', // login code missing
  40226: 'blocked', // high-risk user blocked from login
};

/** The failure of a WeChat error code. */
export function failureOf(errcode: number, errmsg: string): WechatFailure {
  const reason = BY_CODE[errcode] ?? 'other';
  return { ok: false, reason, retryable: RETRYABLE_REASONS.has(reason), errcode, errmsg };
}

/** The failure of a non-2xx HTTP answer. */
export function httpFailure(status: number, text: string): WechatFailure {
  const retryable = status >= 500 || status === 429;
  return { ok: false, reason: retryable ? (status === 429 ? 'rate-limited' : 'server-error') : 'other', retryable, errcode: status, errmsg: text.slice(0, 200) };
}

/** The failure of a thrown fetch error (network, abort by timeout). */
export function transportFailure(err: unknown): WechatFailure {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const timeout = e.name === 'TimeoutError' || e.name === 'AbortError';
  const code = e.cause?.code ?? '';
  // ECONNREFUSED / ENOTFOUND: nothing was sent. A reset or a timeout may come after WeChat read the request.
  const ambiguous = timeout || !['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code);
  return {
    ok: false,
    reason: timeout ? 'timeout' : 'network',
    retryable: true,
    errcode: 0,
    errmsg: `${timeout ? 'timeout' : code || 'network error'}: ${e.cause?.message ?? e.message ?? String(err)}`.slice(0, 200),
    ambiguous,
  };
}
