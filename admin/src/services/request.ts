import { isErrorBody } from '@gongkai/shared';
import { zh } from '../locale/zh';
import { ApiError, codeForStatus, defaultMessage } from './api-error';
import { authStore } from './auth';

export { ApiError, formatError, isApiError } from './api-error';

/** Query string values; undefined/null/'' are left out. */
export type QueryValue = string | number | boolean | null | undefined;

/** Options of one request. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** Send the stored bearer token (default true). The login call sets false. */
  auth?: boolean;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Milliseconds before the request fails with TIMEOUT (default 30 s; 0 = none). */
  timeoutMs?: number;
}

/** Settings of the request layer. */
export interface RequestConfig {
  /** Where the API lives: '/api/v1' in the browser (same origin); an absolute URL in tests. */
  baseUrl: string;
  /** Called after a signed-in request got 401 and the token was cleared (RequireAuth already redirects to login). */
  onUnauthorized?: (message: string) => void;
}

const config: RequestConfig = { baseUrl: '/api/v1' };

/** Change the request layer's settings (the app registers `onUnauthorized`; tests point `baseUrl` at a server). */
export function configureRequest(patch: Partial<RequestConfig>): void {
  Object.assign(config, patch);
}

/** The full URL of an API path such as `/admin/auth/login`. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  let url = config.baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
  if (query) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== '') qs.append(k, String(v));
    }
    const s = qs.toString();
    if (s) url += (url.includes('?') ? '&' : '?') + s;
  }
  return url;
}

async function readJson(res: Response): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await res.text();
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Calls the API and returns the parsed JSON body. Every failure is thrown as an ApiError in the contract's
 * shape: the server's own error body when it sent one; otherwise a code for the status, or NETWORK / TIMEOUT /
 * ABORTED / BAD_RESPONSE with a Chinese message. A 401 on a signed-in request clears the token with the
 * reason '登录已过期，请重新登录' (the login page shows it) and calls `onUnauthorized`.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, auth = true, signal, timeoutMs = 30_000 } = options;
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = auth ? authStore.getToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;

  // Our own controller gives us the timeout and follows the caller's signal.
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs)
      : undefined;
  const onCallerAbort = () => controller.abort();
  if (signal?.aborted) controller.abort();
  signal?.addEventListener('abort', onCallerAbort);

  let res: Response;
  let parsed: Awaited<ReturnType<typeof readJson>>;
  try {
    res = await fetch(apiUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
    parsed = await readJson(res);
  } catch {
    const code = timedOut ? 'TIMEOUT' : controller.signal.aborted ? 'ABORTED' : 'NETWORK';
    throw new ApiError(0, code, defaultMessage(code));
  } finally {
    if (timer) clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }

  if (res.ok) {
    if (!parsed.ok) throw new ApiError(res.status, 'BAD_RESPONSE', zh.request.badResponse);
    return parsed.value as T;
  }

  if (res.status === 401 && token) {
    // The session ended (expired, revoked, or the user was disabled): forget it; the signed-in pages
    // redirect to login, which shows why.
    authStore.clear(zh.request.sessionExpired);
    config.onUnauthorized?.(zh.request.sessionExpired);
    throw new ApiError(401, 'UNAUTHENTICATED', zh.request.sessionExpired);
  }
  if (parsed.ok && isErrorBody(parsed.value)) {
    const { code, message, details } = parsed.value.error;
    throw new ApiError(res.status, code, message || defaultMessage(code), details);
  }
  const code = codeForStatus(res.status);
  throw new ApiError(res.status, code, defaultMessage(code));
}

/** Shorthands over `request`. */
export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], o?: RequestOptions) =>
    request<T>(path, { ...o, method: 'GET', query }),
  post: <T>(path: string, body?: unknown, o?: RequestOptions) => request<T>(path, { ...o, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, o?: RequestOptions) => request<T>(path, { ...o, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, o?: RequestOptions) => request<T>(path, { ...o, method: 'PATCH', body }),
  delete: <T>(path: string, o?: RequestOptions) => request<T>(path, { ...o, method: 'DELETE' }),
};
