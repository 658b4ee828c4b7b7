import { Card, Descriptions, Table, Typography } from 'antd';
import type { DisclosureContent } from '@gongkai/shared';
import { zh } from '../../../../locale/zh';
import { TablesView } from '../../components/ContentBlocks';
import '../../components/content.css';
import { bodyText, compareTables, fieldChanges, textDiff, type TextPart } from '../diff-utils';

const t = zh.disclosures.review;
const f = zh.disclosures.f;
const LABELS: Record<string, string> = {
  stage: f.stage,
  eventDate: f.eventDate,
  validFrom: `${f.validity}（起）`,
  validTo: `${f.validity}（止）`,
  publisher: f.publisher,
  contact: f.contact,
  relatedIds: f.related,
  attachments: zh.disclosures.attachments.title,
};

/** Text with insertions in green and deletions struck through in red. */
export function Parts({ parts }: { parts: TextPart[] }) {
  return (
    <div className="gk-diff" data-testid="text-diff">
      {parts.map((p, i) => (p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}
    </div>
  );
}

/**
 * The reviewer's diff: the working copy against the published version (title and body text character by
 * character, table rows and cells, other fields). A first version has nothing to compare with and is shown whole.
 */
export function DiffView({ before, after }: { before?: DisclosureContent; after: DisclosureContent }) {
  if (!before) {
    return (
      <div>
        <Typography.Title level={5}>{after.title}</Typography.Title>
        <Parts parts={[{ value: bodyText(after.body, after.bodyFormat), added: true }]} />
        <TablesView tables={after.tables} showPii />
      </div>
    );
  }
  const tables = compareTables(before.tables, after.tables).filter((c) => c.kind !== 'same');
  const fields = fieldChanges(before, after, LABELS);
  const titleParts = textDiff(before.title, after.title);
  const bodyParts = textDiff(bodyText(before.body, before.bodyFormat), bodyText(after.body, after.bodyFormat));
  const unchanged = (ps: TextPart[]) => ps.every((p) => !p.added && !p.removed);
  return (
    <div>
      <Card size="small" title={f.title} style={{ marginBottom: 12 }}>
        {unchanged(titleParts) ? <Typography.Text type="secondary">{t.noChange}</Typography.Text> : <Parts parts={titleParts} />}
      </Card>
      <Card size="small" title={f.body} style={{ marginBottom: 12 }}>
        {unchanged(bodyParts) ? <Typography.Text type="secondary">{t.noChange}</Typography.Text> : <Parts parts={bodyParts} />}
      </Card>
      <Card size="small" title={zh.disclosures.table.tables} style={{ marginBottom: 12 }}>
        {tables.length === 0 ? <Typography.Text type="secondary">{t.noChange}</Typography.Text> : null}
        {tables.map((c, i) => (
          <div key={i} style={{ marginBottom: 8 }} data-testid="table-change">
            <Typography.Text strong>
              {c.kind === 'added' ? t.tableAdded(c.title) : c.kind === 'removed' ? t.tableRemoved(c.title) : t.tableChanged(c.title, c.addedRows, c.removedRows, c.changedRows)}
            </Typography.Text>
            {c.kind === 'changed' && c.columnsChanged ? <div>{t.columnsChanged(c.title)}</div> : null}
            {c.cells.length ? (
              <Table
                size="small"
                pagination={false}
                rowKey={(r) => `${r.row}-${r.column}`}
                dataSource={c.cells}
                columns={[
                  { title: '#', dataIndex: 'row', width: 60 },
                  { title: zh.disclosures.table.column, dataIndex: 'column', width: 140 },
                  { title: '原', dataIndex: 'before', render: (v: string) => <del>{v}</del> },
                  { title: '新', dataIndex: 'after', render: (v: string) => <ins style={{ textDecoration: 'none', background: '#d9f7be' }}>{v}</ins> },
                ]}
              />
            ) : null}
          </div>
        ))}
      </Card>
      {fields.length ? (
        <Card size="small" title={t.changedFields}>
          <Descriptions size="small" column={1} bordered>
            {fields.map((x) => (
              <Descriptions.Item key={x.label} label={x.label}>
                <del>{x.before || '-'}</del> → <ins style={{ textDecoration: 'none', background: '#d9f7be' }}>{x.after || '-'}</ins>
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      ) : null}
    </div>
  );
}
