/**
 * @jest-environment ./test/jsdom-server-env.js
 */
import { resolveObjectURL } from 'node:buffer';
import ExcelJS from 'exceljs';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buttonName } from '../../../test/antd';
import { renderApp } from '../../../test/render';
import { official, seedCatalogue, useRealServer, type TestOfficial } from '../../../test/real-server';

const server = useRealServer([() => import('.')]);
let admin: TestOfficial;

const HEADER = ['序号', '一级事项', '二级事项', '公开内容(要素)', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '公开层级', '五公开', '领域'];
const row = (n: number, name: string, mode = '主动公开') => [
  String(n),
  '征地补偿款发放',
  name,
  '分配对象\n分配标准\n分配金额',
  '《中华人民共和国村民委员会组织法》第二十四条',
  '信息形成或者变更之日起20个工作日内',
  '村（居）民委员会',
  '村公示栏(电子屏)',
  '全社会',
  mode,
  '村级',
  '执行\n结果',
  '征地补偿',
];

/** An .xlsx file of catalogue rows (first row the standard header). */
async function workbook(rows: string[][]): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('标准目录');
  for (const r of [HEADER, ...rows]) ws.addRow(r);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return new File([buf], '瓯海区本地目录.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

async function localItems(): Promise<Array<{ code: string; name: string }>> {
  const token = await server.tokenFor(admin);
  return (await server.call<{ items: Array<{ code: string; name: string }> }>(token, 'GET', '/admin/catalogue?local=true')).body.items;
}

async function openImport() {
  const user = userEvent.setup({ delay: null });
  await user.click(await screen.findByRole('button', { name: /导入 Excel/ }));
  const dialog = await screen.findByRole('dialog');
  return { user, dialog, input: dialog.querySelector('input[type=file]') as HTMLInputElement };
}

beforeAll(async () => {
  await seedCatalogue();
  admin = await official('admin', '330304', '瓯海区管理员');
});

describe('catalogue xlsx import and export (pages/catalogue) against the real server', () => {
  it('checks a file with bad rows first: shows row, column and reason, and saves nothing', async () => {
    await server.signIn(admin);
    renderApp('/catalogue');
    const { user, dialog, input } = await openImport();
    await user.upload(input, await workbook([row(1, '村级征地补偿款分配方案'), row(2, '', '随便公开'), row(3, '青苗补偿费发放', '公开')]));
    await user.click(within(dialog).getByRole('button', { name: /检查文件/ }));

    const report = await within(dialog).findByRole('table', { name: /以下问题须先在文件中改正/ });
    const lines = [...report.querySelectorAll('tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.map((l) => l[0])).toEqual(expect.arrayContaining(['3', '4']));
    expect(lines.some((l) => l[0] === '3' && l[1] === '二级事项')).toBe(true);
    expect(lines.some((l) => l[0] === '3' && l[1] === '公开方式')).toBe(true);
    expect(lines.some((l) => l[0] === '4' && l[1] === '公开方式')).toBe(true);
    expect(within(dialog).getByRole('alert').textContent).toContain('未导入任何内容');
    expect(within(dialog).queryByRole('button', { name: /确认导入/ })).toBeNull();
    expect(await localItems()).toEqual([]);
  });

  it('previews a clean file, and only 确认导入 saves it', async () => {
    await server.signIn(admin);
    renderApp('/catalogue');
    const { user, dialog, input } = await openImport();
    await user.upload(input, await workbook([row(1, '村级征地补偿款分配方案'), row(2, '青苗补偿费发放')]));
    await user.click(within(dialog).getByRole('button', { name: /检查文件/ }));

    expect(await within(dialog).findByText(/将新增 2 项、更新 0 项/)).toBeTruthy();
    expect(within(dialog).getByText('330304-LA-01')).toBeTruthy();
    expect(await localItems()).toEqual([]); // the check saved nothing

    await user.click(await within(dialog).findByRole('button', { name: buttonName('确认导入') })); // named once the check has finished (a loading button's name starts with its icon)
    expect(await screen.findByText('导入完成：新增 2 项，更新 0 项')).toBeTruthy();
    await waitFor(async () => expect((await localItems()).map((i) => i.name).sort()).toEqual(['村级征地补偿款分配方案', '青苗补偿费发放']));
    // The list reloads with the new local items in the open domain tab.
    expect(await screen.findByText('青苗补偿费发放')).toBeTruthy();
  });

  it('exports the open domain as an xlsx named after the region and domain', async () => {
    await server.signIn(admin);
    const saved: Array<{ name: string; href: string }> = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href });
    });
    try {
      renderApp('/catalogue');
      const user = userEvent.setup({ delay: null });
      await screen.findByText(/征地补偿（\d+）/);
      await user.click(screen.getByRole('button', { name: /导出 Excel/ }));
      await waitFor(() => expect(saved).toHaveLength(1));
    } finally {
      click.mockRestore();
    }
    expect(saved[0].name).toBe('标准目录-瓯海区-征地补偿.xlsx');
    const blob = resolveObjectURL(saved[0].href);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await blob!.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const names = wb.getWorksheet('标准目录')!.getColumn(3).values.slice(2);
    expect(names).toContain('征收土地预公告（拟征收土地告知）');
    expect(names).toContain('青苗补偿费发放');
  });
});
