import { FlagOutlined } from '@ant-design/icons';
import type { ReactElement, ReactNode } from 'react';
import type { Permission } from '../api/types.ts';
import { page } from './lazyPage.tsx';

const CampaignPage = page(() => import('../pages/campaign/CampaignPage.tsx'), 'CampaignPage');
const DashboardVillagesPage = page(() => import('../pages/dashboard/DashboardVillagesPage.tsx'), 'DashboardVillagesPage');

/** Screens behind the dashboard's figures (the dashboard itself is the home page) and the three-year campaign. */
export const dashboardRoutes: readonly { path: string; element: ReactElement }[] = [
  { path: 'dashboard/villages', element: <DashboardVillagesPage /> },
  { path: 'campaign', element: <CampaignPage /> },
];

export const DASHBOARD_NAVIGATION: readonly { path: string; label: string; icon: ReactNode; permission?: Permission | readonly Permission[] }[] = [
  { path: '/campaign', label: '三年行动', icon: <FlagOutlined />, permission: 'person.read' },
];
