import { AimOutlined, CrownOutlined, FlagOutlined, SwapOutlined } from '@ant-design/icons';
import type { ReactElement, ReactNode } from 'react';
import type { Permission } from '../api/types.ts';
import { page } from './lazyPage.tsx';

const AppointmentPage = page(() => import('../pages/villages/AppointmentPage.tsx'), 'AppointmentPage');
const CoveragePage = page(() => import('../pages/villages/CoveragePage.tsx'), 'CoveragePage');
const RemovalsPage = page(() => import('../pages/villages/RemovalsPage.tsx'), 'RemovalsPage');
const SecretariesPage = page(() => import('../pages/villages/SecretariesPage.tsx'), 'SecretariesPage');
const VacancyPage = page(() => import('../pages/villages/VacancyPage.tsx'), 'VacancyPage');
const VillagePage = page(() => import('../pages/villages/VillagePage.tsx'), 'VillagePage');
const ElectionBoardPage = page(() => import('../pages/elections/ElectionBoardPage.tsx'), 'ElectionBoardPage');
const TownshipElectionPage = page(() => import('../pages/elections/ElectionBoardPage.tsx'), 'TownshipElectionPage');
const VillageElectionPage = page(() => import('../pages/elections/VillageElectionPage.tsx'), 'VillageElectionPage');
const DisciplinePage = page(() => import('../pages/elections/DisciplinePage.tsx'), 'DisciplinePage');

/** Screens of management and use (管、用): villages, vacancies and appointments, coverage, removals, the secretary team, and the village 换届. */
export const villageRoutes: readonly { path: string; element: ReactElement }[] = [
  { path: 'villages/:orgCode', element: <VillagePage /> },
  { path: 'vacancies/:id', element: <VacancyPage /> },
  { path: 'appointments/:id', element: <AppointmentPage /> },
  { path: 'coverage', element: <CoveragePage /> },
  { path: 'reserve-removals', element: <RemovalsPage /> },
  { path: 'secretaries', element: <SecretariesPage /> },
  { path: 'elections', element: <ElectionBoardPage /> },
  { path: 'elections/plans/:id', element: <TownshipElectionPage /> },
  { path: 'elections/villages/:id', element: <VillageElectionPage /> },
  { path: 'elections/villages/:id/discipline', element: <DisciplinePage /> },
];

export const VILLAGE_NAVIGATION: readonly { path: string; label: string; icon: ReactNode; permission?: Permission | readonly Permission[] }[] = [
  { path: '/coverage', label: '覆盖与补充', icon: <AimOutlined />, permission: 'person.read' },
  { path: '/reserve-removals', label: '后备力量调整', icon: <SwapOutlined />, permission: ['removal.propose', 'removal.approve', 'removal.file'] },
  { path: '/secretaries', label: '书记队伍', icon: <CrownOutlined />, permission: 'secretary.review' },
  { path: '/elections', label: '村级换届', icon: <FlagOutlined />, permission: 'election.read' },
];
