import { useState } from 'react';
import { Alert, Button, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { PII_KIND_LABELS, type TableImportIssue, type TableImportResult } from '@gongkai/shared';
import { zh } from '../../../../locale/zh';
import { formatError, isApiError } from '../../../../services/request';
import { importTable } from '../../service';
import { ROW_KEY, keyed } from '../../components/rows';

const t = zh.disclosures.importer;

/** Props of TableImportModal. */
export interface TableImportModalProps {
  open: boolean;
  disclosureId: string;
  onClose: () => void;
  /** After a confirmed import: the server appended the table to the working copy at `tableIndex`. */
  onImported: (r: TableImportResult) => void;
}

/** Row/column issues of a refused import (the VALIDATION_FAILED details the server lists). */
function issuesOf(err: unknown): TableImportIssue[] {
  if (!isApiError(err) || err.code !== 'VALIDATION_FAILED' || !Array.isArray(err.details)) return [];
  return (err.details as Array<Partial<TableImportIssue>>).filter((d): d is TableImportIssue => typeof d.row === 'number' && typeof d.message === 'string');
}

/**
 * xlsx import in two steps: the server checks the file (dry run) and answers with the columns, suggested
 * `pii` marks and the first rows, or with every bad cell by row and column; only 确认导入 stores the table.
 */
export function TableImportModal({ open, disclosureId, onClose, onImported }: TableImportModalProps) {
  const [file, setFile] = useState<File>();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<TableImportResult>();
  const [issues, setIssues] = useState<TableImportIssue[]>([]);
  const [error, setError] = useState<string>();

  const reset = () => {
    setFile(undefined);
    setChecked(undefined);
    setIssues([]);
    setError(undefined);
  };
  const close = () => {
    reset();
    setTitle('');
    onClose();
  };
  const run = async (dryRun: boolean) => {
    if (!file) {
      setError(t.fileRequired);
      return;
    }
    setBusy(true);
    setError(undefined);
    setIssues([]);
    try {
      const r = await importTable(disclosureId, file, { title: title.trim() || undefined, dryRun });
      if (dryRun) setChecked(r);
      else {
        onImported(r);
        close();
      }
    } catch (err) {
      setChecked(undefined);
      setIssues(issuesOf(err));
      setError(formatError(err));
    } finally {
      setBusy(false);
    }
  };

  const footer = (
    <Space>
      <Button onClick={close}>{zh.common.cancel}</Button>
      {checked ? <Button onClick={reset}>{t.again}</Button> : null}
      {checked ? (
        <Button type="primary" loading={busy} onClick={() => run(false)}>
          {t.confirm}
        </Button>
      ) : (
        <Button type="primary" loading={busy} onClick={() => run(true)}>
          {busy ? t.checking : t.check}
        </Button>
      )}
    </Space>
  );

  return (
    <Modal open={open} title={t.title} onCancel={close} footer={footer} width={860} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input aria-label={t.tableTitle} placeholder={t.tableTitle} value={title} onChange={(e) => setTitle(e.target.value)} disabled={!!checked} />
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            reset();
            setFile(f);
            return false;
          }}
          onRemove={reset}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />}>{t.file}</Button>
        </Upload>
        {error ? <Alert type="error" showIcon message={error} description={issues.length ? t.errors : undefined} /> : null}
        {issues.length ? (
          <Table<TableImportIssue>
            size="small"
            rowKey={(i) => `${i.row}-${i.column ?? ''}-${i.message}`}
            pagination={{ pageSize: 10, size: 'small' }}
            dataSource={issues}
            columns={[
              { title: t.row, dataIndex: 'row', width: 70 },
              { title: t.column, dataIndex: 'column', width: 140 },
              { title: t.reason, dataIndex: 'message' },
            ]}
          />
        ) : null}
        {checked ? <ImportPreview r={checked} /> : null}
      </Space>
    </Modal>
  );
}

/** What a passed dry run read: counts, the suggested `pii` marks and the first rows. */
function ImportPreview({ r }: { r: TableImportResult }) {
  const marked = r.columns.filter((c) => c.pii);
  return (
    <div>
      <Alert type="success" showIcon message={t.ok(r.rowCount, r.columns.length, r.ms)} style={{ marginBottom: 8 }} />
      {marked.length ? (
        <div style={{ marginBottom: 8 }}>
          {t.suggested}{' '}
          {marked.map((c) => (
            <Tag key={c.key} color="orange">
              {c.label}：{PII_KIND_LABELS[c.pii!]}
            </Tag>
          ))}
        </div>
      ) : null}
      <Table
        size="small"
        rowKey={ROW_KEY}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={keyed(r.preview)}
        columns={r.columns.map((c) => ({
          key: c.key,
          dataIndex: c.key,
          title: (
            <span>
              {c.label}
              {c.required ? <Tag style={{ marginLeft: 4 }}>{t.required}</Tag> : null}
            </span>
          ),
          render: (v: unknown) => (v === null || v === undefined ? '' : String(v)),
        }))}
      />
    </div>
  );
}
