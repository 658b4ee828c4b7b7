/**
 * @jest-environment ./test/jsdom-server-env.js
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { buttonName, chooseOption, pickRegion } from '../../../test/antd';
import { renderApp } from '../../../test/render';
import { official, useRealServer, type TestOfficial } from '../../../test/real-server';
import { toQuery } from './components/AuditFilters';

const server = useRealServer([() => import('.')]);
let admin: TestOfficial;
let other: TestOfficial;

beforeAll(async () => {
  admin = await official('admin', '330304', '瓯海区管理员');
  other = await official('admin', '330881', '江山市管理员');
  const token = await server.tokenFor(admin);
  const body = (username: string, regionCode: string) => ({ username, password: 'Strong-Passw0rd', role: 'editor', regionCode, displayName: username });
  expect((await server.call(token, 'POST', '/admin/users', body('auditjs1', '330304001'))).status).toBe(201);
  expect((await server.call(token, 'POST', '/admin/users', body('auditwt1', '330304002'))).status).toBe(201);
  const otherToken = await server.tokenFor(other);
  expect((await server.call(otherToken, 'POST', '/admin/users', body('auditjsh1', '330881001'))).status).toBe(201);
});

/** The audit table's body rows (without antd's hidden measure row and expanded detail rows). */
function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.ant-table-tbody > tr.ant-table-row')];
}

describe('audit log (pages/audit) against the real server', () => {
  it('lists the scope’s entries, filters by action and region, and opens the details', async () => {
    await server.signIn(admin);
    renderApp('/audit');
    const user = userEvent.setup({ delay: null });

    await waitFor(() => expect(rows().length).toBeGreaterThanOrEqual(4)); // 2 logins + 2 user.create (+ this session's login)
    expect(screen.queryByText(other.username)).toBeNull();

    await chooseOption(user, screen.getByLabelText('操作'), '创建用户');
    await user.click(screen.getByRole('button', { name: buttonName('查询') }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows().every((r) => within(r).queryByText('创建用户'))).toBe(true);

    await pickRegion(user, screen.getByLabelText('地区'), '梧田', '瓯海区 / 梧田街道');
    await user.click(screen.getByRole('button', { name: buttonName('查询') }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(within(rows()[0]).getByText('瓯海区 / 梧田街道')).toBeTruthy();

    await user.click(within(rows()[0]).getByRole('button', { name: /展开/ }));
    const details = await screen.findByTestId('audit-details');
    expect(JSON.parse(details.textContent ?? '')).toEqual({ username: 'auditwt1', role: 'editor' });
  });

  it('filters by actor', async () => {
    await server.signIn(admin);
    renderApp('/audit');
    const user = userEvent.setup({ delay: null });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await user.type(screen.getByLabelText('操作人'), 'nobody-here');
    await user.click(screen.getByRole('button', { name: buttonName('查询') }));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(screen.getAllByText('暂无数据').length).toBeGreaterThan(0);

    await user.clear(screen.getByLabelText('操作人'));
    await user.type(screen.getByLabelText('操作人'), admin.username);
    await user.click(screen.getByRole('button', { name: buttonName('查询') }));
    await waitFor(() => expect(rows().length).toBeGreaterThanOrEqual(4));
    expect(rows().every((r) => within(r).queryByText(admin.username))).toBe(true);
  });

  it('sends a date range as whole days with the local offset, which the server accepts', async () => {
    const q = toQuery({ range: [dayjs('2026-11-01T15:30:00'), dayjs('2026-11-03T08:00:00')], actor: '  ' });
    expect(q.actor).toBeUndefined();
    expect(dayjs(q.from).valueOf()).toBe(dayjs('2026-11-01T00:00:00').valueOf());
    expect(dayjs(q.to).valueOf()).toBe(dayjs('2026-11-03T23:59:59.999').startOf('second').valueOf());
    expect(q.from).toMatch(/^2026-11-01T00:00:00([+-]\d\d:\d\d|Z)$/);
    const today = toQuery({ range: [dayjs(), dayjs()] });
    const token = await server.tokenFor(admin);
    const res = await server.call<{ total: number }>(token, 'GET', `/admin/audit?from=${encodeURIComponent(today.from!)}&to=${encodeURIComponent(today.to!)}&action=user.create`);
    expect(res).toMatchObject({ status: 200, body: { total: 2 } });
  });
});
