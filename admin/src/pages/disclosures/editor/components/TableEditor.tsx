import { useState } from 'react';
import { App, Button, Space, Tooltip } from 'antd';
import { FileExcelOutlined, PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import type { DisclosureTable, TableImportResult } from '@gongkai/shared';
import { zh } from '../../../../locale/zh';
import { showApiError } from '../../../../services/show-error';
import { getDisclosure } from '../../service';
import { PasteModal } from './PasteModal';
import { TableCard } from './TableCard';
import { TableImportModal } from './TableImportModal';

const t = zh.disclosures.table;

/** Props of TableEditor (an antd Form.Item control). */
export interface TableEditorProps {
  value?: DisclosureTable[];
  onChange?: (tables: DisclosureTable[]) => void;
  /** The saved draft's id: xlsx import needs it (the server reads the file into the working copy). */
  disclosureId?: string;
  /** False hides xlsx import (its API is not available). */
  canImport?: boolean;
}

/**
 * The tables of a disclosure (分户补偿明细 and the like): add/remove tables, columns and rows, mark personal
 * columns, paste from Excel, or import an xlsx through the server's checked import.
 */
export function TableEditor({ value = [], onChange, disclosureId, canImport = true }: TableEditorProps) {
  const { message } = App.useApp();
  const [pasting, setPasting] = useState(false);
  const [importing, setImporting] = useState(false);
  const set = (tables: DisclosureTable[]) => onChange?.(tables);
  const nextTitle = t.untitled(value.length + 1);

  const imported = async (r: TableImportResult) => {
    try {
      // The server appended the table to the stored working copy; take it as stored (keys, pii marks, rows).
      const d = await getDisclosure(disclosureId!);
      const table = d.workingCopy?.tables[r.tableIndex ?? -1];
      if (table) set([...value, table]);
      message.success(zh.disclosures.importer.done(r.rowCount));
    } catch (err) {
      showApiError(message, err);
    }
  };

  return (
    <div>
      {value.map((table, i) => (
        <TableCard
          key={i}
          table={table}
          index={i}
          onChange={(nt) => set(value.map((x, k) => (k === i ? nt : x)))}
          onRemove={() => set(value.filter((_, k) => k !== i))}
        />
      ))}
      <Space wrap>
        <Button icon={<PlusOutlined />} onClick={() => set([...value, { title: nextTitle, columns: [{ key: 'c1', label: '列1' }], rows: [{ c1: '' }] }])}>
          {t.add}
        </Button>
        <Button icon={<SnippetsOutlined />} onClick={() => setPasting(true)}>
          {t.paste}
        </Button>
        {canImport ? (
          <Tooltip title={disclosureId ? undefined : zh.disclosures.importer.needSave}>
            <Button icon={<FileExcelOutlined />} disabled={!disclosureId} onClick={() => setImporting(true)}>
              {t.import}
            </Button>
          </Tooltip>
        ) : null}
      </Space>
      <PasteModal open={pasting} defaultTitle={nextTitle} onClose={() => setPasting(false)} onTable={(nt) => set([...value, nt])} />
      {disclosureId ? <TableImportModal open={importing} disclosureId={disclosureId} onClose={() => setImporting(false)} onImported={imported} /> : null}
    </div>
  );
}
