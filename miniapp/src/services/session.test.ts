/** @jest-environment-options {"realServer": true, "regions": "ouhai"} */
import Taro from '@tarojs/taro';
import { configureApi } from '../config';
import { addVillage, villagesStore } from '../stores/villages';
import { GU_AN_TOU, call, real } from '../../test/api';
import { sendJson, startServer, type TestServer } from '../../test/http-server';
import { resetApp } from '../../test/reset';
import { ApiError, request } from './request';
import { deviceOpenid, ensureToken, installSession, resetSession, sessionStore, signIn, storedToken } from './session';
import { installVillageSync, syncVillages } from './village-sync';

/**
 * The resident session and the request layer's token handling, against the REAL server (dev sign-in on,
 * as in the H5 demo) — and a scripted local server for what the real one never does on purpose.
 */
jest.setTimeout(30_000);

const DONG_FENG = { ...GU_AN_TOU, code: '330304005207', name: '东风村委会', displayName: '东风村', path: [...GU_AN_TOU.path.slice(0, 4), { code: '330304005207', name: '东风村委会', displayName: '东风村', level: 'village' as const }] };

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

describe('resident session (real server, dev sign-in)', () => {
  beforeEach(() => {
    resetApp();
    configureApi({ baseUrl: real().url, timeoutMs: 5000, getRetries: 1, retryDelayMs: 10 });
    installSession();
  });

  it('signs in on H5 with an openid made once per device, keeps the token, and auth calls send it', async () => {
    const openid = deviceOpenid();
    expect(openid).toMatch(/^h5-[0-9a-f]{24}$/);
    expect(deviceOpenid()).toBe(openid);
    const token = await signIn();
    expect(token).toEqual(expect.any(String));
    expect(storedToken()).toBe(token);
    expect(sessionStore.get()).toMatchObject({ status: 'signed-in', residentId: expect.any(String) });
    const body = await request<{ codes: string[] }>('/api/v1/me/villages', { auth: true });
    expect(body.codes).toEqual([]);
    // The same device signs in as the same resident.
    const first = sessionStore.get().residentId;
    Taro.removeStorageSync('gk:session');
    resetAppKeepDevice();
    await signIn();
    expect(sessionStore.get().residentId).toBe(first);
  });

  it('signs in by itself on the first auth call, and a rejected (expired) token is replaced once, transparently', async () => {
    expect(storedToken()).toBeNull();
    await request('/api/v1/me/follows', { auth: true });
    const good = storedToken();
    expect(good).toEqual(expect.any(String));
    // A token the server no longer accepts (as after expiry or revocation), still within its stated lifetime.
    Taro.setStorageSync('gk:session', JSON.stringify({ v: 1, data: { token: 'revoked-token', expiresAt: new Date(Date.now() + 3600_000).toISOString(), residentId: 'x' } }));
    resetAppKeepDevice();
    expect(storedToken()).toBe('revoked-token');
    const follows = await request<{ items: unknown[] }>('/api/v1/me/follows', { auth: true });
    expect(follows.items).toEqual([]);
    expect(storedToken()).not.toBe('revoked-token');
    expect(storedToken()).toEqual(expect.any(String));
  });

  it('renews a token close to its expiry before using it', async () => {
    await signIn();
    const t1 = storedToken()!;
    expect(await ensureToken()).toBe(t1);
    expect(await ensureToken(Date.now() + 400 * 24 * 3600_000)).not.toBe(t1);
  });

  it('pushes this device’s villages to a new account, and merges the server’s list (server order first) on another device', async () => {
    installVillageSync();
    addVillage(GU_AN_TOU);
    await signIn();
    expect(await syncVillages()).toBe('pushed');
    const token = `Bearer ${storedToken()}`;
    expect((await call<{ codes: string[] }>('GET', '/api/v1/me/villages', token)).codes).toEqual([GU_AN_TOU.code]);

    // Later changes are pushed too.
    addVillage(DONG_FENG);
    await new Promise((r) => setTimeout(r, 300));
    expect((await call<{ codes: string[] }>('GET', '/api/v1/me/villages', token)).codes).toEqual([DONG_FENG.code, GU_AN_TOU.code]);

    // Another device of the same resident (same openid, empty storage): the server's list arrives with paths.
    const openid = deviceOpenid();
    resetApp();
    Taro.setStorageSync('gk:device-openid', JSON.stringify({ v: 1, data: openid }));
    installSession();
    installVillageSync();
    await signIn();
    expect(await syncVillages()).toBe('merged');
    expect(villagesStore.get().map((v) => v.code)).toEqual([DONG_FENG.code, GU_AN_TOU.code]);
    expect(villagesStore.get()[0].path.map((p) => p.code)).toEqual(['33', '3303', '330304', '330304005', DONG_FENG.code]);
  });
});

