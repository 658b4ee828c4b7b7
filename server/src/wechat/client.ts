import { failureOf, httpFailure, transportFailure, type WechatFailure } from './errors';
import type { TemplateData } from './format';

/** What the client needs (from `config.wechat`, see server/src/config.ts). */
export interface WechatClientOptions {
  apiBase: string;
  appid: string;
  secret: string;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Refresh the access token this long before it expires (default: 5 min, or a tenth of its life if shorter). */
  refreshMarginMs?: number;
  /** The fetch to use (tests); defaults to global fetch. */
  fetch?: typeof fetch;
  now?: () => number;
}

/** A successful `code2session`. The session key stays on the server. */
export interface WechatSession {
  ok: true;
  openid: string;
  sessionKey: string;
  unionid?: string;
}

/** One subscribe message. */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** Mini-program page, e.g. `pages/disclosure/index?id=…`. */
  page?: string;
  data: TemplateData;
}

export type SendResult = { ok: true; msgid?: string } | WechatFailure;
export type TokenResult = { ok: true; token: string; expiresAt: number } | WechatFailure;

interface CachedToken {
  token: string;
  expiresAt: number;
  refreshAt: number;
}

/**
 * A small typed client of the three WeChat server APIs Gongkai uses. The access token is fetched with
 * `stable_token`, cached, refreshed before it expires, and fetched by one request at a time however many
 * callers need it (single flight). A send answered 40001/42001 refreshes the token once (force_refresh)
 * and is retried once. Nothing throws: every call returns `{ ok: true, … }` or a typed `WechatFailure`.
 */
export class WechatClient {
  private cached?: CachedToken;
  private inflight?: Promise<TokenResult>;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  /** Counters for tests and logs. */
  readonly stats = { tokenFetches: 0, forcedRefreshes: 0, sends: 0 };

  constructor(readonly opts: WechatClientOptions) {
    this.fetch = opts.fetch ?? ((...a) => fetch(...a));
    this.now = opts.now ?? Date.now;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  private async call(path: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<{ ok: true; json: Record<string, unknown> } | WechatFailure> {
    let res: Response;
    try {
      res = await this.fetch(`${this.opts.apiBase}${path}`, {
        method: init.method,
        headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      return transportFailure(err);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      return transportFailure(err);
    }
    if (!res.ok) return httpFailure(res.status, text);
    try {
      const json = JSON.parse(text) as Record<string, unknown>;
      const errcode = Number(json.errcode ?? 0);
      if (errcode !== 0) return failureOf(errcode, String(json.errmsg ?? ''));
      return { ok: true, json };
    } catch {
      return { ok: false, reason: 'server-error', retryable: true, errcode: res.status, errmsg: `not JSON: ${text.slice(0, 100)}` };
    }
  }

  /** `GET /sns/jscode2session`: a `wx.login` code → openid, session key, unionid. Codes are single-use. */
  async code2session(code: string): Promise<WechatSession | WechatFailure> {
    const q = new URLSearchParams({ appid: this.opts.appid, secret: this.opts.secret, js_code: code, grant_type: 'authorization_code' });
    const r = await this.call(`/sns/jscode2session?${q}`, { method: 'GET' });
    if (!r.ok) return r;
    const openid = r.json.openid;
    const sessionKey = r.json.session_key;
    if (typeof openid !== 'string' || typeof sessionKey !== 'string') {
      return { ok: false, reason: 'server-error', retryable: true, errcode: 0, errmsg: 'jscode2session: no openid in the reply' };
    }
    return { ok: true, openid, sessionKey, ...(typeof r.json.unionid === 'string' ? { unionid: r.json.unionid } : {}) };
  }

  private async fetchToken(force: boolean): Promise<TokenResult> {
    this.stats.tokenFetches += 1;
    if (force) this.stats.forcedRefreshes += 1;
    const r = await this.call('/cgi-bin/stable_token', {
      method: 'POST',
      body: { grant_type: 'client_credential', appid: this.opts.appid, secret: this.opts.secret, force_refresh: force },
    });
    if (!r.ok) return r;
    const token = r.json.access_token;
    const ttlMs = Number(r.json.expires_in ?? 7200) * 1000;
    if (typeof token !== 'string' || !(ttlMs > 0)) return { ok: false, reason: 'server-error', retryable: true, errcode: 0, errmsg: 'stable_token: no token in the reply' };
    const now = this.now();
    const margin = this.opts.refreshMarginMs ?? Math.min(300_000, ttlMs / 10);
    this.cached = { token, expiresAt: now + ttlMs, refreshAt: now + ttlMs - margin };
    return { ok: true, token, expiresAt: now + ttlMs };
  }

  /**
   * The access token: the cached one while it is fresh, else one `stable_token` request shared by every
   * concurrent caller. With `replacing`, a token that WeChat rejected: refreshed with force_refresh, unless
   * another caller already replaced it (then that newer token is returned).
   */
  async accessToken(replacing?: string): Promise<TokenResult> {
    const c = this.cached;
    if (c && (replacing === undefined ? this.now() < c.refreshAt : c.token !== replacing) && this.now() < c.expiresAt) {
      return { ok: true, token: c.token, expiresAt: c.expiresAt };
    }
    if (!this.inflight) {
      const p = this.fetchToken(replacing !== undefined);
      this.inflight = p;
      void p.finally(() => {
        if (this.inflight === p) this.inflight = undefined;
      });
    }
    return this.inflight;
  }

  /** `POST /cgi-bin/message/subscribe/send`. On 40001/42001 the token is refreshed once and the send retried once. */
  async sendSubscribeMessage(m: SubscribeMessage): Promise<SendResult> {
    let tok = await this.accessToken();
    for (let round = 0; ; round++) {
      if (!tok.ok) return tok;
      this.stats.sends += 1;
      const r = await this.call(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(tok.token)}`, {
        method: 'POST',
        body: {
          touser: m.touser,
          template_id: m.templateId,
          ...(m.page ? { page: m.page } : {}),
          data: m.data,
          miniprogram_state: this.opts.miniprogramState ?? 'formal',
          lang: 'zh_CN',
        },
      });
      if (r.ok) return { ok: true, ...(r.json.msgid !== undefined ? { msgid: String(r.json.msgid) } : {}) };
      if (round === 0 && (r.errcode === 40001 || r.errcode === 42001)) {
        tok = await this.accessToken(tok.token);
        continue;
      }
      return r;
    }
  }
}
