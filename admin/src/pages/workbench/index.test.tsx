/**
 * @jest-environment ./test/jsdom-server-env.js
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../../test/render';
import { official, seedCatalogue, useRealServer, type TestOfficial } from '../../../test/real-server';
import { ZEYA, draft, step } from '../disclosures/test-fixtures';

const server = useRealServer([() => import('.'), () => import('../disclosures')]);
let editor: TestOfficial;
let reviewer: TestOfficial;

beforeAll(async () => {
  await seedCatalogue();
  editor = await official('editor', ZEYA, '泽雅镇编辑');
  reviewer = await official('reviewer', '330304', '瓯海区审核员');
});

describe('workbench cards (pages/workbench) against the real server', () => {
  it('counts my drafts, an overdue one by its catalogue deadline, and opens the filtered list in one click', async () => {
    const token = await server.tokenFor(editor);
    // Formed 2026-01-05: 20 working days later is long past, so this draft is overdue.
    const overdue = await draft(server, token, { title: '逾期的补偿公示', eventDate: '2026-01-05' });
    await draft(server, token, { title: '刚起草的补偿公示', eventDate: undefined });
    await server.signIn(editor);
    renderApp('/');

    const drafts = await screen.findByLabelText('我的草稿');
    await waitFor(() => expect(drafts.textContent).toContain('2'));
    const late = screen.getByLabelText('逾期未公开');
    await waitFor(() => expect(late.textContent).toContain('1'));
    // The deadline list names the overdue draft in red with how late it is.
    const item = await screen.findByRole('link', { name: '逾期的补偿公示' });
    expect(item.closest('li')?.textContent).toMatch(/已逾期 \d+ 天/);

    const user = userEvent.setup({ delay: null });
    await user.click(late);
    await screen.findByText('按标准目录起草公开内容，提交审核后发布；逾期和超时发布的事项会标出。');
    const row = (await screen.findByRole('link', { name: '逾期的补偿公示' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('逾期')).toBeTruthy();
    expect(screen.queryByRole('link', { name: '刚起草的补偿公示' })).toBeNull();
    expect((screen.getByRole('checkbox', { name: '只看逾期未发布' }) as HTMLInputElement).checked).toBe(true);
    expect(overdue.overdue).toBe(true);
  });

  it('shows a reviewer the pending reviews and no drafts card', async () => {
    const token = await server.tokenFor(editor);
    const d = await draft(server, token, { title: '待审核的补偿公示' });
    await step(server, token, `/admin/disclosures/${d.id}/submit`);
    await server.signIn(reviewer);
    renderApp('/');
    const pending = await screen.findByLabelText('待我审核');
    await waitFor(() => expect(pending.textContent).toMatch(/待我审核\s*1$/));
    expect(screen.queryByLabelText('我的草稿')).toBeNull();
  });
});
