import { useEffect, useState } from 'react';
import { Button, Layout, Space, Typography } from 'antd';
import { ADMIN_ROLE_LABELS } from '@gongkai/shared';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useNavigate } from 'react-router-dom';
import { zh } from '../locale/zh';
import { authStore, useAuth } from '../services/auth';
import { fetchMe, logout as logoutOnServer } from '../services/session';

/** The signed-in frame: app title, who is signed in (checked with the server), 退出登录, and the page below. */
export function BasicLayout() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);

  useEffect(() => {
    // Check the stored session once per visit and refresh the user (role or region may have changed).
    // A 401 clears the token in the request layer and RequireAuth then shows the login page with the reason;
    // other failures (offline) keep the remembered user.
    let live = true;
    fetchMe().then(
      (me) => {
        if (live) authStore.updateUser(me);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const logout = async () => {
    setLeaving(true);
    // Revoke the token on the server; if that fails (offline, already expired) the local session still ends.
    await logoutOnServer().catch(() => undefined);
    authStore.clear();
    navigate('/user/login', { replace: true });
  };
  const roleLabel = user ? ADMIN_ROLE_LABELS[user.role] : undefined;

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
              {roleLabel ? `（${roleLabel}）` : ''}
            </Typography.Text>
          ) : null}
          <Button icon={<LogoutOutlined />} loading={leaving} onClick={() => void logout()}>
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
