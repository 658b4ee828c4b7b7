/**
 * @jest-environment ./test/jsdom-server-env.js
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FeedbackCreated, MyFeedbackDetail } from '@gongkai/shared';
import { buttonName, findMessage, pickRegion } from '../../../test/antd';
import { renderApp } from '../../../test/render';
import { official, seedCatalogue, useRealServer, type TestOfficial } from '../../../test/real-server';
import { JINGSHAN, YUANKOU, ZEYA } from '../disclosures/test-fixtures';

const server = useRealServer([() => import('.'), () => import('./detail')], { env: { GONGKAI_DEV_LOGIN: '1' } });
let editor: TestOfficial;
let outsider: TestOfficial;

beforeAll(async () => {
  await seedCatalogue();
  editor = await official('editor', ZEYA, '泽雅镇编辑');
  outsider = await official('editor', JINGSHAN, '景山街道编辑');
});

/** A resident of 源口村 (development sign-in) submits a question or request; returns their token and the item. */
async function submit(openid: string, body: Record<string, unknown>) {
  const login = await fetch(`${server.origin()}/api/v1/auth/dev`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ openid }) });
  const { token } = (await login.json()) as { token: string };
  const res = await server.call<FeedbackCreated>(token, 'POST', '/feedback', { regionCode: YUANKOU, public: true, ...body });
  if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token, item: res.body };
}

