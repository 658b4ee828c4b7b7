import { Alert, Table } from 'antd';
import { findDomain, type CatalogueImportIssue, type CatalogueImportResult } from '@gongkai/shared';
import { zh } from '../../../locale/zh';

const c = zh.catalogue;

/** The row-by-row problems of a refused import (nothing was saved). */
export function ImportErrors({ message, issues }: { message: string; issues: CatalogueImportIssue[] }) {
  return (
    <div>
      <Alert type="error" showIcon message={message} description={c.importErrors} style={{ marginBottom: 12 }} role="alert" />
      <Table<CatalogueImportIssue & { key: number }>
        size="small"
        aria-label={c.importErrors}
        dataSource={issues.map((i, key) => ({ ...i, key }))}
        pagination={issues.length > 10 ? { pageSize: 10 } : false}
        columns={[
          { title: c.importRow, dataIndex: 'row', width: 72 },
          { title: c.importColumn, dataIndex: 'column', width: 140, render: (v?: string) => v ?? '-' },
          { title: c.importReason, dataIndex: 'message' },
        ]}
      />
    </div>
  );
}

/** What a checked file would do, row by row (or what an import did). */
export function ImportPreview({ result }: { result: CatalogueImportResult }) {
  const changes = result.created + result.updated;
  return (
    <div>
      <Alert
        type={changes ? 'success' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        message={changes ? c.importPreview(result.created, result.updated, result.unchanged, result.skipped) : c.importNothing}
      />
      <Table
        size="small"
        rowKey="row"
        dataSource={result.rows}
        pagination={result.rows.length > 10 ? { pageSize: 10 } : false}
        columns={[
          { title: c.importRow, dataIndex: 'row', width: 72 },
          { title: zh.common.actions, dataIndex: 'action', width: 130, render: (a: string) => c.importAction[a] ?? a },
          { title: c.f.code, dataIndex: 'code', render: (v?: string) => v ?? '-' },
          { title: c.f.name, dataIndex: 'name' },
          { title: c.f.domain, dataIndex: 'domain', render: (d: string) => findDomain(d)?.name ?? d },
        ]}
      />
    </div>
  );
}

/** The `{ row, column?, message }` issues of an import's VALIDATION_FAILED `details` (empty when it has none). */
export function importIssues(details: unknown): CatalogueImportIssue[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is CatalogueImportIssue => typeof d === 'object' && d !== null && typeof (d as CatalogueImportIssue).row === 'number',
  );
}
