/**
 * @jest-environment ./test/jsdom-server-env.js
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buttonName, fieldErrors } from '../../../test/antd';
import { renderApp } from '../../../test/render';
import { official, seedCatalogue, useRealServer, type TestOfficial } from '../../../test/real-server';

const server = useRealServer([() => import('.')]);
let admin: TestOfficial;
let editor: TestOfficial;

beforeAll(async () => {
  await seedCatalogue();
  admin = await official('admin', '330304', '瓯海区管理员');
  editor = await official('editor', '330304001', '景山街道编辑');
});

/** The open tab's table rows. */
const rows = () => [...document.querySelectorAll<HTMLElement>('.ant-tabs-tabpane-active .ant-table-tbody > tr.ant-table-row')];

describe('catalogue page (pages/catalogue) against the real server', () => {
  it('browses a domain with every element of an item, read-only for an editor', async () => {
    await server.signIn(editor);
    renderApp('/catalogue');
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByText('征收土地预公告（拟征收土地告知）')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /新增本地事项/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /导入 Excel/ })).toBeNull();
    expect(screen.queryByRole('button', { name: buttonName('编辑') })).toBeNull();

    await user.click(screen.getByText('征收土地预公告（拟征收土地告知）'));
    const table = await waitFor(() => {
      const t = document.querySelector<HTMLElement>('.ant-table-expanded-row .ant-descriptions');
      expect(t).toBeTruthy();
      return t as HTMLElement;
    });
    expect(within(table).getByText('公开内容(要素)')).toBeTruthy();
    for (const label of ['公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '公开层级', '五公开', '所属地区']) {
      expect(within(table).getByText(label)).toBeTruthy();
    }
    expect(within(table).getByText(/^系统计算规则：/)).toBeTruthy();
    expect(within(table).getByText('浙江省（省级标准目录）')).toBeTruthy();

    // The level filter asks the server again: 村级 leaves only items published by villages.
    await user.click(within(document.querySelector('.ant-segmented') as HTMLElement).getByText('村级'));
    expect(rows()).toHaveLength(8);
    await waitFor(() => expect(rows()).toHaveLength(6));
    expect(rows().every((r) => within(r).queryByText('村级'))).toBe(true);
    expect(screen.queryByText('征地报批材料及批准文件')).toBeNull(); // a county-only item
  });

  it('adds a local item checked with the shared schema, then edits it into version 2 with history', async () => {
    await server.signIn(admin);
    renderApp('/catalogue');
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: /新增本地事项/ }));
    const drawer = (await screen.findAllByRole('dialog')).find((d) => within(d).queryByText('新增本地目录事项')) as HTMLElement;

    await user.type(within(drawer).getByLabelText('一级事项'), '征地补偿款发放');
    await user.type(within(drawer).getByLabelText('二级事项'), '村级征地补偿款分配方案');
    await user.type(within(drawer).getByLabelText('公开主体'), '村（居）民委员会');
    await user.click(within(drawer).getByLabelText('村级'));
    await user.click(within(drawer).getByLabelText('执行'));
    await user.click(within(drawer).getByRole('button', { name: buttonName('保存') }));

    // Nothing sent yet: the shared schema names the empty element, basis and the audience rule.
    await waitFor(() => expect(fieldErrors(drawer, '公开内容(要素)1')).toEqual(['请填写公开内容要素']));
    expect(fieldErrors(drawer, '公开依据1')).toEqual(['请填写公开依据']);

    await user.type(within(drawer).getByLabelText('公开内容(要素)1'), '分配对象');
    await user.click(within(drawer).getByRole('button', { name: /添加要素/ }));
    await user.type(within(drawer).getByLabelText('公开内容(要素)2'), '分配金额');
    await user.type(within(drawer).getByLabelText('公开依据1'), '《中华人民共和国村民委员会组织法》第二十四条');
    await user.click(within(drawer).getByLabelText('特定群体'));
    await user.click(within(drawer).getByRole('button', { name: buttonName('保存') }));
    await waitFor(() => expect(fieldErrors(drawer, '特定群体说明')).toEqual(['公开对象为特定群体时请注明具体群体']));
    await user.type(within(drawer).getByLabelText('特定群体说明'), '本村集体经济组织成员');
    await user.click(within(drawer).getByRole('button', { name: buttonName('保存') }));

    expect(await screen.findByText('已新增事项 330304-LA-01')).toBeTruthy();
    const row = await waitFor(() => {
      const r = rows().find((x) => within(x).queryByText('330304-LA-01'));
      expect(r).toBeTruthy();
      return r as HTMLElement;
    });
    expect(within(row).getByText('本地')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: buttonName('编辑') }));
    const edit = (await screen.findAllByRole('dialog')).find((d) => within(d).queryByText(/编辑 330304-LA-01/)) as HTMLElement;
    const name = within(edit).getByLabelText('二级事项');
    await waitFor(() => expect((name as HTMLInputElement).value).toBe('村级征地补偿款分配方案'));
    await user.clear(name);
    await user.type(name, '村级征地补偿款分配方案及结果');
    await user.click(within(edit).getByRole('button', { name: buttonName('保存') }));
    expect(await screen.findByText('已保存为第2版')).toBeTruthy();

    const token = await server.tokenFor(admin);
    const saved = await server.call<{ version: number; name: string; audienceNote: string; contentElements: string[] }>(token, 'GET', '/catalogue/330304-LA-01');
    expect(saved.body).toMatchObject({ version: 2, name: '村级征地补偿款分配方案及结果', audienceNote: '本村集体经济组织成员', contentElements: ['分配对象', '分配金额'] });

    const updated = await waitFor(() => {
      const r = rows().find((x) => within(x).queryByText('村级征地补偿款分配方案及结果'));
      expect(r).toBeTruthy();
      return r as HTMLElement;
    });
    await user.click(within(updated).getByRole('button', { name: /版本记录/ }));
    const history = (await screen.findAllByRole('dialog')).find((d) => within(d).queryByText(/版本记录 · 330304-LA-01/)) as HTMLElement;
    await waitFor(() =>
      expect([...history.querySelectorAll('.ant-collapse-header')].map((h) => h.textContent)).toEqual([
        expect.stringMatching(/^第2版修改/),
        expect.stringMatching(/^第1版新增/),
      ]),
    );
    expect(within(history).getAllByText(`操作人：${admin.username}`)).toHaveLength(2);
  });
});
