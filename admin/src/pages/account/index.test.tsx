/**
 * @jest-environment ./test/jsdom-server-env.js
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PASSWORD_POLICY_TEXT } from '@gongkai/shared';
import { buttonName, fieldErrors } from '../../../test/antd';
import { renderApp } from '../../../test/render';
import { official, useRealServer, type TestOfficial } from '../../../test/real-server';
import { authStore } from '../../services/auth';

const server = useRealServer([() => import('.')]);
let editor: TestOfficial;

beforeAll(async () => {
  editor = await official('editor', '330304001', '景山街道编辑');
});

async function fill(current: string, next: string, confirm = next) {
  const user = userEvent.setup({ delay: null });
  await user.type(await screen.findByLabelText('当前密码'), current);
  await user.type(screen.getByLabelText('新密码'), next);
  await user.type(screen.getByLabelText('确认新密码'), confirm);
  await user.click(screen.getByRole('button', { name: buttonName('修改密码') }));
}

async function loginStatus(password: string): Promise<number> {
  const res = await fetch(`${server.origin()}/api/v1/admin/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: editor.username, password }),
  });
  return res.status;
}

describe('my account (pages/account) against the real server', () => {
  it('shows who I am with my region’s full path', async () => {
    await server.signIn(editor);
    renderApp('/account');
    expect(await screen.findByText('浙江省 / 温州市 / 瓯海区 / 景山街道（330304001）')).toBeTruthy();
    expect(screen.getAllByText(editor.username).length).toBeGreaterThan(0);
    expect(screen.getByText(PASSWORD_POLICY_TEXT)).toBeTruthy();
  });

  it('checks the new password against the policy before sending, and shows a wrong current password on its field', async () => {
    await server.signIn(editor);
    renderApp('/account');
    const form = () => screen.getByRole('button', { name: buttonName('修改密码') }).closest('form') as HTMLElement;

    await fill('whatever', 'short');
    await waitFor(() => expect(fieldErrors(form(), '新密码')).toEqual([PASSWORD_POLICY_TEXT]));

    const user = userEvent.setup({ delay: null });
    await user.clear(screen.getByLabelText('新密码'));
    await user.type(screen.getByLabelText('新密码'), 'Another-Passw0rd');
    await user.clear(screen.getByLabelText('确认新密码'));
    await user.type(screen.getByLabelText('确认新密码'), 'Another-Passw0rd');
    await user.click(screen.getByRole('button', { name: buttonName('修改密码') }));

    // The server refuses the wrong current password; the message sits under 当前密码.
    await waitFor(() => expect(fieldErrors(form(), '当前密码')).toEqual(['当前密码不正确']));
    expect(await loginStatus(editor.password)).toBe(200);
  });

  it('changes the password: the new one signs in, the old one no longer does, this session stays', async () => {
    await server.signIn(editor);
    renderApp('/account');
    await fill(editor.password, 'Changed-Passw0rd!');

    expect(await screen.findByText('密码已修改，其他设备上的登录已退出')).toBeTruthy();
    expect(await loginStatus('Changed-Passw0rd!')).toBe(200);
    expect(await loginStatus(editor.password)).toBe(401);
    expect(authStore.getToken()).not.toBeNull();
    const me = await server.call<{ username: string }>(authStore.getToken()!, 'GET', '/admin/me');
    expect(me).toMatchObject({ status: 200, body: { username: editor.username } });
  });
});
