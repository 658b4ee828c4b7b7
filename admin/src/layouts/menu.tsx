import type { ReactNode } from 'react';
import { AuditOutlined, BarChartOutlined, BookOutlined, CommentOutlined, DashboardOutlined, FileTextOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { zh } from '../locale/zh';
import type { Access } from '../services/access';

/** One entry of the side menu: a route path (below /admin), its label and who may see it. */
export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown only when this returns true (the route itself checks again). */
  allowed?: (a: Access) => boolean;
}

/** The side menu, in order: one entry per area, plus its lazy route in App.tsx. */
export const MENU: readonly MenuEntry[] = [
  { path: '/', label: zh.menu.workbench, icon: <DashboardOutlined /> },
  { path: '/disclosures', label: zh.menu.disclosures, icon: <FileTextOutlined /> },
  { path: '/feedback', label: zh.menu.feedback, icon: <CommentOutlined /> },
  { path: '/assessment', label: zh.menu.assessment, icon: <BarChartOutlined />, allowed: (a) => a.viewAssessment },
  { path: '/catalogue', label: zh.menu.catalogue, icon: <BookOutlined /> },
  { path: '/users', label: zh.menu.users, icon: <TeamOutlined />, allowed: (a) => a.manageUsers },
  { path: '/audit', label: zh.menu.audit, icon: <AuditOutlined />, allowed: (a) => a.viewAudit },
  { path: '/account', label: zh.menu.account, icon: <UserOutlined /> },
];

/** The menu entries an official may see. */
export function menuFor(access: Access): MenuEntry[] {
  return MENU.filter((m) => !m.allowed || m.allowed(access));
}

/** The menu entry a location belongs to (longest matching path), for the selected item. */
export function activeEntry(pathname: string, entries: readonly MenuEntry[]): MenuEntry | undefined {
  return [...entries]
    .sort((a, b) => b.path.length - a.path.length)
    .find((m) => (m.path === '/' ? pathname === '/' : pathname === m.path || pathname.startsWith(`${m.path}/`)));
}
