import { z } from 'zod';
import { errorResponses, ZUuid } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { ZCreateReserve, ZReserve, ZReserveHistory, ZReserveList, ZReserveListQuery, ZUpdateReserve } from './reserves.schemas.ts';
import { createReserve, listReserveHistory, listReserves, updateReserve } from './reserves.service.ts';

const tags = ['后备力量库'];
const ZParams = z.strictObject({ id: ZUuid });

export async function reservesRoutes(app: App, { database, cipher }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/reserves', {
    schema: { tags, summary: '后备力量库（一镇一库、县信息库）：分页、排序、筛选', querystring: ZReserveListQuery, response: { 200: ZReserveList, ...errorResponses } },
  }, async (request) => listReserves(db, request.ctx, cipher, request.query));

  app.post('/api/reserves', {
    schema: { tags, summary: '直接登记已有后备力量（如纸质名册上的人员）', body: ZCreateReserve, response: { 201: ZReserve, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createReserve(db, request.ctx, request.body)));

  app.patch('/api/reserves/:id', {
    schema: { tags, summary: '修改后备力量信息', params: ZParams, body: ZUpdateReserve, response: { 200: ZReserve, ...errorResponses } },
  }, async (request) => updateReserve(db, request.ctx, request.params.id, request.body));

  app.get('/api/reserves/:id/history', {
    schema: { tags, summary: '状态变化历史', params: ZParams, response: { 200: ZReserveHistory, ...errorResponses } },
  }, async (request) => listReserveHistory(db, request.ctx, request.params.id));
}
