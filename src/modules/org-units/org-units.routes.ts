import { z } from 'zod';
import { errorResponses } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import {
  ZCountyImportResult, ZCreateVillagerGroup, ZImportCounty, ZOrgUnit, ZOrgUnitDetail, ZOrgUnitParams, ZOrgUnitSearch, ZUpdateOrgUnit,
} from './org-units.schemas.ts';
import { createVillagerGroup, getUnit, importCounty, listChildUnits, listRootUnits, searchUnits, updateUnit } from './org-units.service.ts';

const tags = ['组织机构'];

export async function orgUnitsRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/org-units/roots', {
    schema: { tags, summary: '本人管理范围的顶层单位', response: { 200: z.array(ZOrgUnit), ...errorResponses } },
  }, async (request) => listRootUnits(db, request.ctx));

  app.get('/api/org-units/search', {
    schema: { tags, summary: '按名称或代码搜索单位（限管理范围内）', querystring: ZOrgUnitSearch, response: { 200: z.array(ZOrgUnit), ...errorResponses } },
  }, async (request) => searchUnits(db, request.ctx, request.query.q));

  app.get('/api/org-units/:code', {
    schema: { tags, summary: '单位详情', params: ZOrgUnitParams, response: { 200: ZOrgUnitDetail, ...errorResponses } },
  }, async (request) => getUnit(db, request.ctx, request.params.code));

  app.get('/api/org-units/:code/children', {
    schema: { tags, summary: '下级单位（逐级展开）', params: ZOrgUnitParams, response: { 200: z.array(ZOrgUnit), ...errorResponses } },
  }, async (request) => listChildUnits(db, request.ctx, request.params.code));

  app.patch('/api/org-units/:code', {
    schema: { tags, summary: '修改单位名称', params: ZOrgUnitParams, body: ZUpdateOrgUnit, response: { 200: ZOrgUnit, ...errorResponses } },
  }, async (request) => updateUnit(db, request.ctx, request.params.code, request.body));

  app.post('/api/org-units/:code/villager-groups', {
    schema: { tags, summary: '在村下增加村民小组', params: ZOrgUnitParams, body: ZCreateVillagerGroup, response: { 201: ZOrgUnit, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createVillagerGroup(db, request.ctx, request.params.code, request.body)));

  app.post('/api/org-units/import', {
    schema: { tags, summary: '从行政区划数据导入一个县（区）', body: ZImportCounty, response: { 200: ZCountyImportResult, ...errorResponses } },
  }, async (request) => importCounty(db, request.ctx, request.body.countyCode));
}
