import { z } from 'zod';
import { APPOINTMENT_ACTIONS, APPOINTMENT_OUTCOMES, APPOINTMENT_STAGES } from '../../domain/appointment-procedure.ts';
import { COMMITTEES, POSTS } from '../../domain/committee.ts';
import { errorResponses, optionalParagraph, requiredParagraph, ZDate, ZOrgCode, ZUuid, ZVersion } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { getAppointment, handleAppointmentObjection, listAppointments, recommendReserve, recordAppointmentObjection, recordByElection, takeAppointmentStep } from './appoint-reserve.ts';
import { exportAppointmentForm } from './export-appointment-form.ts';
import { suggestForVacancy } from './suggest-for-post.ts';

const tags = ['择优使用'];
const ZIdParams = z.strictObject({ id: ZUuid });

const ZSuggestions = z.object({
  vacancy: z.object({
    id: z.string(), orgCode: z.string(), villageName: z.string(), committee: z.enum(COMMITTEES), post: z.enum(POSTS), postLabel: z.string(),
    openedOn: z.string(), cause: z.string(), closedOn: z.string().nullable(),
  }),
  need: z.enum(['mature', 'youngPotential']).nullable(), needExplanation: z.string(), considered: z.number().int(),
  suggestions: z.array(z.object({
    rank: z.number().int(), reserveId: z.string(), reserveVersion: z.number().int(), name: z.string(), villageName: z.string(),
    proximity: z.enum(['ownVillage', 'township', 'county']), isEligible: z.boolean(),
    reasons: z.array(z.object({ kind: z.enum(['plus', 'minus', 'info']), text: z.string() })),
  })),
});

const ZNotice = z.object({ orgCode: z.string(), startsOn: z.string(), endsOn: z.string(), workingDays: z.number().int() });
const ZAppointment = z.object({
  id: z.string(), vacancyId: z.string().nullable(), orgCode: z.string(), villageName: z.string(), homeOrgCode: z.string(), homeVillageName: z.string(),
  isCrossVillage: z.boolean(), committee: z.enum(COMMITTEES), post: z.enum(POSTS), postLabel: z.string(), isElectedPost: z.boolean(),
  reserveId: z.string(), personName: z.string(), termYear: z.number().int(), stage: z.enum(APPOINTMENT_STAGES), stageLabel: z.string(), outcome: z.enum(APPOINTMENT_OUTCOMES),
  notices: z.array(ZNotice), requiredNoticeVillages: z.array(z.string()),
  byElection: z.object({ heldOn: z.string(), eligibleVoters: z.number(), votesCast: z.number(), votesFor: z.number() }).nullable(),
  effectiveOn: z.string().nullable(), memberId: z.string().nullable(),
  steps: z.array(z.object({ action: z.string(), occurredOn: z.string(), actorName: z.string(), details: z.record(z.string(), z.unknown()) })),
  objections: z.array(z.object({
    id: z.string(), receivedOn: z.string(), content: z.string(), handling: z.string().nullable(), isSubstantiated: z.boolean().nullable(),
    handledOn: z.string().nullable(), handledBy: z.string().nullable(),
  })),
  version: z.number().int(),
  policies: z.object({ next: z.enum(APPOINTMENT_ACTIONS).nullable(), refuse: z.boolean(), withdraw: z.boolean(), objections: z.boolean(), byElection: z.boolean() }),
});

const ZRecommend = z.strictObject({
  vacancyId: ZUuid.nullable().optional(),
  orgCode: ZOrgCode.optional().describe('无空缺记录时：拟任职的村（社区）'),
  committee: z.enum(COMMITTEES, '请选择组织').optional(),
  post: z.enum(POSTS, '请选择职务').optional(),
  reserveId: ZUuid,
  termYear: z.number().int().min(1990, '届别年份不正确').max(2100, '届别年份不正确'),
  recommendedOn: ZDate.describe('村（社区）党组织研究推荐的日期'),
  basis: requiredParagraph('推荐意见（会议、理由）', 1000),
});

const ZStep = z.strictObject({
  action: z.enum(APPOINTMENT_ACTIONS, '步骤不正确'),
  occurredOn: ZDate,
  version: ZVersion,
  note: optionalParagraph('意见', 1000),
  noticeStarts: z.array(z.strictObject({ orgCode: ZOrgCode, startsOn: ZDate })).max(2).optional().describe('发布公示时：每个公示村（社区）的开始日期'),
});

