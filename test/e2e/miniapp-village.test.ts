import type { Page } from 'playwright-core';
import { seedRegions } from '../../server/src/modules/regions/seed';
import { regionDirectory } from '../../server/src/modules/regions/service';
import { screenshot, useBrowser, watchPageErrors } from '../support/browser';
import { useTestServer } from '../support/server';
import { axeProblems, PHONE, TARGETS, targetSizes, textMetrics } from './miniapp-support';

/**
 * The residents' mini-program (H5 build at /m/) in Debian's Chromium at a 375 px wide screen, against the
 * real server and database with the real Zhejiang region seed: pick a village by pinyin initials, the home
 * page for it, elderly mode measured against MIIT's 适老化 figures, the cached home with the network cut,
 * and axe-core on home and picker in both modes.
 *
 * 古岸头村 (330304005202, 温州市瓯海区娄桥街道) is the only region in Zhejiang whose initials are "gatc".
 */
const server = useTestServer();
const browser = useBrowser();

const VILLAGE = '330304005202';
const PATH_TEXT = '温州市 › 瓯海区 › 娄桥街道 › 古岸头村';
const DOMAIN_NAMES = ['征地补偿', '拆迁安置', '保障性住房', '农村危房改造', '扶贫救灾', '市政服务', '公共资源交易', '义务教育'];
/** Chromium asks for /favicon.ico on its own; the app declares none. */
const BROWSER_OWN = [/\/favicon\.ico$/];
const WAIT = { timeout: 20_000 };

jest.setTimeout(120_000);

beforeAll(async () => {
  await seedRegions();
  await regionDirectory(); // as main.ts does at start-up
}, 180_000);

/** A phone-sized page on a first open (empty storage). */
async function firstOpen(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser().newPage();
  await page.setViewportSize(PHONE);
  const { errors } = watchPageErrors(page, BROWSER_OWN);
  await page.goto(`${server.url()}/m/`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByText('选择我的村', { exact: true }).waitFor(WAIT);
  return { page, errors };
}

/**
 * From the home page's welcome: search by initials and choose 古岸头村; ends on the home page.
 * `beforePick` runs on the picker with the results shown.
 */
async function pickByInitials(page: Page, shot?: string, beforePick?: () => Promise<void>): Promise<void> {
  await page.getByText('选择我的村', { exact: true }).click();
  const input = page.locator('.picker-search__input input');
  await input.waitFor(WAIT);
  await input.fill('gatc');
  const hit = page.locator(`[data-testid="search-results"] .region-row[data-code="${VILLAGE}"]`);
  await hit.waitFor(WAIT);
  await expectText(hit.locator('.region-row__path'), PATH_TEXT);
  if (shot) await screenshot(page, shot);
  await beforePick?.();
  await hit.click();
  await page.locator('.village-card__name').waitFor(WAIT);
}

async function expectText(locator: ReturnType<Page['locator']>, text: string) {
  expect((await locator.first().textContent())?.trim()).toBe(text);
}

/** The home page shows 古岸头村, its path and the 8 domains. */
async function expectHome(page: Page) {
  await expectText(page.locator('.village-card__name'), '古岸头村');
  await expectText(page.locator('.village-card__path'), PATH_TEXT);
  for (const name of DOMAIN_NAMES) await page.locator('.domain-tile__name', { hasText: name }).first().waitFor(WAIT);
  expect(await page.locator('.domain-tile[data-key]').count()).toBe(8);
}

test('pick a village by pinyin initials (gatc): the full path shows, then home shows the 8 domains for it; axe clean', async () => {
  const { page, errors } = await firstOpen();
  expect(await axeProblems(page)).toEqual([]); // the welcome

  await pickByInitials(page, 'miniapp-picker-normal');
  await expectHome(page);
  await screenshot(page, 'miniapp-home-normal');
  expect(await axeProblems(page)).toEqual([]);

  // Normal mode: every tap target ≥ 44×44, body text ≥ 16 px.
  for (const t of await targetSizes(page, TARGETS)) {
    expect({ ...t, ok: t.width >= 44 && t.height >= 44 }).toMatchObject({ ok: true });
  }
  expect(Math.min(...(await textMetrics(page)).map((m) => m.fontSize))).toBeGreaterThanOrEqual(14);
  expect(parseFloat(await page.locator('.domain-tile__name').first().evaluate((el) => getComputedStyle(el).fontSize))).toBe(16);

  // Remembered: a reload opens straight on the village.
  await page.reload();
  await page.locator('.village-card__name').waitFor(WAIT);
  await expectHome(page);

  // The picker with results, checked by axe too.
  await page.getByText('+ 添加村', { exact: true }).click();
  await page.locator('.picker-search__input input').fill('娄桥');
  await page.locator('[data-testid="search-results"] .region-row').first().waitFor(WAIT);
  expect(await axeProblems(page)).toEqual([]);

  // The check itself can fail: a pale grey line added to the page is reported.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = '对比度不足的文字';
    p.style.cssText = 'color:#c0c4cc;background:#ffffff';
    document.querySelector('.picker')?.appendChild(p);
  });
  expect((await axeProblems(page)).map((v) => v.id)).toContain('color-contrast');
  expect(errors).toEqual([]);
  await page.close();
});

