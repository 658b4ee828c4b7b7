import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { closedPortOrigin, startTestServer, type TestServer } from '../../../../test/http-server';
import { renderApp } from '../../../../test/render';
import { authStore, type AdminUser } from '../../../services/auth';
import { configureRequest } from '../../../services/request';

const USER: AdminUser = { id: 'u1', username: 'wang', role: 'editor', regionCode: '330304', displayName: '王编辑' };

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  configureRequest({ baseUrl: `${server.origin}/api/v1` });
  server.requests.length = 0;
  // The contract's login: right credentials → token and user; anything else → 401 with one message.
  server.on('POST', '/api/v1/admin/auth/login', (req) => {
    const { username, password } = req.body as { username: string; password: string };
    if (username === 'wang' && password === 'S3cret-pass') {
      return { status: 200, body: { token: 'tok-wang', user: USER, expiresAt: '2026-12-01T08:00:00.000Z' } };
    }
    return { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误', details: { remainingAttempts: 4 } } } };
  });
  // The signed-in layout checks the session: only the token handed out above is valid.
  server.on('GET', '/api/v1/admin/me', (req) =>
    req.headers.authorization === 'Bearer tok-wang'
      ? { status: 200, body: { ...USER, displayName: '王编辑（瓯海区）' } }
      : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } },
  );
});

async function fillAndSubmit(username: string, password: string) {
  const user = userEvent.setup({ delay: null });
  // Pages are code-split: wait for the login page to arrive.
  await screen.findByRole('button', { name: /^登\s*录$/ });
  if (username) await user.type(screen.getByLabelText('用户名'), username);
  if (password) await user.type(screen.getByLabelText('密码'), password);
  await user.click(screen.getByRole('button', { name: /^登\s*录$/ }));
  return user;
}

describe('login page (pages/user/login)', () => {
  it('shows the required-field messages and sends nothing when the fields are empty', async () => {
    renderApp('/user/login');
    await fillAndSubmit('', '');
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    expect(server.requests).toHaveLength(0);
  });

  it('signs in through the API, stores the token and shows the home layout', async () => {
    renderApp('/user/login');
    await fillAndSubmit('wang', 'S3cret-pass');

    expect(await screen.findByText('公开 · 基层政务公开管理后台', { selector: 'h4' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /退出登录/ })).toBeTruthy();
    expect(authStore.getToken()).toBe('tok-wang');
    expect(localStorage.getItem('gongkai.admin.token')).toBe('tok-wang');
    const [loginReq] = server.requests;
    expect([loginReq.method, loginReq.path]).toEqual(['POST', '/api/v1/admin/auth/login']);
    expect(loginReq.body).toEqual({ username: 'wang', password: 'S3cret-pass' });
    expect(loginReq.headers.authorization).toBeUndefined();
    // The layout then refreshes the user from GET /admin/me with the new token.
    expect(await screen.findByText('欢迎，王编辑（瓯海区）')).toBeTruthy();
    expect(server.requests.some((r) => r.path === '/api/v1/admin/me' && r.headers.authorization === 'Bearer tok-wang')).toBe(true);
  });

  it("shows the server's message on 401 and stays signed out", async () => {
    renderApp('/user/login');
    await fillAndSubmit('wang', 'wrong-pass');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('用户名或密码错误（还可尝试4次）');
    expect(authStore.getToken()).toBeNull();
    expect(screen.queryByRole('button', { name: /退出登录/ })).toBeNull();
  });

  it.each([
    [423, 'LOCKED', '登录失败次数过多，账号已锁定，请 15 分钟后再试'],
    [429, 'RATE_LIMITED', '登录尝试过于频繁，请 5 分钟后再试'],
  ])('shows the lockout message the server sends with %i', async (status, code, message) => {
    server.on('POST', '/api/v1/admin/auth/login', () => ({ status, body: { error: { code, message } } }));
    renderApp('/user/login');
    await fillAndSubmit('wang', 'S3cret-pass');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(authStore.getToken()).toBeNull();
  });

  it('sends a signed-out visitor to login and back to the home layout after signing in', async () => {
    renderApp('/');
    expect(await screen.findByRole('button', { name: /^登\s*录$/ })).toBeTruthy();
    await fillAndSubmit('wang', 'S3cret-pass');
    expect(await screen.findByText(/欢迎，王编辑/)).toBeTruthy();
  });

  it('logs out: revokes the token on the server, forgets it and returns to login', async () => {
    server.on('POST', '/api/v1/admin/auth/logout', () => ({ status: 204 }));
    authStore.setSession('tok-wang', USER);
    renderApp('/');
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: /退出登录/ }));

    expect(await screen.findByRole('button', { name: /^登\s*录$/ })).toBeTruthy();
    expect(authStore.getToken()).toBeNull();
    expect(server.requests.filter((r) => r.method === 'POST').map((r) => [r.path, r.headers.authorization])).toEqual([
      ['/api/v1/admin/auth/logout', 'Bearer tok-wang'],
    ]);
    expect(screen.queryByText('登录已过期，请重新登录')).toBeNull();
  });

  it('logs out locally when the server cannot be reached', async () => {
    configureRequest({ baseUrl: `${await closedPortOrigin()}/api/v1` });
    authStore.setSession('tok-wang', USER);
    renderApp('/');
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: /退出登录/ }));

    expect(await screen.findByRole('button', { name: /^登\s*录$/ })).toBeTruthy();
    expect(authStore.getToken()).toBeNull();
  });

  it('shows a network failure in Chinese', async () => {
    configureRequest({ baseUrl: `${await closedPortOrigin()}/api/v1` });
    renderApp('/user/login');
    await fillAndSubmit('wang', 'S3cret-pass');
    expect((await screen.findByRole('alert')).textContent).toContain('网络连接失败，请检查网络后重试');
  });

  it('on an expired session returns to login with 登录已过期，请重新登录', async () => {
    authStore.setSession('expired-token', USER);
    renderApp('/');

    expect(await screen.findByText('登录已过期，请重新登录')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^登\s*录$/ })).toBeTruthy();
    expect(authStore.getToken()).toBeNull();
    expect(server.requests.map((r) => [r.path, r.headers.authorization])).toContainEqual(['/api/v1/admin/me', 'Bearer expired-token']);

    // Signing in again clears the notice and goes back to where the user was.
    await fillAndSubmit('wang', 'S3cret-pass');
    expect(await screen.findByText(/欢迎，王编辑/)).toBeTruthy();
    expect(screen.queryByText('登录已过期，请重新登录')).toBeNull();
  });
});
