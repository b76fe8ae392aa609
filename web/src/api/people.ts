import { api, request } from './client.ts';
import type { Person, RevealedPerson, UpdatePersonInput } from './types.ts';

export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

const base = (id: string) => `/api/people/${encodeURIComponent(id)}`;

export const peopleApi = {
  get: (id: string, signal?: AbortSignal) => api.get<Person>(base(id), undefined, signal),
  update: (id: string, input: UpdatePersonInput) => api.patch<Person>(base(id), input),
  /** Full ID number and phone; the server records the view in the audit log. */
  reveal: (id: string) => api.post<RevealedPerson>(`${base(id)}/reveal`),
  uploadPhoto: (id: string, file: Blob, contentType: string) => request<null>('PUT', `${base(id)}/photo`, { raw: { data: file, contentType } }),
  /** For <img src>: the session cookie goes along; `version` defeats the browser cache after an upload. */
  photoUrl: (id: string, version: number) => `${base(id)}/photo?v=${version}`,
};
