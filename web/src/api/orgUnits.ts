import { api } from './client.ts';
import type { OrgUnit, OrgUnitDetail } from './types.ts';

export const orgUnitsApi = {
  roots: (signal?: AbortSignal) => api.get<OrgUnit[]>('/api/org-units/roots', undefined, signal),
  get: (code: string, signal?: AbortSignal) => api.get<OrgUnitDetail>(`/api/org-units/${encodeURIComponent(code)}`, undefined, signal),
  children: (code: string, signal?: AbortSignal) => api.get<OrgUnit[]>(`/api/org-units/${encodeURIComponent(code)}/children`, undefined, signal),
  search: (q: string, signal?: AbortSignal) => api.get<OrgUnit[]>('/api/org-units/search', { q }, signal),
  rename: (code: string, name: string, version: number) => api.patch<OrgUnit>(`/api/org-units/${encodeURIComponent(code)}`, { name, version }),
  addVillagerGroup: (code: string, name: string) => api.post<OrgUnit>(`/api/org-units/${encodeURIComponent(code)}/villager-groups`, { name }),
};
