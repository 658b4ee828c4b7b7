import { Card, Empty, Table, Tag, Typography } from 'antd';
import { PII_KIND_LABELS, type BodyFormat, type DisclosureTable, type PublicTable } from '@gongkai/shared';
import { zh } from '../../../locale/zh';
import './content.css';
import { ROW_KEY, keyed } from './rows';

/**
 * A body as stored: rich text is the server's sanitized HTML (the allow-list in the disclosures module), so
 * it is rendered as is; plain text keeps its line breaks.
 */
export function BodyView({ body, format }: { body: string; format: BodyFormat }) {
  if (!body) return <Typography.Text type="secondary">{zh.common.empty}</Typography.Text>;
  return format === 'html' ? (
    <div className="gk-body" dangerouslySetInnerHTML={{ __html: body }} />
  ) : (
    <div className="gk-body" style={{ whiteSpace: 'pre-wrap' }}>
      {body}
    </div>
  );
}

type AnyTable = DisclosureTable | PublicTable;
const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Tables as officials (unmasked, with `pii` marks) or residents (masked; hidden after the posting period) see them. */
export function TablesView({ tables, showPii = false }: { tables: AnyTable[]; showPii?: boolean }) {
  if (!tables.length) return null;
  return (
    <>
      {tables.map((t, i) =>
        'hidden' in t ? (
          <Card key={i} size="small" title={t.title} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{zh.disclosures.detail.hiddenTable(t.reason)}</Typography.Text>
          </Card>
        ) : (
          <Card key={i} size="small" title={t.title} style={{ marginBottom: 12 }} extra={zh.disclosures.table.rows(t.rows.length)}>
            <Table
              size="small"
              rowKey={ROW_KEY}
              dataSource={keyed(t.rows)}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
              columns={t.columns.map((c) => ({
                key: c.key,
                dataIndex: c.key,
                title: (
                  <span>
                    {c.label}
                    {showPii && c.pii ? <Tag color="orange" style={{ marginLeft: 4 }}>{PII_KIND_LABELS[c.pii]}</Tag> : null}
                  </span>
                ),
                render: cell,
              }))}
            />
          </Card>
        ),
      )}
    </>
  );
}

/** Shown when a tab has nothing to show. */
export function Nothing({ text }: { text: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}
