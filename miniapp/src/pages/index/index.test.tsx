import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DOMAINS } from '@gongkai/shared';
import { configureApi } from '../../config';
import { addVillage, villagesStore } from '../../stores/villages';
import { closedOrigin, sendJson, startServer, type TestServer } from '../../../test/http-server';
import { resetApp } from '../../../test/reset';
import Index from './index';

/** The 8 pilot domains as the server's `GET /api/v1/domains` returns them. */
const PAYLOAD = { items: DOMAINS.map(({ key, name, description }) => ({ key, name, description })) };

/** 古岸头村 as the regions API describes it. */
const GU_AN_TOU = {
  code: '330304005202',
  name: '古岸头村委会',
  displayName: '古岸头村',
  path: [
    { code: '33', name: '浙江省', displayName: '浙江省', level: 'province' as const },
    { code: '3303', name: '温州市', displayName: '温州市', level: 'city' as const },
    { code: '330304', name: '瓯海区', displayName: '瓯海区', level: 'county' as const },
    { code: '330304005', name: '娄桥街道', displayName: '娄桥街道', level: 'township' as const },
    { code: '330304005202', name: '古岸头村委会', displayName: '古岸头村', level: 'village' as const },
  ],
};
const DONG_FENG = { ...GU_AN_TOU, code: '330304005207', name: '东风村委会', displayName: '东风村', path: [...GU_AN_TOU.path.slice(0, 4), { code: '330304005207', name: '东风村委会', displayName: '东风村', level: 'village' as const }] };

describe('我的村 home (pages/index/index)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer((_req, res) => sendJson(res, 200, PAYLOAD));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    resetApp();
    server.requests.length = 0;
    configureApi({ baseUrl: server.url, timeoutMs: 2000, getRetries: 2, retryDelayMs: 10 });
  });
  afterEach(() => jest.restoreAllMocks());

  /** Serves the domains at the contract's path only, so a wrong URL shows up as an error state. */
  function serveDomains() {
    server.handle((req, res) =>
      req.method === 'GET' && req.url === '/api/v1/domains'
        ? sendJson(res, 200, PAYLOAD)
        : sendJson(res, 404, { error: { code: 'NOT_FOUND', message: '接口不存在' } }),
    );
  }

  it('on first open offers the elderly-mode switch and 选择我的村 (to the picker), and loads nothing', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    render(<Index />);
    expect(screen.getByText('欢迎使用“公开”')).toBeTruthy();
    expect(screen.getByRole('switch', { name: '长辈模式' }).getAttribute('aria-checked')).toBe('false');
    fireEvent.click(screen.getByText('选择我的村'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/village/picker/index' });
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(0);
  });

  it('shows the chosen village with its path and the 8 domains (icons, no counts) from GET /api/v1/domains', async () => {
    serveDomains();
    addVillage(GU_AN_TOU);
    render(<Index />);
    expect(document.querySelector('.village-card__name')?.textContent).toBe('古岸头村');
    expect(screen.getByText('温州市 › 瓯海区 › 娄桥街道 › 古岸头村')).toBeTruthy();
    expect(screen.getByText('正在加载…')).toBeTruthy();
    for (const d of DOMAINS) expect(await screen.findByText(d.name)).toBeTruthy();
    expect(document.querySelectorAll('.domain-tile[data-key]')).toHaveLength(8);
    const icons = [...document.querySelectorAll('.domain-tile__img')].map((el) => (el as HTMLElement).style.backgroundImage);
    expect(icons).toHaveLength(8);
    for (const src of icons) expect(src).toMatch(/^url\("?data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"?\)$/);
    expect(new Set(icons).size).toBe(8);
    // Counts come with the disclosures API; until then no number is shown at all.
    expect(document.querySelectorAll('.domain-tile__count')).toHaveLength(0);
    expect(screen.queryByText(/离线内容/)).toBeNull();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/v1/domains']);
  });

  it('switches between saved villages with one tap (the tapped one becomes the default)', async () => {
    serveDomains();
    addVillage(DONG_FENG);
    addVillage(GU_AN_TOU);
    render(<Index />);
    expect(document.querySelector('.village-card__name')?.textContent).toBe('古岸头村');
    fireEvent.click(document.querySelector('.village-chip[data-code="330304005207"]')!);
    expect(document.querySelector('.village-card__name')?.textContent).toBe('东风村');
    expect(villagesStore.get().map((v) => v.code)).toEqual(['330304005207', '330304005202']);
    expect(document.querySelector('.village-chip--current')?.getAttribute('data-code')).toBe('330304005207');
    expect(await screen.findByText(DOMAINS[0].name)).toBeTruthy(); // no request left in flight for the next test
  });

  it('shows the server message and a 重试 button on a 500, and loads the domains when 重试 is tapped', async () => {
    addVillage(GU_AN_TOU);
    server.handle((_req, res) => sendJson(res, 500, { error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } }));
    render(<Index />);
    expect(await screen.findByText('服务器开小差了，请稍后再试')).toBeTruthy();
    expect(server.requests).toHaveLength(1); // a 500 with the contract's shape is an answer: not retried

    serveDomains();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText(DOMAINS[7].name)).toBeTruthy();
    expect(screen.queryByText('服务器开小差了，请稍后再试')).toBeNull();
    expect(server.requests).toHaveLength(2);
  });

  it('when the server is down, shows the last loaded domains with 离线内容，更新于 HH:mm', async () => {
    serveDomains();
    addVillage(GU_AN_TOU);
    const online = render(<Index />);
    await screen.findByText(DOMAINS[7].name);
    online.unmount();

    configureApi({ baseUrl: await closedOrigin() });
    render(<Index />);
    const notice = await screen.findByText(/^离线内容，更新于 \d\d:\d\d$/, undefined, { timeout: 5000 });
    const now = new Date();
    expect(notice.textContent).toBe(`离线内容，更新于 ${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`);
    expect(document.querySelectorAll('.domain-tile[data-key]')).toHaveLength(8);
  });

  it('without a stored copy, a server that cannot be reached shows the network message (after polite retries)', async () => {
    addVillage(GU_AN_TOU);
    server.handle((req) => req.socket.destroy());
    render(<Index />);
    expect(await screen.findByText('网络不给力，请稍后再试')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
    await waitFor(() => expect(server.requests).toHaveLength(3));
  });
});
