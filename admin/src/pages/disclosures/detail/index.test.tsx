/**
 * @jest-environment ./test/jsdom-server-env.js
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AdminDisclosureDetail, DisclosureDetail } from '@gongkai/shared';
import { buttonName, findMessage } from '../../../../test/antd';
import { renderApp } from '../../../../test/render';
import { official, seedCatalogue, useRealServer, type TestOfficial } from '../../../../test/real-server';
import { JINGSHAN, YUANKOU, ZEYA, draft, households, step } from '../test-fixtures';

const server = useRealServer([() => import('.'), () => import('..')], { env: { GONGKAI_DEV_LOGIN: '1' } });
let editor: TestOfficial;
let reviewer: TestOfficial;
let outsider: TestOfficial;

beforeAll(async () => {
  await seedCatalogue();
  editor = await official('editor', ZEYA, '泽雅镇编辑');
  reviewer = await official('reviewer', '330304', '瓯海区审核员');
  outsider = await official('editor', JINGSHAN, '景山街道编辑');
});

/** A published v1 (5 households, ID and phone columns marked) with a pending v2 that changes text and rows. */
async function publishedWithPendingChange() {
  const e = await server.tokenFor(editor);
  const r = await server.tokenFor(reviewer);
  const t = households(5);
  t.columns[1] = { ...t.columns[1], pii: 'id-number' } as (typeof t.columns)[number];
  t.columns[2] = { ...t.columns[2], pii: 'phone' } as (typeof t.columns)[number];
  const { id } = await draft(server, e, { tables: [t] });
  await step(server, e, `/admin/disclosures/${id}/submit`);
  await step(server, r, `/admin/disclosures/${id}/approve`);
  const rows = t.rows.slice(1).map((row, i) => (i === 0 ? { ...row, amount: 99999 } : row));
  await step(server, e, `/admin/disclosures/${id}`, { title: '源口村征地补偿费用支付情况公示（更正）', tables: [{ ...t, rows }] }, 'PATCH');
  await step(server, e, `/admin/disclosures/${id}/submit`);
  return { id, t, e, r };
}

