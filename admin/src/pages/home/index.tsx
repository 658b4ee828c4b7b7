import { Card, Typography } from 'antd';
import { zh } from '../../locale/zh';
import { useAuth } from '../../services/auth';

/** Placeholder home until the workbench (工作台) lands. */
export default function HomePage() {
  const { user } = useAuth();
  return (
    <Card>
      <Typography.Title level={4}>{zh.home.welcome(user?.displayName ?? user?.username ?? '')}</Typography.Title>
      <Typography.Paragraph type="secondary">{zh.home.intro}</Typography.Paragraph>
    </Card>
  );
}
