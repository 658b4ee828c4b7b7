/**
 * @jest-environment ./test/jsdom-server-env.js
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buttonName } from '../../../test/antd';
import { renderApp } from '../../../test/render';
import { official, seedCatalogue, useRealServer, type TestOfficial } from '../../../test/real-server';
import { ZEYA, draft, step } from '../disclosures/test-fixtures';
import { quarterOf, recentQuarters } from './service';

const server = useRealServer([() => import('.')]);
let assessor: TestOfficial;
let editor: TestOfficial;

beforeAll(async () => {
  await seedCatalogue();
  assessor = await official('assessor', '330304', '瓯海区考核员');
  editor = await official('editor', ZEYA, '泽雅镇编辑');
});

describe('assessment dashboard (pages/assessment) against the real server', () => {
  it('works out quarters in China time', () => {
    expect(quarterOf(new Date('2026-03-31T16:30:00Z'))).toBe('2026Q2'); // 00:30 on 1 April in China
    expect(recentQuarters('2026Q2', 3)).toEqual(['2026Q2', '2026Q1', '2025Q4']);
  });

  it('ranks the townships, charts them, and drills down to one township’s missing and overdue items', async () => {
    const e = await server.tokenFor(editor);
    const reviewer = await official('reviewer', '330304', '瓯海区审核员');
    const r = await server.tokenFor(reviewer);
    const published = await draft(server, e, { title: '源口村补偿费用公示' });
    await step(server, e, `/admin/disclosures/${published.id}/submit`);
    await step(server, r, `/admin/disclosures/${published.id}/approve`);
    await draft(server, e, { title: '泽雅镇逾期草稿', eventDate: '2026-01-05' });

    await server.signIn(assessor);
    renderApp('/assessment');
    const ranking = await screen.findByText('下级单位排名');
    const card = ranking.closest('.ant-card') as HTMLElement;
    const row = await within(card).findByText('泽雅镇');
    // Best first: 泽雅镇 has the only publication, so it leads the table (the others follow in region order).
    const firstRow = card.querySelector('tbody tr.ant-table-row') as HTMLElement;
    expect(within(firstRow).getByText('泽雅镇')).toBeTruthy();
    expect(within(firstRow).getAllByText('1').length).toBeGreaterThan(0);
    // The bars too, best first.
    expect(screen.getByRole('img', { name: '下级单位排名 · 综合得分' }).textContent).toMatch(/^下级单位排名 · 综合得分泽雅镇/);
    expect(await screen.findByRole('img', { name: '季度趋势' })).toBeTruthy();

    const user = userEvent.setup({ delay: null });
    await user.click(within(row.closest('tr') as HTMLElement).getByRole('button', { name: buttonName('明细') }));
    const drill = await screen.findByTestId('drill-down');
    await waitFor(() => expect(drill.textContent).toContain('未公开的事项'));
    // The township's own required items that nobody published are listed with their codes.
    expect(drill.textContent).toMatch(/LA-\d\d/);
    // Report downloads are for a county: 瓯海区 is one.
    expect((screen.getByRole('button', { name: /下载 PDF/ }) as HTMLButtonElement).disabled).toBe(false);
  });
});
