/** @jest-environment-options {"realServer": true, "regions": "ouhai", "officials": true} */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { configureApi } from '../../config';
import { unreadStore } from '../../services/notices';
import { installSession, signIn, storedToken } from '../../services/session';
import { GU_AN_TOU, call, housingList, officials, publish, real } from '../../../test/api';
import { resetApp } from '../../../test/reset';
import NoticesPage from './index';

/**
 * 消息 against the REAL server: the resident follows 古岸头村's 保障性住房; 娄桥街道 publishes; the server's
 * jobs fan the event out to the inbox; the page shows it unread (and the tab badge), and a tap marks it read
 * and opens the disclosure page the notice names.
 */
jest.setTimeout(60_000);

describe('消息 inbox (pages/notices/index), real server', () => {
  let disclosureId = '';
  beforeAll(async () => {
    resetApp();
    configureApi({ baseUrl: real().url, timeoutMs: 5000, getRetries: 1, retryDelayMs: 10 });
    installSession();
    await signIn();
    await call('POST', '/api/v1/me/follows', `Bearer ${storedToken()}`, { regionCode: GU_AN_TOU.code, domain: 'affordable-housing' });
    disclosureId = await publish(housingList({ title: '娄桥街道承租资格审核结果公示' }), officials().townEditor, officials().townReviewer);
    await real().drainJobs();
  });
  afterEach(() => jest.restoreAllMocks());

  it('lists the notice unread with the badge, and a tap marks it read and opens the disclosure', async () => {
    const badge = jest.spyOn(Taro, 'setTabBarBadge').mockResolvedValue({ errMsg: 'setTabBarBadge:ok' } as never);
    const removeBadge = jest.spyOn(Taro, 'removeTabBarBadge').mockResolvedValue({ errMsg: 'removeTabBarBadge:ok' } as never);
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    render(<NoticesPage />);
    const row = await waitFor(() => {
      const el = document.querySelector('.notice') as HTMLElement | null;
      if (!el) throw new Error('no notice yet');
      return el;
    }, { timeout: 10_000 });
    expect(row.textContent).toContain('娄桥街道承租资格审核结果公示');
    expect(row.querySelector('.notice__unread')?.textContent).toBe('● 未读');
    expect(screen.getByText('1 条未读')).toBeTruthy();
    expect(badge).toHaveBeenCalledWith({ index: 1, text: '1' });
    expect(unreadStore.get()).toBe(1);

    fireEvent.click(row);
    expect(navigateTo).toHaveBeenCalledWith({ url: `/pages/disclosure/index?id=${disclosureId}` });
    await waitFor(() => expect(document.querySelector('.notice__unread')).toBeNull(), { timeout: 15_000 });
    expect(removeBadge).toHaveBeenCalledWith({ index: 1 });
    const inbox = await call<{ unread: number }>('GET', '/api/v1/me/notices', `Bearer ${storedToken()}`);
    expect(inbox.unread).toBe(0);
  });
});
