import { api } from './client.ts';
import type { DictionaryItem, DictionaryList } from './types.ts';

export const dictionariesApi = {
  list: (signal?: AbortSignal) => api.get<DictionaryList>('/api/dictionaries', undefined, signal),
  addItem: (dictionary: string, input: { code: string; label: string; sortOrder: number }) =>
    api.post<DictionaryItem>(`/api/dictionaries/${encodeURIComponent(dictionary)}/items`, input),
  updateItem: (id: string, input: { label?: string; sortOrder?: number; isEnabled?: boolean; version: number }) =>
    api.patch<DictionaryItem>(`/api/dictionary-items/${encodeURIComponent(id)}`, input),
};
