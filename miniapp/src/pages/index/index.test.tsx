import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DOMAINS } from '@gongkai/shared';
import { configureApi } from '../../config';
import { sendJson, startServer, type TestServer } from '../../../test/http-server';
import Index from './index';

/** The 8 pilot domains as the server's `GET /api/v1/domains` returns them. */
const PAYLOAD = { items: DOMAINS.map(({ key, name, description }) => ({ key, name, description })) };

describe('home page (pages/index/index)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer((_req, res) => sendJson(res, 200, PAYLOAD));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    configureApi({ baseUrl: server.url, timeoutMs: 2000, getRetries: 2, retryDelayMs: 10 });
  });

  /** Serves the domains at the contract's path only, so a wrong URL shows up as an error state. */
  function serveDomains() {
    server.handle((req, res) =>
      req.method === 'GET' && req.url === '/api/v1/domains'
        ? sendJson(res, 200, PAYLOAD)
        : sendJson(res, 404, { error: { code: 'NOT_FOUND', message: '接口不存在' } }),
    );
  }

  it('shows the loading state, then the 8 domain names with their descriptions from GET /api/v1/domains', async () => {
    serveDomains();
    render(<Index />);
    expect(screen.getByText('正在加载…')).toBeTruthy();

    for (const d of DOMAINS) {
      expect(await screen.findByText(d.name)).toBeTruthy();
      expect(screen.getByText(d.description)).toBeTruthy();
    }
    expect(screen.queryByText('正在加载…')).toBeNull();
    expect(document.querySelectorAll('[data-key]')).toHaveLength(8);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/v1/domains']);
  });

  it('shows the server message and a 重试 button on a 500, and loads the domains when 重试 is tapped', async () => {
    server.handle((_req, res) =>
      sendJson(res, 500, { error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } }),
    );
    render(<Index />);

    expect(await screen.findByText('服务器开小差了，请稍后再试')).toBeTruthy();
    const retry = screen.getByText('重试');
    expect(screen.queryByText(DOMAINS[0].name)).toBeNull();
    expect(server.requests).toHaveLength(1); // a 500 with the contract's shape is an answer: not retried

    serveDomains();
    fireEvent.click(retry);
    expect(await screen.findByText(DOMAINS[7].name)).toBeTruthy();
    expect(screen.queryByText('服务器开小差了，请稍后再试')).toBeNull();
    expect(screen.queryByText('重试')).toBeNull();
    expect(server.requests).toHaveLength(2);
  });

  it('shows the network message when the server cannot be reached', async () => {
    server.handle((req) => req.socket.destroy());
    render(<Index />);
    expect(await screen.findByText('网络不给力，请稍后再试')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
    await waitFor(() => expect(server.requests).toHaveLength(3));
  });
});
