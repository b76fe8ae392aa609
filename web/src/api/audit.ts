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
  events: (query: AuditEventQuery) => api.get<Page<AuditEvent>>('/api/audit-events', { ...query }),
  verify: () => api.post<AuditVerification>('/api/audit-events/verify'),
  loginEvents: (query: { page: number; pageSize: number }) => api.get<Page<LoginEvent>>('/api/login-events', { ...query }),
};
