import { api } from './client.ts';
import type { RoleInput, User, UserList, UserWithPassword } from './types.ts';

export interface UserListQuery {
  page: number;
  pageSize: number;
  search?: string;
  orgCode?: string;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  orgCode: string;
  roles: RoleInput[];
}

export interface UpdateUserInput {
  displayName?: string;
  isDisabled?: boolean;
  roles?: RoleInput[];
  version: number;
}

export const usersApi = {
  list: (query: UserListQuery, signal?: AbortSignal) => api.get<UserList>('/api/users', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<User>(`/api/users/${encodeURIComponent(id)}`, undefined, signal),
  create: (input: CreateUserInput) => api.post<UserWithPassword>('/api/users', input),
  update: (id: string, input: UpdateUserInput) => api.patch<User>(`/api/users/${encodeURIComponent(id)}`, input),
  resetPassword: (id: string, version: number) => api.post<UserWithPassword>(`/api/users/${encodeURIComponent(id)}/reset-password`, { version }),
};
