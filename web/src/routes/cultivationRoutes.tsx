import { AlertOutlined, AppstoreOutlined, ReadOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactElement, ReactNode } from 'react';
import type { Permission } from '../api/types.ts';
import { page } from './lazyPage.tsx';

const MenteePage = page(() => import('../pages/cultivation/MenteePage.tsx'), 'MenteePage');
const MentoringPage = page(() => import('../pages/cultivation/MentoringPage.tsx'), 'MentoringPage');
const RemindersPage = page(() => import('../pages/cultivation/RemindersPage.tsx'), 'RemindersPage');
const ReserveCultivationPage = page(() => import('../pages/cultivation/ReserveCultivationPage.tsx'), 'ReserveCultivationPage');
const TalentGridPage = page(() => import('../pages/cultivation/TalentGridPage.tsx'), 'TalentGridPage');
const TrainingPage = page(() => import('../pages/cultivation/TrainingPage.tsx'), 'TrainingPage');
const TrainingSessionPage = page(() => import('../pages/cultivation/TrainingSessionPage.tsx'), 'TrainingSessionPage');

/** Screens of cultivation (培养教育): routes under the app layout and their menu entries. */
export const cultivationRoutes: readonly { path: string; element: ReactElement }[] = [
  { path: 'mentoring', element: <MentoringPage /> },
  { path: 'mentoring/:reserveId', element: <MenteePage /> },
  { path: 'training', element: <TrainingPage /> },
  { path: 'training/:id', element: <TrainingSessionPage /> },
  { path: 'reserves/:id/cultivation', element: <ReserveCultivationPage /> },
  { path: 'talent-grid', element: <TalentGridPage /> },
  { path: 'reminders', element: <RemindersPage /> },
];

export const CULTIVATION_NAVIGATION: readonly { path: string; label: string; icon: ReactNode; permission?: Permission | readonly Permission[] }[] = [
  { path: '/mentoring', label: '结对帮带', icon: <TeamOutlined />, permission: ['mentoring.log', 'cultivation.read'] },
  { path: '/training', label: '培训管理', icon: <ReadOutlined />, permission: 'cultivation.read' },
  { path: '/talent-grid', label: '潜力评定', icon: <AppstoreOutlined />, permission: 'cultivation.read' },
  { path: '/reminders', label: '培养提醒', icon: <AlertOutlined />, permission: 'cultivation.read' },
];
