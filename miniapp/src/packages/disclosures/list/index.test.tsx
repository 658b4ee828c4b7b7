/** @jest-environment-options {"realServer": true, "regions": "ouhai", "officials": true} */
import { act, render, screen, waitFor } from '@testing-library/react';
import { configureApi } from '../../../config';
import { addVillage } from '../../../stores/villages';
import { GU_AN_TOU, housingList, officials, publish, real } from '../../../../test/api';
import { closedOrigin } from '../../../../test/http-server';
import { fire, setRouterParams } from '../../../../test/page';
import { resetApp } from '../../../../test/reset';
import DomainList from './index';

/**
 * A domain's list against the REAL server: 23 保障性住房 disclosures for 娄桥街道 and 古岸头村 under two
 * catalogue items, read 20 at a time; groups by item named from the catalogue, newest first.
 */
jest.setTimeout(90_000);

const groups = () => [...document.querySelectorAll('.item-group')].map((g) => ({ name: g.querySelector('.item-group__name')?.textContent, n: g.querySelectorAll('.disclosure-row').length }));
const titles = () => [...document.querySelectorAll('.disclosure-row__title')].map((t) => t.textContent);

describe('domain list (packages/disclosures/list), real server', () => {
  beforeAll(async () => {
    const o = officials();
    // Oldest: 3 under AH-03 (申请条件及办理流程) for the township; then 20 under AH-04 alternating township/village.
    for (let i = 1; i <= 3; i++) await publish(housingList({ catalogueItemId: 'AH-03', title: `申请条件第${i}号`, tables: [] }), o.townEditor, o.townReviewer);
    for (let i = 1; i <= 20; i++) {
      await publish(housingList({ title: `承租资格公示第${i}号`, regionCode: i % 2 ? '330304005' : GU_AN_TOU.code, tables: [] }), o.townEditor, o.townReviewer);
    }
    // Another domain, never in this list.
    await publish(housingList({ catalogueItemId: 'RH-03', title: '危房评定标准', tables: [] }), o.townEditor, o.townReviewer);
  });
  beforeEach(() => {
    resetApp();
    configureApi({ baseUrl: real().url, timeoutMs: 5000, getRetries: 1, retryDelayMs: 10 });
    addVillage(GU_AN_TOU);
    setRouterParams({ domain: 'affordable-housing' });
  });

  it('groups by catalogue item, newest first, and loads the next page when scrolled to the bottom', async () => {
    render(<DomainList />);
    expect(screen.getByText('古岸头村 · 保障性住房')).toBeTruthy();
    await waitFor(() => expect(titles()).toHaveLength(20), { timeout: 10_000 });
    expect(titles()[0]).toBe('承租资格公示第20号');
    expect(titles()[19]).toBe('承租资格公示第1号');
    expect(screen.getByText('共 23 条')).toBeTruthy();
    await waitFor(() => expect(groups()).toEqual([{ name: '公共租赁住房承租资格审核结果公示', n: 20 }]));

    await act(async () => {
      fire('reachBottom');
    });
    await waitFor(() => expect(titles()).toHaveLength(23), { timeout: 10_000 });
    expect(groups()).toEqual([
      { name: '公共租赁住房承租资格审核结果公示', n: 20 },
      { name: '公共租赁住房申请条件及办理流程', n: 3 },
    ]);
    expect(titles().slice(20)).toEqual(['申请条件第3号', '申请条件第2号', '申请条件第1号']);
    expect(screen.getByText('已经到底了')).toBeTruthy();
    expect(titles()).not.toContain('危房评定标准');
    // Nothing more to load: another scroll asks for nothing.
    const before = titles().length;
    fire('reachBottom');
    await new Promise((r) => setTimeout(r, 100));
    expect(titles()).toHaveLength(before);
  });

  it('labels each row by level and shows the first page offline from the cache', async () => {
    const online = render(<DomainList />);
    await waitFor(() => expect(titles()).toHaveLength(20), { timeout: 10_000 });
    const levels = [...document.querySelectorAll('.disclosure-row .level-tag')].slice(0, 2).map((t) => t.textContent);
    expect(levels).toEqual(['村级', '乡镇']);
    online.unmount();
    configureApi({ baseUrl: await closedOrigin() });
    render(<DomainList />);
    expect(await screen.findByText(/^离线内容，更新于 \d\d:\d\d$/, undefined, { timeout: 5000 })).toBeTruthy();
    expect(titles()).toHaveLength(20);
  });
});
