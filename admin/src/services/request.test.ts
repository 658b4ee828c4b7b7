import { closedPortOrigin, startTestServer, type TestServer } from '../../test/http-server';
import { authStore, type AdminUser } from './auth';
import { showApiError } from './show-error';
import { ApiError, api, configureRequest, filenameOf, formatError, request, requestFile } from './request';

const USER: AdminUser = { id: 'u1', username: 'wang', role: 'editor', regionCode: '330304', displayName: '王编辑' };

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  configureRequest({ baseUrl: `${server.origin}/api/v1`, onUnauthorized: undefined });
  server.requests.length = 0;
});

/** Runs a request that must fail and returns its error. */
async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected the request to fail');
}

describe('request layer', () => {
  it('returns the JSON body and sends JSON with the stored bearer token', async () => {
    server.on('POST', '/api/v1/admin/things', (req) => ({ status: 201, body: { id: 't1', echo: req.body } }));
    authStore.setSession('tok-123', USER);

    const res = await api.post<{ id: string; echo: unknown }>('/admin/things', { title: '征地补偿公告' });

    expect(res).toEqual({ id: 't1', echo: { title: '征地补偿公告' } });
    const [sent] = server.requests;
    expect(sent.headers.authorization).toBe('Bearer tok-123');
    expect(sent.headers['content-type']).toBe('application/json');
  });

  it('builds the query string and leaves out empty values', async () => {
    server.on('GET', '/api/v1/disclosures', () => ({ status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } }));
    await api.get('/disclosures', { region: '330304', domain: '', page: 2, q: undefined });
    expect(server.requests[0].path).toBe('/api/v1/disclosures');
    expect(server.requests[0].query).toBe('region=330304&page=2');
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  it('passes the server error shape through (409 CONFLICT)', async () => {
    const body = { error: { code: 'CONFLICT', message: '该公开内容已提交审核，不能重复提交', details: { status: 'pending' } } };
    server.on('POST', '/api/v1/admin/disclosures/d1/submit', () => ({ status: 409, body }));

    const err = await failure(api.post('/admin/disclosures/d1/submit'));

    expect(err.status).toBe(409);
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe('该公开内容已提交审核，不能重复提交');
    expect(err.toBody()).toEqual(body);
  });

  it('lists the field messages of VALIDATION_FAILED', async () => {
    server.on('POST', '/api/v1/admin/users', () => ({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: '提交的内容有误',
          details: [
            { path: 'username', message: '至少 3 个字符' },
            { path: 'regionCode', message: '无效的行政区划代码' },
          ],
        },
      },
    }));

    const err = await failure(api.post('/admin/users', { username: 'a' }));

    expect(err.fieldIssues()).toHaveLength(2);
    expect(formatError(err, { username: '用户名' })).toBe('提交的内容有误：用户名：至少 3 个字符；regionCode：无效的行政区划代码');
    const shown: string[] = [];
    showApiError({ error: (m: unknown) => shown.push(String(m)) as never }, err, { regionCode: '所属地区' });
    expect(shown).toEqual(['提交的内容有误：username：至少 3 个字符；所属地区：无效的行政区划代码']);
  });

  it('turns a response outside the contract shape into its code with a Chinese message', async () => {
    server.on('GET', '/api/v1/proxy', () => ({ status: 502, raw: '<html>Bad Gateway</html>', contentType: 'text/html' }));
    const err = await failure(api.get('/proxy'));
    expect(err.status).toBe(502);
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toBe('服务暂时不可用，请稍后再试');
  });

  it('reports a success with a body that is not JSON as BAD_RESPONSE', async () => {
    server.on('GET', '/api/v1/html', () => ({ status: 200, raw: '<!doctype html>', contentType: 'text/html' }));
    const err = await failure(api.get('/html'));
    expect(err.code).toBe('BAD_RESPONSE');
  });

  it('turns a network failure into NETWORK with a Chinese message', async () => {
    configureRequest({ baseUrl: `${await closedPortOrigin()}/api/v1` });
    const err = await failure(api.get('/domains'));
    expect(err.status).toBe(0);
    expect(err.code).toBe('NETWORK');
    expect(err.message).toBe('网络连接失败，请检查网络后重试');
    expect(err.toBody()).toEqual({ error: { code: 'NETWORK', message: '网络连接失败，请检查网络后重试' } });
  });

  it('gives up after the timeout with TIMEOUT', async () => {
    server.on('GET', '/api/v1/slow', () => new Promise((r) => setTimeout(() => r({ status: 200, body: {} }), 1000)));
    const err = await failure(request('/slow', { timeoutMs: 50 }));
    expect(err.code).toBe('TIMEOUT');
  });

  it('on 401 of a signed-in request clears the token and reports the expired session', async () => {
    server.on('GET', '/api/v1/admin/me', () => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } }));
    authStore.setSession('stale-token', USER);
    const notices: string[] = [];
    configureRequest({ onUnauthorized: (m) => notices.push(m) });

    const err = await failure(api.get('/admin/me'));

    expect(err.status).toBe(401);
    expect(err.code).toBe('UNAUTHENTICATED');
    expect(err.message).toBe('登录已过期，请重新登录');
    expect(authStore.getToken()).toBeNull();
    expect(localStorage.getItem('gongkai.admin.token')).toBeNull();
    expect(authStore.getState().notice).toBe('登录已过期，请重新登录');
    expect(notices).toEqual(['登录已过期，请重新登录']);
  });

  it('on 401 of a request sent without the token keeps the server message and the session', async () => {
    server.on('POST', '/api/v1/admin/auth/login', () => ({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } },
    }));
    authStore.setSession('other-token', USER);
    const notices: string[] = [];
    configureRequest({ onUnauthorized: (m) => notices.push(m) });

    const err = await failure(api.post('/admin/auth/login', { username: 'x', password: 'y' }, { auth: false }));

    expect(err.message).toBe('用户名或密码错误');
    expect(server.requests[0].headers.authorization).toBeUndefined();
    expect(authStore.getToken()).toBe('other-token');
    expect(notices).toEqual([]);
  });

  it('reads a download as a blob named by Content-Disposition, Chinese names decoded', async () => {
    server.on('GET', '/api/v1/admin/catalogue/export.xlsx', () => ({
      status: 200,
      raw: 'PK-bytes',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }));
    authStore.setSession('tok-123', USER);
    const file = await requestFile('/admin/catalogue/export.xlsx', { query: { domain: 'land-acquisition' }, fallbackName: 'catalogue.xlsx' });
    expect(await file.blob.text()).toBe('PK-bytes');
    expect(file.filename).toBe('catalogue.xlsx'); // the test server sends no Content-Disposition
    expect(server.requests[0].headers.authorization).toBe('Bearer tok-123');
    expect(server.requests[0].query).toBe('domain=land-acquisition');

    expect(filenameOf(`attachment; filename="catalogue-330304.xlsx"; filename*=UTF-8''%E6%A0%87%E5%87%86%E7%9B%AE%E5%BD%95-%E7%93%AF%E6%B5%B7%E5%8C%BA.xlsx`)).toBe('标准目录-瓯海区.xlsx');
    expect(filenameOf('attachment; filename="report.pdf"')).toBe('report.pdf');
    expect(filenameOf(null)).toBeUndefined();
  });

  it('turns an error answer to a download into the contract error', async () => {
    server.on('GET', '/api/v1/admin/catalogue/export.xlsx', () => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: '无权操作该地区：不在您的管辖范围内' } } }));
    const err = await failure(requestFile('/admin/catalogue/export.xlsx', { fallbackName: 'x.xlsx' }));
    expect([err.status, err.code, err.message]).toEqual([403, 'FORBIDDEN', '无权操作该地区：不在您的管辖范围内']);
  });

  it('sends a FormData body as multipart, not JSON', async () => {
    server.on('POST', '/api/v1/admin/catalogue/import', (req) => ({ status: 200, body: { type: req.headers['content-type'] } }));
    const body = new FormData();
    body.append('file', new Blob(['x']), 'a.xlsx');
    const res = await api.post<{ type: string }>('/admin/catalogue/import', body, { query: { dryRun: 1 } });
    expect(res.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(server.requests[0].query).toBe('dryRun=1');
  });
});
