import type { Page } from 'playwright-core';
import { seedCatalogue } from '../../server/src/modules/catalogue/seed';
import { seedRegions } from '../../server/src/modules/regions/seed';
import { screenshot, useBrowser, waitForText, watchPageErrors } from '../support/browser';
import { createOfficial } from '../support/fixtures';
import { useTestServer } from '../support/server';

/**
 * The built admin console in Chromium against the real server and database: a county admin signs in and
 * opens every page that has its API (工作台, 公开目录, 用户管理, 审计日志, 我的账号) with no console errors.
 * Screenshots land in test/.artifacts/screenshots/admin-*.png (docs/screenshots holds copies).
 * The component and page behaviour is tested in admin/src (jsdom against the same real server).
 */
const server = useTestServer();
const browser = useBrowser();
const BROWSER_OWN = [/\/favicon\.ico$/];
const DESKTOP = { width: 1440, height: 900 };

jest.setTimeout(120_000);

let admin: { username: string; password: string };

beforeAll(async () => {
  await seedRegions();
  await seedCatalogue();
  admin = await createOfficial({ role: 'admin', regionCode: '330304', displayName: '瓯海区政务公开办' });
  await createOfficial({ role: 'editor', regionCode: '330304001', displayName: '景山街道编辑' });
  await createOfficial({ role: 'reviewer', regionCode: '330304002', displayName: '梧田街道审核员' });
}, 120_000);

/** Opens a page from the side menu and waits for a text only that page shows. */
async function open(page: Page, menu: string, text: string, name: string): Promise<void> {
  await page.locator('.ant-layout-sider .ant-menu-item', { hasText: menu }).click();
  await waitForText(page, text, { name, exact: false });
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
}

test('a county admin signs in and opens every page with no console errors', async () => {
  const page = await browser().newPage();
  await page.setViewportSize(DESKTOP);
  const { errors } = watchPageErrors(page, BROWSER_OWN);

  await page.goto(`${server.url()}/admin/`);
  await page.getByLabel('用户名').fill(admin.username);
  await page.getByLabel('密码').fill(admin.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await waitForText(page, '欢迎，瓯海区政务公开办', { name: 'admin-workbench' });
  await waitForText(page, '浙江省 / 温州市 / 瓯海区', { name: 'admin-workbench' });
  await page.getByText('其中本地事项').waitFor();
  await screenshot(page, 'admin-workbench');

  await open(page, '公开目录', '征收土地预公告（拟征收土地告知）', 'admin-catalogue');
  await page.getByText('征收土地预公告（拟征收土地告知）').click();
  await waitForText(page, '系统计算规则', { name: 'admin-catalogue', exact: false });
  await screenshot(page, 'admin-catalogue');

  await open(page, '用户管理', '景山街道编辑', 'admin-users');
  await waitForText(page, '瓯海区 / 梧田街道', { name: 'admin-users' });
  await screenshot(page, 'admin-users');
  await page.getByRole('button', { name: /新建用户/ }).click();
  const region = page.getByRole('dialog').getByLabel('所属地区');
  await region.click();
  await region.fill('jsjd');
  await page.locator('.ant-select-tree-title', { hasText: '瓯海区 / 景山街道' }).first().waitFor();
  await screenshot(page, 'admin-users-create');
  // Escape closes the picker's dropdown (and antd lets it close the dialog too).
  await page.keyboard.press('Escape');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'hidden', timeout: 3_000 }).catch(async () => {
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  await open(page, '审计日志', '时间范围', 'admin-audit');
  await waitForText(page, admin.username, { name: 'admin-audit', exact: false });
  await screenshot(page, 'admin-audit');

  await open(page, '我的账号', '修改密码', 'admin-account');
  await screenshot(page, 'admin-account');

  expect(new URL(page.url()).pathname).toBe('/admin/account');
  expect(errors).toEqual([]);
  await page.close();
});
