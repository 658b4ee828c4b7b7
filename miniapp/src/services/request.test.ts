import { DomainListSchema, DOMAINS, ERROR_MESSAGES_ZH } from '@gongkai/shared';
import { configureApi } from '../config';
import { closedOrigin, sendJson, startServer, type TestServer } from '../../test/http-server';
import { ApiError, request, setTokenProvider } from './request';

describe('request layer (Taro.request against a real local HTTP server)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer((_req, res) => sendJson(res, 200, {}));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    configureApi({ baseUrl: server.url, timeoutMs: 2000, getRetries: 2, retryDelayMs: 10 });
    setTokenProvider(() => null);
  });

  /** Calls `request` and returns the ApiError it must throw. */
  async function failure(p: Promise<unknown>): Promise<ApiError> {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }

  it('resolves with the JSON body, validated by a shared schema, and sends the query and JSON headers', async () => {
    server.handle((req, res) =>
      req.url?.startsWith('/api/v1/domains') ? sendJson(res, 200, { items: DOMAINS }) : sendJson(res, 404, {}),
    );
    const body = await request('/api/v1/domains', { schema: DomainListSchema, query: { q: '征地 补偿', page: 2, x: undefined } });
    expect(body.items.map((d) => d.name)).toEqual(DOMAINS.map((d) => d.name));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].url).toBe('/api/v1/domains?q=%E5%BE%81%E5%9C%B0%20%E8%A1%A5%E5%81%BF&page=2');
    expect(server.requests[0].headers.accept).toBe('application/json');
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  it('sends the Bearer token from the token provider, and none when the call says token: null', async () => {
    server.handle((_req, res) => sendJson(res, 200, { ok: true }));
    setTokenProvider(() => 'resident-token-1');
    await request('/api/v1/me/villages');
    await request('/api/v1/domains', { token: null });
    expect(server.requests[0].headers.authorization).toBe('Bearer resident-token-1');
    expect(server.requests[1].headers.authorization).toBeUndefined();
  });

  it('sends a JSON body on POST', async () => {
    let received = '';
    server.handle((req, res) => {
      req.setEncoding('utf8');
      req.on('data', (c: string) => (received += c));
      req.on('end', () => sendJson(res, 201, { id: 'f1' }));
    });
    const out = await request<{ id: string }>('/api/v1/feedback', { method: 'POST', body: { content: '什么时候公示？' } });
    expect(out).toEqual({ id: 'f1' });
    expect(server.requests[0].headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(received)).toEqual({ content: '什么时候公示？' });
  });

  it('passes a contract error through: 404 NOT_FOUND keeps the server code, message and details', async () => {
    server.handle((_req, res) =>
      sendJson(res, 404, { error: { code: 'NOT_FOUND', message: '该公开信息已撤回', details: { id: 'x1' } } }),
    );
    const e = await failure(request('/api/v1/disclosures/x1'));
    expect(e.status).toBe(404);
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toBe('该公开信息已撤回');
    expect(e.toBody()).toEqual({ error: { code: 'NOT_FOUND', message: '该公开信息已撤回', details: { id: 'x1' } } });
    expect(server.requests).toHaveLength(1); // a 404 is an answer, not a reason to retry
  });

  it('turns a non-JSON 500 into INTERNAL with the Chinese message, without retrying', async () => {
    server.handle((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'text/html' });
      res.end('<html><body>Internal Server Error at /srv/app.js:12</body></html>');
    });
    const e = await failure(request('/api/v1/domains'));
    expect(e.status).toBe(500);
    expect(e.toBody()).toEqual({ error: { code: 'INTERNAL', message: ERROR_MESSAGES_ZH.INTERNAL } });
    expect(server.requests).toHaveLength(1);
  });

  it('turns a refused connection into NETWORK with the Chinese message, after the GET retries', async () => {
    configureApi({ baseUrl: await closedOrigin() });
    const e = await failure(request('/api/v1/domains'));
    expect(e.status).toBe(0);
    expect(e.code).toBe('NETWORK');
    expect(e.message).toBe('网络不给力，请稍后再试');
    expect(e.toBody().error).toMatchObject({ code: 'NETWORK', message: '网络不给力，请稍后再试' });
  });

  it('retries a GET whose connection dropped once, and succeeds', async () => {
    server.handle((req, res, i) => (i === 0 ? req.socket.destroy() : sendJson(res, 200, { items: DOMAINS })));
    const body = await request('/api/v1/domains', { schema: DomainListSchema });
    expect(body.items).toHaveLength(8);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after the configured GET retries (1 try + 2 retries)', async () => {
    server.handle((req) => req.socket.destroy());
    const e = await failure(request('/api/v1/domains'));
    expect(e.code).toBe('NETWORK');
    expect(server.requests).toHaveLength(3);
  });

  it('never retries a POST (not idempotent)', async () => {
    server.handle((req) => req.socket.destroy());
    const e = await failure(request('/api/v1/feedback', { method: 'POST', body: { content: 'x' } }));
    expect(e.code).toBe('NETWORK');
    expect(server.requests).toHaveLength(1);
  });

  it('times out a hanging GET as NETWORK (reason timeout) and retries it', async () => {
    configureApi({ timeoutMs: 150 });
    server.handle((_req, res, i) => {
      if (i > 0) sendJson(res, 200, { items: [] }); // the first request hangs until the client gives up
    });
    await expect(request('/api/v1/domains', { schema: DomainListSchema })).resolves.toEqual({ items: [] });
    expect(server.requests).toHaveLength(2);

    server.handle(() => undefined);
    const e = await failure(request('/api/v1/domains', { retries: 0 }));
    expect(e.code).toBe('NETWORK');
    expect(e.details).toEqual({ reason: 'timeout' });
  });

  it('retries a GET on 503 and reports the contract error when it persists', async () => {
    server.handle((_req, res) => sendJson(res, 503, { error: { code: 'UNAVAILABLE', message: '数据库维护中' } }));
    const e = await failure(request('/api/v1/domains'));
    expect(e).toMatchObject({ status: 503, code: 'UNAVAILABLE', message: '数据库维护中' });
    expect(server.requests).toHaveLength(3);
  });

  it('rejects a 200 body that does not match the schema as BAD_RESPONSE', async () => {
    server.handle((_req, res) => sendJson(res, 200, { items: [{ key: 'no-such-domain', name: 1 }] }));
    const e = await failure(request('/api/v1/domains', { schema: DomainListSchema }));
    expect(e.code).toBe('BAD_RESPONSE');
    expect(e.message).toBe('服务器返回的数据有误，请稍后再试');
  });
});
