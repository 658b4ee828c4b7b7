/**
 * @jest-environment ./test/jsdom-server-env.js
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AdminDisclosureDetail } from '@gongkai/shared';
import { buttonName, chooseOption, findMessage, pickRegion } from '../../../../test/antd';
import { renderApp } from '../../../../test/render';
import { official, seedCatalogue, useRealServer, type TestOfficial } from '../../../../test/real-server';
import { YUANKOU, ZEYA, draft, households } from '../test-fixtures';

const server = useRealServer([() => import('.'), () => import('./components/RichTextEditor'), () => import('../detail')]);
let editor: TestOfficial;

beforeAll(async () => {
  await seedCatalogue();
  editor = await official('editor', ZEYA, '泽雅镇编辑');
});

/** An xlsx household sheet built with exceljs (as officials' spreadsheets are), as a File for the upload. */
async function xlsx(rows: Array<Array<string | number>>, name = '分户明细.xlsx'): Promise<File> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('明细');
  rows.forEach((r) => ws.addRow(r));
  const buf = await wb.xlsx.writeBuffer();
  return new File([buf as ArrayBuffer], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

describe('disclosure editor (pages/disclosures/editor) against the real server', () => {
  it('drafts from a catalogue item: checklist, basis and time limit beside the form, then the server’s due date after saving', async () => {
    const token = await server.tokenFor(editor);
    await server.signIn(editor);
    renderApp('/disclosures/new');
    const user = userEvent.setup({ delay: null });

    await pickRegion(user, await screen.findByLabelText('公开地区（县、乡镇或村）'), '源口', '泽雅镇 / 源口村');
    await chooseOption(user, screen.getByLabelText('领域'), '征地补偿');
    await chooseOption(user, screen.getByLabelText('目录事项（适用于该地区层级）'), 'LA-08 征地补偿 · 征地补偿费用支付和分配情况'.replace('征地补偿 · ', (await firstCategory()) + ' · '));

    // The item's content elements as a checklist, its basis and time limit with the machine rule.
    expect(await screen.findByText('公开内容要素（逐项核对）')).toBeTruthy();
    expect(screen.getByText('已核对 0/' + (await elementCount()) + ' 项')).toBeTruthy();
    expect(screen.getByText(/系统计算规则/)).toBeTruthy();
    expect(screen.getByText('保存后显示系统按工作日计算的截止日期')).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: '标题' }), '源口村征地补偿费用支付情况公示');
    const body = await screen.findByRole('textbox', { name: /正文：说明事项/ });
    // (jsdom has no layout: ProseMirror warns that it cannot place the click; typing still lands in the document.)
    await user.click(body);
    await user.type(body, '现将源口村征地补偿费用支付情况公示如下。');
    const date = screen.getByLabelText('信息形成（事件）日期');
    await user.click(date);
    await user.type(date, '2026-11-02{Enter}');
    await user.click(screen.getByRole('button', { name: buttonName('保存草稿') }));

    // Saved: the URL moves to the draft, and the due date is the server's (20 working days after 11-02).
    const due = await screen.findByTestId('due-at');
    expect(due.textContent).toContain('应于 2026年11月30日 23:59 前公开');
    const list = await server.call<{ items: Array<{ id: string }> }>(token, 'GET', '/admin/disclosures?status=draft');
    expect(list.body.items).toHaveLength(1);
    const d = await server.call<AdminDisclosureDetail>(token, 'GET', `/admin/disclosures/${list.body.items[0].id}`);
    expect(d.body).toMatchObject({ regionCode: YUANKOU, status: 'draft', workingCopy: { title: '源口村征地补偿费用支付情况公示', bodyFormat: 'html', eventDate: expect.stringMatching(/^2026-11-02/) } });
    expect(d.body.workingCopy?.body).toContain('现将源口村征地补偿费用支付情况公示如下。');
  });

  it('imports an xlsx: lists every bad cell by row and column and stores nothing, then previews, confirms and shows the table', async () => {
    const token = await server.tokenFor(editor);
    const { id } = await draft(server, token);
    await server.signIn(editor);
    renderApp(`/disclosures/${id}/edit`);
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole('button', { name: /导入 xlsx/ }));
    let dialog = await screen.findByRole('dialog');
    const head = ['*户主姓名', '身份证号', '联系电话', '补偿金额（元）'];
    const bad = await xlsx([head, ['张伟', '330304198501011234', '13800000001', 5000], ['', '330304198501021234', '13800000002', 6000]]);
    await user.upload(dialog.querySelector('input[type=file]') as HTMLInputElement, bad);
    await user.click(within(dialog).getByRole('button', { name: buttonName('检查文件') }));
    // The missing required name in Excel row 3 is listed with its column; nothing was stored.
    await within(dialog).findByText('以下问题须在文件中改正后重新导入，本次未导入任何内容：');
    const issueRow = within(dialog).getAllByRole('row').find((r) => r.textContent?.startsWith('3'));
    expect(issueRow?.textContent).toContain('户主姓名');
    let stored = await server.call<AdminDisclosureDetail>(token, 'GET', `/admin/disclosures/${id}`);
    expect(stored.body.workingCopy?.tables).toHaveLength(0);

    const t = households(200);
    const good = await xlsx([head, ...t.rows.map((r) => [r.name, r.id, r.phone, r.amount])]);
    await user.click(within(dialog).getByRole('button', { name: /取\s*消/ }));
    await user.click(screen.getByRole('button', { name: /导入 xlsx/ }));
    dialog = await screen.findByRole('dialog');
    await user.upload(dialog.querySelector('input[type=file]') as HTMLInputElement, good);
    await user.click(within(dialog).getByRole('button', { name: buttonName('检查文件') }));
    expect(await within(dialog).findByText(/检查通过：200 行、4 列/)).toBeTruthy();
    // The server suggests personal-data marks from the headers.
    expect(within(dialog).getByText('身份证号：身份证号')).toBeTruthy();
    expect(within(dialog).getByText('联系电话：手机号')).toBeTruthy();
    await user.click(await within(dialog).findByRole('button', { name: buttonName('确认导入') })); // named once the check has finished (a loading button's name starts with its icon)

    expect(await screen.findByText('200 行')).toBeTruthy();
    stored = await server.call<AdminDisclosureDetail>(token, 'GET', `/admin/disclosures/${id}`);
    expect(stored.body.workingCopy?.tables[0].rows).toHaveLength(200);
    // The masked preview under the table already shows the marks the server suggested.
    const preview = screen.getByTestId('masked-preview-0').textContent ?? '';
    expect(preview).toContain('330304********001X'.replace('001X', t.rows[0].id.slice(-4)));
    expect(preview).not.toContain(t.rows[0].phone);
  });

  it('refuses to submit an empty title and shows the server’s problems next to fields', async () => {
    const token = await server.tokenFor(editor);
    const { id } = await draft(server, token, { title: '待补充标题的草稿' });
    await server.signIn(editor);
    renderApp(`/disclosures/${id}/edit`);
    const user = userEvent.setup({ delay: null });
    const title = await screen.findByRole('textbox', { name: '标题' });
    await waitFor(() => expect((title as HTMLInputElement).value).toBe('待补充标题的草稿'));
    await user.clear(title);
    await user.click(screen.getByRole('button', { name: buttonName('提交审核') }));
    expect(await screen.findByText('请填写标题')).toBeTruthy();
    const stored = await server.call<AdminDisclosureDetail>(token, 'GET', `/admin/disclosures/${id}`);
    expect(stored.body.status).toBe('draft');
  });
});

