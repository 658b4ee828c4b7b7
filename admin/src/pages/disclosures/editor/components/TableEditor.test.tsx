import { useState } from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import type { DisclosureTable } from '@gongkai/shared';
import { chooseOption } from '../../../../../test/antd';
import { renderWithAntd } from '../../../../../test/render';
import { TableEditor } from './TableEditor';
import { parseClipboard, pasteIntoTable, tableFromGrid, unmarkedPersonalColumns } from './table-utils';

/** The editor as a form would hold it, with the latest value readable by the test. */
function Harness({ initial, onValue }: { initial: DisclosureTable[]; onValue: (t: DisclosureTable[]) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <App>
      <TableEditor
        value={value}
        canImport={false}
        onChange={(t) => {
          setValue(t);
          onValue(t);
        }}
      />
    </App>
  );
}

const HOUSEHOLDS: DisclosureTable = {
  title: '分户补偿明细',
  columns: [
    { key: 'name', label: '户主姓名' },
    { key: 'id', label: '身份证号' },
    { key: 'phone', label: '联系方式' },
    { key: 'amount', label: '补偿金额（元）' },
  ],
  rows: [
    { name: '张三丰', id: '330304199001011234', phone: '13812345678', amount: 125000 },
    { name: '欧阳修', id: '33030419850203432X', phone: '13998765432', amount: 98000.5 },
  ],
};

function setup(initial: DisclosureTable[] = [HOUSEHOLDS]) {
  let latest = initial;
  renderWithAntd(<Harness initial={initial} onValue={(t) => (latest = t)} />);
  return { user: userEvent.setup({ delay: null }), latest: () => latest };
}

/** Text of the masked preview under table `i`. */
const preview = (i = 0) => screen.getByTestId(`masked-preview-${i}`).textContent ?? '';

describe('table-utils', () => {
  it('parses Excel clipboard text with tabs, CRLF and quoted cells', () => {
    expect(parseClipboard('姓名\t电话\r\n张三\t"138 1234\n5678"\r\n"李""四"\t\r\n')).toEqual([
      ['姓名', '电话'],
      ['张三', '138 1234\n5678'],
      ['李"四', ''],
    ]);
  });

  it('builds a table from a pasted grid with pii suggested by label, skipping empty rows', () => {
    const t = tableFromGrid([['户主', '身份证号码', '银行卡号', '面积'], ['王五', '330304199001011234', '6222021234567890123', '120'], ['', '', '', '']], '名单', true);
    expect(t.columns.map((c) => c.pii)).toEqual(['name', 'id-number', 'bank-account', undefined]);
    expect(t.rows).toEqual([{ c1: '王五', c2: '330304199001011234', c3: '6222021234567890123', c4: '120' }]);
  });

  it('pastes a block into a table from a cell, adding rows and dropping cells past the last column', () => {
    const t = pasteIntoTable(HOUSEHOLDS, 1, 2, [['13900000000', '1', 'x'], ['13900000001', '2']]);
    expect(t.rows[1]).toMatchObject({ phone: '13900000000', amount: '1' });
    expect(t.rows[2]).toEqual({ name: '', id: '', phone: '13900000001', amount: '2' });
    expect(t.rows).toHaveLength(3);
  });

  it('flags unmarked columns whose content looks like ID or mobile numbers', () => {
    expect(unmarkedPersonalColumns(HOUSEHOLDS)).toEqual(['id', 'phone']);
    const marked = { ...HOUSEHOLDS, columns: HOUSEHOLDS.columns.map((c) => (c.key === 'id' ? { ...c, pii: 'id-number' as const } : c)) };
    expect(unmarkedPersonalColumns(marked)).toEqual(['phone']);
  });
});