/** Reloads the session from storage without clearing it (a restart of the app). */
const resetAppKeepDevice = resetSession;

describe('resident session (scripted server)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => sendJson(res, 404, {}));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    resetApp();
    server.requests.length = 0;
    configureApi({ baseUrl: server.url, timeoutMs: 2000, getRetries: 1, retryDelayMs: 10 });
    installSession();
  });
  afterEach(() => {
    process.env.TARO_ENV = 'h5';
    jest.restoreAllMocks();
  });

  it('is read-only where the server has no demo sign-in (404): auth calls fail with a Chinese message, nothing loops', async () => {
    server.handle((_req, res) => sendJson(res, 404, { error: { code: 'NOT_FOUND', message: '接口不存在' } }));
    expect(await signIn()).toBeNull();
    expect(sessionStore.get().status).toBe('unavailable');
    const e = await failure(request('/api/v1/me/follows', { auth: true }));
    expect(e).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(e.message).toMatch(/只能查看/);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/v1/auth/dev']);
  });

  it('re-logs in once on a 401 and gives up when the new token is refused too', async () => {
    let logins = 0;
    server.handle((req, res) => {
      if (req.url === '/api/v1/auth/dev') {
        logins += 1;
        return sendJson(res, 200, { token: `t${logins}`, expiresAt: new Date(Date.now() + 3600_000).toISOString(), resident: { id: 'r1' } });
      }
      sendJson(res, 401, { error: { code: 'UNAUTHENTICATED', message: '登录已过期或无效，请重新登录' } });
    });
    const e = await failure(request('/api/v1/me/notices', { auth: true }));
    expect(e).toMatchObject({ status: 401, message: '登录已过期或无效，请重新登录' });
    expect(logins).toBe(2);
    expect(server.requests.filter((r) => r.url === '/api/v1/me/notices').map((r) => r.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('shares one sign-in among concurrent calls', async () => {
    let logins = 0;
    server.handle((req, res) => {
      if (req.url === '/api/v1/auth/dev') {
        logins += 1;
        return setTimeout(() => sendJson(res, 200, { token: 'only', expiresAt: new Date(Date.now() + 3600_000).toISOString(), resident: { id: 'r1' } }), 50);
      }
      sendJson(res, 200, { items: [] });
    });
    await Promise.all([1, 2, 3].map(() => request('/api/v1/me/follows', { auth: true })));
    expect(logins).toBe(1);
  });

  it('never pushes this device’s villages over an account whose list could not be read', async () => {
    server.handle((req, res) => {
      if (req.url === '/api/v1/auth/dev') return sendJson(res, 200, { token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), resident: { id: 'r1' } });
      sendJson(res, 500, { error: { code: 'INTERNAL', message: '服务器开小差了' } });
    });
    installVillageSync();
    addVillage(GU_AN_TOU);
    await signIn();
    server.requests.length = 0;
    expect(await syncVillages()).toBe('none');
    expect(server.requests.map((r) => r.method)).not.toContain('PUT');
    expect(villagesStore.get().map((v) => v.code)).toEqual([GU_AN_TOU.code]);
  });

  it('in the mini-program signs in with the wx.login code at POST /auth/wechat', async () => {
    process.env.TARO_ENV = 'weapp';
    (Taro as unknown as { login: unknown }).login = jest.fn().mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' });
    let posted: unknown;
    server.handle((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        posted = JSON.parse(raw);
        sendJson(res, 200, { token: 'wx-token', expiresAt: new Date(Date.now() + 3600_000).toISOString(), resident: { id: 'r9' } });
      });
    });
    expect(await signIn()).toBe('wx-token');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/v1/auth/wechat']);
    expect(posted).toEqual({ code: 'wx-code-1' });
  });
});
