import { ApartmentOutlined, BookOutlined, ContactsOutlined, FileSearchOutlined, HomeOutlined, LoginOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../api/types.ts';

interface NavigationItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** The menu shows the item only to users holding this permission somewhere. */
  permission?: Permission;
}

export const NAVIGATION: readonly NavigationItem[] = [
  { path: '/', label: '首页', icon: <HomeOutlined /> },
  { path: '/talent-ledger', label: '人才台账', icon: <ContactsOutlined />, permission: 'person.read' },
  { path: '/reserves', label: '后备力量库', icon: <SolutionOutlined />, permission: 'person.read' },
  { path: '/org-units', label: '组织机构', icon: <ApartmentOutlined /> },
  { path: '/users', label: '用户管理', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/dictionaries', label: '数据字典', icon: <BookOutlined /> },
  { path: '/audit-events', label: '操作日志', icon: <FileSearchOutlined />, permission: 'audit.read' },
  { path: '/login-events', label: '登录日志', icon: <LoginOutlined />, permission: 'audit.read' },
];

export function navigationFor(permissions: readonly Permission[]): NavigationItem[] {
  return NAVIGATION.filter((item) => !item.permission || permissions.includes(item.permission));
}
