import { useBrowser, waitForText, watchPageErrors } from '../support/browser';
import { firstOpen, pageShot, pickByInitials, visiblePage, WAIT } from './miniapp-support';
import { housingList, useMiniappServer } from './miniapp-server';

/**
 * Weak network in Chromium: a resident opens 保障性住房 and a disclosure once; then the API is cut (the app
 * shell still loads, as the mini-program's local package would) and the reloaded list and detail show the
 * stored copies with 离线内容，更新于 HH:mm — masked table included.
 */
const server = useMiniappServer();
const browser = useBrowser();
const TITLE = '娄桥街道2026年第三批公共租赁住房承租资格审核结果公示';

jest.setTimeout(180_000);

let id = '';
beforeAll(async () => {
  id = await server.publish(housingList());
}, 60_000);

test('with the API cut after the first load, the domain list and the disclosure show their cached copies', async () => {
  const page = await firstOpen(() => browser().newPage(), server.url());
  const { errors } = watchPageErrors(page, [/\/favicon\.ico$/]);
  await pickByInitials(page);
  await page.locator('.domain-tile[data-key="affordable-housing"]').click();
  await visiblePage(page).locator('.disclosure-row').first().waitFor(WAIT);
  await visiblePage(page).locator('.disclosure-row').first().click();
  await visiblePage(page).locator('[data-testid="table"]').waitFor(WAIT);
  expect(await page.getByText(/离线内容/).count()).toBe(0);

  let aborted = 0;
  await page.route('**/api/**', (route) => {
    aborted += 1;
    return route.abort('internetdisconnected');
  });

  // The list, reloaded offline.
  await page.goto(`${server.url()}/m/#/packages/disclosures/list/index?domain=affordable-housing`);
  await page.reload();
  await waitForText(page, '古岸头村 · 保障性住房', { name: 'offline-list' });
  const notice = visiblePage(page).locator('.offline-notice__text');
  await notice.waitFor(WAIT);
  expect((await notice.textContent())?.trim()).toMatch(/^离线内容，更新于 \d\d:\d\d$/);
  expect(await visiblePage(page).locator('.disclosure-row__title').first().textContent()).toBe(TITLE);
  await pageShot(page, 'miniapp-list-offline');

  // The disclosure from the list, still offline.
  await visiblePage(page).locator('.disclosure-row').first().click();
  await visiblePage(page).getByRole('heading', { name: TITLE }).waitFor(WAIT);
  expect(page.url()).toContain(`id=${id}`);
  await visiblePage(page).locator('.offline-notice__text').waitFor(WAIT);
  expect((await visiblePage(page).locator('[data-testid="table"]').textContent()) ?? '').toContain('330304********1234');
  await pageShot(page, 'miniapp-detail-offline');

  // Never loaded before: the network message with 重试, nothing made up.
  await page.goto(`${server.url()}/m/#/packages/disclosures/list/index?domain=land-acquisition`);
  await page.reload();
  await visiblePage(page).getByText('网络不给力，请稍后再试').waitFor(WAIT);
  expect(aborted).toBeGreaterThan(0);
  await page.unroute('**/api/**');
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
  await page.close();
});
