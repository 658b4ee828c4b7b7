/** @jest-environment-options {"realServer": true, "regions": "ouhai", "officials": true} */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { configureApi } from '../../../config';
import { installSession, signIn, storedToken } from '../../../services/session';
import { GU_AN_TOU, acceptAndAnswer, call, officials, real } from '../../../../test/api';
import { setRouterParams } from '../../../../test/page';
import { resetApp } from '../../../../test/reset';
import MyFeedbackPage from '../mine/index';
import FeedbackDetailPage from './index';

/**
 * 我的留言 and one item against the REAL server: the deadline in working days while open, then the answer
 * (given through the admin API), the timeline, and the rating — once.
 */
jest.setTimeout(60_000);

describe('我的留言 (packages/feedback/mine, detail), real server', () => {
  let id = '';
  beforeAll(async () => {
    resetApp();
    configureApi({ baseUrl: real().url, timeoutMs: 5000, getRetries: 1, retryDelayMs: 10 });
    installSession();
    await signIn();
    ({ id } = await call<{ id: string }>('POST', '/api/v1/feedback', `Bearer ${storedToken()}`, { type: 'question', regionCode: GU_AN_TOU.code, content: '村里的公租房名额是怎么分配的？', public: false }));
  });

  it('lists the open item with its deadline and remaining working days', async () => {
    render(<MyFeedbackPage />);
    const row = await waitFor(() => {
      const el = document.querySelector(`.fb-row[data-id="${id}"]`) as HTMLElement | null;
      if (!el) throw new Error('not listed yet');
      return el;
    }, { timeout: 10_000 });
    expect(row.querySelector('.fb-type')?.textContent).toBe('咨询');
    expect(row.querySelector('.fb-status')?.textContent).toBe('已接收');
    expect(row.querySelector('.fb-row__deadline')?.textContent).toMatch(/^答复期限 \d{4}年\d{1,2}月\d{1,2}日 · 剩余 (10|9) 个工作日$/);
  });

  it('shows the answer and the timeline once answered, and takes one rating', async () => {
    await acceptAndAnswer(id, officials().townAdmin, '名额按申请先后和困难程度综合确定。');
    setRouterParams({ id });
    render(<FeedbackDetailPage />);
    const answer = await screen.findByTestId('answer', undefined, { timeout: 10_000 });
    expect(answer.textContent).toContain('名额按申请先后和困难程度综合确定。');
    expect(answer.textContent).toContain('娄桥街道');
    const steps = [...within(screen.getByTestId('timeline')).getAllByText(/·/)].map((s) => s.textContent?.split(' · ')[0]);
    expect(steps).toEqual(['已接收', '已受理', '已答复']);
    expect(screen.getByTestId('deadline').textContent).toMatch(/已答复$/);

    fireEvent.click(document.querySelector('[data-testid="rating-score"] [data-value="2"]')!);
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('✓ 您的评价：基本满意', undefined, { timeout: 5000 })).toBeTruthy();
    const item = await call<{ rating?: { score: number }; canRate: boolean }>('GET', `/api/v1/me/feedback/${id}`, `Bearer ${storedToken()}`);
    expect(item).toMatchObject({ rating: { score: 2 }, canRate: false });
    expect(screen.queryByText('提交评价')).toBeNull();
  });
});
