import { chinaTime } from '../../../services/time';
import { Button, Card, Descriptions, Result, Skeleton, Space, Tabs } from 'antd';
import { disclosureH5Url, findDomain } from '@gongkai/shared';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { LoadError, PageContainer } from '../../../components/PageContainer';
import { RegionName } from '../../../components/RegionName';
import { useApi } from '../../../hooks/useApi';
import { zh } from '../../../locale/zh';
import { useAccess } from '../../../services/access';
import { isApiError } from '../../../services/request';
import { StatusTags } from '../components/StatusTags';
import { catalogueItem, getDisclosure } from '../service';
import { ContentTab } from './components/ContentTab';
import { NoticesTab } from './components/NoticesTab';
import { PreviewTab } from './components/PreviewTab';
import { ReviewTab } from './components/ReviewTab';
import { VerifyBadge, VersionsTab } from './components/VersionsTab';
import { WithdrawButton } from './components/WithdrawButton';

const t = zh.disclosures.detail;
const f = zh.disclosures.f;
const TABS = ['content', 'preview', 'review', 'versions', 'notices'] as const;
type Tab = (typeof TABS)[number];
const fmt = (v?: string) => (v ? chinaTime(v, 'YYYY-MM-DD HH:mm') : '-');

/**
 * One disclosure (`/disclosures/:id?tab=`): content as authored, the masked public preview, review (diff,
 * approve/schedule/return), version history with hashes and the chain check, and notice delivery.
 */
export default function DisclosureDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const access = useAccess();
  const [params, setParams] = useSearchParams();
  const d = useApi((signal) => getDisclosure(id, signal), [id]);
  const item = useApi(
    (signal) => (d.data ? catalogueItem(d.data.catalogueItemId, d.data.catalogueVersion, signal) : Promise.resolve(undefined)),
    [d.data?.catalogueItemId, d.data?.catalogueVersion],
  );

  if (d.error && isApiError(d.error) && (d.error.status === 404 || d.error.status === 403)) {
    return <Result status={d.error.status === 403 ? '403' : '404'} title={d.error.status} subTitle={t.notFound} extra={<Link to="/disclosures"><Button>{zh.feedback.back}</Button></Link>} />;
  }
  if (d.error) return <LoadError error={d.error} onRetry={d.reload} />;
  if (!d.data) return <Skeleton active />;
  const x = d.data;
  const w = x.workingCopy;
  const wanted = params.get('tab') as Tab | null;
  const tab: Tab = wanted && TABS.includes(wanted) ? wanted : w?.state === 'pending' ? 'review' : 'content';
  const editableNow = access.editDisclosures && x.status !== 'withdrawn' && w?.state !== 'scheduled';
  const versionKey = `${x.version}:${w?.version ?? 0}:${x.updatedAt}`;

  return (
    <PageContainer
      title={x.working?.title ?? x.title}
      description={<StatusTags d={x} />}
      extra={
        <>
          {editableNow ? <Button type="primary" onClick={() => navigate(`/disclosures/${x.id}/edit`)}>{w ? t.edit : t.newVersion}</Button> : null}
          {access.reviewDisclosures && x.status === 'published' ? <WithdrawButton id={x.id} onDone={d.reload} /> : null}
          {x.status === 'published' ? <a href={disclosureH5Url(window.location.origin, x.id)} target="_blank" rel="noreferrer"><Button>{t.openPublic}</Button></a> : null}
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={f.region}><RegionName code={x.regionCode} /></Descriptions.Item>
          <Descriptions.Item label={f.domain}>{findDomain(x.domain)?.name ?? x.domain}</Descriptions.Item>
          <Descriptions.Item label={t.catalogueItem}>
            {item.data ? `${item.data.code} ${item.data.name}` : x.catalogueItemId}（{zh.catalogue.version(x.catalogueVersion)}）
          </Descriptions.Item>
          <Descriptions.Item label={f.dueAt}>{fmt(w?.dueAt ?? x.dueAt)}</Descriptions.Item>
          <Descriptions.Item label={f.publishedAt}>{fmt(x.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label={f.version}>
            <Space>{x.version || '-'}{x.version ? <VerifyBadge id={x.id} /> : null}</Space>
          </Descriptions.Item>
          <Descriptions.Item label={t.author}>{x.createdBy.username}</Descriptions.Item>
          {w?.publishAt ? <Descriptions.Item label={zh.disclosures.review.publishAt}>{t.scheduledAt(fmt(w.publishAt))}</Descriptions.Item> : null}
          {x.linkedFrom.length ? (
            <Descriptions.Item label={t.linkedFrom}>
              <Space wrap>{x.linkedFrom.map((l) => <Link key={l} to={`/disclosures/${l}`}>{l.slice(-6)}</Link>)}</Space>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'content', label: t.tabs.content, children: <ContentTab d={x} /> },
            { key: 'preview', label: t.tabs.preview, children: <PreviewTab id={x.id} version={versionKey} /> },
            { key: 'review', label: t.tabs.review, children: <ReviewTab d={x} onDone={d.reload} /> },
            { key: 'versions', label: t.tabs.versions, children: <VersionsTab d={x} /> },
            { key: 'notices', label: t.tabs.notices, children: <NoticesTab id={x.id} /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
