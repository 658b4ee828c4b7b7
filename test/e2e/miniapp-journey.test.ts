import type { Page } from 'playwright-core';
import { useBrowser, waitForText, watchPageErrors } from '../support/browser';
import { axeProblems, firstOpen, openTab, pageShot as screenshot, pickByInitials, visiblePage, WAIT } from './miniapp-support';
import { housingList, useMiniappServer } from './miniapp-server';

/**
 * The residents' main journey in Chromium (H5 build at /m/, 375 px), against the real server and database:
 * 娄桥街道 publishes a 公租房 list with ID-number and phone columns through the admin API; a resident picks
 * 古岸头村 by its initials, opens 保障性住房, the disclosure (masked table, 已核验), follows it, asks a
 * question; the township answers through the admin API; the answer shows in 我的留言 and in the 消息 inbox.
 * axe-core finds no serious or critical problem on any page; screenshots of each page are saved.
 */
const server = useMiniappServer();
const browser = useBrowser();
const BROWSER_OWN = [/\/favicon\.ico$/];
const TITLE = '娄桥街道2026年第三批公共租赁住房承租资格审核结果公示';
const QUESTION = '公示期内如果对名单有异议，应该向哪个部门反映？';
const ANSWER = '请在公示期内向娄桥街道社会事务办书面反映，电话0577-88881234。';

jest.setTimeout(180_000);

let disclosureId = '';
beforeAll(async () => {
  disclosureId = await server.publish(housingList());
  // A county policy and its 解读 on the same domain, so the list has two levels and the detail a related link.
  await server.publish(housingList({ regionCode: '330304', catalogueItemId: 'AH-03', title: '瓯海区公共租赁住房申请条件及办理流程', tables: [], validFrom: undefined, validTo: undefined }), server.official('countyEditor'), server.official('countyReviewer'));
}, 60_000);

async function expectNoAxeProblems(page: Page, where: string) {
  expect({ where, problems: await axeProblems(page) }).toEqual({ where, problems: [] });
}

