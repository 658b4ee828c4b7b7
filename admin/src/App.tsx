import { useEffect, useRef } from 'react';
import { App as AntApp, Button, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { zh } from './locale/zh';
import { BasicLayout } from './layouts/BasicLayout';
import { RequireAuth } from './layouts/RequireAuth';
import HomePage from './pages/home';
import LoginPage, { type LoginLocationState } from './pages/user/login';
import { configureRequest } from './services/request';

dayjs.locale('zh-cn');

/** Sends the user to login when the request layer reports an expired session. */
function SessionExpiryRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef(location);
  here.current = location;
  useEffect(() => {
    configureRequest({
      onUnauthorized: (notice) => {
        const from = here.current.pathname + here.current.search;
        const state: LoginLocationState = { notice, from };
        navigate('/user/login', { replace: true, state });
      },
    });
    return () => configureRequest({ onUnauthorized: undefined });
  }, [navigate]);
  return null;
}

/** The console's routes. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/user/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <BasicLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="*"
          element={
            <Result
              status="404"
              title={zh.home.notFound}
              extra={
                <Link to="/">
                  <Button type="primary">{zh.home.backHome}</Button>
                </Link>
              }
            />
          }
        />
      </Route>
    </Routes>
  );
}

/** Providers (antd in Chinese, message context, session expiry) around the routes; the router comes from outside. */
export function App() {
  return (
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <SessionExpiryRedirect />
        <AppRoutes />
      </AntApp>
    </ConfigProvider>
  );
}
