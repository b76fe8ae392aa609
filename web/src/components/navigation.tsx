import {
  ApartmentOutlined, AuditOutlined, BookOutlined, CalendarOutlined, ContactsOutlined, FileSearchOutlined, HomeOutlined, LoginOutlined, NodeIndexOutlined,
  SafetyCertificateOutlined, SolutionOutlined, TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../api/types.ts';
import { CULTIVATION_NAVIGATION } from '../routes/cultivationRoutes.tsx';

export interface NavigationItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** The menu shows the item only to users holding this permission (or one of these) somewhere. */
  permission?: Permission | readonly Permission[];
}

export const NAVIGATION: readonly NavigationItem[] = [
  { path: '/', label: '首页', icon: <HomeOutlined /> },
  { path: '/talent-ledger', label: '人才台账', icon: <ContactsOutlined />, permission: 'person.read' },
  { path: '/reserves', label: '后备力量库', icon: <SolutionOutlined />, permission: 'person.read' },
  { path: '/selection', label: '选拔工作', icon: <NodeIndexOutlined />, permission: 'selection.read' },
  { path: '/joint-reviews', label: '联审', icon: <AuditOutlined />, permission: 'jointReview.answer' },
  { path: '/eligibility-policy', label: '资格条件', icon: <SafetyCertificateOutlined />, permission: 'policy.manage' },
  { path: '/official-calendar', label: '工作日历', icon: <CalendarOutlined />, permission: 'policy.manage' },
  ...CULTIVATION_NAVIGATION,
  { path: '/org-units', label: '组织机构', icon: <ApartmentOutlined /> },
  { path: '/users', label: '用户管理', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/dictionaries', label: '数据字典', icon: <BookOutlined /> },
  { path: '/audit-events', label: '操作日志', icon: <FileSearchOutlined />, permission: 'audit.read' },
  { path: '/login-events', label: '登录日志', icon: <LoginOutlined />, permission: 'audit.read' },
];

export function navigationFor(permissions: readonly Permission[]): NavigationItem[] {
  return NAVIGATION.filter((item) => {
    if (!item.permission) return true;
    const required: readonly Permission[] = typeof item.permission === 'string' ? [item.permission] : item.permission;
    return required.some((permission) => permissions.includes(permission));
  });
}
