import { chinaTime } from '../../services/time';
import { Button, Card, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { findDomain, type AdminDisclosureSummary } from '@gongkai/shared';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { LoadError, PageContainer } from '../../components/PageContainer';
import { RegionName } from '../../components/RegionName';
import { useApi } from '../../hooks/useApi';
import { zh } from '../../locale/zh';
import { useAccess } from '../../services/access';
import { useAuth } from '../../services/auth';
import { DisclosureFilters, type DisclosureFilterValues } from './components/DisclosureFilters';
import { StatusTags, daysUntil } from './components/StatusTags';
import { paramsFromQuery, queryFromParams } from './query';
import { catalogueFor, listDisclosures } from './service';
import { pagination } from '../../components/pagination';

const t = zh.disclosures;
const fmt = (iso?: string) => (iso ? chinaTime(iso, 'YYYY-MM-DD HH:mm') : '-');

/** The due date of an unpublished copy, red when past (the time limit of the catalogue item). */
function DueCell({ d }: { d: AdminDisclosureSummary }) {
  const due = d.working?.dueAt ?? (d.firstPublishedAt ? undefined : d.dueAt);
  if (!due) return <span>-</span>;
  const days = daysUntil(due);
  return (
    <Tooltip title={chinaTime(due, 'YYYY-MM-DD HH:mm')}>
      <Typography.Text type={d.overdue ? 'danger' : days <= 5 ? 'warning' : undefined}>
        {chinaTime(due, 'YYYY-MM-DD')}
        <br />
        <span style={{ fontSize: 12 }}>{t.dueIn(days)}</span>
      </Typography.Text>
    </Tooltip>
  );
}

/** 公开事项: the officials' in-scope list with filters kept in the URL. */
export default function DisclosuresPage() {
  const { user } = useAuth();
  const access = useAccess();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const key = params.toString();
  const list = useApi((signal) => listDisclosures(query, signal), [key]);
  const items = useApi((signal) => (user ? catalogueFor({ region: user.regionCode }, signal) : Promise.resolve([])), [user?.regionCode]);

  const columns: ColumnsType<AdminDisclosureSummary> = [
    {
      title: t.f.title,
      dataIndex: 'title',
      render: (title: string, d) => (
        <div>
          <Link to={`/disclosures/${d.id}`}>{title}</Link>
          {d.working && d.working.title !== title ? <div style={{ fontSize: 12, color: '#888' }}>→ {d.working.title}</div> : null}
        </div>
      ),
    },
    { title: t.f.status, key: 'status', width: 170, render: (_, d) => <StatusTags d={d} /> },
    { title: t.f.domain, dataIndex: 'domain', width: 100, render: (k: string) => findDomain(k)?.name ?? k },
    { title: t.f.region, dataIndex: 'regionCode', width: 180, render: (c: string) => <RegionName code={c} from={user?.regionCode} /> },
    { title: t.f.dueAt, key: 'due', width: 130, render: (_, d) => <DueCell d={d} /> },
    { title: t.f.publishedAt, dataIndex: 'publishedAt', width: 150, render: (v?: string) => fmt(v) },
    { title: t.f.updatedAt, dataIndex: 'updatedAt', width: 150, render: (v: string) => fmt(v) },
  ];

  const search = (f: DisclosureFilterValues) => setParams(paramsFromQuery({ ...f, page: 1, pageSize: query.pageSize }));
  const filterValues: DisclosureFilterValues = { ...query };

  return (
    <PageContainer
      title={t.title}
      description={t.intro}
      extra={
        access.editDisclosures ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/disclosures/new')}>
            {t.create}
          </Button>
        ) : null
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <DisclosureFilters value={filterValues} items={items.data ?? []} onSearch={search} />
      </Card>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <Table<AdminDisclosureSummary>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        pagination={pagination(query, list.data?.total, (page, pageSize) => setParams(paramsFromQuery({ ...query, page, pageSize })))}
      />
    </PageContainer>
  );
}
