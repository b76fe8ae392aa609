import { z } from 'zod';
import { errorResponses, ZUuid } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { ZCreateReserve, ZReserve, ZReserveHistory, ZReserveList, ZReserveListQuery, ZUpdateReserve } from './reserves.schemas.ts';
import { createReserve, listReserveHistory, listReserves, updateReserve } from './reserves.service.ts';
import { ZAdjustmentList, ZAdjustmentQuery, ZDecideRemoval, ZFileRemoval, ZProposeRemoval, ZRemoval, ZRemovalList, ZRemovalListQuery } from './reserve-removal.schemas.ts';
import { listAdjustmentSuggestions } from './adjustment-suggestions.ts';
import { decideRemoval, fileRemoval, listRemovals, proposeRemoval } from './reserve-removal.ts';

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

  const removalTags = ['后备力量调整（取消资格）'];

  app.get('/api/reserve-removals', {
    schema: { tags: removalTags, summary: '调整建议：待审批、待备案和已办结的', querystring: ZRemovalListQuery, response: { 200: ZRemovalList, ...errorResponses } },
  }, async (request) => listRemovals(db, request.ctx, request.query));

  app.get('/api/reserve-adjustments', {
    schema: { tags: removalTags, summary: '建议调整名单：年度考核不合格、两次基本合格或已不符合资格条件的后备力量（仅为建议）', querystring: ZAdjustmentQuery, response: { 200: ZAdjustmentList, ...errorResponses } },
  }, async (request) => listAdjustmentSuggestions(db, request.ctx, request.query));

  app.post('/api/reserve-removals', {
    schema: { tags: removalTags, summary: '村（社区）党组织提出调整建议', body: ZProposeRemoval, response: { 201: ZRemoval, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await proposeRemoval(db, request.ctx, request.body)));

  app.post('/api/reserve-removals/:id/decision', {
    schema: { tags: removalTags, summary: '乡镇党委审批调整建议（同意即调整出库）', params: ZParams, body: ZDecideRemoval, response: { 200: ZRemoval, ...errorResponses } },
  }, async (request) => decideRemoval(db, request.ctx, request.params.id, request.body));

  app.post('/api/reserve-removals/:id/filing', {
    schema: { tags: removalTags, summary: '县委组织部备案', params: ZParams, body: ZFileRemoval, response: { 200: ZRemoval, ...errorResponses } },
  }, async (request) => fileRemoval(db, request.ctx, request.params.id, request.body));
}
