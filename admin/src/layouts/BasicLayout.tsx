import { Button, Layout, Space, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useNavigate } from 'react-router-dom';
import { zh } from '../locale/zh';
import { authStore, useAuth } from '../services/auth';

/** The signed-in frame: app title, who is signed in, 退出登录, and the page below. */
export function BasicLayout() {
  const { user } = useAuth();
  const navigate = useNavigate();

  const logout = () => {
    // The contract has no server-side logout; forgetting the token ends the session in this browser.
    authStore.clear();
    navigate('/user/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          {zh.app.title}
        </Typography.Title>
        <Space size="middle">
          {user ? (
            <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>
              <UserOutlined /> {user.displayName}
              {zh.roles[user.role] ? `（${zh.roles[user.role]}）` : ''}
            </Typography.Text>
          ) : null}
          <Button icon={<LogoutOutlined />} onClick={logout}>
            {zh.layout.logout}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
