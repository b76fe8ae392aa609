import { z } from 'zod';
import { errorResponses, singleLineText, ZDate, ZPageQuery } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { listLoginEvents } from '../auth/login-log.ts';
import { searchAuditEvents, verifyAuditLog } from './audit.service.ts';

const tags = ['操作日志'];

const ZAuditEvent = z.object({
  id: z.number().int(),
  at: z.date(),
  actorName: z.string(),
  ip: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  orgCode: z.string().nullable(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
}).meta({ id: 'AuditEvent' });

export async function auditRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/audit-events', {
    schema: {
      tags,
      summary: '查询操作日志（限管理范围内）',
      querystring: ZPageQuery.extend({
        actorName: singleLineText('操作人', 32).optional(),
        action: singleLineText('操作', 64).optional(),
        entityType: singleLineText('对象类型', 64).optional(),
        entityId: singleLineText('对象编号', 64).optional(),
        from: ZDate.optional(),
        to: ZDate.optional(),
      }).strict(),
      response: { 200: z.object({ total: z.number().int(), events: z.array(ZAuditEvent) }), ...errorResponses },
    },
  }, async (request) => searchAuditEvents(db, request.ctx, request.query));

  app.get('/api/login-events', {
    schema: {
      tags,
      summary: '登录日志',
      querystring: ZPageQuery.strict(),
      response: {
        200: z.object({
          total: z.number().int(),
          events: z.array(z.object({ id: z.number().int(), username: z.string(), ip: z.string(), outcome: z.string(), at: z.date() })),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => listLoginEvents(db, request.ctx, request.query));

  app.post('/api/audit-events/verify', {
    schema: {
      tags,
      summary: '校验操作日志哈希链，报告第一条被篡改或缺失的日志',
      response: {
        200: z.object({
          checked: z.number().int(),
          firstBreak: z.object({ kind: z.enum(['missing', 'tampered', 'relinked']), id: z.number().int().optional(), expectedId: z.number().int().optional(), foundId: z.number().int().optional() }).nullable(),
          message: z.string(),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => verifyAuditLog(db, request.ctx));
}
