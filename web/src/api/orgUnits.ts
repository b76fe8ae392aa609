import { api } from './client.ts';
import type { OrgUnit, OrgUnitDetail } from './types.ts';

export const orgUnitsApi = {
  roots: () => api.get<OrgUnit[]>('/api/org-units/roots'),
  get: (code: string) => api.get<OrgUnitDetail>(`/api/org-units/${encodeURIComponent(code)}`),
  children: (code: string) => api.get<OrgUnit[]>(`/api/org-units/${encodeURIComponent(code)}/children`),
  search: (q: string) => api.get<OrgUnit[]>('/api/org-units/search', { q }),
  rename: (code: string, name: string, version: number) => api.patch<OrgUnit>(`/api/org-units/${encodeURIComponent(code)}`, { name, version }),
  addVillagerGroup: (code: string, name: string) => api.post<OrgUnit>(`/api/org-units/${encodeURIComponent(code)}/villager-groups`, { name }),
};
