import { chinaTime } from '../../../services/time';
import { App, Badge, Button, Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApi } from '../../../hooks/useApi';
import { zh } from '../../../locale/zh';
import { showApiError } from '../../../services/show-error';
import { listNotices, markNoticesRead } from '../../feedback/service';

const t = zh.workbench;

/** The official's own reminders (`GET /admin/notices`: overdue questions …), newest first, with their links. */
export function Reminders() {
  const { message } = App.useApp();
  const notices = useApi((signal) => listNotices({ pageSize: 5 }, signal), []);
  const unread = notices.data?.unread ?? 0;
  const readAll = async () => {
    try {
      await markNoticesRead({ all: true });
      notices.reload();
    } catch (err) {
      showApiError(message, err);
    }
  };
  return (
    <Card
      size="small"
      title={<Badge count={unread} offset={[12, 0]}>{t.reminders}</Badge>}
      extra={unread ? <Button size="small" type="link" onClick={readAll}>{t.markRead}</Button> : null}
    >
      <List
        size="small"
        loading={notices.loading && !notices.data}
        locale={{ emptyText: t.noReminders }}
        dataSource={notices.data?.items ?? []}
        renderItem={(n) => (
          <List.Item extra={n.link ? <Link to={n.link}>{t.view}</Link> : null}>
            <List.Item.Meta
              title={<Typography.Text strong={!n.read}>{n.title}</Typography.Text>}
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{n.body} · {chinaTime(n.at, 'MM-DD HH:mm')}</span>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
