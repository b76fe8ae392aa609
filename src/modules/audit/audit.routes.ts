import { z } from 'zod';
import { errorResponses, singleLineText, ZDate, ZPageQuery } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { LOGIN_OUTCOMES } from '../../domain/audit-labels.ts';
import { listLoginEvents } from '../auth/login-log.ts';
import { describeAuditAnchors, exportAuditCheckpoints, searchAuditEvents, verifyAuditLog } from './audit.service.ts';

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
  chain: z.string().nullable().describe('日志链：县级代码，或 system（县级以上）；早期日志为空'),
  chainSeq: z.number().int().nullable(),
}).meta({ id: 'AuditEvent' });

/** Filters of the audit log (list and export). */
export const ZAuditEventFilter = z.object({
  actorName: singleLineText('操作人', 32).optional(),
  action: singleLineText('操作', 64).optional(),
  entityType: singleLineText('对象类型', 64).optional(),
  entityId: singleLineText('对象编号', 64).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});

/** Filters of the login log (list and export). */
export const ZLoginEventFilter = z.object({
  username: singleLineText('用户名', 64).optional(),
  outcome: z.enum(LOGIN_OUTCOMES).optional().describe('success 成功 / wrongPassword 密码错误 / unknownUser 用户不存在 / locked 账户已锁定 / disabled 账户已停用'),
  from: ZDate.optional(),
  to: ZDate.optional(),
});

const ZChainHead = z.object({ chain: z.string(), count: z.number().int(), hash: z.string() });
const ZCheckpoint = z.object({ at: z.string(), heads: z.array(ZChainHead), mac: z.string() }).meta({ id: 'AuditCheckpoint' });

export async function auditRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/audit-events', {
    schema: {
      tags,
      summary: '查询操作日志（限管理范围内）',
      querystring: ZPageQuery.extend(ZAuditEventFilter.shape).strict(),
      response: { 200: z.object({ total: z.number().int(), events: z.array(ZAuditEvent) }), ...errorResponses },
    },
  }, async (request) => searchAuditEvents(db, request.ctx, request.query));

  app.get('/api/login-events', {
    schema: {
      tags,
      summary: '登录日志（可按用户名、结果、日期筛选）',
      querystring: ZPageQuery.extend(ZLoginEventFilter.shape).strict(),
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
      summary: '校验操作日志：每条日志链（各县一条，县级以上一条）逐条校验，并与库外最近的检查点比对（发现被删除的最新日志）',
      response: {
        200: z.object({
          checked: z.number().int(),
          firstBreak: z.object({
            kind: z.enum(['missing', 'tampered', 'relinked', 'truncated', 'rewritten']),
            chain: z.string().nullable(),
            id: z.number().int().optional(),
            expectedId: z.number().int().optional(),
            foundId: z.number().int().optional(),
            seq: z.number().int().optional(),
            expectedSeq: z.number().int().optional(),
            foundSeq: z.number().int().optional(),
            checkpointAt: z.string().optional(),
            checkpointCount: z.number().int().optional(),
            foundCount: z.number().int().optional(),
          }).nullable(),
          checkpoint: ZCheckpoint.nullable(),
          message: z.string(),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => verifyAuditLog(db, request.ctx));

  app.get('/api/audit-events/checkpoints', {
    schema: {
      tags,
      summary: '操作日志各链当前的链头（条数与哈希）和最近一次写入库外文件的检查点，供留档',
      response: { 200: z.object({ heads: z.array(ZChainHead), lastCheckpoint: ZCheckpoint.nullable(), isKept: z.boolean() }), ...errorResponses },
    },
  }, async (request) => describeAuditAnchors(db, request.ctx));

  app.get('/api/audit-events/checkpoints/export', {
    schema: { tags, summary: '导出全部检查点（每行一个 JSON），另行保存以便日后比对', response: { 200: z.string(), ...errorResponses } },
  }, async (request, reply) => {
    const text = exportAuditCheckpoints(request.ctx);
    return reply.type('application/x-ndjson; charset=utf-8').header('Content-Disposition', 'attachment; filename="audit-checkpoints.jsonl"').send(text);
  });
}
