import { api, fetchFile, request, type ProgressListener, type Query } from './client.ts';
import { XLSX_TYPE } from './roster.ts';
import type { CreatedLedgerEntry, CreateLedgerEntryInput, LedgerEntry, LedgerList, RosterImportResult, UpdateLedgerEntryInput } from './types.ts';

export const talentLedgerApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<LedgerList>('/api/talent-ledger', query, signal),
  create: (input: CreateLedgerEntryInput) => api.post<CreatedLedgerEntry>('/api/talent-ledger', input),
  update: (id: string, input: UpdateLedgerEntryInput) => api.patch<LedgerEntry>(`/api/talent-ledger/${encodeURIComponent(id)}`, input),
  /** The ledger with the list's filters, in the import template's columns (masked unless includeSensitive). */
  export: (query: Query, onProgress?: ProgressListener) => fetchFile('GET', '/api/talent-ledger/export', '人才台账.xlsx', { query, onProgress }),
  /** Imports all rows or none, like the roster (422 IMPORT_REJECTED with the problems). */
  import: (orgCode: string, file: Blob) =>
    request<RosterImportResult>('POST', '/api/talent-ledger/import', { query: { orgCode }, raw: { data: file, contentType: XLSX_TYPE } }),
};
