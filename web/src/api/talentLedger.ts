import { api, type Query } from './client.ts';
import type { CreatedLedgerEntry, CreateLedgerEntryInput, LedgerEntry, LedgerList, UpdateLedgerEntryInput } from './types.ts';

export const talentLedgerApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<LedgerList>('/api/talent-ledger', query, signal),
  create: (input: CreateLedgerEntryInput) => api.post<CreatedLedgerEntry>('/api/talent-ledger', input),
  update: (id: string, input: UpdateLedgerEntryInput) => api.patch<LedgerEntry>(`/api/talent-ledger/${encodeURIComponent(id)}`, input),
};