test('elderly mode (长辈模式): chosen on first open, text ≥ 18 px (24 px body), line height ≥ 1.3, primary targets ≥ 60×60, remembered; axe clean', async () => {
  const { page, errors } = await firstOpen();
  const sw = page.getByRole('switch', { name: '长辈模式' });
  expect(await sw.getAttribute('aria-checked')).toBe('false');
  await sw.click();
  await page.locator('.gk-page.gk-elderly').waitFor(WAIT);
  expect(await sw.getAttribute('aria-checked')).toBe('true');
  await expectText(page.locator('.elderly-switch__state'), '已开启'); // the state in words, not colour only

  /** Every text ≥ 18 px with line height ≥ 1.3, the main text 24 px; every target ≥ 44, primary ones ≥ 60. */
  async function expectElderlyLayout(primary: string[]) {
    const texts = await textMetrics(page);
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const m of texts) {
      expect({ ...m, ok: m.fontSize >= 18 && m.lineHeight / m.fontSize >= 1.3 }).toMatchObject({ ok: true });
    }
    for (const t of await targetSizes(page, TARGETS)) expect({ ...t, ok: t.width >= 44 && t.height >= 44 }).toMatchObject({ ok: true });
    for (const sel of primary) {
      const sizes = await targetSizes(page, sel);
      expect(sizes.length).toBeGreaterThan(0);
      for (const t of sizes) expect({ ...t, sel, ok: t.width >= 60 && t.height >= 60 }).toMatchObject({ ok: true });
    }
  }
  const bodySize = async (sel: string) => parseFloat(await page.locator(sel).first().evaluate((el) => getComputedStyle(el).fontSize));

  // The welcome: no pop-up, big switch and button.
  await expectElderlyLayout(['[role=switch]', '.welcome__pick']);
  expect(await bodySize('.welcome__text')).toBe(24);
  expect(await page.locator('[role=dialog], .taro__modal, .taro__toast').count()).toBe(0);
  expect(await axeProblems(page)).toEqual([]);
  await screenshot(page, 'miniapp-welcome-elderly');

  // The picker: a 60 px search box and 60 px result rows.
  await pickByInitials(page, 'miniapp-picker-elderly', async () => {
    await expectElderlyLayout(['.picker-search__input', '.region-row']);
    expect(await bodySize('.region-row__name')).toBe(24);
    expect(await axeProblems(page)).toEqual([]);
  });

  // The simplified home: stacked domain tiles, ≥ 60×60 each, 24 px names, no switcher for a single village.
  await page.locator('.village-card__name').waitFor(WAIT);
  await expectHome(page);
  await expectElderlyLayout(['.domain-tile']);
  expect(await bodySize('.domain-tile__name')).toBe(24);
  expect(await page.locator('.village-switcher').count()).toBe(0);
  expect(await page.locator('.village-card__label').isVisible()).toBe(false);
  await screenshot(page, 'miniapp-home-elderly');
  expect(await axeProblems(page)).toEqual([]);

  // Remembered across a reload.
  await page.reload();
  await page.locator('.gk-page.gk-elderly .village-card__name').waitFor(WAIT);
  expect(errors).toEqual([]);
  await page.close();
});

test('offline: with the API unreachable after a first load, a reload shows the cached home with 离线内容，更新于 HH:mm', async () => {
  const { page, errors } = await firstOpen();
  await pickByInitials(page);
  await expectHome(page);
  expect(await page.getByText(/离线内容/).count()).toBe(0);

  // Cut the API (the app shell is the mini-program's local package; in H5 it reloads from the server).
  let aborted = 0;
  await page.route('**/api/**', (route) => {
    aborted += 1;
    return route.abort('internetdisconnected');
  });
  await page.reload();
  const notice = page.locator('.offline-notice__text');
  await notice.waitFor(WAIT);
  expect((await notice.textContent())?.trim()).toMatch(/^离线内容，更新于 \d\d:\d\d$/);
  await expectHome(page);
  expect(aborted).toBeGreaterThan(0);
  await screenshot(page, 'miniapp-home-offline');

  // The picker's first drill-down step was loaded before: cached, marked offline. A step never opened
  // says the network is down, with 重试.
  await page.getByText('+ 添加村', { exact: true }).click();
  const wenzhou = page.locator('[data-testid="children"] .region-row[data-code="3303"]');
  await wenzhou.waitFor(WAIT);
  expect(await page.locator('.offline-notice__text').last().textContent()).toMatch(/^离线内容，更新于 \d\d:\d\d$/);
  await wenzhou.click();
  await page.getByText('网络不给力，请稍后再试').first().waitFor(WAIT);
  await page.getByText('重试', { exact: true }).first().waitFor(WAIT);
  await page.unroute('**/api/**');
  // Browser errors for the aborted requests are expected here; nothing else.
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
  await page.close();
});
