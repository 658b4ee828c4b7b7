import { chinaTime } from '../../services/time';
import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FEEDBACK_TYPE_LABELS, type AdminFeedbackSummary, type FeedbackStatus } from '@gongkai/shared';
import { Link, useSearchParams } from 'react-router-dom';
import { LoadError, PageContainer } from '../../components/PageContainer';
import { useApi } from '../../hooks/useApi';
import { zh } from '../../locale/zh';
import { FeedbackFilters, type FeedbackFilterValues } from './components/FeedbackFilters';
import { FeedbackStatusTag, Remaining } from './components/Remaining';
import { feedbackParams, feedbackQueryFromParams } from './query';
import { listFeedback } from './service';
import { pagination } from '../../components/pagination';

const t = zh.feedback;
/** 留言与申请: the inbox of the official's scope, filters in the URL, remaining working days per item. */
export default function FeedbackPage() {
  const [params, setParams] = useSearchParams();
  const query = feedbackQueryFromParams(params);
  const list = useApi((signal) => listFeedback(query, signal), [params.toString()]);

  const columns: ColumnsType<AdminFeedbackSummary> = [
    { title: t.f.trackingNo, dataIndex: 'trackingNo', width: 170, render: (no: string, f) => <Link to={`/feedback/${f.id}`}>{no}</Link> },
    { title: t.f.type, dataIndex: 'type', width: 100, render: (k: AdminFeedbackSummary['type']) => FEEDBACK_TYPE_LABELS[k] },
    { title: t.f.summary, dataIndex: 'summary', ellipsis: true },
    { title: t.f.state, dataIndex: 'status', width: 100, render: (s: FeedbackStatus) => <FeedbackStatusTag status={s} /> },
    { title: t.f.assigned, dataIndex: 'assignedRegion', width: 140, render: (r: { name: string }) => r.name },
    { title: t.f.receivedAt, dataIndex: 'receivedAt', width: 140, render: (v: string) => chinaTime(v, 'YYYY-MM-DD HH:mm') },
    { title: t.f.dueAt, dataIndex: 'dueAt', width: 110, render: (v: string) => chinaTime(v, 'YYYY-MM-DD') },
    { title: t.f.remaining, key: 'remaining', width: 170, render: (_, f) => <Remaining f={f} /> },
  ];
  const search = (v: FeedbackFilterValues) => setParams(feedbackParams({ ...v, page: 1, pageSize: query.pageSize }));

  return (
    <PageContainer title={t.title} description={t.intro}>
      <Card style={{ marginBottom: 16 }}>
        <FeedbackFilters value={{ ...query }} onSearch={search} />
      </Card>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <Table<AdminFeedbackSummary>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        pagination={pagination(query, list.data?.total, (page, pageSize) => setParams(feedbackParams({ ...query, page, pageSize })))}
      />
    </PageContainer>
  );
}
