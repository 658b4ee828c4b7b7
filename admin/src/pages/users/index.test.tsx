/**
 * @jest-environment ./test/jsdom-server-env.js
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PASSWORD_POLICY_TEXT } from '@gongkai/shared';
import { buttonName, chooseOption, fieldErrors, pickRegion } from '../../../test/antd';
import { renderApp } from '../../../test/render';
import { official, useRealServer, type TestOfficial } from '../../../test/real-server';

const server = useRealServer([() => import('.')]);
let admin: TestOfficial;
let inScope: TestOfficial;
let outOfScope: TestOfficial;

beforeAll(async () => {
  admin = await official('admin', '330304', '瓯海区管理员');
  inScope = await official('editor', '330304001', '景山街道编辑');
  outOfScope = await official('editor', '330881', '江山市编辑');
});

/** Opens 新建用户 and fills every field but the password. */
async function openCreateForm(username: string) {
  const user = userEvent.setup({ delay: null });
  await user.click(await screen.findByRole('button', { name: /新建用户/ }));
  const dialog = await screen.findByRole('dialog');
  await chooseOption(user, within(dialog).getByLabelText('角色'), '审核员');
  await pickRegion(user, within(dialog).getByLabelText('所属地区'), '景山', '瓯海区 / 景山街道');
  await user.type(within(dialog).getByLabelText('姓名/单位'), '景山街道审核员');
  await user.type(within(dialog).getByLabelText('用户名'), username);
  return { user, dialog };
}

async function usersNamed(username: string): Promise<number> {
  const token = await server.tokenFor(admin);
  const res = await server.call<{ total: number }>(token, 'GET', `/admin/users?q=${username}`);
  return res.body.total;
}

describe('users page (pages/users) against the real server', () => {
  it('lists only the officials in the admin’s subtree, with their region', async () => {
    await server.signIn(admin);
    renderApp('/users');

    expect(await screen.findByText(inScope.username)).toBeTruthy();
    expect(screen.getByText(`${admin.username}（本人）`)).toBeTruthy();
    expect(screen.queryByText(outOfScope.username)).toBeNull();
    // The region column names the region below the admin's own (瓯海区 / 景山街道).
    expect(await screen.findByText('瓯海区 / 景山街道')).toBeTruthy();
    expect(screen.getByText('共 2 条')).toBeTruthy();
  });

  it('refuses a weak password with the policy text and saves nothing', async () => {
    await server.signIn(admin);
    renderApp('/users');
    const { user, dialog } = await openCreateForm('jsreviewer1');
    await user.type(within(dialog).getByLabelText('初始密码'), 'weakpass1');
    await user.click(within(dialog).getByRole('button', { name: buttonName('提交') }));

    await waitFor(() => expect(fieldErrors(dialog, '初始密码')).toEqual([PASSWORD_POLICY_TEXT]));
    expect(await usersNamed('jsreviewer1')).toBe(0);
  });

  it('shows a duplicate username next to the field, then creates the user', async () => {
    await server.signIn(admin);
    renderApp('/users');
    const { user, dialog } = await openCreateForm(inScope.username);
    await user.type(within(dialog).getByLabelText('初始密码'), 'Strong-Passw0rd');
    await user.click(within(dialog).getByRole('button', { name: buttonName('提交') }));

    // 409 CONFLICT from the server sits under 用户名.
    await waitFor(() => expect(fieldErrors(dialog, '用户名')).toEqual(['用户名已存在']));

    await user.clear(within(dialog).getByLabelText('用户名'));
    await user.type(within(dialog).getByLabelText('用户名'), 'jsreviewer2');
    await user.click(within(dialog).getByRole('button', { name: buttonName('提交') }));

    expect(await screen.findByText('jsreviewer2')).toBeTruthy();
    expect(await usersNamed('jsreviewer2')).toBe(1);
    const token = await server.tokenFor(admin);
    const created = await server.call<{ items: Array<{ role: string; regionCode: string; displayName: string }> }>(token, 'GET', '/admin/users?q=jsreviewer2');
    expect(created.body.items[0]).toMatchObject({ role: 'reviewer', regionCode: '330304001', displayName: '景山街道审核员' });
  });
});
