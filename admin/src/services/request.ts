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
  /** Sent as JSON; a FormData is sent as multipart/form-data (file uploads). */
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

/** How `send` reads a successful response. */
type ReadAs = 'json' | 'blob';

/** A successful response as read by `send`. */
interface Sent {
  res: Response;
  /** Parsed JSON (readAs 'json'). */
  json?: unknown;
  /** The body (readAs 'blob'). */
  blob?: Blob;
}

/**
 * Sends one request and reads the response; every failure is thrown as an ApiError (see `request`).
 * Error bodies are always read as JSON, whatever `readAs` says.
 */
async function send(path: string, options: RequestOptions, readAs: ReadAs): Promise<Sent> {
  const { method = 'GET', query, body, auth = true, signal, timeoutMs = 30_000 } = options;
  const headers: Record<string, string> = { Accept: readAs === 'json' ? 'application/json' : '*/*', ...options.headers };
  const multipart = typeof FormData !== 'undefined' && body instanceof FormData;
  // fetch sets the multipart boundary itself; only JSON bodies get our content type.
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
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
  let parsed: Awaited<ReturnType<typeof readJson>> = { ok: true, value: undefined };
  let blob: Blob | undefined;
  try {
    res = await fetch(apiUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : multipart ? (body as FormData) : JSON.stringify(body),
      signal: controller.signal,
    });
    if (res.ok && readAs === 'blob') blob = await res.blob();
    else parsed = await readJson(res);
  } catch {
    const code = timedOut ? 'TIMEOUT' : controller.signal.aborted ? 'ABORTED' : 'NETWORK';
    throw new ApiError(0, code, defaultMessage(code));
  } finally {
    if (timer) clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }

  if (res.ok) {
    if (readAs === 'blob') return { res, blob };
    if (!parsed.ok) throw new ApiError(res.status, 'BAD_RESPONSE', zh.request.badResponse);
    return { res, json: parsed.value };
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

/**
 * Calls the API and returns the parsed JSON body. Every failure is thrown as an ApiError in the contract's
 * shape: the server's own error body when it sent one; otherwise a code for the status, or NETWORK / TIMEOUT /
 * ABORTED / BAD_RESPONSE with a Chinese message. A 401 on a signed-in request clears the token with the
 * reason '登录已过期，请重新登录' (the login page shows it) and calls `onUnauthorized`.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await send(path, options, 'json')).json as T;
}

/** A file the API sent: its bytes, its name (from Content-Disposition) and its type. */
export interface ApiFile {
  blob: Blob;
  /** The server's file name, Chinese names decoded (RFC 5987 `filename*`); `fallbackName` when it sent none. */
  filename: string;
  contentType: string;
}

/**
 * The file name of a Content-Disposition header: `filename*=UTF-8''…` (percent-encoded, may be Chinese)
 * wins over the plain `filename="…"`; undefined when there is neither.
 */
export function filenameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
  return plain ? (plain[2] ?? plain[1]).trim() : undefined;
}

/**
 * Fetches a file (an xlsx export, a PDF) with the bearer token, with the same error handling as `request`.
 * Use `saveFile` to hand it to the browser as a download.
 */
export async function requestFile(path: string, options: RequestOptions & { fallbackName: string }): Promise<ApiFile> {
  const { res, blob } = await send(path, options, 'blob');
  return {
    blob: blob!,
    filename: filenameOf(res.headers.get('Content-Disposition')) ?? options.fallbackName,
    contentType: res.headers.get('Content-Type') ?? 'application/octet-stream',
  };
}

/** Lets the browser save a fetched file under its name (a temporary object URL and an `<a download>`). */
export function saveFile(file: Pick<ApiFile, 'blob' | 'filename'>): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
