import path from 'path';
import type { Page } from 'playwright-core';
import { seedCatalogue } from '../../server/src/modules/catalogue/seed';
import { seedRegions } from '../../server/src/modules/regions/seed';
import { regionDirectory } from '../../server/src/modules/regions/service';
import { screenshot, useBrowser, waitForText, watchPageErrors } from '../support/browser';
import { createOfficial } from '../support/fixtures';
import { useTestServer } from '../support/server';
import { btn, choose, chooseIn, pickRegion, signIn, signOut, xlsxFile } from './admin-support';

/**
 * The officials' journeys in the built console (Chromium, real server and database, dev sign-in on for the
 * resident): (a) a 泽雅镇 editor drafts a 征地补偿 disclosure for 源口村 from catalogue item LA-08, imports a
 * 200-row household xlsx, marks the ID and phone columns, previews it masked and submits; a 瓯海区 reviewer
 * sees the diff and approves; the public API and the H5 page show it masked; a resident asks about it, the
 * editor answers in the inbox and the resident sees the answer. (b) A 景山街道 editor can neither see nor open
 * it (UI and API). No page logs a console error. Screenshots: full pages in test/.artifacts/screenshots, the visible part in docs/screenshots/admin-*.png with GONGKAI_DOC_SCREENSHOTS=1.
 */
const server = useTestServer({ GONGKAI_DEV_LOGIN: '1' });
const browser = useBrowser();
const DESKTOP = { width: 1440, height: 900 };
const BROWSER_OWN = [/\/favicon\.ico$/];
const VILLAGE = '330304108200';
const TITLE = '源口村征地补偿费用支付和分配情况公示';

jest.setTimeout(300_000);

let editor: { username: string; password: string };
let reviewer: { username: string; password: string };
let outsider: { username: string; password: string };
let admin: { username: string; password: string };
const state: { id?: string } = {};

/** 200 households; ID and mobile numbers look real (valid dates) so that masking has work to do. */
const HOUSEHOLDS = Array.from({ length: 200 }, (_, i) => ({
  name: `${'张王李赵陈刘杨黄周吴'[i % 10]}${'建国秀英志强桂兰海燕'[(i * 3) % 10]}${i % 2 ? '' : '华'}`,
  id: `330304${1950 + (i % 50)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(i).padStart(3, '0')}${i % 10}`,
  phone: `139${String(57700000 + i).padStart(8, '0')}`,
  area: (0.5 + (i % 7) * 0.25).toFixed(2),
  amount: 36000 + i * 125,
}));

beforeAll(async () => {
  await seedRegions();
  await regionDirectory();
  await seedCatalogue();
  editor = await createOfficial({ role: 'editor', regionCode: '330304108', displayName: '泽雅镇编辑' });
  reviewer = await createOfficial({ role: 'reviewer', regionCode: '330304', displayName: '瓯海区审核员' });
  outsider = await createOfficial({ role: 'editor', regionCode: '330304001', displayName: '景山街道编辑' });
  admin = await createOfficial({ role: 'admin', regionCode: '330304', displayName: '瓯海区政务公开办' });
}, 180_000);

const DOCS = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');

/**
 * A full-page screenshot into the artifacts and, with GONGKAI_DOC_SCREENSHOTS=1, the visible part (small)
 * into docs/screenshots/ (opt-in, so a test run never changes tracked files).
 */
async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  if (process.env.GONGKAI_DOC_SCREENSHOTS === '1') await page.screenshot({ path: path.join(DOCS, `${name}.png`) });
}

async function desktopPage(ignore: RegExp[] = []): Promise<{ page: Page; errors: string[] }> {
  const page = await browser().newPage();
  await page.setViewportSize(DESKTOP);
  const { errors } = watchPageErrors(page, [...BROWSER_OWN, ...ignore]);
  return { page, errors };
}

/** A JSON call to the API. */
async function api<T>(method: string, p: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url()}/api/v1${p}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}
const tokenOf = async (o: { username: string; password: string }) => (await api<{ token: string }>('POST', '/admin/auth/login', undefined, o)).body.token;
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;
const maskedPhone = (p: string) => `${p.slice(0, 3)}****${p.slice(-4)}`;

