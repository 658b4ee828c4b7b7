import fs from 'fs';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';

/**
 * Helpers of the mini-program browser tests (test/e2e/miniapp-*.test.ts): layout measurements at a 375 px
 * wide screen and axe-core accessibility runs.
 */

/** The phone width of the design (and of MIIT's 适老化 figures). */
export const PHONE = { width: 375, height: 812 };

/** One element's computed text metrics. */
export interface TextMetric {
  text: string;
  fontSize: number;
  lineHeight: number;
}

/**
 * Font size and line height (px) of every visible element inside a page root (`.gk-page`) that holds
 * text of its own. `normal` line heights are reported as 1.2 × the font size (Chromium's usual value).
 */
export async function textMetrics(page: Page): Promise<TextMetric[]> {
  return page.evaluate(() => {
    const out: { text: string; fontSize: number; lineHeight: number }[] = [];
    // Taro's H5 router keeps earlier pages in the DOM, hidden: measure what is visible.
    for (const el of Array.from(document.querySelectorAll('.gk-page *'))) {
      const own = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
      if (!own) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const cs = getComputedStyle(el);
      const fontSize = parseFloat(cs.fontSize);
      const lineHeight = cs.lineHeight === 'normal' ? fontSize * 1.2 : parseFloat(cs.lineHeight);
      out.push({ text: own, fontSize, lineHeight });
    }
    return out;
  });
}

/** One tap target's size. */
export interface TargetMetric {
  label: string;
  width: number;
  height: number;
}

/** Sizes (px) of the visible elements matching `selector`. */
export async function targetSizes(page: Page, selector: string): Promise<TargetMetric[]> {
  return page.evaluate((sel) => {
    return Array.from(document.querySelectorAll(sel))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0)
      .map(({ el, r }) => ({ label: (el.textContent ?? '').trim().slice(0, 20) || el.className.toString(), width: r.width, height: r.height }));
  }, selector);
}

/** Every tap target the app renders (buttons, switches, rows, chips, the search box, domain tiles). */
export const TARGETS =
  '.gk-page [role=button], .gk-page [role=switch], .gk-page taro-button-core, .gk-page .picker-search__input, .gk-page .crumb:not(.crumb--current)';

/** One serious or critical axe violation, reduced to what a failure message needs. */
export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page (injected through the DevTools protocol, which the page's CSP does not govern)
 * and returns the serious and critical violations.
 */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; impact?: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Waiting for the app (page transitions animate; the first load builds the app). */
export const WAIT = { timeout: 20_000 };

/** 古岸头村 (330304005202, 温州市瓯海区娄桥街道): the only region in Zhejiang whose initials are "gatc". */
export const VILLAGE = '330304005202';
export const PATH_TEXT = '温州市 › 瓯海区 › 娄桥街道 › 古岸头村';

/** A phone-sized page on a first open (empty storage) of the H5 build at `${origin}/m/`. */
export async function firstOpen(newPage: () => Promise<Page>, origin: string): Promise<Page> {
  const page = await newPage();
  await page.setViewportSize(PHONE);
  await page.goto(`${origin}/m/`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByText('选择我的村', { exact: true }).waitFor(WAIT);
  return page;
}

/**
 * From the home page's welcome: search by initials and choose 古岸头村; ends on the home page.
 * `beforePick` runs on the picker with the results shown.
 */
export async function pickByInitials(page: Page, beforePick?: () => Promise<void>): Promise<void> {
  await page.getByText('选择我的村', { exact: true }).click();
  const input = page.locator('.picker-search__input input');
  await input.waitFor(WAIT);
  await input.fill('gatc');
  const hit = page.locator(`[data-testid="search-results"] .region-row[data-code="${VILLAGE}"]`);
  await hit.waitFor(WAIT);
  expect((await hit.locator('.region-row__path').first().textContent())?.trim()).toBe(PATH_TEXT);
  await beforePick?.();
  await hit.click();
  await page.locator('.village-card__name').waitFor(WAIT);
}

/**
 * Taps a tab of the H5 tab bar (我的村, 消息, 我的). The bar shows on tab pages only: from a secondary page,
 * goes back (as the resident would) until it shows.
 */
export async function openTab(page: Page, label: string): Promise<void> {
  const bar = page.locator('.weui-tabbar');
  for (let i = 0; i < 8 && !(await bar.isVisible()); i++) {
    await page.goBack();
    await page.waitForTimeout(400);
  }
  await page.locator('.weui-tabbar__item').filter({ has: page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${label}$`) }) }).click();
}

/**
 * The current page's root: Taro's H5 router keeps earlier pages in the DOM (hidden, or still shown under the
 * new one while it slides in), and the current page is the last one.
 */
export function visiblePage(page: Page) {
  return page.locator('.gk-page:visible').last();
}

/** Targets of the pages built after phase 1 too: links, radio options, buttons. */
export const ALL_TARGETS = `${TARGETS}, .gk-page [role=link], .gk-page [role=radio], .gk-page a.attachment`;

/**
 * MIIT 适老化 checks on the visible page: every text ≥ 18 px with line height ≥ 1.3, every target ≥ 44×44 and
 * each `primary` selector's targets ≥ 60×60. Returns the failures (empty when all pass) and what was measured.
 */
export async function elderlyProblems(page: Page, primary: string[]): Promise<{ problems: unknown[]; texts: number; targets: number }> {
  const problems: unknown[] = [];
  const texts = await textMetrics(page);
  for (const m of texts) if (!(m.fontSize >= 18 && m.lineHeight / m.fontSize >= 1.3)) problems.push({ text: m });
  const targets = await targetSizes(page, ALL_TARGETS);
  for (const t of targets) if (!(t.width >= 44 && t.height >= 44)) problems.push({ target: t });
  for (const sel of primary) {
    const sizes = await targetSizes(page, sel);
    if (sizes.length === 0) problems.push({ missing: sel });
    for (const t of sizes) if (!(t.width >= 60 && t.height >= 60)) problems.push({ primary: sel, t });
  }
  return { problems, texts: texts.length, targets: targets.length };
}

/** Waits until no CSS animation or transition runs (Taro's H5 pages slide in). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 });
}

/**
 * A screenshot of the whole visible page at 375 px once transitions have finished. Taro's H5 pages scroll
 * inside their own container, so the viewport is stretched to the page's height for the shot and restored.
 */
export async function pageShot(page: Page, name: string): Promise<string> {
  await settled(page);
  const size = page.viewportSize() ?? PHONE;
  const height = await page.evaluate(() => {
    const root = Array.from(document.querySelectorAll('.gk-page')).find((e) => (e as HTMLElement).offsetParent !== null) as HTMLElement | undefined;
    const tabbar = document.querySelector('.weui-tabbar') as HTMLElement | null;
    return Math.ceil((root?.scrollHeight ?? window.innerHeight) + (tabbar && tabbar.offsetParent ? tabbar.offsetHeight : 0));
  });
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 6000) });
  await settled(page);
  try {
    return await screenshot(page, name);
  } finally {
    await page.setViewportSize(size);
  }
}
