import { chinaTime } from '../../../../services/time';
import { Alert, Descriptions, Divider, List, Skeleton, Typography } from 'antd';
import { DISCLOSURE_STAGE_LABELS } from '@gongkai/shared';
import { LoadError } from '../../../../components/PageContainer';
import { useApi } from '../../../../hooks/useApi';
import { zh } from '../../../../locale/zh';
import { BodyView, TablesView } from '../../components/ContentBlocks';
import { previewDisclosure } from '../../service';

const t = zh.disclosures.detail;
const f = zh.disclosures.f;

/**
 * 公众预览: what residents will see, exactly as the server renders it for them (`GET …/:id/preview`: masked
 * titles, bodies and tables, hidden personal tables after the posting period). Nothing is masked here.
 */
export function PreviewTab({ id, version }: { id: string; version: string }) {
  const p = useApi((signal) => previewDisclosure(id, signal), [id, version]);
  if (p.error) return <LoadError error={p.error} onRetry={p.reload} />;
  if (!p.data) return <Skeleton active />;
  const d = p.data;
  return (
    <div data-testid="public-preview">
      <Alert type="info" showIcon message={t.previewNote} description={d.preview ? t.previewProvisional : undefined} style={{ marginBottom: 16 }} />
      <Typography.Title level={4}>{d.title}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={f.region}>{d.regionName}</Descriptions.Item>
        <Descriptions.Item label={f.stage}>{DISCLOSURE_STAGE_LABELS[d.stage]}</Descriptions.Item>
        <Descriptions.Item label={f.publisher}>{d.publisher}</Descriptions.Item>
        <Descriptions.Item label={f.publishedAt}>{chinaTime(d.publishedAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
        <Descriptions.Item label={f.validity}>{d.validFrom || d.validTo ? `${d.validFrom?.slice(0, 10) ?? ''} ~ ${d.validTo?.slice(0, 10) ?? ''}` : '-'}</Descriptions.Item>
        <Descriptions.Item label={f.contact}>{d.contact ?? '-'}</Descriptions.Item>
      </Descriptions>
      <BodyView body={d.body} format={d.bodyFormat} />
      <Divider />
      <TablesView tables={d.tables} />
      {d.attachments.length ? <List size="small" header={zh.disclosures.attachments.title} dataSource={d.attachments} renderItem={(a) => <List.Item>{a.name}</List.Item>} /> : null}
      <Typography.Paragraph type="secondary" copyable={{ text: d.hash }} style={{ marginTop: 12, fontSize: 12 }}>
        {zh.disclosures.versions.hash}：{d.hash}
      </Typography.Paragraph>
    </div>
  );
}
