import { api, fetchFile, type DownloadedFile, type ProgressListener, type Query } from './client.ts';
import type { CreateReserveInput, Reserve, ReserveHistoryEntry, ReserveList, UpdateReserveInput } from './types.ts';

export const reservesApi = {
  appointmentForm: (id: string, includeSensitive: boolean, onProgress?: ProgressListener): Promise<DownloadedFile> =>
    fetchFile('GET', `/api/reserves/${encodeURIComponent(id)}/appointment-form`, '干部任免审批表.lrmx', { query: includeSensitive ? { includeSensitive: 'true' } : {}, onProgress }),
  list: (query: Query, signal?: AbortSignal) => api.get<ReserveList>('/api/reserves', query, signal),
  create: (input: CreateReserveInput) => api.post<Reserve>('/api/reserves', input),
  update: (id: string, input: UpdateReserveInput) => api.patch<Reserve>(`/api/reserves/${encodeURIComponent(id)}`, input),
  history: (id: string, signal?: AbortSignal) => api.get<ReserveHistoryEntry[]>(`/api/reserves/${encodeURIComponent(id)}/history`, undefined, signal),
};
