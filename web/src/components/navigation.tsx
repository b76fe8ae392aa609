import {
  ApartmentOutlined, AuditOutlined, BookOutlined, CalendarOutlined, ContactsOutlined, FileSearchOutlined, HomeOutlined, LoginOutlined, NodeIndexOutlined,
  SafetyCertificateOutlined, SolutionOutlined, TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me, Permission } from '../api/types.ts';
import { CULTIVATION_NAVIGATION } from '../routes/cultivationRoutes.tsx';
import { VILLAGE_NAVIGATION } from '../routes/villageRoutes.tsx';
import { DASHBOARD_NAVIGATION } from '../routes/dashboardRoutes.tsx';

export interface NavigationItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** The menu shows the item only to users holding this permission (or one of these) somewhere. */
  permission?: Permission | readonly Permission[];
  /** Shown only to users with a role bound to a joint-review department (an administrator has no inbox). */
  isJointReviewInbox?: boolean;
}

export const NAVIGATION: readonly NavigationItem[] = [
  { path: '/', label: '首页', icon: <HomeOutlined /> },
  { path: '/talent-ledger', label: '人才台账', icon: <ContactsOutlined />, permission: 'person.read' },
  { path: '/reserves', label: '后备力量库', icon: <SolutionOutlined />, permission: 'person.read' },
  { path: '/selection', label: '选拔工作', icon: <NodeIndexOutlined />, permission: 'selection.read' },
  { path: '/joint-reviews', label: '联审', icon: <AuditOutlined />, permission: 'jointReview.answer', isJointReviewInbox: true },
  { path: '/eligibility-policy', label: '资格条件', icon: <SafetyCertificateOutlined />, permission: 'policy.manage' },
  { path: '/official-calendar', label: '工作日历', icon: <CalendarOutlined />, permission: 'policy.manage' },
  ...CULTIVATION_NAVIGATION,
  ...VILLAGE_NAVIGATION,
  ...DASHBOARD_NAVIGATION,
  { path: '/org-units', label: '组织机构', icon: <ApartmentOutlined /> },
  { path: '/users', label: '用户管理', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/dictionaries', label: '数据字典', icon: <BookOutlined />, permission: ['person.read', 'dictionary.manage'] },
  { path: '/audit-events', label: '操作日志', icon: <FileSearchOutlined />, permission: 'audit.read' },
  { path: '/login-events', label: '登录日志', icon: <LoginOutlined />, permission: 'audit.read' },
];

/** Whether the user has a joint-review inbox: a role of a joint-review department. */
export function hasJointReviewInbox(me: Pick<Me, 'roles'>): boolean {
  return me.roles.some((binding) => binding.role === 'jointReviewDepartment');
}

/** The menu items the user can use: by permission, and the joint-review inbox only for a department's users. */
export function navigationFor(me: Pick<Me, 'permissions' | 'roles'>): NavigationItem[] {
  const { permissions } = me;
  return NAVIGATION.filter((item) => {
    if (item.isJointReviewInbox && !hasJointReviewInbox(me)) return false;
    if (!item.permission) return true;
    const required: readonly Permission[] = typeof item.permission === 'string' ? [item.permission] : item.permission;
    return required.some((permission) => permissions.includes(permission));
  });
}
