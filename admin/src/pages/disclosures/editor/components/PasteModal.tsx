import { useState } from 'react';
import { Checkbox, Input, Modal, Typography } from 'antd';
import type { DisclosureTable } from '@gongkai/shared';
import { zh } from '../../../../locale/zh';
import { parseClipboard, tableFromGrid } from './table-utils';

const t = zh.disclosures.table;

/** Props of PasteModal. */
export interface PasteModalProps {
  open: boolean;
  /** Title of the new table (表格N). */
  defaultTitle: string;
  onClose: () => void;
  onTable: (t: DisclosureTable) => void;
}

/** 从 Excel 粘贴: a block copied from Excel/WPS becomes a new table (first row as column labels, `pii` suggested by label). */
export function PasteModal({ open, defaultTitle, onClose, onTable }: PasteModalProps) {
  const [text, setText] = useState('');
  const [header, setHeader] = useState(true);
  const [error, setError] = useState<string>();
  const apply = () => {
    const grid = parseClipboard(text);
    const table = tableFromGrid(grid, defaultTitle, header);
    if (table.columns.length === 0 || table.rows.length === 0) {
      setError(t.pasteEmpty);
      return;
    }
    onTable(table);
    setText('');
    setError(undefined);
    onClose();
  };
  return (
    <Modal open={open} title={t.paste} okText={t.pasteApply} cancelText={zh.common.cancel} onOk={apply} onCancel={onClose} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t.pasteHint}</Typography.Paragraph>
      <Input.TextArea aria-label={t.paste} rows={10} value={text} onChange={(e) => setText(e.target.value)} status={error ? 'error' : undefined} />
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      <div style={{ marginTop: 8 }}>
        <Checkbox checked={header} onChange={(e) => setHeader(e.target.checked)}>
          {t.pasteHeader}
        </Checkbox>
      </div>
    </Modal>
  );
}
