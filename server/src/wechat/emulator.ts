import crypto from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';
import { dataProblem } from './emulator-rules';
import { prng } from '../prng';

/*
 * An emulator of the three WeChat server APIs Gongkai calls, as a real HTTP server on loopback: tests and
 * benchmarks run against it, and `npm start` without WECHAT_APPID runs it in-process (demo mode). It lives
 * in server/src so the server bundle can start it; test/wechat-emulator re-exports it.
 *
 * WeChat side      endpoint                                       checks and error codes
 * login            GET  /sns/jscode2session                        appid 40013, secret 40125, grant_type 40002,
 *                                                                  missing code 41008, unknown 40029, reused 40163
 * access token     POST /cgi-bin/stable_token                      appid/secret as above; force_refresh makes a new
 *                                                                  token (the old one then answers 40001)
 * subscribe send   POST /cgi-bin/message/subscribe/send?access_token=  41001 missing, 40001 invalid, 42001 expired token;
 *                                                                  40003 unknown openid, 40037 unknown template,
 *                                                                  47001 bad body, 47003 bad data (names the field),
 *                                                                  43101 no one-time quota (long-term: unlimited)
 * Emulator only (stand-ins for the mini-program side): POST /__emulator/login-code {openid, unionid?} → {code}
 * (what wx.login would give), POST /__emulator/subscribe {openid, templateIds} (what accepting
 * wx.requestSubscribeMessage grants), GET /__emulator/messages, POST /__emulator/faults.
 */

/** A template the emulator knows: its data keys (checked when given) and whether it is long-term. */
export interface EmulatorTemplate {
  keys?: readonly string[];
  longTerm?: boolean;
}

/** Injected failures of `subscribe/send` (shares in 0..1; a request gets at most one fault). */
export interface FaultOptions {
  /** `{errcode: -1, errmsg: "system error"}` (nothing sent). */
  busyRate?: number;
  /** HTTP 500 (nothing sent). */
  serverErrorRate?: number;
  /** The connection is destroyed without a reply and the request is not processed (nothing sent). */
  dropRate?: number;
  /** Added latency before processing: a fixed value or a [min, max] range. */
  delayMs?: number | [number, number];
  /** Also apply the faults to stable_token and jscode2session (default: send only). */
  allEndpoints?: boolean;
}

export interface EmulatorOptions {
  appid: string;
  secret: string;
  templates: Record<string, EmulatorTemplate>;
  /** Lifetime of an access token (default 7200 s). */
  tokenTtlSeconds?: number;
  /** Any openid is a known user (demo mode, where sign-in is the development login). */
  anyOpenid?: boolean;
  /** One-time templates need no grant (demo mode: the H5 build has no wx.requestSubscribeMessage). */
  unlimitedQuota?: boolean;
  faults?: FaultOptions;
  /** Seed of the fault dice (deterministic runs). */
  seed?: number;
  /**
   * Called for every accepted message before the reply is written; the reply waits for a returned promise
   * (tests use it to act at an exact point, e.g. kill the sender between WeChat's ok and its bookkeeping).
   */
  onAccepted?: (m: AcceptedMessage) => void | Promise<void>;
  log?: (line: string) => void;
}

/** A message WeChat would have delivered. */
export interface AcceptedMessage {
  msgid: number;
  openid: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: string;
  at: number;
}


type Reply = { status?: number; body: unknown; accepted?: AcceptedMessage } | 'drop';

/** The WeChat API emulator. `start()` listens on 127.0.0.1 and returns the base URL. */
export class WechatEmulator {
  readonly accepted: AcceptedMessage[] = [];
  /** Requests seen per endpoint, and replies per errcode (0 = ok), for tests. */
  readonly requests = { login: 0, token: 0, send: 0, faults: 0 };
  private readonly codes = new Map<string, { openid: string; unionid?: string; used: boolean }>();
  private readonly users = new Set<string>();
  private readonly quotas = new Map<string, number>();
  private readonly tokens = new Map<string, { expiresAt: number; valid: boolean }>();
  private current?: string;
  private server?: http.Server;
  private random: () => number;
  private msgid = 1000;

  constructor(private opts: EmulatorOptions) {
    this.random = prng(opts.seed ?? 1);
  }

