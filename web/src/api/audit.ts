import { api, fetchFile, type ProgressListener, type Query } from './client.ts';
import type { AuditEvent, AuditVerification, LoginEvent, Page } from './types.ts';

export interface AuditEventQuery {
  page: number;
  pageSize: number;
  actorName?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export interface LoginEventQuery {
  page: number;
  pageSize: number;
  username?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

export const auditApi = {
  events: (query: AuditEventQuery, signal?: AbortSignal) => api.get<Page<AuditEvent>>('/api/audit-events', { ...query }, signal),
  verify: () => api.post<AuditVerification>('/api/audit-events/verify'),
  loginEvents: (query: LoginEventQuery, signal?: AbortSignal) => api.get<Page<LoginEvent>>('/api/login-events', { ...query }, signal),
  exportEvents: (query: Query, onProgress?: ProgressListener) => fetchFile('GET', '/api/audit-events/export', '操作日志.xlsx', { query, onProgress }),
  exportLoginEvents: (query: Query, onProgress?: ProgressListener) => fetchFile('GET', '/api/login-events/export', '登录日志.xlsx', { query, onProgress }),
};
