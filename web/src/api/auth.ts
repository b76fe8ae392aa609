import { api } from './client.ts';
import type { Me } from './types.ts';

export const authApi = {
  login: (username: string, password: string) => api.post<Me>('/api/auth/login', { username, password }),
  logout: () => api.post<null>('/api/auth/logout'),
  me: (signal?: AbortSignal) => api.get<Me>('/api/auth/me', undefined, signal),
  changePassword: (currentPassword: string, newPassword: string) => api.post<null>('/api/auth/password', { currentPassword, newPassword }),
};
