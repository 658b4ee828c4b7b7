import { chinaTime } from '../../../../services/time';
import { Button, Descriptions, Divider, List, Space, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { DISCLOSURE_STAGE_LABELS, DISCLOSURE_STATUS_LABELS, type AdminDisclosureDetail, type DisclosureContent } from '@gongkai/shared';
import { Link } from 'react-router-dom';
import { zh } from '../../../../locale/zh';
import { BodyView, Nothing, TablesView } from '../../components/ContentBlocks';
import { downloadAttachment, sizeText } from '../../editor/components/AttachmentsField';

const f = zh.disclosures.f;
const day = (v?: string) => (v ? chinaTime(v, 'YYYY-MM-DD') : '-');

/** One content (working copy or published version) as officials see it: unmasked, with `pii` marks. */
export function ContentView({ id, c }: { id: string; c: DisclosureContent }) {
  return (
    <div>
      <Typography.Title level={4}>{c.title}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={f.stage}>{DISCLOSURE_STAGE_LABELS[c.stage]}</Descriptions.Item>
        <Descriptions.Item label={f.eventDate}>{day(c.eventDate)}</Descriptions.Item>
        <Descriptions.Item label={f.validity}>{c.validFrom || c.validTo ? `${day(c.validFrom)} ~ ${day(c.validTo)}` : '-'}</Descriptions.Item>
        <Descriptions.Item label={f.publisher}>{c.publisher}</Descriptions.Item>
        <Descriptions.Item label={f.contact}>{c.contact ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={f.related}>
          <Space wrap>
            {c.relatedIds.length ? c.relatedIds.map((r) => <Link key={r} to={`/disclosures/${r}`}>{r.slice(-6)}</Link>) : '-'}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <BodyView body={c.body} format={c.bodyFormat} />
      <Divider />
      <TablesView tables={c.tables} showPii />
      {c.attachments.length ? (
        <List
          size="small"
          header={zh.disclosures.attachments.title}
          dataSource={c.attachments}
          renderItem={(a) => (
            <List.Item>
              <Button type="link" icon={<PaperClipOutlined />} onClick={() => void downloadAttachment(id, a)}>
                {a.name}
              </Button>
              <Typography.Text type="secondary">{sizeText(a.size)}</Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
    </div>
  );
}

/** 内容 tab: the working copy (if any) and the published version. */
export function ContentTab({ d }: { d: AdminDisclosureDetail }) {
  const t = zh.disclosures.detail;
  if (!d.workingCopy && !d.published) return <Nothing text={t.noWorking} />;
  return (
    <div>
      {d.workingCopy ? (
        <>
          <Divider orientation="left">{t.working(d.workingCopy.version, DISCLOSURE_STATUS_LABELS[d.workingCopy.state])}</Divider>
          <ContentView id={d.id} c={d.workingCopy} />
        </>
      ) : null}
      {d.published ? (
        <>
          <Divider orientation="left">{t.published(d.published.version)}</Divider>
          <ContentView id={d.id} c={d.published} />
        </>
      ) : null}
    </div>
  );
}