describe('TableEditor', () => {
  it('previews what residents see, masked by detection, and by kind once a column is marked', async () => {
    const { user, latest } = setup();
    // Detected numbers are masked even before marking; names are not detectable in free text.
    expect(preview()).toContain('330304********1234');
    expect(preview()).toContain('138****5678');
    expect(preview()).toContain('张三丰');
    expect(preview()).toContain('含个人信息');

    await chooseOption(user, screen.getByRole('combobox', { name: '个人信息：户主姓名' }), '姓名');
    await waitFor(() => expect(preview()).toContain('张**'));
    expect(preview()).toContain('欧阳*');
    expect(preview()).not.toContain('张三丰');
    expect(latest()[0].columns[0]).toEqual({ key: 'name', label: '户主姓名', pii: 'name' });
  });

  it('marks a column from the suggestion its label makes, and unmarks it', async () => {
    const { user, latest } = setup();
    await user.click(screen.getByText(/建议标为身份证号/));
    await waitFor(() => expect(latest()[0].columns[1].pii).toBe('id-number'));
    expect(screen.queryByText(/建议标为身份证号/)).toBeNull();

    await chooseOption(user, screen.getByRole('combobox', { name: '个人信息：身份证号' }), '不是个人信息');
    await waitFor(() => expect(latest()[0].columns[1].pii).toBeUndefined());
  });

  it('spreads a block pasted from Excel into a cell over the cells right and below', async () => {
    const { latest } = setup();
    const cell = screen.getByLabelText('联系方式 第2行');
    fireEvent.paste(cell, { clipboardData: { getData: () => '13700000000\t5000\n13700000001\t6000\n' } });
    await waitFor(() => expect(latest()[0].rows).toHaveLength(3));
    expect(latest()[0].rows[1]).toMatchObject({ name: '欧阳修', phone: '13700000000', amount: '5000' });
    expect(latest()[0].rows[2]).toMatchObject({ phone: '13700000001', amount: '6000' });
    expect(screen.getByText('3 行')).toBeTruthy();
  });

  it('adds and removes rows and columns, and edits labels and cells', async () => {
    const { user, latest } = setup();
    await user.click(screen.getByRole('button', { name: /添加列/ }));
    await waitFor(() => expect(latest()[0].columns.map((c) => c.key)).toEqual(['name', 'id', 'phone', 'amount', 'c5']));
    const label = screen.getByLabelText('列名5');
    await user.clear(label);
    await user.type(label, '面积');
    await user.click(screen.getByRole('button', { name: /添加行/ }));
    await user.type(screen.getByLabelText('面积 第3行'), '88');
    expect(latest()[0].columns[4].label).toBe('面积');
    expect(latest()[0].rows[2].c5).toBe('88');

    await user.click(screen.getByRole('button', { name: '删除行1' }));
    await waitFor(() => expect(latest()[0].rows).toHaveLength(2));
    expect(latest()[0].rows[0].name).toBe('欧阳修');

    await user.click(screen.getByRole('button', { name: '删除列2' }));
    await user.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(latest()[0].columns.map((c) => c.key)).toEqual(['name', 'phone', 'amount', 'c5']));
    expect(Object.keys(latest()[0].rows[0])).not.toContain('id');
  });

  it('turns a block pasted into 从 Excel 粘贴 into a new table with suggested marks', async () => {
    const { user, latest } = setup([]);
    await user.click(screen.getByRole('button', { name: /从 Excel 粘贴/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('从 Excel 粘贴'), { target: { value: '姓名\t手机号\t金额\n李四\t13612345678\t100\n' } });
    await user.click(within(dialog).getByRole('button', { name: /导入粘贴内容/ }));
    await waitFor(() => expect(latest()).toHaveLength(1));
    expect(latest()[0]).toEqual({
      title: '表格1',
      columns: [
        { key: 'c1', label: '姓名', pii: 'name' },
        { key: 'c2', label: '手机号', pii: 'phone' },
        { key: 'c3', label: '金额' },
      ],
      rows: [{ c1: '李四', c2: '13612345678', c3: '100' }],
    });
    await waitFor(() => expect(preview()).toContain('136****5678'));
    expect(preview()).toContain('李*');
  });
});