describe('disclosure detail (pages/disclosures/detail) against the real server', () => {
  it('shows the reviewer the diff against the published version, and approving publishes version 2', async () => {
    const { id, t, r } = await publishedWithPendingChange();
    await server.signIn(reviewer);
    renderApp(`/disclosures/${id}`);

    // A pending copy opens on 审核: title and table changes against version 1.
    expect(await screen.findByText('与已发布第1版对比（第2版）')).toBeTruthy();
    const title = screen.getAllByTestId('text-diff')[0];
    expect(title.querySelector('ins')?.textContent).toBe('（更正）');
    const change = screen.getByTestId('table-change');
    expect(change.textContent).toContain('新增 0 行，删除 1 行，修改 1 行');
    expect(within(change).getByText('99999')).toBeTruthy();
    expect(within(change).getByText(String(t.rows[1].amount))).toBeTruthy();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: buttonName('审核通过并发布') }));
    expect(await findMessage('已发布')).toBeTruthy();
    await waitFor(async () => {
      const d = await server.call<AdminDisclosureDetail>(r, 'GET', `/admin/disclosures/${id}`);
      expect(d.body).toMatchObject({ status: 'published', version: 2 });
    });
    const pub = await fetch(`${server.origin()}/api/v1/disclosures/${id}`);
    expect(((await pub.json()) as DisclosureDetail).title).toBe('源口村征地补偿费用支付情况公示（更正）');
  });

  it('does not offer the author the approval, and the server’s masked preview shows what residents will see', async () => {
    const { id, t } = await publishedWithPendingChange();
    await server.signIn(editor);
    renderApp(`/disclosures/${id}`);
    expect(await screen.findByText('只有审核员或管理员可以审核')).toBeTruthy();
    expect(screen.queryByRole('button', { name: buttonName('审核通过并发布') })).toBeNull();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('tab', { name: '公众预览（脱敏）' }));
    const preview = await screen.findByTestId('public-preview');
    await waitFor(() => expect(preview.textContent).toContain('预览：哈希为暂定值'));
    const id2 = t.rows[1].id;
    expect(preview.textContent).toContain(`${id2.slice(0, 6)}********${id2.slice(-4)}`);
    expect(preview.textContent).toContain(`${t.rows[1].phone.slice(0, 3)}****${t.rows[1].phone.slice(-4)}`);
    expect(preview.textContent).not.toContain(id2);
    expect(preview.textContent).not.toContain(t.rows[1].phone);
  });

  it('lists versions with their hashes and a valid chain, and withdraws with a reason', async () => {
    const { id, r } = await publishedWithPendingChange();
    await step(server, r, `/admin/disclosures/${id}/approve`);
    await server.signIn(reviewer);
    renderApp(`/disclosures/${id}?tab=versions`);
    await waitFor(() => expect(screen.getAllByTestId('verify-status')[0].textContent).toBe('版本链完整'));
    const d = await server.call<AdminDisclosureDetail>(r, 'GET', `/admin/disclosures/${id}`);
    for (const v of d.body.versions) expect(screen.getAllByText(`${v.hash.slice(0, 12)}…`).length).toBeGreaterThan(0);

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: buttonName('撤回') }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('撤回原因（公众不可见，记入版本链）'), '补偿名单有误，核实后重新公示');
    await user.click(within(dialog).getByRole('button', { name: buttonName('撤回') }));
    expect(await findMessage('已撤回')).toBeTruthy();
    await waitFor(async () => expect((await server.call<AdminDisclosureDetail>(r, 'GET', `/admin/disclosures/${id}`)).body.status).toBe('withdrawn'));
    expect((await fetch(`${server.origin()}/api/v1/disclosures/${id}`)).status).toBe(404);
  });

  it('tells an out-of-scope editor the disclosure is not theirs, and leaves it out of their list', async () => {
    const { id } = await publishedWithPendingChange();
    await server.signIn(outsider);
    const { unmount } = renderApp(`/disclosures/${id}`);
    expect(await screen.findByText('没有找到这条公开信息，或它不在您的管辖范围内')).toBeTruthy();
    unmount();
    renderApp('/disclosures');
    await waitFor(() => expect(document.querySelector('.ant-table-placeholder') && !document.querySelector('.ant-spin-spinning')).toBeTruthy());
    expect(screen.queryByText(/源口村征地补偿费用支付情况公示/)).toBeNull();
    // The same list for the editor in scope has it.
    const e = await server.tokenFor(editor);
    const inScope = await server.call<{ items: Array<{ id: string }> }>(e, 'GET', '/admin/disclosures');
    expect(inScope.body.items.map((x) => x.id)).toContain(id);
  });

  it('shows how many followers were notified in the app and by WeChat for each publication', async () => {
    // Two residents follow 源口村, then the disclosure is published and the notice jobs run.
    for (const openid of ['follower-a', 'follower-b']) {
      const login = await fetch(`${server.origin()}/api/v1/auth/dev`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ openid }) });
      const { token } = (await login.json()) as { token: string };
      const follow = await server.call(token, 'POST', '/me/follows', { regionCode: YUANKOU });
      expect(follow.status).toBe(201);
    }
    const e = await server.tokenFor(editor);
    const r = await server.tokenFor(reviewer);
    const { id } = await draft(server, e, { title: '源口村补偿费用公示（通知）' });
    await step(server, e, `/admin/disclosures/${id}/submit`);
    await step(server, r, `/admin/disclosures/${id}/approve`);
    await server.drainJobs();

    await server.signIn(reviewer);
    renderApp(`/disclosures/${id}?tab=notices`);
    const inApp = await screen.findByText('站内通知', { selector: '.ant-statistic-title' });
    await waitFor(() => expect(inApp.closest('.ant-statistic')?.textContent).toBe('站内通知2'));
    // One publication event; no WeChat consent was given, so nothing was planned or failed and resend is off.
    expect(screen.getByText('发布（第1版）')).toBeTruthy();
    expect(screen.getByTestId('wechat-failed').textContent).toBe('0');
    expect((screen.getByRole('button', { name: /重发失败的微信通知/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('returns a pending copy with a comment the editor sees, and schedules the resubmitted one', async () => {
    const e = await server.tokenFor(editor);
    const r = await server.tokenFor(reviewer);
    const { id } = await draft(server, e, { title: '待退回的补偿公示' });
    await step(server, e, `/admin/disclosures/${id}/submit`);
    await server.signIn(reviewer);
    const { unmount } = renderApp(`/disclosures/${id}`);
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: buttonName('退回修改') }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('退回意见'), '请补充补偿标准的文件依据');
    await user.click(within(dialog).getByRole('button', { name: buttonName('退回修改') }));
    expect(await findMessage('已退回')).toBeTruthy();
    await waitFor(async () => {
      const d = await server.call<AdminDisclosureDetail>(r, 'GET', `/admin/disclosures/${id}`);
      expect(d.body.workingCopy).toMatchObject({ state: 'draft', returned: { comment: '请补充补偿标准的文件依据' } });
    });
    unmount();

    // The editor sees the comment in the editor, resubmits, and the reviewer schedules it for a later time.
    await server.signIn(editor);
    const editorView = renderApp(`/disclosures/${id}/edit`);
    expect(await screen.findByText(/退回：请补充补偿标准的文件依据/)).toBeTruthy();
    editorView.unmount();
    await step(server, e, `/admin/disclosures/${id}/submit`);
    await server.signIn(reviewer);
    renderApp(`/disclosures/${id}`);
    await user.click(await screen.findByRole('radio', { name: '定时发布' }));
    const when = await screen.findByLabelText('发布时间');
    await user.click(when);
    await user.type(when, '2030-01-02 09:00{Enter}');
    await user.click(screen.getByRole('button', { name: buttonName('审核通过并发布') }));
    await waitFor(async () => {
      const d = await server.call<AdminDisclosureDetail>(r, 'GET', `/admin/disclosures/${id}`);
      expect(d.body.workingCopy).toMatchObject({ state: 'scheduled', publishAt: '2030-01-02T09:00:00.000+08:00' });
    });
    expect(await screen.findByText('将于 2030-01-02 09:00 定时发布')).toBeTruthy();
  });
});

