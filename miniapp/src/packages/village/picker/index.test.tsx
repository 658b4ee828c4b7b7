/** @jest-environment-options {"realServer": true} */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { configureApi } from '../../../config';
import { villagesStore } from '../../../stores/villages';
import { closedOrigin } from '../../../../test/http-server';
import { resetApp } from '../../../../test/reset';
import VillagePicker from './index';

/**
 * The village picker against the REAL server (createApp over its own database with the full Zhejiang
 * region tree from the real seed; see test/environment.js). 古岸头村 (330304005202, 温州市瓯海区娄桥街道)
 * is the only region in Zhejiang whose initials are "gatc".
 */
const VILLAGE = '330304005202';
const PATH_TEXT = '温州市 › 瓯海区 › 娄桥街道 › 古岸头村';

jest.setTimeout(60_000);

function realServer(): string {
  if (!globalThis.__REAL_SERVER_URL__) throw new Error('real server not started (docblock option missing?)');
  return globalThis.__REAL_SERVER_URL__;
}

/**
 * Types into the search box as a resident would (Taro's H5 Input listens to `input` events on the native
 * input that its web component renders, once it has rendered).
 */
async function typeSearch(text: string) {
  const input = await waitFor(() => {
    const el = document.querySelector('.picker-search__input input');
    if (!el) throw new Error('search input not rendered yet');
    return el as HTMLInputElement;
  });
  fireEvent.input(input, { target: { value: text } });
}

/** The region row with this code, once shown. */
async function row(code: string): Promise<HTMLElement> {
  return waitFor(() => {
    const el = document.querySelector(`.region-row[data-code="${code}"]`);
    if (!el) throw new Error(`row ${code} not shown`);
    return el as HTMLElement;
  }, { timeout: 10_000 });
}

describe('village picker (real server, real region seed)', () => {
  let navigateBack: jest.SpyInstance;

  beforeEach(() => {
    resetApp();
    configureApi({ baseUrl: realServer(), timeoutMs: 5000, getRetries: 1, retryDelayMs: 10 });
    // Leaving the page is Taro's router's business; the test checks that the picker asks for it.
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}, {}] as never);
    navigateBack = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' } as never);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['pinyin initials', 'gatc'],
    ['full pinyin', 'guantoucun'],
    ['Chinese', '古岸头'],
  ])('finds 古岸头村 by %s and shows its full path', async (_how, q) => {
    render(<VillagePicker />);
    await typeSearch(q);
    const hit = await row(VILLAGE);
    expect(hit.closest('[data-testid="search-results"]')).not.toBeNull();
    expect(within(hit).getByText('古岸头村')).toBeTruthy();
    expect(within(hit).getByText(PATH_TEXT)).toBeTruthy();
  });

  it('debounces typing: one search for the settled text, none for the keystrokes before it', async () => {
    const seen: string[] = [];
    const realRequest = Taro.request;
    jest.spyOn(Taro, 'request').mockImplementation(((opts: Taro.request.Option) => {
      seen.push(String(opts.url));
      return realRequest(opts);
    }) as typeof Taro.request);
    render(<VillagePicker />);
    await row('3303'); // the drill-down's cities (温州市) are there before typing
    seen.length = 0;
    for (const q of ['g', 'ga', 'gat', 'gatc']) await typeSearch(q);
    await row(VILLAGE);
    const searches = seen.filter((u) => u.includes('/api/v1/regions/search'));
    expect(searches).toEqual([`${realServer()}/api/v1/regions/search?q=gatc&limit=20`]);
  });

  it('saves the tapped village with its path as the default and goes back', async () => {
    render(<VillagePicker />);
    await typeSearch('gatc');
    fireEvent.click(await row(VILLAGE));
    const [saved] = villagesStore.get();
    expect(saved).toMatchObject({ code: VILLAGE, name: '古岸头村委会', displayName: '古岸头村' });
    expect(saved.path.map((p) => p.displayName)).toEqual(['浙江省', '温州市', '瓯海区', '娄桥街道', '古岸头村']);
    expect(navigateBack).toHaveBeenCalledTimes(1);
    // Remembered across launches: it is in storage, not only in memory.
    expect(JSON.stringify(Taro.getStorageSync('gk:villages'))).toContain(VILLAGE);
  });

  it('drills down 温州市 → 瓯海区 → 娄桥街道 → 古岸头村 and goes back up with the crumbs', async () => {
    render(<VillagePicker />);
    fireEvent.click(await row('3303'));
    fireEvent.click(await row('330304'));
    fireEvent.click(await row('330304005'));
    const crumbs = screen.getByTestId('crumbs');
    expect(crumbs.textContent).toBe('全省 › 温州市 › 瓯海区 › 娄桥街道');
    const village = await row(VILLAGE);
    expect(village.getAttribute('data-level')).toBe('village');

    fireEvent.click(screen.getByText('返回上一级'));
    await row('330304001'); // 瓯海区's townships again
    expect(screen.getByTestId('crumbs').textContent).toBe('全省 › 温州市 › 瓯海区');
    fireEvent.click(await row('330304005'));
    fireEvent.click(await row(VILLAGE));
    expect(villagesStore.get()[0].path.map((p) => p.code)).toEqual(['33', '3303', '330304', '330304005', VILLAGE]);
    expect(navigateBack).toHaveBeenCalledTimes(1);
  });

  it('opens a township hit in the drill-down instead of choosing it', async () => {
    render(<VillagePicker />);
    await typeSearch('娄桥街道');
    fireEvent.click(await row('330304005'));
    await typeSearch('');
    await row(VILLAGE);
    expect(screen.getByTestId('crumbs').textContent).toBe('全省 › 温州市 › 瓯海区 › 娄桥街道');
    expect(villagesStore.get()).toEqual([]);
  });

  it('shows a plain message for a search with no hits', async () => {
    render(<VillagePicker />);
    await typeSearch('没有这个地方');
    expect(await screen.findByText('没有找到“没有这个地方”，换个写法试试，或按地区查找', undefined, { timeout: 10_000 })).toBeTruthy();
  });

  it('refuses a sixth village in words on the page (no pop-up) and keeps the five', async () => {
    const five = ['330304005207', '330304005210', '330304005211', '330304005212', '330304005213'];
    render(<VillagePicker />);
    fireEvent.click(await row('3303'));
    fireEvent.click(await row('330304'));
    fireEvent.click(await row('330304005'));
    for (const code of five) fireEvent.click(await row(code));
    expect(villagesStore.get()).toHaveLength(5);
    fireEvent.click(await row(VILLAGE));
    expect(screen.getByRole('alert').textContent).toBe('最多保存 5 个村。请先到“我的”里删除一个，再添加。');
    expect(villagesStore.get().map((v) => v.code)).toEqual([...five].reverse());
    expect(navigateBack).toHaveBeenCalledTimes(5);
  });

  it('when the server is down, shows the drill-down steps opened before from the cache, marked offline', async () => {
    const first = render(<VillagePicker />);
    fireEvent.click(await row('3303'));
    await row('330304');
    first.unmount();

    configureApi({ baseUrl: await closedOrigin() });
    render(<VillagePicker />);
    fireEvent.click(await row('3303')); // the province's cities: cached too
    expect(await row('330304')).toBeTruthy();
    expect(screen.getAllByText(/^离线内容，更新于 \d\d:\d\d$/).length).toBeGreaterThan(0);
    await act(async () => undefined);
  });
});