  /** Listens on 127.0.0.1 (a free port unless given) and returns the base URL. */
  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = http.createServer((req, res) => {
      // A client that went away mid-request (timeout, killed) must not take the emulator down.
      this.handle(req, res).catch(() => req.socket.destroy());
    });
    server.keepAliveTimeout = 10_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return this.url;
  }

  get url(): string {
    const a = this.server?.address() as AddressInfo | null;
    if (!a) throw new Error('emulator not started');
    return `http://127.0.0.1:${a.port}`;
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  }

  /** What wx.login gives the mini-program: a fresh single-use code for this user. */
  issueLoginCode(openid: string, unionid?: string): string {
    this.users.add(openid);
    const code = `code_${crypto.randomBytes(12).toString('hex')}`;
    this.codes.set(code, { openid, unionid, used: false });
    return code;
  }

  /** Registers a user (as if they had opened the mini-program once). */
  addUser(openid: string): void {
    this.users.add(openid);
  }

  /** What accepting wx.requestSubscribeMessage grants: `n` more one-time messages of this template. */
  grant(openid: string, templateId: string, n = 1): number {
    this.users.add(openid);
    const k = `${openid}|${templateId}`;
    const q = (this.quotas.get(k) ?? 0) + n;
    this.quotas.set(k, q);
    return q;
  }

  /** The user's remaining one-time quota of a template. */
  quota(openid: string, templateId: string): number {
    return this.quotas.get(`${openid}|${templateId}`) ?? 0;
  }

  /** Makes every token issued so far expired (sends answer 42001). */
  expireTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }

  /** Makes every token issued so far invalid (sends answer 40001), as after a refresh elsewhere. */
  invalidateTokens(): void {
    for (const t of this.tokens.values()) t.valid = false;
  }

  setFaults(faults: FaultOptions | undefined, seed?: number): void {
    this.opts = { ...this.opts, faults };
    if (seed !== undefined) this.random = prng(seed);
  }

  setOnAccepted(fn: EmulatorOptions['onAccepted']): void {
    this.opts = { ...this.opts, onAccepted: fn };
  }

  /** Accepted messages per `openid|templateId|page`. */
  counts(): Map<string, number> {
    const m = new Map<string, number>();
    for (const a of this.accepted) m.set(`${a.openid}|${a.templateId}|${a.page}`, (m.get(`${a.openid}|${a.templateId}|${a.page}`) ?? 0) + 1);
    return m;
  }

  /** Messages accepted for one user (optionally one template). */
  messagesTo(openid: string, templateId?: string): AcceptedMessage[] {
    return this.accepted.filter((a) => a.openid === openid && (!templateId || a.templateId === templateId));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const endpoint = url.pathname === '/cgi-bin/message/subscribe/send' ? 'send' : url.pathname === '/cgi-bin/stable_token' ? 'token' : url.pathname === '/sns/jscode2session' ? 'login' : undefined;
    if (endpoint) this.requests[endpoint] += 1;
    // Like WeChat: a request is handled once it has fully arrived, whatever the client does afterwards
    // (a client that dies while the reply is on its way has still sent its message).
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const fault = endpoint && (endpoint === 'send' || this.opts.faults?.allEndpoints) ? await this.fault() : undefined;
    if (fault) this.requests.faults += 1;
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    const reply: Reply = fault ?? this.route(req.method ?? 'GET', url, raw);
    if (reply === 'drop') return;
    if (reply.accepted) await this.opts.onAccepted?.(reply.accepted);
    if (res.destroyed) return;
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(reply.body));
  }

  private async fault(): Promise<Reply | undefined> {
    const f = this.opts.faults;
    if (!f) return undefined;
    const d = f.delayMs;
    const delay = typeof d === 'number' ? d : d ? d[0] + this.random() * (d[1] - d[0]) : 0;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const x = this.random();
    let edge = f.dropRate ?? 0;
    if (x < edge) return 'drop';
    edge += f.busyRate ?? 0;
    if (x < edge) return { body: { errcode: -1, errmsg: 'system error' } };
    edge += f.serverErrorRate ?? 0;
    if (x < edge) return { status: 500, body: { errcode: -1, errmsg: 'internal server error' } };
    return undefined;
  }

  private route(method: string, url: URL, raw: string): Reply {
    const json = (): Record<string, unknown> | undefined => {
      try {
        const v = JSON.parse(raw || '{}');
        return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
      } catch {
        return undefined;
      }
    };
    const err = (errcode: number, errmsg: string): Reply => ({ body: { errcode, errmsg } });
    const p = url.pathname;
    if (p === '/sns/jscode2session' && method === 'GET') return this.code2session(url.searchParams);
    if (p === '/cgi-bin/stable_token' && method === 'POST') {
      const b = json();
      return b ? this.stableToken(b) : err(47001, 'data format error');
    }
    if (p === '/cgi-bin/message/subscribe/send' && method === 'POST') return this.send(url.searchParams.get('access_token'), json());
    if (p === '/__emulator/login-code' && method === 'POST') {
      const b = json();
      if (typeof b?.openid !== 'string' || !b.openid) return { status: 400, body: { error: 'openid required' } };
      return { body: { code: this.issueLoginCode(b.openid, typeof b.unionid === 'string' ? b.unionid : undefined) } };
    }
    if (p === '/__emulator/subscribe' && method === 'POST') {
      const b = json();
      const ids = Array.isArray(b?.templateIds) ? b.templateIds.filter((t): t is string => typeof t === 'string') : [];
      if (typeof b?.openid !== 'string' || !ids.length) return { status: 400, body: { error: 'openid and templateIds required' } };
      return { body: { quotas: Object.fromEntries(ids.map((t) => [t, this.grant(b.openid as string, t)])) } };
    }
    if (p === '/__emulator/messages' && method === 'GET') {
      const openid = url.searchParams.get('openid');
      return { body: { items: openid ? this.messagesTo(openid) : this.accepted } };
    }
    if (p === '/__emulator/faults' && method === 'POST') {
      this.setFaults((json() ?? {}) as FaultOptions);
      return { body: { ok: true } };
    }
    return { status: 404, body: { errcode: 404, errmsg: 'not found' } };
  }

  private credentialsProblem(appid: unknown, secret: unknown): Reply | undefined {
    if (appid !== this.opts.appid) return { body: { errcode: 40013, errmsg: 'invalid appid' } };
    if (secret !== this.opts.secret) return { body: { errcode: 40125, errmsg: 'invalid appsecret' } };
    return undefined;
  }

  private code2session(q: URLSearchParams): Reply {
    const bad = this.credentialsProblem(q.get('appid'), q.get('secret'));
    if (bad) return bad;
    if (q.get('grant_type') !== 'authorization_code') return { body: { errcode: 40002, errmsg: 'invalid grant_type' } };
    const code = q.get('js_code');
    if (!code) return { body: { errcode: 41008, errmsg: 'missing code' } };
    const c = this.codes.get(code);
    if (!c) return { body: { errcode: 40029, errmsg: 'invalid code' } };
    if (c.used) return { body: { errcode: 40163, errmsg: 'code been used' } };
    c.used = true;
    const sessionKey = crypto.randomBytes(16).toString('base64');
    return { body: { openid: c.openid, session_key: sessionKey, ...(c.unionid ? { unionid: c.unionid } : {}) } };
  }

  private stableToken(b: Record<string, unknown>): Reply {
    if (b.grant_type !== 'client_credential') return { body: { errcode: 40002, errmsg: 'invalid grant_type' } };
    const bad = this.credentialsProblem(b.appid, b.secret);
    if (bad) return bad;
    const ttl = this.opts.tokenTtlSeconds ?? 7200;
    const cur = this.current ? this.tokens.get(this.current) : undefined;
    const live = cur && cur.valid && cur.expiresAt > Date.now();
    if (!live || b.force_refresh === true) {
      if (cur) cur.valid = false; // a forced refresh ends the previous token
      this.current = `tok_${crypto.randomBytes(16).toString('hex')}`;
      this.tokens.set(this.current, { expiresAt: Date.now() + ttl * 1000, valid: true });
    }
    const t = this.tokens.get(this.current!)!;
    return { body: { access_token: this.current, expires_in: Math.max(1, Math.round((t.expiresAt - Date.now()) / 1000)) } };
  }

  private send(token: string | null, b: Record<string, unknown> | undefined): Reply {
    const err = (errcode: number, errmsg: string): Reply => ({ body: { errcode, errmsg } });
    if (!token) return err(41001, 'access_token missing');
    const t = this.tokens.get(token);
    if (!t || !t.valid) return err(40001, 'invalid credential, access_token is invalid or not latest');
    if (t.expiresAt <= Date.now()) return err(42001, 'access_token expired');
    if (!b) return err(47001, 'data format error');
    const openid = b.touser;
    if (typeof openid !== 'string' || !openid || (!this.opts.anyOpenid && !this.users.has(openid))) return err(40003, 'invalid openid');
    const templateId = b.template_id;
    const tpl = typeof templateId === 'string' ? this.opts.templates[templateId] : undefined;
    if (!tpl || typeof templateId !== 'string') return err(40037, 'invalid template_id');
    const state = b.miniprogram_state ?? 'formal';
    if (!['developer', 'trial', 'formal'].includes(String(state))) return err(47001, 'invalid miniprogram_state');
    if (b.page !== undefined && (typeof b.page !== 'string' || b.page.length > 1024)) return err(41030, 'invalid page');
    const problem = dataProblem(b.data, tpl.keys);
    if (problem) return err(47003, problem);
    if (!tpl.longTerm && !this.opts.unlimitedQuota) {
      const k = `${openid}|${templateId}`;
      const q = this.quotas.get(k) ?? 0;
      if (q <= 0) return err(43101, 'user refuse to accept the msg');
      this.quotas.set(k, q - 1);
    }
    const m: AcceptedMessage = {
      msgid: ++this.msgid,
      openid,
      templateId,
      page: typeof b.page === 'string' ? b.page : '',
      data: b.data as AcceptedMessage['data'],
      miniprogramState: String(state),
      at: Date.now(),
    };
    this.accepted.push(m);
    this.opts.log?.(`[wechat emulator] message to ${openid} (${templateId}) page=${m.page}: ${Object.values(m.data).map((v) => v.value).join(' | ')}`);
    return { body: { errcode: 0, errmsg: 'ok', msgid: m.msgid }, accepted: m };
  }
}
