import type { ReactElement } from 'react';
import { page } from './lazyPage.tsx';

const AppointmentPage = page(() => import('../pages/villages/AppointmentPage.tsx'), 'AppointmentPage');
const VacancyPage = page(() => import('../pages/villages/VacancyPage.tsx'), 'VacancyPage');
const VillagePage = page(() => import('../pages/villages/VillagePage.tsx'), 'VillagePage');

/** Screens of management and use (管、用): villages, vacancies and appointments, coverage, removals, the secretary team. */
export const villageRoutes: readonly { path: string; element: ReactElement }[] = [
  { path: 'villages/:orgCode', element: <VillagePage /> },
  { path: 'vacancies/:id', element: <VacancyPage /> },
  { path: 'appointments/:id', element: <AppointmentPage /> },
];