test('(a) draft from the catalogue, 200-row xlsx, pii marks, masked preview, review, publication, public API and H5, question answered', async () => {
  const { page, errors } = await desktopPage();
  await signIn(page, server.url(), editor, '泽雅镇编辑');

  // Draft from catalogue item LA-08 for 源口村.
  await page.locator('.ant-layout-sider .ant-menu-item', { hasText: '公开事项' }).click();
  await page.getByRole('button', { name: /新建公开/ }).click();
  await pickRegion(page, '公开地区（县、乡镇或村）', '源口', '泽雅镇 / 源口村');
  await choose(page, '领域', '征地补偿');
  await choose(page, '目录事项（适用于该地区层级）', /LA-08/);
  await waitForText(page, '公开内容要素（逐项核对）', { name: 'admin-editor' });
  await page.getByRole('textbox', { name: '标题' }).fill(TITLE);
  await page.locator('.gk-rte').click();
  await page.keyboard.type('经村民会议决定，现将源口村征地补偿费用支付和分配情况公示如下，公示期10日。');
  await page.getByLabel('信息形成（事件）日期').click();
  await page.getByLabel('信息形成（事件）日期').fill('2026-11-20');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: btn('保存草稿') }).click();
  await page.waitForURL(/\/admin\/disclosures\/[0-9a-f]{24}\/edit$/);
  state.id = /disclosures\/([0-9a-f]{24})\/edit/.exec(page.url())![1];
  await page.getByTestId('due-at').waitFor();

  // Import the household list: the headers 证件 and 联系号 suggest nothing, so the editor marks them by hand.
  const file = await xlsxFile([['*户主姓名', '证件', '联系号', '征收面积（亩）', '补偿金额（元）'], ...HOUSEHOLDS.map((h) => [h.name, h.id, h.phone, h.area, h.amount])], '源口村分户补偿明细.xlsx');
  await page.getByRole('button', { name: /导入 xlsx/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type=file]').setInputFiles(file);
  await dialog.getByRole('button', { name: btn('检查文件') }).click();
  await waitForText(page, '检查通过：200 行、5 列', { name: 'admin-import', exact: false });
  await dialog.getByRole('button', { name: btn('确认导入') }).click();
  await waitForText(page, '200 行', { name: 'admin-import' });
  const preview = page.getByTestId('masked-preview-0');
  expect(await preview.textContent()).toContain(masked(HOUSEHOLDS[0].id)); // detected even before marking
  // The name column was suggested (户主姓名); mark the ID and phone columns.
  await chooseIn(page, page.getByRole('combobox', { name: '个人信息：证件' }), '身份证号');
  await chooseIn(page, page.getByRole('combobox', { name: '个人信息：联系号' }), '手机号');
  for (const box of await page.locator('.ant-checkbox-group .ant-checkbox-input').all()) await box.check();
  await page.getByRole('button', { name: btn('保存草稿') }).click();
  await waitForText(page, '草稿已保存', { name: 'admin-editor' });
  await shot(page, 'admin-disclosure-editor');
  const editorToken = await tokenOf(editor);
  const stored = await api<{ workingCopy: { tables: Array<{ columns: Array<{ label: string; pii?: string }>; rows: unknown[] }> } }>('GET', `/admin/disclosures/${state.id}`, editorToken);
  expect(stored.body.workingCopy.tables[0].rows).toHaveLength(200);
  expect(stored.body.workingCopy.tables[0].columns.map((c) => c.pii)).toEqual(['name', 'id-number', 'phone', undefined, undefined]);

  // The public preview, rendered and masked by the server.
  await page.getByRole('button', { name: btn('公众预览') }).click();
  const pub = page.getByTestId('public-preview');
  await pub.getByText(masked(HOUSEHOLDS[0].id)).first().waitFor();
  const previewText = (await pub.textContent()) ?? '';
  expect(previewText).toContain(maskedPhone(HOUSEHOLDS[0].phone));
  expect(previewText).not.toContain(HOUSEHOLDS[0].id);
  expect(previewText).not.toContain(HOUSEHOLDS[0].phone);
  await shot(page, 'admin-disclosure-preview');

  // Submit for review.
  await page.goto(`${server.url()}/admin/disclosures/${state.id}/edit`);
  await page.getByRole('button', { name: btn('提交审核') }).click();
  await waitForText(page, '已提交审核', { name: 'admin-submit' });
  await page.waitForURL(new RegExp(`/admin/disclosures/${state.id}$`));
  await signOut(page);

  // The reviewer: the first version is all new; approve now.
  await signIn(page, server.url(), reviewer, '瓯海区审核员');
  await page.getByLabel('待我审核').click();
  await page.getByRole('link', { name: TITLE }).click();
  await waitForText(page, '首次发布（第1版），无可对比的已发布版本', { name: 'admin-review' });
  await shot(page, 'admin-disclosure-review');
  await page.getByRole('button', { name: btn('审核通过并发布') }).click();
  await waitForText(page, '已发布', { name: 'admin-review' });
  await page.getByRole('tab', { name: '版本记录' }).click();
  await waitForText(page, '版本链完整', { name: 'admin-versions' });
  await page.getByRole('tab', { name: '通知送达' }).click();
  await page.getByText(/尚无通知记录|站内通知/).first().waitFor(); // no follower of 源口村 here: no events
  await page.getByRole('tab', { name: '内容' }).click();
  await waitForText(page, '已发布第1版', { name: 'admin-content' });
  await page.goto(`${server.url()}/admin/disclosures?status=published`);
  await page.getByRole('link', { name: TITLE }).waitFor();
  await shot(page, 'admin-disclosures');
  await signOut(page);

  // The public API: masked.
  const detail = await api<{ tables: Array<{ rows: Array<Record<string, unknown>> }>; version: number }>('GET', `/disclosures/${state.id}`);
  expect(detail.status).toBe(200);
  const json = JSON.stringify(detail.body);
  expect(detail.body.tables[0].rows).toHaveLength(200);
  expect(json).toContain(masked(HOUSEHOLDS[7].id));
  for (const h of HOUSEHOLDS) {
    expect(json).not.toContain(h.id);
    expect(json).not.toContain(h.phone);
  }

  // The H5 mini-program's disclosure page (the shareable URL under /m/): masked.
  const h5 = await browser().newPage();
  const h5Errors = watchPageErrors(h5, BROWSER_OWN).errors;
  await h5.goto(`${server.url()}/m/#/pages/disclosure/index?id=${state.id}`);
  await waitForText(h5, TITLE, { name: 'h5-disclosure' });
  await waitForText(h5, masked(HOUSEHOLDS[0].id), { name: 'h5-disclosure' });
  const h5Text = await h5.evaluate(() => document.body.innerText);
  expect(h5Text).not.toContain(HOUSEHOLDS[0].id);
  expect(h5Text).not.toContain(HOUSEHOLDS[0].phone);
  await screenshot(h5, 'h5-disclosure-masked');
  expect(h5Errors).toEqual([]);
  await h5.close();

  // A resident asks about it; the editor answers in the inbox; the resident sees the answer.
  const resident = (await api<{ token: string }>('POST', '/auth/dev', undefined, { openid: 'yuankou-resident-1' })).body.token;
  const asked = await api<{ id: string; trackingNo: string }>('POST', '/feedback', resident, {
    type: 'question',
    regionCode: VILLAGE,
    disclosureId: state.id,
    content: '我家的补偿款什么时候到账？金额和公示的一致吗？',
    public: true,
  });
  expect(asked.status).toBe(201);
  await signIn(page, server.url(), editor, '泽雅镇编辑');
  await page.locator('.ant-layout-sider .ant-menu-item', { hasText: '留言与申请' }).click();
  await page.getByRole('link', { name: asked.body.trackingNo }).click();
  await waitForText(page, '办理过程', { name: 'admin-feedback' });
  await page.getByRole('button', { name: btn('受理') }).click();
  await page.getByRole('dialog').getByRole('button', { name: btn('受理') }).click();
  await page.getByRole('button', { name: btn('答复') }).click();
  await page.getByRole('dialog').getByLabel('答复内容').fill('您家的补偿款已于11月25日拨付至一卡通账户，金额与公示一致。如有疑问请致电镇征迁办。');
  await page.getByRole('dialog').getByRole('button', { name: btn('答复') }).click();
  await page.getByTestId('answer-text').waitFor();
  await shot(page, 'admin-feedback-detail');
  const mine = await api<{ status: string; answer?: { text: string } }>('GET', `/me/feedback/${asked.body.id}`, resident);
  expect(mine.body.status).toBe('answered');
  expect(mine.body.answer?.text).toContain('补偿款已于11月25日拨付');

  expect(errors).toEqual([]);
  await page.close();
});

