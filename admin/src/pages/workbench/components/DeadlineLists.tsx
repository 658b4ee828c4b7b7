import { chinaTime } from '../../../services/time';
import { Card, List, Typography } from 'antd';
import { FEEDBACK_TYPE_LABELS, type AdminDisclosureSummary, type AdminFeedbackSummary } from '@gongkai/shared';
import { Link } from 'react-router-dom';
import { zh } from '../../../locale/zh';
import { daysUntil } from '../../disclosures/components/StatusTags';
import { Remaining } from '../../feedback/components/Remaining';

const t = zh.workbench;

/** Unpublished disclosures by due date (catalogue time limit), overdue ones in red. */
export function DisclosureDeadlines({ items, loading }: { items: AdminDisclosureSummary[]; loading: boolean }) {
  return (
    <Card size="small" title={t.dueSoonList} extra={<Link to="/disclosures?overdue=true">{t.overdueDisclosures}</Link>}>
      <List
        size="small"
        loading={loading}
        locale={{ emptyText: t.nothingDue }}
        dataSource={items.slice(0, 8)}
        renderItem={(d) => {
          const days = daysUntil(d.working!.dueAt!);
          return (
            <List.Item>
              <Link to={`/disclosures/${d.id}`}>{d.working?.title ?? d.title}</Link>
              <Typography.Text type={d.overdue ? 'danger' : 'warning'}>
                {chinaTime(d.working!.dueAt!, 'MM-DD')} {zh.disclosures.dueIn(days)}
              </Typography.Text>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

/** Open questions and requests by deadline with their remaining working days. */
export function FeedbackDeadlines({ items, loading }: { items: AdminFeedbackSummary[]; loading: boolean }) {
  return (
    <Card size="small" title={t.byDeadline} extra={<Link to="/feedback?overdue=true">{t.overdueQuestions}</Link>}>
      <List
        size="small"
        loading={loading}
        locale={{ emptyText: t.nothingDue }}
        dataSource={items.slice(0, 8)}
        renderItem={(f) => (
          <List.Item>
            <span>
              <Link to={`/feedback/${f.id}`}>{f.trackingNo}</Link> <Typography.Text type="secondary">{FEEDBACK_TYPE_LABELS[f.type]} · {f.summary.slice(0, 16)}</Typography.Text>
            </span>
            <Remaining f={f} />
          </List.Item>
        )}
      />
    </Card>
  );
}
