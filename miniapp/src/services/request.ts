import Taro from '@tarojs/taro';
import { ERROR_STATUS, isErrorBody, type ErrorBody, type ErrorCode } from '@gongkai/shared';
import { apiConfig } from '../config';
import { messageFor } from '../i18n/zh';

/**
 * The mini-program's one request layer over `Taro.request` (wx.request in the mini-program, fetch in H5).
 *
 * Every failure — an error response, a network failure, a timeout, a body that is not what the contract
 * promises — is thrown as an `ApiError` carrying the contract's error shape, with a Chinese message that a
 * page can show as is. Idempotent GETs are retried politely on network failures, timeouts and gateway errors,
 * because villagers are often on weak mobile networks.
 */

/** HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A query-string value; `undefined` leaves the parameter out. */
export type QueryValue = string | number | boolean | undefined;

/** Anything with zod's `safeParse` (kept structural so this file needs no zod import). */
export interface ResponseParser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } };
}

/** Options of one API call. */
export interface RequestOptions<T> {
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  /** JSON body (not for GET). */
  body?: unknown;
  /** Bearer token for this call; `null` sends none. Defaults to the token provider's. */
  token?: string | null;
  /**
   * The call needs the resident's token: it comes from the auth provider (signing in first when needed),
   * and a 401 makes the provider sign in again, once, before the call is repeated.
   */
  auth?: boolean;
  headers?: Record<string, string>;
  /** Validates (and types) the successful body, e.g. a shared zod schema. */
  schema?: ResponseParser<T>;
  /** Overrides the configured retry count (GET, or a call marked `idempotent`). */
  retries?: number;
  /**
   * The call may be repeated safely (e.g. a POST with an `Idempotency-Key`): it is retried like a GET on
   * network failures, timeouts and gateway errors.
   */
  idempotent?: boolean;
  /** Overrides the configured per-attempt timeout. */
  timeoutMs?: number;
}

