import { z } from 'zod';
import { errorResponses } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { sendTableExport } from '../../server/xlsx-table.ts';
import { exportLoginEvents } from '../auth/export-login-events.ts';
import { ZAuditEventFilter, ZLoginEventFilter } from './audit.routes.ts';
import { exportAuditEvents } from './export-audit-events.ts';

const tags = ['操作日志'];

/** Exports of the audit log and the login log as xlsx (each recorded in the audit log). */
export async function auditExportRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/audit-events/export', {
    schema: { tags, summary: '导出操作日志（xlsx，筛选条件同查询，最多 50,000 条）', querystring: ZAuditEventFilter.strict(), response: { 200: z.any().describe('xlsx 文件'), ...errorResponses } },
  }, async (request, reply) => sendTableExport(reply, await exportAuditEvents(db, request.ctx, request.query), request.log, 'audit-events.xlsx'));

  app.get('/api/login-events/export', {
    schema: { tags, summary: '导出登录日志（xlsx，筛选条件同查询，最多 50,000 条）', querystring: ZLoginEventFilter.strict(), response: { 200: z.any().describe('xlsx 文件'), ...errorResponses } },
  }, async (request, reply) => sendTableExport(reply, await exportLoginEvents(db, request.ctx, request.query), request.log, 'login-events.xlsx'));
}
