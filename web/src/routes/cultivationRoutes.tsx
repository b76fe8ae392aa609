import type { ReactElement, ReactNode } from 'react';
import type { Permission } from '../api/types.ts';

/** Screens of cultivation (培养教育): routes under the app layout and their menu entries. */
export const cultivationRoutes: readonly { path: string; element: ReactElement }[] = [];

export const CULTIVATION_NAVIGATION: readonly { path: string; label: string; icon: ReactNode; permission?: Permission }[] = [];