describe('inbox (pages/feedback) against the real server', () => {
  it('lists a resident’s question with its tracking number and working days left; accepting and answering reach the resident', async () => {
    const { token, item } = await submit('resident-answer', { type: 'question', content: '源口村征地补偿款什么时候发放到户？' });
    await server.signIn(editor);
    renderApp('/feedback');
    const user = userEvent.setup({ delay: null });

    const link = await screen.findByRole('link', { name: item.trackingNo });
    const row = link.closest('tr')!;
    expect(row.textContent).toContain('咨询');
    expect(within(row).getByTestId('remaining').textContent).toMatch(/^剩 \d+ 个工作日$/);
    await user.click(link);

    expect(await screen.findByText('办理过程')).toBeTruthy();
    expect(screen.getByText('源口村征地补偿款什么时候发放到户？')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: buttonName('受理') }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: buttonName('受理') }));
    await user.click(await screen.findByRole('button', { name: buttonName('答复') }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('答复内容'), '补偿款已于11月25日发放到户，请查收银行账户。');
    await user.click(within(dialog).getByRole('button', { name: buttonName('答复') }));

    expect((await screen.findByTestId('answer-text')).textContent).toBe('补偿款已于11月25日发放到户，请查收银行账户。');
    // The timeline lists the steps, and the resident sees the answer.
    expect(screen.getAllByText('受理').length).toBeGreaterThan(0);
    const mine = await server.call<MyFeedbackDetail>(token, 'GET', `/me/feedback/${item.id}`);
    expect(mine.body).toMatchObject({ status: 'answered', answer: { text: '补偿款已于11月25日发放到户，请查收银行账户。' } });
  });

  it('extends a request once with a reason, and rejects another with a reason the applicant sees', async () => {
    const request = { purpose: '核对本户补偿金额', delivery: 'online' };
    const { item } = await submit('resident-request', { type: 'request', content: '申请公开本村征地补偿费用分配方案', request });
    const { token: t2, item: other } = await submit('resident-reject', { type: 'question', content: '请问隔壁县的拆迁政策是什么？' });
    await server.signIn(editor);
    renderApp(`/feedback/${item.id}`);
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole('button', { name: buttonName('延期') }));
    let dialog = await screen.findByRole('dialog');
    const days = within(dialog).getByLabelText('延长工作日数（1–20）');
    await user.clear(days);
    await user.type(days, '10');
    await user.type(within(dialog).getByLabelText('延期理由（会告知申请人）'), '需向县自然资源局调取分配方案原件');
    await user.click(within(dialog).getByRole('button', { name: buttonName('延期') }));
    expect(await screen.findByText(/延长 10 个工作日/)).toBeTruthy();
    // Once only: the action is gone.
    await waitFor(() => expect(screen.queryByRole('button', { name: buttonName('延期') })).toBeNull());

    cleanup();
    renderApp(`/feedback/${other.id}`);
    await screen.findByText('请问隔壁县的拆迁政策是什么？', { selector: '.ant-typography' });
    await user.click(screen.getByRole('button', { name: buttonName('不予受理') }));
    dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('不予受理的理由（申请人可见）'), '不属于本镇职责范围，请向所在县咨询');
    await user.click(within(dialog).getByRole('button', { name: buttonName('不予受理') }));
    expect(await findMessage('已不予受理')).toBeTruthy();
    await waitFor(async () => {
      const mine = await server.call<MyFeedbackDetail>(t2, 'GET', `/me/feedback/${other.id}`);
      expect(mine.body).toMatchObject({ status: 'rejected', rejection: { reason: '不属于本镇职责范围，请向所在县咨询' } });
    });
  });

  it('filters overdue items from the URL and hides other townships’ items', async () => {
    const { item } = await submit('resident-scope', { type: 'suggestion', content: '建议在村口增设公示栏电子屏' });
    await server.signIn(outsider);
    const { unmount } = renderApp(`/feedback/${item.id}`);
    expect(await screen.findByText('没有找到这条留言，或它不在您的管辖范围内')).toBeTruthy();
    unmount();

    await server.signIn(editor);
    renderApp('/feedback?overdue=true');
    await waitFor(() => expect(document.querySelector('.ant-table-placeholder') && !document.querySelector('.ant-spin-spinning')).toBeTruthy());
    // Nothing is overdue yet (every item was received today), and the checkbox shows the URL's filter.
    expect(screen.queryByRole('link', { name: item.trackingNo })).toBeNull();
    expect((screen.getByRole('checkbox', { name: '只看超期' }) as HTMLInputElement).checked).toBe(true);
  });

  it('lets a county admin reassign an item to another township of the county, which then sees it', async () => {
    const admin = await official('admin', '330304', '瓯海区管理员');
    const { item } = await submit('resident-reassign', { type: 'question', content: '景山街道的安置房什么时候分配？' });
    await server.signIn(admin);
    renderApp(`/feedback/${item.id}`);
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: buttonName('转办') }));
    const dialog = await screen.findByRole('dialog');
    await pickRegion(user, within(dialog).getByLabelText('转办给'), '景山', '瓯海区 / 景山街道');
    await user.click(within(dialog).getByRole('button', { name: buttonName('转办') }));
    await waitFor(() => expect(document.body.textContent).toContain('承办单位景山街道'));
    expect(screen.getByText('转办', { selector: 'strong' })).toBeTruthy();

    const t = await server.tokenFor(outsider);
    const seen = await server.call<{ assignedRegion: { code: string }; status: string }>(t, 'GET', `/admin/feedback/${item.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ assignedRegion: { code: JINGSHAN }, status: 'received' });
  });

  it('shows the resident’s images through the officials’ image endpoint', async () => {
    const login = await fetch(`${server.origin()}/api/v1/auth/dev`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ openid: 'resident-image' }) });
    const { token } = (await login.json()) as { token: string };
    // A 1×1 PNG, uploaded as the mini-program does (multipart `file`).
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'photo.png');
    const up = await fetch(`${server.origin()}/api/v1/feedback/images`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    expect(up.status).toBe(201);
    const image = (await up.json()) as { id: string };
    const res = await server.call<FeedbackCreated>(token, 'POST', '/feedback', { type: 'suggestion', regionCode: YUANKOU, public: false, content: '村口公示栏破损，见照片', images: [image.id] });
    expect(res.status).toBe(201);

    await server.signIn(editor);
    renderApp(`/feedback/${res.body.id}`);
    const img = (await screen.findByAltText('图片1')) as HTMLImageElement;
    expect(img.src).toMatch(/^blob:/);
  });
});