describe('related 解读', () => {
  it('links a draft to a published disclosure picked by its title', async () => {
    const token = await server.tokenFor(editor);
    const reviewer = await official('reviewer', '330304', '瓯海区审核员');
    const r = await server.tokenFor(reviewer);
    const policy = await draft(server, token, { title: '源口村征地补偿安置方案' });
    await server.call(token, 'POST', `/admin/disclosures/${policy.id}/submit`, {});
    expect((await server.call(r, 'POST', `/admin/disclosures/${policy.id}/approve`, {})).status).toBe(200);
    const { id } = await draft(server, token, { title: '源口村征地补偿安置方案解读' });

    await server.signIn(editor);
    renderApp(`/disclosures/${id}/edit`);
    const user = userEvent.setup({ delay: null });
    const picker = await screen.findByRole('combobox', { name: '关联解读（已发布的信息）' });
    await user.click(picker);
    await user.type(picker, '安置方案');
    // Offered with the publishing region's official name (源口村委会).
    await user.click(await screen.findByText(/^源口村征地补偿安置方案（源口村/, { selector: '.ant-select-item-option-content' }));
    await user.click(screen.getByRole('button', { name: buttonName('保存草稿') }));
    expect(await findMessage('草稿已保存')).toBeTruthy();
    await waitFor(async () => {
      const d = await server.call<AdminDisclosureDetail>(token, 'GET', `/admin/disclosures/${id}`);
      expect(d.body.workingCopy?.relatedIds).toEqual([policy.id]);
    });
  });
});

describe('attachments of a draft', () => {
  it('uploads a PDF (checked by content on the server), lists it and deletes it', async () => {
    const token = await server.tokenFor(editor);
    const { id } = await draft(server, token, { title: '带附件的补偿公示' });
    await server.signIn(editor);
    renderApp(`/disclosures/${id}/edit`);
    const user = userEvent.setup({ delay: null });
    await screen.findByRole('button', { name: /上传附件/ });
    const pdf = new File(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'], '补偿方案批复.pdf', { type: 'application/pdf' });
    await user.upload(document.querySelector('input[type=file][accept^=".pdf"]') as HTMLInputElement, pdf);
    expect(await screen.findByRole('button', { name: /补偿方案批复\.pdf/ })).toBeTruthy();
    let stored = await server.call<AdminDisclosureDetail>(token, 'GET', `/admin/disclosures/${id}`);
    expect(stored.body.workingCopy?.attachments.map((a) => [a.name, a.mime])).toEqual([['补偿方案批复.pdf', 'application/pdf']]);

    await user.click(screen.getByRole('button', { name: buttonName('删除') }));
    await user.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /补偿方案批复\.pdf/ })).toBeNull());
    stored = await server.call<AdminDisclosureDetail>(token, 'GET', `/admin/disclosures/${id}`);
    expect(stored.body.workingCopy?.attachments).toEqual([]);
  });
});

/** The 一级事项 of LA-08 and its number of content elements, from the public catalogue (not hard-coded). */
async function item() {
  const res = await fetch(`${server.origin()}/api/v1/catalogue/LA-08`);
  return (await res.json()) as { category: string; contentElements: string[] };
}
async function firstCategory() {
  return (await item()).category;
}
async function elementCount() {
  return (await item()).contentElements.length;
}
