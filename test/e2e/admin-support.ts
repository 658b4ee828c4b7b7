import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Locator, Page } from 'playwright-core';
import { screenshot, waitForText } from '../support/browser';

/*
 * Helpers of the admin console's browser tests: sign in and out through the UI, antd selects and the region
 * picker the way a person uses them, and files for uploads.
 */

/** antd puts a space between two Chinese characters of a button ("提 交"): a name pattern that ignores it. */
export function btn(text: string): RegExp {
  return new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);
}

/** Signs in on the login page and waits for the workbench greeting. */
export async function signIn(page: Page, base: string, o: { username: string; password: string }, name: string): Promise<void> {
  // The browser profile is shared by the tests of a file: start from no session.
  await page.goto(`${base}/admin/user/login`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('用户名').fill(o.username);
  await page.getByLabel('密码').fill(o.password);
  await page.getByRole('button', { name: btn('登录') }).click();
  // Login returns to where the last session ended; start every journey on the workbench.
  await page.getByTestId('current-user').filter({ hasText: name }).waitFor({ timeout: 20_000 });
  await page.goto(`${base}/admin/`);
  await waitForText(page, `欢迎，${name}`, { name: 'admin-login' });
}

/** Signs out with the header button and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /退出登录/ }).click();
  await page.locator('input[type=password]').waitFor({ state: 'visible', timeout: 20_000 });
}

/** Picks an option of an antd Select by its label: the open dropdown's option with this title or text. */
export async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await chooseIn(page, page.getByLabel(label, { exact: true }), option);
}

/**
 * Opens an antd Select (a click on its selector: a shown value lies over the search input) and clicks an
 * option of its own dropdown (the one holding the list its `aria-controls` names; others may still be fading out).
 */
export async function chooseIn(page: Page, combobox: Locator, option: string | RegExp): Promise<void> {
  const list = await combobox.getAttribute('aria-controls');
  const select = page.locator('.ant-select', { has: combobox });
  const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) });
  const item = typeof option === 'string' ? dropdown.locator(`.ant-select-item-option[title="${option}"]`) : dropdown.locator('.ant-select-item-option').filter({ hasText: option });
  const chosen = typeof option === 'string' ? select.locator(`.ant-select-selection-item[title="${option}"]`) : undefined;
  // Under load a click right after another select closed is sometimes taken as closing this one, or a pick
  // made while the form re-renders is lost: open, pick and check again until the choice shows (3 tries).
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.locator('.ant-select-selector').click();
    if (!(await dropdown.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false))) continue;
    await item.first().click();
    if (!chosen || (await chosen.waitFor({ timeout: 4_000 }).then(() => true, () => false))) break;
  }
  // The choice shows in the select and its dropdown has closed (the next click must not land on it).
  await chosen?.waitFor({ timeout: 10_000 });
  await dropdown.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Picks a region in a RegionPicker by typing `text` and clicking the hit shown as `pathText`. */
export async function pickRegion(page: Page, label: string, text: string, pathText: string): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  // A picked value's label lies over the search input (antd): click the selector around it.
  await page.locator('.ant-select-selector', { has: box }).click();
  await box.fill(text);
  const hit = page.locator('.ant-select-tree-title', { hasText: pathText }).first();
  await hit.waitFor({ timeout: 20_000 }).catch(async (err) => {
    await screenshot(page, 'pick-region-timeout');
    throw new Error(`${pathText} not offered for "${text}"; the dropdown shows: ${await page.locator('.ant-select-dropdown').allInnerTexts()} (${(err as Error).message.split('\n')[0]})`);
  });
  await hit.click();
}

/** Writes an xlsx (exceljs, as officials' sheets are) to a temporary file and returns its path. */
export async function xlsxFile(rows: Array<Array<string | number>>, name: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分户明细');
  rows.forEach((r) => ws.addRow(r));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-xlsx-'));
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
