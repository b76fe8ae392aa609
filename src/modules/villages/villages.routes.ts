import { z } from 'zod';
import { errorResponses, ZOrgCode, ZUuid } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { ZVillageCoverage } from '../coverage/coverage.routes.ts';
import { addMember, listVacancies, memberLeaves, openVacancy } from './committee-roster.ts';
import { listSecretaries, recordDiscipline, recordReview } from './secretary-team.ts';
import { getVillagePage, updateVillageProfile } from './village-page.ts';
import {
  ZAddMember, ZMember, ZMemberLeaves, ZOpenVacancy, ZProfile, ZRecordDiscipline, ZRecordReview, ZRoster, ZSaveProfile, ZSecretaryList, ZVacancy, ZVacancyList,
} from './villages.schemas.ts';

const tags = ['村情与“两委”'];
const ZCodeParams = z.strictObject({ orgCode: ZOrgCode });
const ZIdParams = z.strictObject({ id: ZUuid });

export async function villagesRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/villages/:orgCode', {
    schema: {
      tags, summary: '村（社区）页面：村情与需要的类型、“两委”名册（含届别和离任）、空缺职务、覆盖情况和书记接任人选', params: ZCodeParams,
      response: { 200: z.object({ profile: ZProfile, roster: ZRoster, coverage: ZVillageCoverage.nullable() }), ...errorResponses },
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
}