export async function appointmentsRoutes(app: App, { database, cipher }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/reserves/:id/appointment-form', {
    schema: {
      tags, summary: '导出后备力量的干部任免审批表交换文件（.lrmx，任免审批表软件可读的 XML）：基本情况、学历、现任和拟任职务、简历、家庭成员、照片；身份证号码默认脱敏，每次导出记入操作日志',
      params: ZIdParams,
      querystring: z.strictObject({
        includeSensitive: z.enum(['true', 'false'], 'includeSensitive 只能是 true 或 false').transform((value) => value === 'true').optional()
          .describe('true：写入完整身份证号码（须有查看权限，记入操作日志）；默认写入脱敏号码'),
      }),
      response: { 200: z.any().describe('.lrmx 文件（UTF-8 XML）'), ...errorResponses },
    },
  }, async (request, reply) => {
    const file = await exportAppointmentForm(db, request.ctx, cipher, request.params.id, { includeSensitive: request.query.includeSensitive === true });
    return reply.type('application/xml; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="appointment-form.lrmx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.data);
  });

  app.get('/api/vacancies/:id/suggestions', {
    schema: { tags, summary: '空缺职务的建议人选：本村优先，其次本乡镇、全县统筹，逐项说明理由', params: ZIdParams, response: { 200: ZSuggestions, ...errorResponses } },
  }, async (request) => suggestForVacancy(db, request.ctx, request.params.id));

  app.get('/api/appointments', {
    schema: { tags, summary: '任用事项', querystring: z.strictObject({ outcome: z.enum(APPOINTMENT_OUTCOMES, '状态不正确').optional() }), response: { 200: z.object({ appointments: z.array(z.object({
      id: z.string(), personName: z.string(), villageName: z.string(), homeVillageName: z.string(), postLabel: z.string(), stage: z.enum(APPOINTMENT_STAGES), stageLabel: z.string(),
      outcome: z.enum(APPOINTMENT_OUTCOMES), effectiveOn: z.string().nullable(),
    })) }), ...errorResponses } },
  }, async (request) => listAppointments(db, request.ctx, request.query));

  app.post('/api/appointments', {
    schema: { tags, summary: '村（社区）党组织推荐后备力量任职', body: ZRecommend, response: { 201: ZAppointment, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await recommendReserve(db, request.ctx, request.body)));

  app.get('/api/appointments/:id', {
    schema: { tags, summary: '任用事项详情：步骤、公示、反映的问题', params: ZIdParams, response: { 200: ZAppointment, ...errorResponses } },
  }, async (request) => getAppointment(db, request.ctx, request.params.id));

  app.post('/api/appointments/:id/steps', {
    schema: { tags, summary: '办理一步：乡镇审批、县备案、发布公示、任职生效、不予同意或撤回', params: ZIdParams, body: ZStep, response: { 200: ZAppointment, ...errorResponses } },
  }, async (request) => takeAppointmentStep(db, request.ctx, request.params.id, request.body));

  app.post('/api/appointments/:id/objections', {
    schema: { tags, summary: '登记公示期间反映的问题', params: ZIdParams, body: z.strictObject({ receivedOn: ZDate, content: requiredParagraph('反映的问题', 2000) }), response: { 200: ZAppointment, ...errorResponses } },
  }, async (request) => recordAppointmentObjection(db, request.ctx, request.params.id, request.body));

  app.post('/api/appointment-objections/:id/handling', {
    schema: {
      tags, summary: '登记问题的办理结果', params: ZIdParams,
      body: z.strictObject({ handling: requiredParagraph('办理结果', 2000), isSubstantiated: z.boolean('请选择是否属实'), handledOn: ZDate }), response: { 200: ZAppointment, ...errorResponses },
    },
  }, async (request) => handleAppointmentObjection(db, request.ctx, request.params.id, request.body));

  app.post('/api/appointments/:id/by-election', {
    schema: {
      tags, summary: '登记补选结果（村民委员会、村务监督委员会成员依法选举产生）', params: ZIdParams,
      body: z.strictObject({
        heldOn: ZDate, eligibleVoters: z.number().int().min(1, '请填写有选举权的人数'), votesCast: z.number().int().min(1, '请填写投票人数'), votesFor: z.number().int().min(0, '得票不能为负数'), version: ZVersion,
      }),
      response: { 200: ZAppointment, ...errorResponses },
    },
  }, async (request) => recordByElection(db, request.ctx, request.params.id, request.body));
}
