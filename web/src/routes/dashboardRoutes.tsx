import type { ReactElement } from 'react';
import { page } from './lazyPage.tsx';

const DashboardVillagesPage = page(() => import('../pages/dashboard/DashboardVillagesPage.tsx'), 'DashboardVillagesPage');

/** Screens behind the dashboard's figures (the dashboard itself is the home page). */
export const dashboardRoutes: readonly { path: string; element: ReactElement }[] = [
  { path: 'dashboard/villages', element: <DashboardVillagesPage /> },
];
