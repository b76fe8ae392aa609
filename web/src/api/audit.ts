import { api } from './client.ts';
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

export const auditApi = {
  events: (query: AuditEventQuery, signal?: AbortSignal) => api.get<Page<AuditEvent>>('/api/audit-events', { ...query }, signal),
  verify: () => api.post<AuditVerification>('/api/audit-events/verify'),
  loginEvents: (query: { page: number; pageSize: number }, signal?: AbortSignal) => api.get<Page<LoginEvent>>('/api/login-events', { ...query }, signal),
};
