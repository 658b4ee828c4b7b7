import { Suspense, useEffect, useState } from 'react';
import { Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { ADMIN_ROLE_LABELS } from '@gongkai/shared';
import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { zh } from '../locale/zh';
import { useRegion } from '../hooks/useRegion';
import { useAccess } from '../services/access';
import { authStore, useAuth } from '../services/auth';
import { pathLabel } from '../services/regions';
import { fetchMe, logout as logoutOnServer } from '../services/session';
import { activeEntry, menuFor } from './menu';

const HEADER_TEXT = { color: 'rgba(255,255,255,0.85)' };

/**
 * The signed-in frame (like ant-design-pro's ProLayout): a side menu with the pages the role may use, a
 * header with who is signed in (name, role, region; checked with the server) and 退出登录, and the page.
 */
export function BasicLayout() {
  const { user } = useAuth();
  const access = useAccess();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [leaving, setLeaving] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const region = useRegion(user?.regionCode);

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
  const entries = menuFor(access);
  const active = activeEntry(pathname, entries);
  const roleLabel = user ? ADMIN_ROLE_LABELS[user.role] : undefined;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} trigger={null} breakpoint="lg" onBreakpoint={setCollapsed} width={200}>
        <div style={{ height: 64, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#fff', fontSize: 20, fontWeight: 600 }}>
          {zh.app.shortTitle}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={active ? [active.path] : []}
          items={entries.map((m) => ({ key: m.path, icon: m.icon, label: m.label }))}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 16, gap: 16 }}>
          <Space>
            <Button
              type="text"
              aria-label={collapsed ? zh.layout.expand : zh.layout.collapse}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
              style={HEADER_TEXT}
            />
            <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
              {zh.app.title}
            </Typography.Title>
          </Space>
          <Space size="middle">
            {user ? (
              <Typography.Text style={HEADER_TEXT} data-testid="current-user">
                <UserOutlined /> {user.displayName}
                {roleLabel ? <Tag style={{ marginInline: 8 }}>{roleLabel}</Tag> : null}
                {region ? <span title={region.code}>{pathLabel(region.path)}</span> : null}
              </Typography.Text>
            ) : null}
            <Button icon={<LogoutOutlined />} loading={leaving} onClick={() => void logout()}>
              {zh.layout.logout}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
