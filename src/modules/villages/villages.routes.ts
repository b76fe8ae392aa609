import { z } from 'zod';
import { errorResponses, ZError, ZOrgCode, ZUuid } from '../../server/schemas.ts';
import { attachmentDisposition, sendTableExport, XLSX_TYPE } from '../../server/xlsx-table.ts';
import { requireXlsxBody, ZImportRejected } from '../roster/roster.routes.ts';
import { buildCommitteeTemplate } from './committee-template.ts';
import { exportCommittees } from './export-committees.ts';
import { annotateCommitteeErrors, importCommittees } from './import-committees.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { addMember, listVacancies, memberLeaves, openVacancy } from './committee-roster.ts';
import { listSecretaries, recordDiscipline, recordReview, recordTraining } from './secretary-team.ts';
import { getVillagePage, updateVillageProfile } from './village-page.ts';
import {
  ZAddMember, ZMember, ZMemberLeaves, ZOpenVacancy, ZProfile, ZRecordDiscipline, ZRecordReview, ZRecordTraining, ZRoster, ZSaveProfile, ZSecretaryList, ZVacancy, ZVacancyList, ZVillagePage,
} from './villages.schemas.ts';

const tags = ['村情与“两委”'];
const ZCodeParams = z.strictObject({ orgCode: ZOrgCode });
const ZIdParams = z.strictObject({ id: ZUuid });

const ZCommitteeImportQuery = z.strictObject({
  orgCode: ZOrgCode.describe('导入到的单位：县、乡镇或村（社区）'),
  dryRun: z.enum(['true', 'false']).transform((value) => value === 'true').optional().describe('预检：完整检查并计算结果，不保存'),
});
const ZCommitteeImportResult = z.object({
  total: z.number().int(), seated: z.number().int(), unchanged: z.number().int(), createdPeople: z.number().int(), isDryRun: z.boolean(),
});