test('pick 古岸头村 by initials → 保障性住房 → the masked list with 已核验 → follow → ask → answered in 我的留言 and 消息', async () => {
  const page = await firstOpen(() => browser().newPage(), server.url());
  const { errors } = watchPageErrors(page, BROWSER_OWN);
  await pickByInitials(page);

  // Home: the domain grid counts what applies to the village; the latest list labels the level.
  const housing = page.locator('.domain-tile[data-key="affordable-housing"]');
  await housing.locator('.domain-tile__count').waitFor(WAIT);
  expect(await housing.locator('.domain-tile__count').textContent()).toBe('2 条公开');
  await page.locator('.home-latest .disclosure-row').first().waitFor(WAIT);
  expect(await page.locator('.home-latest .level-tag').allTextContents()).toEqual(['县级', '乡镇']);
  await screenshot(page, 'miniapp-home-latest-normal');
  await expectNoAxeProblems(page, 'home');

  // The domain list, grouped by catalogue item.
  await housing.click();
  await waitForText(page, '古岸头村 · 保障性住房', { name: 'list' });
  const group = visiblePage(page).locator('.item-group', { hasText: '公共租赁住房承租资格审核结果公示' });
  await group.waitFor(WAIT);
  await screenshot(page, 'miniapp-list-normal');
  await expectNoAxeProblems(page, 'list');

  // The disclosure: masked table, 公示中 in words, 已核验.
  await group.locator('.disclosure-row').first().click();
  await visiblePage(page).getByRole('heading', { name: TITLE }).waitFor(WAIT);
  expect(page.url()).toContain(`/m/#/pages/disclosure/index?id=${disclosureId}`);
  const table = visiblePage(page).locator('[data-testid="table"]');
  await table.waitFor(WAIT);
  const tableText = (await table.textContent()) ?? '';
  for (const masked of ['张**', '330304********1234', '138****5678', '欧阳**', '330304********3456']) expect(tableText).toContain(masked);
  for (const raw of ['张三丰', '330304199001011234', '13812345678']) expect(await page.content()).not.toContain(raw);
  expect(await visiblePage(page).locator('[data-testid="posting"] .posting-badge').textContent()).toBe('●公示中');
  await visiblePage(page).locator('[data-testid="verified"]').waitFor(WAIT);
  expect(await visiblePage(page).locator('.verified__badge').textContent()).toBe('✓ 已核验');
  // The rich-text body is rendered as markup (sanitized by the server), not as tags.
  expect(await visiblePage(page).locator('.detail-body__rich strong').textContent()).toBe('公共租赁住房承租资格');
  // The wide table scrolls sideways inside its card; the page itself does not.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await screenshot(page, 'miniapp-detail-normal');
  await expectNoAxeProblems(page, 'detail');

  // Follow (H5: no subscribe dialog; in-app notices only).
  await visiblePage(page).getByText('+ 关注这条信息', { exact: true }).click();
  await visiblePage(page).getByText('✓ 已关注', { exact: true }).waitFor(WAIT);

  // Ask a question about it.
  await visiblePage(page).getByText('我要提问', { exact: true }).click();
  await waitForText(page, `关于：${TITLE}`, { name: 'form' });
  await visiblePage(page).locator('.form-textarea textarea').fill(QUESTION);
  await visiblePage(page).locator('[data-testid="public"] [data-value="yes"]').click();
  await screenshot(page, 'miniapp-form-normal');
  await expectNoAxeProblems(page, 'form');
  await visiblePage(page).locator('.form-submit').click();
  await waitForText(page, '✓ 提交成功', { name: 'submitted' });
  const trackingNo = ((await visiblePage(page).locator('.form-done__line').first().textContent()) ?? '').replace('受理编号：', '');
  expect(trackingNo).toMatch(/^ZX-\d{8}-\d{4,}$/);

  // The township answers through the admin API (as the console does).
  const town = server.official('townAdmin');
  const inbox = await server.call<{ items: Array<{ id: string; trackingNo: string }> }>('GET', `/api/v1/admin/feedback?trackingNo=${trackingNo}`, town);
  const id = inbox.items[0].id;
  await server.call('POST', `/api/v1/admin/feedback/${id}/accept`, town, {});
  await server.call('POST', `/api/v1/admin/feedback/${id}/answer`, town, { text: ANSWER });
  await server.drainJobs();

  // 我的留言: the item is answered, with the answer.
  await visiblePage(page).getByText('查看我的留言', { exact: true }).click();
  await visiblePage(page).locator('[data-testid="answer"]').waitFor(WAIT);
  expect(await visiblePage(page).locator('[data-testid="answer"]').textContent()).toContain('请在公示期内向娄桥街道社会事务办书面反映');
  expect(await visiblePage(page).locator('.fb-status').first().textContent()).toBe('已答复');

  // 消息: the answer notice, unread, with the tab badge; a tap reads it.
  await openTab(page, '消息');
  const notice = visiblePage(page).locator('.notice', { hasText: '您的咨询已答复' });
  await notice.waitFor(WAIT);
  expect(await notice.locator('.notice__unread').textContent()).toBe('● 未读');
  // The unread count in words on the page, and the same number on the 消息 tab's badge.
  const count = (await visiblePage(page).locator('.notices__count').textContent()) ?? '';
  expect(count).toMatch(/^\d+ 条未读$/);
  const unread = count.split(' ')[0];
  await page.locator('.weui-tabbar__item', { hasText: '消息' }).locator('.weui-badge', { hasText: unread }).waitFor(WAIT);
  await screenshot(page, 'miniapp-inbox-normal');
  await expectNoAxeProblems(page, 'inbox');
  await notice.click();
  await visiblePage(page).locator('[data-testid="answer"]').waitFor(WAIT);

  // 我的 → 我的留言 lists it as answered.
  await openTab(page, '我的');
  await visiblePage(page).locator('[data-testid="link-feedback"]').click();
  const row = visiblePage(page).locator('.fb-row', { hasText: trackingNo });
  await row.waitFor(WAIT);
  expect(await row.locator('.fb-status').textContent()).toBe('已答复');
  await screenshot(page, 'miniapp-my-feedback-normal');
  await expectNoAxeProblems(page, 'my-feedback');

  // 我的关注 has the follow, with one-tap unfollow.
  await page.goBack();
  await visiblePage(page).locator('[data-testid="link-follows"]').click();
  const follow = visiblePage(page).locator('.follow-row', { hasText: TITLE });
  await follow.waitFor(WAIT);
  await follow.getByText('取消关注', { exact: true }).click();
  await visiblePage(page).getByText(`已取消关注 信息：${TITLE}`).waitFor(WAIT);
  expect(await visiblePage(page).locator('.follow-row').count()).toBe(0);

  expect(errors).toEqual([]);
  await page.close();
});