test('(b) an out-of-scope editor can neither see nor open the disclosure (UI and API)', async () => {
  expect(state.id).toBeDefined();
  const id = state.id!;
  // The refused detail request is the point of this test: Chromium logs its 404 as a console error.
  const { page, errors } = await desktopPage([new RegExp(`/api/v1/admin/disclosures/${id}$`)]);
  await signIn(page, server.url(), outsider, '景山街道编辑');
  await page.goto(`${server.url()}/admin/disclosures`);
  await page.locator('.ant-table-placeholder').waitFor();
  expect(await page.getByText(TITLE).count()).toBe(0);
  await page.goto(`${server.url()}/admin/disclosures/${id}`);
  await waitForText(page, '没有找到这条公开信息，或它不在您的管辖范围内', { name: 'admin-out-of-scope' });

  const token = await tokenOf(outsider);
  expect([403, 404]).toContain((await api('GET', `/admin/disclosures/${id}`, token)).status);
  expect((await api('PATCH', `/admin/disclosures/${id}`, token, { title: '越权修改' })).status).toBeGreaterThanOrEqual(403);
  const list = await api<{ items: Array<{ id: string }> }>('GET', '/admin/disclosures', token);
  expect(list.body.items.map((d) => d.id)).not.toContain(id);
  expect(errors).toEqual([]);
  await page.close();
});

test('the county admin’s workbench cards and the assessment dashboard render with no console errors', async () => {
  const { page, errors } = await desktopPage();
  await signIn(page, server.url(), admin, '瓯海区政务公开办');
  await waitForText(page, '公开事项按期限', { name: 'admin-workbench' });
  await page.getByLabel('待办留言与申请').waitFor();
  await shot(page, 'admin-workbench-cards');
  await page.locator('.ant-layout-sider .ant-menu-item', { hasText: '考核统计' }).click();
  await waitForText(page, '下级单位排名', { name: 'admin-assessment' });
  await waitForText(page, '泽雅镇', { name: 'admin-assessment' });
  await page.locator('svg[aria-label="季度趋势"]').waitFor();
  await shot(page, 'admin-assessment');
  await page.getByRole('row', { name: /泽雅镇/ }).getByRole('button', { name: btn('明细') }).click();
  await page.getByTestId('drill-down').waitFor();
  await waitForText(page, '未公开的事项', { name: 'admin-drill-down', exact: false });
  expect(errors).toEqual([]);
  await page.close();
});
