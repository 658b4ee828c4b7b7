import { lazy, Suspense, type ReactNode } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Link, Route, Routes } from 'react-router-dom';
import { zh } from './locale/zh';
import { BasicLayout } from './layouts/BasicLayout';
import { RequireAuth } from './layouts/RequireAuth';
import { Forbidden } from './components/PageContainer';
import { useAccess, type Access } from './services/access';

dayjs.locale('zh-cn');

// Every page is its own chunk: the first load carries only the frame, and each page's code (antd tables,
// forms, pickers) arrives when it is opened.
const LoginPage = lazy(() => import('./pages/user/login'));
const WorkbenchPage = lazy(() => import('./pages/workbench'));
const CataloguePage = lazy(() => import('./pages/catalogue'));
const UsersPage = lazy(() => import('./pages/users'));
const AuditPage = lazy(() => import('./pages/audit'));
const AccountPage = lazy(() => import('./pages/account'));
const DisclosuresPage = lazy(() => import('./pages/disclosures'));
const DisclosureEditorPage = lazy(() => import('./pages/disclosures/editor'));
const DisclosureDetailPage = lazy(() => import('./pages/disclosures/detail'));
const FeedbackPage = lazy(() => import('./pages/feedback'));
const FeedbackDetailPage = lazy(() => import('./pages/feedback/detail'));
const AssessmentPage = lazy(() => import('./pages/assessment'));

/** Renders a page only for the roles that may use it (the server refuses the others' requests anyway). */
function RequireAccess({ allowed, children }: { allowed: (a: Access) => boolean; children: ReactNode }) {
  return allowed(useAccess()) ? <>{children}</> : <Forbidden />;
}

const pageFallback = <Spin style={{ display: 'block', marginTop: 120 }} />;

/** The console's routes (below the router's basename `/admin`). */
export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/user/login"
        element={
          <Suspense fallback={pageFallback}>
            <LoginPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireAuth>
            <BasicLayout />
          </RequireAuth>
        }
      >
        <Route index element={<WorkbenchPage />} />
        <Route path="disclosures" element={<DisclosuresPage />} />
        <Route
          path="disclosures/new"
          element={
            <RequireAccess allowed={(a) => a.editDisclosures}>
              <DisclosureEditorPage />
            </RequireAccess>
          }
        />
        <Route path="disclosures/:id" element={<DisclosureDetailPage />} />
        <Route
          path="disclosures/:id/edit"
          element={
            <RequireAccess allowed={(a) => a.editDisclosures}>
              <DisclosureEditorPage />
            </RequireAccess>
          }
        />
        <Route path="feedback" element={<FeedbackPage />} />
        <Route path="feedback/:id" element={<FeedbackDetailPage />} />
        <Route
          path="assessment"
          element={
            <RequireAccess allowed={(a) => a.viewAssessment}>
              <AssessmentPage />
            </RequireAccess>
          }
        />
        <Route path="catalogue" element={<CataloguePage />} />
        <Route
          path="users"
          element={
            <RequireAccess allowed={(a) => a.manageUsers}>
              <UsersPage />
            </RequireAccess>
          }
        />
        <Route
          path="audit"
          element={
            <RequireAccess allowed={(a) => a.viewAudit}>
              <AuditPage />
            </RequireAccess>
          }
        />
        <Route path="account" element={<AccountPage />} />
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
