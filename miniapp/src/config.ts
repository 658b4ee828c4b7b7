/**
 * Runtime configuration of the mini-program: the single place that knows where the API is.
 *
 * `TARO_APP_API_BASE` is replaced at build time by config/index.ts (weapp default `http://127.0.0.1:3000`,
 * H5 default `''` = same origin, the Koa server that also serves `/m/`). Under jest it is read from the
 * environment, and tests may point the app at their own server with `configureApi`.
 */

/** Settings used by the request layer. */
export interface ApiConfig {
  /** Origin (and optional path prefix) put before `/api/v1/...`; '' means same origin. */
  baseUrl: string;
  /** Per-attempt timeout in milliseconds. */
  timeoutMs: number;
  /** How many times an idempotent GET is retried after a network failure or timeout. */
  getRetries: number;
  /** First retry delay in ms; doubles on each further retry. */
  retryDelayMs: number;
}

function defaultBaseUrl(): string {
  // Written out in full so webpack's DefinePlugin can replace each expression.
  const fromBuild = process.env.TARO_APP_API_BASE;
  if (typeof fromBuild === 'string') return fromBuild.replace(/\/+$/, '');
  return process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:3000';
}

const current: ApiConfig = {
  baseUrl: defaultBaseUrl(),
  timeoutMs: 10_000,
  getRetries: 2,
  retryDelayMs: 500,
};

/** The current API settings (read-only view). */
export function apiConfig(): Readonly<ApiConfig> {
  return current;
}

/** Overrides some API settings (tests, or a host page that knows better). Returns the new settings. */
export function configureApi(patch: Partial<ApiConfig>): Readonly<ApiConfig> {
  Object.assign(current, patch);
  if (patch.baseUrl !== undefined) current.baseUrl = patch.baseUrl.replace(/\/+$/, '');
  return current;
}

/**
 * The region the app covers (浙江省, NBS code 33): the village picker's drill-down starts at its children
 * (the cities), and region paths are shown below it.
 */
export const ROOT_REGION_CODE = '33';

/** True in the WeChat mini-program build (read at call time, so tests can switch platforms). */
export function isWeapp(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

/** Subscribe-message template ids by purpose (see `subscribeTemplates`). */
export interface TemplateIds {
  /** "New or changed disclosure" (server: WECHAT_TEMPLATE_DISCLOSURE). */
  disclosure: string;
  /** "Your question was answered" (server: WECHAT_TEMPLATE_ANSWER). */
  answer: string;
}

const templates: TemplateIds = {
  // Written out in full so webpack's DefinePlugin can replace each expression.
  disclosure: process.env.TARO_APP_TEMPLATE_DISCLOSURE ?? '',
  answer: process.env.TARO_APP_TEMPLATE_ANSWER ?? '',
};

/** The subscribe-message template ids baked in at build time (empty strings: not configured). */
export function subscribeTemplates(): Readonly<TemplateIds> {
  return templates;
}

/** Overrides the template ids (tests). */
export function configureTemplates(patch: Partial<TemplateIds>): void {
  Object.assign(templates, patch);
}
