import { App as AntApp, Button, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Link, Route, Routes } from 'react-router-dom';
import { zh } from './locale/zh';
import { BasicLayout } from './layouts/BasicLayout';
import { RequireAuth } from './layouts/RequireAuth';
import HomePage from './pages/home';
import LoginPage from './pages/user/login';

dayjs.locale('zh-cn');

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

/** Providers (antd in Chinese, message context) around the routes; the router comes from outside. */
export function App() {
  return (
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <AppRoutes />
      </AntApp>
    </ConfigProvider>
  );
}
