import type { Page } from 'playwright-core';
import { useBrowser, waitForText, watchPageErrors } from '../support/browser';
import { axeProblems, elderlyProblems, firstOpen, openTab, pageShot, pickByInitials, settled, visiblePage, WAIT } from './miniapp-support';
import { housingList, useMiniappServer } from './miniapp-server';

/**
 * 长辈模式 (MIIT 2021 适老化) in Chromium at 375 px, against the real server: switched on at first open, then
 * home → list → disclosure → question form → 消息 → 我的留言, measuring on the detail and form pages every
 * text (≥ 18 px, line height ≥ 1.3; body 24 px), every target (≥ 44×44) and the primary ones (≥ 60×60), with
 * axe-core on each page and a screenshot of each.
 */
const server = useMiniappServer();
const browser = useBrowser();
const BROWSER_OWN = [/\/favicon\.ico$/];
const TITLE = '娄桥街道2026年第三批公共租赁住房承租资格审核结果公示';

jest.setTimeout(180_000);

beforeAll(async () => {
  await server.publish(housingList());
}, 60_000);

/** axe-clean, and the 适老化 sizes on every text and target (at least `min` texts measured). */
async function expectClean(page: Page, where: string, primary: string[], min = { texts: 2, targets: 2 }) {
  await settled(page); // measure the page, not the one sliding out
  expect({ where, axe: await axeProblems(page) }).toEqual({ where, axe: [] });
  const r = await elderlyProblems(page, primary);
  expect({ where, problems: r.problems }).toEqual({ where, problems: [] });
  expect(r.texts).toBeGreaterThanOrEqual(min.texts);
  expect(r.targets).toBeGreaterThanOrEqual(min.targets);
}

/** Computed font size (px) of the first visible match. */
const px = async (page: Page, sel: string) => parseFloat(await visiblePage(page).locator(sel).first().evaluate((el) => getComputedStyle(el).fontSize));

test('elderly mode: detail and form pages meet the 适老化 sizes; every main page axe-clean', async () => {
  const page = await firstOpen(() => browser().newPage(), server.url());
  const { errors } = watchPageErrors(page, BROWSER_OWN);
  await page.getByRole('switch', { name: '长辈模式' }).click();
  await page.locator('.gk-page.gk-elderly').waitFor(WAIT);
  await pickByInitials(page);

  // Home (simplified): stacked tiles with counts, the latest list.
  await page.locator('.domain-tile[data-key="affordable-housing"] .domain-tile__count').waitFor(WAIT);
  await page.locator('.home-latest .disclosure-row').first().waitFor(WAIT);
  await expectClean(page, 'home', ['.domain-tile', '.home-search']);
  await pageShot(page, 'miniapp-home-latest-elderly');

  await page.locator('.domain-tile[data-key="affordable-housing"]').click();
  await waitForText(page, '古岸头村 · 保障性住房', { name: 'elderly-list' });
  await visiblePage(page).locator('.disclosure-row').first().waitFor(WAIT);
  await expectClean(page, 'list', ['.follow-button']);
  await pageShot(page, 'miniapp-list-elderly');

  // The disclosure page.
  await visiblePage(page).locator('.disclosure-row').first().click();
  await visiblePage(page).getByRole('heading', { name: TITLE }).waitFor(WAIT);
  await visiblePage(page).locator('[data-testid="verified"]').waitFor(WAIT);
  await expectClean(page, 'detail', ['.follow-button.gk-button--primary', '.actions__ask'], { texts: 30, targets: 5 });
  expect(await px(page, '.detail-body__rich p')).toBe(24);
  expect(await px(page, '.table__cell')).toBe(24);
  expect(await px(page, '.std-line__value')).toBeGreaterThanOrEqual(20);
  // The wide table still scrolls inside its card, not the page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await pageShot(page, 'miniapp-detail-elderly');

  // Follow the village's domain (for the inbox below), then the question form.
  await visiblePage(page).getByText('+ 关注本村这个领域', { exact: true }).click();
  await visiblePage(page).locator('[data-followed="true"]').waitFor(WAIT);
  await visiblePage(page).getByText('我要提问', { exact: true }).click();
  await waitForText(page, `关于：${TITLE}`, { name: 'elderly-form' });
  await expectClean(page, 'form', ['.form-submit', '.choice__option', '.form-textarea-box', '.form-input'], { texts: 12, targets: 7 });
  expect(await px(page, '.form-label')).toBe(24);
  expect(await px(page, '.form-warning__text')).toBe(24);
  await pageShot(page, 'miniapp-form-elderly');
  // Validation messages are large too.
  await visiblePage(page).locator('.form-submit').click();
  await visiblePage(page).getByText('内容至少5个字').waitFor(WAIT);
  expect(await px(page, '.field-error')).toBeGreaterThanOrEqual(20);
  expect((await elderlyProblems(page, [])).problems).toEqual([]);

  // A new disclosure in the followed domain reaches 消息.
  await server.publish(housingList({ title: '娄桥街道公租房配租方案（第二批）' }));
  await server.drainJobs();
  await openTab(page, '消息');
  await visiblePage(page).locator('.notice', { hasText: '娄桥街道公租房配租方案（第二批）' }).waitFor(WAIT);
  await expectClean(page, 'inbox', ['.notice']);
  await pageShot(page, 'miniapp-inbox-elderly');

  await openTab(page, '我的');
  await visiblePage(page).locator('[data-testid="link-feedback"]').click();
  await visiblePage(page).getByText('您还没有提交过问题或建议').waitFor(WAIT);
  await expectClean(page, 'my-feedback', ['.fb-more.gk-button--primary'], { texts: 2, targets: 1 });
  await pageShot(page, 'miniapp-my-feedback-elderly');

  expect(errors).toEqual([]);
  await page.close();
});
