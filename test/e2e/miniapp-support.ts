import fs from 'fs';
import type { Page } from 'playwright-core';

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
