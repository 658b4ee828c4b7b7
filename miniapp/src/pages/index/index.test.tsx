/** @jest-environment-options {"realServer": true, "regions": "ouhai", "officials": true} */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DOMAINS } from '@gongkai/shared';
import { configureApi } from '../../config';
import { addVillage, villagesStore } from '../../stores/villages';
import { GU_AN_TOU, housingList, officials, publish, real } from '../../../test/api';
import { closedOrigin } from '../../../test/http-server';
import { resetApp } from '../../../test/reset';
import Index from './index';

/**
 * 我的村 home against the REAL server: disclosures published through the admin API for 瓯海区 (county),
 * 娄桥街道 (township), 古岸头村 (village) and a neighbouring village; the home page of 古岸头村 counts per
 * domain what applies to it and lists the latest, labelled by level.
 */
jest.setTimeout(60_000);

const DONG_FENG = { ...GU_AN_TOU, code: '330304005207', name: '东风村委会', displayName: '东风村', path: [...GU_AN_TOU.path.slice(0, 4), { code: '330304005207', name: '东风村委会', displayName: '东风村', level: 'village' as const }] };
const tile = (key: string) => document.querySelector(`.domain-tile[data-key="${key}"]`) as HTMLElement;
const rows = () => [...document.querySelectorAll('.home-latest .disclosure-row')] as HTMLElement[];

describe('我的村 home (pages/index/index), real server', () => {
  beforeAll(async () => {
    const o = officials();
    // Oldest first: county, township (housing + rural housing), 古岸头村, then the neighbour 东风村.
    await publish(housingList({ regionCode: '330304', title: '瓯海区公租房配租方案' }), o.countyEditor, o.countyReviewer);
    await publish(housingList({ title: '娄桥街道承租资格公示' }), o.townEditor, o.townReviewer);
    await publish(housingList({ catalogueItemId: 'RH-03', title: '娄桥街道农村危房等级评定标准', tables: [] }), o.townEditor, o.townReviewer);
    await publish(housingList({ regionCode: GU_AN_TOU.code, title: '古岸头村公租房配租结果' }), o.townEditor, o.townReviewer);
    await publish(housingList({ regionCode: DONG_FENG.code, title: '东风村公租房配租结果' }), o.townEditor, o.townReviewer);
  });
  beforeEach(() => {
    resetApp();
    configureApi({ baseUrl: real().url, timeoutMs: 5000, getRetries: 1, retryDelayMs: 10 });
  });
  afterEach(() => jest.restoreAllMocks());

  it('on first open offers the elderly-mode switch and 选择我的村 (to the picker), and loads nothing', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    render(<Index />);
    expect(screen.getByText('欢迎使用“公开”')).toBeTruthy();
    expect(screen.getByRole('switch', { name: '长辈模式' }).getAttribute('aria-checked')).toBe('false');
    fireEvent.click(screen.getByText('选择我的村'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/village/picker/index' });
    await new Promise((r) => setTimeout(r, 50));
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('shows the 8 domains with the counts of what applies to the village, and the latest disclosures labelled by level', async () => {
    addVillage(GU_AN_TOU);
    render(<Index />);
    expect(document.querySelector('.village-card__name')?.textContent).toBe('古岸头村');
    for (const d of DOMAINS) expect(await screen.findByText(d.name)).toBeTruthy();
    expect(document.querySelectorAll('.domain-tile[data-key]')).toHaveLength(8);
    // county + township + own village; never the neighbour's.
    expect(tile('affordable-housing').querySelector('.domain-tile__count')?.textContent).toBe('3 条公开');
    expect(tile('rural-housing-renovation').querySelector('.domain-tile__count')?.textContent).toBe('1 条公开');
    expect(tile('land-acquisition').querySelector('.domain-tile__count')?.textContent).toBe('0 条公开');

    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(rows().map((r) => [r.querySelector('.level-tag')?.textContent, r.querySelector('.disclosure-row__title')?.textContent])).toEqual([
      ['村级', '古岸头村公租房配租结果'],
      ['乡镇', '娄桥街道农村危房等级评定标准'],
      ['乡镇', '娄桥街道承租资格公示'],
      ['县级', '瓯海区公租房配租方案'],
    ]);
    // 公示中 in words (and an icon), never colour alone.
    expect(rows()[0].querySelector('.posting-badge')?.textContent).toBe('●公示中');
    expect(screen.queryByText(/东风村公租房/)).toBeNull();
  });

  it('opens a domain list from its tile and a disclosure from its row', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    addVillage(GU_AN_TOU);
    render(<Index />);
    await waitFor(() => expect(rows()).toHaveLength(4));
    fireEvent.click(tile('affordable-housing'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/disclosures/list/index?domain=affordable-housing' });
    fireEvent.click(rows()[0]);
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/pages/disclosure/index?id=${rows()[0].getAttribute('data-id')}` });
  });

  it('switches villages with one tap and shows the other village’s own counts', async () => {
    addVillage(GU_AN_TOU);
    addVillage(DONG_FENG);
    render(<Index />);
    await waitFor(() => expect(rows().map((r) => r.querySelector('.disclosure-row__title')?.textContent)).toContain('东风村公租房配租结果'));
    fireEvent.click(document.querySelector(`.village-chip[data-code="${GU_AN_TOU.code}"]`)!);
    expect(villagesStore.get().map((v) => v.code)).toEqual([GU_AN_TOU.code, DONG_FENG.code]);
    await waitFor(() => expect(rows().map((r) => r.querySelector('.disclosure-row__title')?.textContent)).toContain('古岸头村公租房配租结果'));
    expect(rows().map((r) => r.querySelector('.disclosure-row__title')?.textContent)).not.toContain('东风村公租房配租结果');
  });

  it('when the server is down, shows the last loaded home with 离线内容，更新于 HH:mm', async () => {
    addVillage(GU_AN_TOU);
    const online = render(<Index />);
    await waitFor(() => expect(rows()).toHaveLength(4));
    online.unmount();

    configureApi({ baseUrl: await closedOrigin() });
    render(<Index />);
    const notice = await screen.findByText(/^离线内容，更新于 \d\d:\d\d$/, undefined, { timeout: 5000 });
    expect(notice).toBeTruthy();
    expect(tile('affordable-housing').querySelector('.domain-tile__count')?.textContent).toBe('3 条公开');
    expect(rows()).toHaveLength(4);
  });

  it('without a stored copy, a server that cannot be reached shows the network message and 重试', async () => {
    addVillage(DONG_FENG);
    configureApi({ baseUrl: await closedOrigin() });
    render(<Index />);
    expect(await screen.findByText('网络不给力，请稍后再试', undefined, { timeout: 5000 })).toBeTruthy();
    configureApi({ baseUrl: real().url });
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
  });
});