export async function villagesRoutes(app: App, { database, cipher }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/villages/:orgCode', {
    schema: {
      tags, summary: '村（社区）页面：村情与需要的类型、“两委”名册（含届别和离任）、空缺职务、覆盖情况和书记接任人选', params: ZCodeParams,
      response: { 200: ZVillagePage, ...errorResponses },
    },
  }, async (request) => getVillagePage(db, request.ctx, request.params.orgCode));

  app.put('/api/villages/:orgCode/profile', {
    schema: { tags, summary: '维护村情（需要的类型由村情推出，调整须说明理由）', params: ZCodeParams, body: ZSaveProfile, response: { 200: ZProfile, ...errorResponses } },
  }, async (request) => updateVillageProfile(db, request.ctx, request.params.orgCode, request.body));

  app.post('/api/villages/:orgCode/committee-members', {
    schema: { tags, summary: '登记“两委”或村务监督委员会成员', params: ZCodeParams, body: ZAddMember, response: { 201: ZMember, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await addMember(db, request.ctx, { orgCode: request.params.orgCode, ...request.body })));

  app.post('/api/committee-members/:id/leaving', {
    schema: {
      tags, summary: '登记成员离任（届满以外的离任形成届中出缺）', params: ZIdParams, body: ZMemberLeaves,
      response: { 200: z.object({ memberId: z.string(), vacancyId: z.string().nullable() }), ...errorResponses },
    },
  }, async (request) => memberLeaves(db, request.ctx, request.params.id, request.body));

  app.get('/api/vacancies', {
    schema: {
      tags, summary: '空缺职务（届中出缺和换届前预留的职务）',
      querystring: z.strictObject({ orgCode: ZOrgCode.optional(), openOnly: z.enum(['true', 'false']).optional() }), response: { 200: ZVacancyList, ...errorResponses },
    },
  }, async (request) => listVacancies(db, request.ctx, { orgCode: request.query.orgCode, openOnly: request.query.openOnly !== 'false' }));

  app.post('/api/vacancies', {
    schema: { tags, summary: '登记空缺职务', body: ZOpenVacancy, response: { 201: ZVacancy, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await openVacancy(db, request.ctx, request.body)));

  app.get('/api/secretaries', {
    schema: { tags: ['书记队伍'], summary: '村党组织书记队伍：述职评议和处分', querystring: z.strictObject({ orgCode: ZOrgCode }), response: { 200: ZSecretaryList, ...errorResponses } },
  }, async (request) => listSecretaries(db, request.ctx, request.query.orgCode));

  app.post('/api/secretaries/:id/reviews', {
    schema: { tags: ['书记队伍'], summary: '登记半年述职评议（双述双评）', params: ZIdParams, body: ZRecordReview, response: { 201: z.object({ id: z.string() }), ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await recordReview(db, request.ctx, request.params.id, request.body)));

  app.post('/api/secretaries/:id/discipline', {
    schema: { tags: ['书记队伍'], summary: '登记处分', params: ZIdParams, body: ZRecordDiscipline, response: { 201: z.object({ id: z.string() }), ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await recordDiscipline(db, request.ctx, request.params.id, request.body)));

  app.post('/api/secretaries/:id/training', {
    schema: { tags: ['书记队伍'], summary: '登记书记参加的培训（集中培训、党校培训、外出考察等）', params: ZIdParams, body: ZRecordTraining, response: { 201: z.object({ id: z.string() }), ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await recordTraining(db, request.ctx, request.params.id, request.body)));

  app.get('/api/committees/template', {
    schema: { tags, summary: '“两委”名册导入模板（含下拉列表和填写说明）', response: { 200: z.any().describe('xlsx 文件'), ...errorResponses } },
  }, async (request, reply) => {
    request.ctx.access.requireAnywhere('village.manage', '导入“两委”名册');
    return reply.type(XLSX_TYPE).header('Content-Disposition', attachmentDisposition('村“两委”成员名册导入模板.xlsx', 'committees-template.xlsx')).send(await buildCommitteeTemplate(db));
  });

  app.post('/api/committees/import', {
    schema: {
      tags,
      summary: '导入县、乡镇或村的现任“两委”及村务监督委员会成员：请求体为 .xlsx 文件本身；全部正确才导入，有错误时不导入并返回每处错误的行和列；按身份证号码查找或新建人员；已在任的同一职务再次导入不作改动',
      querystring: ZCommitteeImportQuery,
      response: { 200: ZCommitteeImportResult, ...errorResponses, 413: ZError, 415: ZError, 422: ZImportRejected },
    },
  }, async (request) => importCommittees(db, request.ctx, cipher, { orgCode: request.query.orgCode, file: requireXlsxBody(request.body), dryRun: request.query.dryRun === true }));

  app.post('/api/committees/import/errors', {
    schema: {
      tags,
      summary: '对同一“两委”名册文件返回标注了错误的 xlsx（错误单元格标红并附批注，末列为错误说明）',
      querystring: z.strictObject({ orgCode: ZOrgCode }),
      response: { 200: z.any().describe('xlsx 文件'), ...errorResponses, 413: ZError, 415: ZError },
    },
  }, async (request, reply) => {
    const annotated = await annotateCommitteeErrors(db, request.ctx, cipher, { orgCode: request.query.orgCode, file: requireXlsxBody(request.body) });
    return reply.type(XLSX_TYPE).header('Content-Disposition', attachmentDisposition('“两委”名册错误标注.xlsx', 'committees-errors.xlsx')).send(annotated);
  });

  app.get('/api/committees/export', {
    schema: {
      tags,
      summary: '导出单位下各村（社区）在任“两委”及村务监督委员会成员（xlsx，列同导入模板，可修改后再导入）；默认脱敏，includeSensitive=true 时导出完整号码（须有权限，记入操作日志）',
      querystring: z.strictObject({ orgCode: ZOrgCode, includeSensitive: z.enum(['true', 'false']).transform((value) => value === 'true').optional() }),
      response: { 200: z.any().describe('xlsx 文件'), ...errorResponses },
    },
  }, async (request, reply) => sendTableExport(reply, await exportCommittees(db, request.ctx, cipher, request.query), request.log, 'committees.xlsx'));
}
