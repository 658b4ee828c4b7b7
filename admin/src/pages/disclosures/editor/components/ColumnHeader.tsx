import { Button, Input, Popconfirm, Select, Space, Tag, Tooltip } from 'antd';
import { DeleteOutlined, WarningOutlined } from '@ant-design/icons';
import { PII_KINDS, PII_KIND_LABELS, piiKindFromLabel, type DisclosureTable, type PiiKind } from '@gongkai/shared';
import { zh } from '../../../../locale/zh';

const t = zh.disclosures.table;
type Column = DisclosureTable['columns'][number];

/** Props of ColumnHeader. */
export interface ColumnHeaderProps {
  column: Column;
  index: number;
  /** Some cell of this unmarked column looks like an ID, mobile or bank number. */
  looksPersonal: boolean;
  onChange: (c: Column) => void;
  onRemove: () => void;
}

/**
 * One column's header in the table editor: its label, its `pii` kind (个人信息) and a suggestion to mark it
 * when the label (身份证号, 联系电话…) or the content says it holds personal data.
 */
export function ColumnHeader({ column, index, looksPersonal, onChange, onRemove }: ColumnHeaderProps) {
  const suggestion = column.pii ? undefined : piiKindFromLabel(column.label);
  const setPii = (pii?: PiiKind) => {
    const { pii: _old, ...rest } = column;
    onChange(pii ? { ...rest, pii } : rest);
  };
  return (
    <Space direction="vertical" size={4} style={{ minWidth: 140 }}>
      <Space size={2}>
        <Input
          size="small"
          value={column.label}
          aria-label={`${t.column}${index + 1}`}
          onChange={(e) => onChange({ ...column, label: e.target.value })}
        />
        <Popconfirm title={`${t.removeColumn}“${column.label}”？`} onConfirm={onRemove}>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${t.removeColumn}${index + 1}`} />
        </Popconfirm>
      </Space>
      <Select<PiiKind | ''>
        size="small"
        value={column.pii ?? ''}
        aria-label={`${t.pii}：${column.label}`}
        style={{ width: '100%' }}
        onChange={(v) => setPii(v || undefined)}
        options={[{ value: '', label: t.piiNone }, ...PII_KINDS.map((k) => ({ value: k, label: PII_KIND_LABELS[k] }))]}
      />
      {suggestion ? (
        <Tag color="orange" style={{ cursor: 'pointer', marginInlineEnd: 0 }} onClick={() => setPii(suggestion)}>
          {t.suggest(PII_KIND_LABELS[suggestion])} · {t.suggestApply}
        </Tag>
      ) : looksPersonal ? (
        <Tooltip title={t.unmarkedPii(column.label)}>
          <Tag color="orange" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }}>
            {t.pii}?
          </Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}
