/**
 * @jest-environment ./test/jsdom-server-env.js
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test/render';
import { official, seedCatalogue, useRealServer, type TestOfficial } from '../../test/real-server';

const server = useRealServer([() => import('../pages/workbench'), () => import('../pages/account')]);
let admin: TestOfficial;
let editor: TestOfficial;
let assessor: TestOfficial;
let seeded = 0;

beforeAll(async () => {
  seeded = await seedCatalogue();
  admin = await official('admin', '330304', '瓯海区管理员');
  editor = await official('editor', '330304001', '景山街道编辑');
  assessor = await official('assessor', '330304', '瓯海区考核员');
  await official('reviewer', '330304002', '梧田街道审核员');
});

const menu = () => [...document.querySelectorAll('.ant-layout-sider .ant-menu-item')].map((i) => i.textContent);

describe('the signed-in frame and the workbench', () => {
  it('shows an admin every page, who is signed in, and the scope’s real figures', async () => {
    await server.signIn(admin);
    renderApp('/');
    await waitFor(() => expect(menu()).toEqual(['工作台', '公开事项', '留言与申请', '考核统计', '公开目录', '用户管理', '审计日志', '我的账号']));
    expect(await screen.findByText('浙江省 / 温州市 / 瓯海区')).toBeTruthy();
    expect(screen.getByTestId('current-user').textContent).toContain('瓯海区管理员');
    expect(screen.getByTestId('current-user').textContent).toContain('管理员');

    // 4 officials in 瓯海区; the province catalogue has `seeded` items and no local ones yet.
    const users = await screen.findByLabelText('本辖区用户');
    await waitFor(() => expect(users.textContent).toContain('4'));
    expect(seeded).toBeGreaterThan(20);
    const items = screen.getByLabelText('可用目录事项');
    await waitFor(() => expect(items.textContent).toContain(String(seeded)));
    expect(items.textContent).toContain('其中本地事项 0 项');
  });

  it('shows an editor and an assessor only what their role may use, and refuses the admin pages', async () => {
    await server.signIn(editor);
    const { unmount } = renderApp('/users');
    await waitFor(() => expect(menu()).toEqual(['工作台', '公开事项', '留言与申请', '公开目录', '我的账号']));
    expect(await screen.findByText('您的角色无权使用此页面')).toBeTruthy();
    unmount();

    await server.signIn(assessor);
    renderApp('/');
    await waitFor(() => expect(menu()).toEqual(['工作台', '公开事项', '留言与申请', '考核统计', '公开目录', '我的账号']));
    expect(await screen.findByText('查看公开情况与考核统计（只读）。')).toBeTruthy();
    expect(screen.queryByLabelText('本辖区用户')).toBeNull();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByText('我的账号', { selector: '.ant-menu-title-content' }));
    expect(await screen.findByText('浙江省 / 温州市 / 瓯海区（330304）')).toBeTruthy();
  });
});