/** The error every API call throws: the contract's `{ error: { code, message, details? } }` plus the HTTP status. */
export class ApiError extends Error {
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** Contract error code (`NOT_FOUND`, …) or a client code (`NETWORK`, `BAD_RESPONSE`, `UNKNOWN`). */
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    // Keeps `instanceof` working where classes extending Error are transpiled to ES5.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  /** The contract's error body for this error. */
  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

/** Turns anything thrown into an ApiError (pages call this in their catch blocks). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, 'UNKNOWN', messageFor('UNKNOWN'));
}

type TokenProvider = () => string | null | undefined;
let tokenProvider: TokenProvider = () => null;

/** Sets where the Bearer token of calls without `auth` comes from (the current session's token, if any). */
export function setTokenProvider(provider: TokenProvider): void {
  tokenProvider = provider;
}

/** Where `auth: true` calls get their token (services/session.ts implements it). */
export interface AuthProvider {
  /** A valid token, signing in first when there is none; null when sign-in is not available here. */
  token(): Promise<string | null>;
  /** `rejected` got a 401: sign in again (once per rejected token) and return the new token, or null. */
  renew(rejected: string): Promise<string | null>;
}
let authProvider: AuthProvider | null = null;

/** Plugs in (or removes) the auth provider used by `auth: true` calls. */
export function setAuthProvider(provider: AuthProvider | null): void {
  authProvider = provider;
}

/** The error of an `auth: true` call when nobody can sign in here (no provider, or the server refuses). */
function signInUnavailable(): ApiError {
  return new ApiError(401, 'UNAUTHENTICATED', messageFor('SIGN_IN_UNAVAILABLE'));
}

const CODE_BY_STATUS: Record<number, ErrorCode> = Object.fromEntries(
  (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).map(([code, status]) => [status, code]),
);

/** Gateway-type statuses that a retry may cure (the request never reached a healthy server). */
const RETRYABLE_STATUS = new Set([502, 503, 504]);

/** The absolute URL of an API path with its query (for uploads, downloads and links). */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const qs = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${apiConfig().baseUrl}${path}${qs ? `?${qs}` : ''}`;
}

/** The error for an HTTP error status, keeping the server's code and message when it sent the contract shape. */
function errorFromResponse(status: number, data: unknown): ApiError {
  if (isErrorBody(data)) {
    const { code, message, details } = data.error;
    return new ApiError(status, code, message || messageFor(code), details);
  }
  // A proxy's HTML page, an empty body, a crash before the error middleware: no details worth showing.
  const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'UNKNOWN');
  return new ApiError(status, code, messageFor(code));
}

/** The error for a call that got no response (offline, DNS, refused connection, timeout). */
function networkError(e: unknown): ApiError {
  const raw = e as { errMsg?: unknown; message?: unknown; name?: unknown } | null;
  const text = String(raw?.errMsg ?? raw?.message ?? '');
  const timedOut = raw?.name === 'AbortError' || /time ?out|abort/i.test(text);
  return new ApiError(0, 'NETWORK', messageFor('NETWORK'), { reason: timedOut ? 'timeout' : 'fail' });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One attempt: resolves with the status and parsed body of a 2xx response, throws ApiError otherwise. */
async function attempt(
  url: string,
  method: HttpMethod,
  header: Record<string, string>,
  data: unknown,
  timeout: number,
): Promise<{ status: number; data: unknown }> {
  // The body is untrusted until checked below (`isErrorBody`, the caller's schema).
  let res: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>;
  try {
    res = await Taro.request({ url, method, header, data: data as never, timeout, dataType: 'json' });
  } catch (e) {
    throw networkError(e);
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return { status: res.statusCode, data: res.data };
  throw errorFromResponse(res.statusCode, res.data);
}

/**
 * Calls the API and resolves with the response body (validated by `schema` when given).
 * Throws `ApiError` on any failure. GETs (and calls marked `idempotent`) are retried on network failures,
 * timeouts and 502/503/504 with exponential backoff; other calls are never retried here. `auth: true`
 * calls carry the resident's token and sign in again once on a 401.
 */
export async function request<T = unknown>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const cfg = apiConfig();
  const method = options.method ?? 'GET';
  const url = apiUrl(path, options.query);
  const header: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) header['Content-Type'] = 'application/json';
  let token: string | null | undefined;
  if (options.auth) {
    if (!authProvider) throw signInUnavailable();
    token = await authProvider.token();
    if (!token) throw signInUnavailable();
  } else {
    token = options.token !== undefined ? options.token : tokenProvider();
  }
  if (token) header.Authorization = `Bearer ${token}`;

  const retries = method === 'GET' || options.idempotent ? Math.max(0, options.retries ?? cfg.getRetries) : 0;
  let renewed = false;
  let res: { status: number; data: unknown };
  for (let i = 0; ; ) {
    try {
      res = await attempt(url, method, header, options.body, options.timeoutMs ?? cfg.timeoutMs);
      break;
    } catch (e) {
      const err = e as ApiError;
      // An expired or revoked session: sign in again once and repeat the call (a 401 is given before any
      // handler runs, so repeating even a POST cannot do anything twice).
      if (err.status === 401 && options.auth && authProvider && token && !renewed) {
        renewed = true;
        token = await authProvider.renew(token);
        if (!token) throw signInUnavailable();
        header.Authorization = `Bearer ${token}`;
        continue;
      }
      const retryable = err.status === 0 || RETRYABLE_STATUS.has(err.status);
      if (!retryable || i >= retries) throw err;
      await sleep(cfg.retryDelayMs * 2 ** i);
      i += 1;
    }
  }

  if (!options.schema) return res.data as T;
  const parsed = options.schema.safeParse(res.data);
  if (!parsed.success) {
    throw new ApiError(res.status, 'BAD_RESPONSE', messageFor('BAD_RESPONSE'), { issues: parsed.error.issues });
  }
  return parsed.data;
}
