import { useMemo, useState } from 'react';
import { Alert, Button, Card, Input, Pagination, Popconfirm, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { maskTable, type DisclosureTable } from '@gongkai/shared';
import { zh } from '../../../../locale/zh';
import { ColumnHeader } from './ColumnHeader';
import { cellText, newColumnKey, parseClipboard, pasteIntoTable, unmarkedPersonalColumns, type Cell } from './table-utils';
import { ROW_KEY, keyed } from '../../components/rows';

const t = zh.disclosures.table;
const PAGE = 10;
type Row = DisclosureTable['rows'][number];

/** Props of TableCard. */
export interface TableCardProps {
  table: DisclosureTable;
  index: number;
  onChange: (t: DisclosureTable) => void;
  onRemove: () => void;
}

/**
 * One table of a disclosure: title, columns (label + 个人信息 kind), rows edited in place (10 a page), paste
 * from Excel into any cell (a block spreads right and down, adding rows), and below it the first rows as
 * residents will see them, masked with the shared masking code.
 */
export function TableCard({ table, index, onChange, onRemove }: TableCardProps) {
  const [page, setPage] = useState(1);
  const personal = useMemo(() => new Set(unmarkedPersonalColumns(table)), [table]);
  const masked = useMemo(() => maskTable({ ...table, rows: table.rows.slice(0, 5) }), [table]);

  const setCell = (r: number, key: string, v: Cell) => {
    const rows = table.rows.slice();
    rows[r] = { ...rows[r], [key]: v };
    onChange({ ...table, rows });
  };
  const onPaste = (r: number, c: number) => (e: React.ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\n$/, ''))) return; // one value: let the input take it
    e.preventDefault();
    onChange(pasteIntoTable(table, r, c, parseClipboard(text)));
  };
  const addRow = () => {
    onChange({ ...table, rows: [...table.rows, Object.fromEntries(table.columns.map((c) => [c.key, '']))] });
    setPage(Math.ceil((table.rows.length + 1) / PAGE));
  };
  const addColumn = () => {
    const key = newColumnKey(table.columns);
    onChange({ ...table, columns: [...table.columns, { key, label: `列${table.columns.length + 1}` }] });
  };
  const removeColumn = (key: string) =>
    onChange({
      ...table,
      columns: table.columns.filter((c) => c.key !== key),
      rows: table.rows.map(({ [key]: _gone, ...rest }) => rest),
    });

  const offset = (page - 1) * PAGE;
  const columns: ColumnsType<Row> = [
    { title: '#', key: '#', width: 48, render: (_, __, i) => offset + i + 1 },
    ...table.columns.map((col, ci) => ({
      key: col.key,
      title: (
        <ColumnHeader
          column={col}
          index={ci}
          looksPersonal={personal.has(col.key)}
          onChange={(c) => onChange({ ...table, columns: table.columns.map((x, i) => (i === ci ? c : x)) })}
          onRemove={() => removeColumn(col.key)}
        />
      ),
      render: (_: unknown, row: Row, i: number) => (
        <Input
          size="small"
          value={cellText(row[col.key])}
          aria-label={`${col.label} 第${offset + i + 1}行`}
          onChange={(e) => setCell(offset + i, col.key, e.target.value)}
          onPaste={onPaste(offset + i, ci)}
        />
      ),
    })),
    {
      key: 'ops',
      width: 48,
      render: (_, __, i) => (
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={`${t.removeRow}${offset + i + 1}`}
          onClick={() => onChange({ ...table, rows: table.rows.filter((_r, k) => k !== offset + i) })}
        />
      ),
    },
  ];

  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Input
          value={table.title}
          aria-label={`${t.title}${index + 1}`}
          placeholder={t.title}
          onChange={(e) => onChange({ ...table, title: e.target.value })}
          style={{ maxWidth: 420 }}
        />
      }
      extra={
        <Space>
          <Typography.Text type="secondary">{t.rows(table.rows.length)}</Typography.Text>
          <Popconfirm title={t.removeConfirm} onConfirm={onRemove}>
            <Button size="small" danger>
              {t.remove}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {/* No antd `scroll.x` here: its hidden measure row would render every header control (inputs, selects) twice. */}
      <div style={{ overflowX: 'auto' }}>
        <Table<Row> size="small" rowKey={ROW_KEY} columns={columns} dataSource={keyed(table.rows.slice(offset, offset + PAGE), offset)} pagination={false} />
      </div>
      <Space style={{ marginTop: 8 }} wrap>
        <Button size="small" icon={<PlusOutlined />} onClick={addRow}>
          {t.addRow}
        </Button>
        <Button size="small" icon={<PlusOutlined />} onClick={addColumn}>
          {t.addColumn}
        </Button>
        {table.rows.length > PAGE ? (
          <Pagination size="small" current={page} pageSize={PAGE} total={table.rows.length} showSizeChanger={false} onChange={setPage} />
        ) : null}
      </Space>
      <div style={{ marginTop: 12 }} data-testid={`masked-preview-${index}`}>
        <Typography.Text type="secondary">{t.maskedPreview}</Typography.Text>
        {masked.personal ? <Alert type="info" showIcon banner message={t.personal} style={{ margin: '4px 0' }} /> : null}
        <Table
          size="small"
          rowKey={ROW_KEY}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={masked.columns.map((c) => ({ key: c.key, title: c.label, dataIndex: c.key, render: (v: Cell) => cellText(v) }))}
          dataSource={keyed(masked.rows)}
        />
      </div>
    </Card>
  );
}
