import { Card, Col, Descriptions, Row } from 'antd';
import { ADMIN_ROLE_LABELS } from '@gongkai/shared';
import dayjs from 'dayjs';
import { PageContainer } from '../../components/PageContainer';
import { useRegion } from '../../hooks/useRegion';
import { zh } from '../../locale/zh';
import { useAuth } from '../../services/auth';
import { pathLabel } from '../../services/regions';
import { ChangePasswordForm } from './components/ChangePasswordForm';

const time = (iso?: string) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '-');

/** 我的账号: who I am (as the server last said: the layout refreshes it on each visit) and 修改密码. */
export default function AccountPage() {
  const { user } = useAuth();
  const region = useRegion(user?.regionCode);
  return (
    <PageContainer title={zh.account.title}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={zh.account.profile}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={zh.account.username}>{user?.username}</Descriptions.Item>
              <Descriptions.Item label={zh.account.displayName}>{user?.displayName}</Descriptions.Item>
              <Descriptions.Item label={zh.account.role}>{user ? ADMIN_ROLE_LABELS[user.role] : ''}</Descriptions.Item>
              <Descriptions.Item label={zh.account.region}>
                {region ? `${pathLabel(region.path)}（${region.code}）` : user?.regionCode}
              </Descriptions.Item>
              <Descriptions.Item label={zh.account.createdAt}>{time(user?.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={zh.account.lastLoginAt}>{time(user?.lastLoginAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={zh.account.changePassword}>
            <ChangePasswordForm />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
