import { Tag, Typography } from 'antd';
import { FEEDBACK_STATUS_LABELS, type AdminFeedbackSummary, type FeedbackStatus } from '@gongkai/shared';
import { zh } from '../../../locale/zh';

/**
 * Working days left of an open item: red when overdue, orange when due within 2 working days. A closed item
 * shows `-` (or nothing with `hideEmpty`), plus 已延期 / 超期答复 tags.
 */
export function Remaining({ f, hideEmpty }: { f: Pick<AdminFeedbackSummary, 'remainingWorkingDays' | 'overdue' | 'extended' | 'late'>; hideEmpty?: boolean }) {
  const d = f.remainingWorkingDays;
  if (hideEmpty && d === undefined && !f.extended && !f.late) return null;
  return (
    <span>
      {d === undefined ? (
        '-'
      ) : (
        <Typography.Text type={f.overdue || d < 0 ? 'danger' : d <= 2 ? 'warning' : undefined} strong={f.overdue} data-testid="remaining">
          {zh.feedback.remaining(d)}
        </Typography.Text>
      )}
      {f.extended ? <Tag style={{ marginLeft: 4 }}>{zh.feedback.extended}</Tag> : null}
      {f.late ? <Tag color="orange" style={{ marginLeft: 4 }}>{zh.feedback.late}</Tag> : null}
    </span>
  );
}

const STATUS_COLORS: Record<FeedbackStatus, string> = { received: 'blue', accepted: 'gold', answered: 'green', closed: 'default', rejected: 'red' };

/** A status as a coloured tag. */
export function FeedbackStatusTag({ status }: { status: FeedbackStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{FEEDBACK_STATUS_LABELS[status]}</Tag>;
}
