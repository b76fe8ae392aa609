import { z } from 'zod';
import { APPOINTMENT_OUTCOMES } from '../../domain/appointment-procedure.ts';
import { errorResponses, ZUuid } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { ZAppointment, ZAppointmentList, ZByElection, ZHandleObjection, ZRecommend, ZRecordObjection, ZStep, ZSuggestions } from './appointments.schemas.ts';
import { getAppointment, handleAppointmentObjection, listAppointments, recommendReserve, recordAppointmentObjection, recordByElection, takeAppointmentStep } from './appoint-reserve.ts';
import { exportAppointmentForm } from './export-appointment-form.ts';
import { suggestForVacancy } from './suggest-for-post.ts';

const tags = ['择优使用'];
const ZIdParams = z.strictObject({ id: ZUuid });

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
    schema: { tags, summary: '任用事项', querystring: z.strictObject({ outcome: z.enum(APPOINTMENT_OUTCOMES, '状态不正确').optional() }), response: { 200: ZAppointmentList, ...errorResponses } },
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
    schema: { tags, summary: '登记公示期间反映的问题', params: ZIdParams, body: ZRecordObjection, response: { 200: ZAppointment, ...errorResponses } },
  }, async (request) => recordAppointmentObjection(db, request.ctx, request.params.id, request.body));

  app.post('/api/appointment-objections/:id/handling', {
    schema: {
      tags, summary: '登记问题的办理结果', params: ZIdParams,
      body: ZHandleObjection, response: { 200: ZAppointment, ...errorResponses },
    },
  }, async (request) => handleAppointmentObjection(db, request.ctx, request.params.id, request.body));

  app.post('/api/appointments/:id/by-election', {
    schema: {
      tags, summary: '登记补选结果（村民委员会、村务监督委员会成员依法选举产生）', params: ZIdParams,
      body: ZByElection,
      response: { 200: ZAppointment, ...errorResponses },
    },
  }, async (request) => recordByElection(db, request.ctx, request.params.id, request.body));
}
