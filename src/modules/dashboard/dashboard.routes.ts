import { z } from 'zod';
import { errorResponses, ZOrgCode } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { campaignProgressOf } from '../campaigns/campaign.service.ts';
import { getDashboard, listSnapshots } from './dashboard.service.ts';
import { ZDashboard, ZSnapshotList, ZSnapshotTaken } from './dashboard.schemas.ts';
import { takeSnapshots } from './take-snapshots.ts';

const tags = ['工作台与统计'];
const ZCodeParams = z.strictObject({ orgCode: ZOrgCode });

export async function dashboardRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/dashboard/:orgCode', {
    schema: {
      tags, summary: '工作台：本单位后备力量、覆盖、培训帮带和书记队伍的数字（含与上次快照相比的变化）、结构图表数据、各乡镇覆盖和村网格',
      params: ZCodeParams, response: { 200: ZDashboard, ...errorResponses },
    },
  }, async (request) => getDashboard(db, request.ctx, request.params.orgCode, {
    campaignProgress: async (unit) => (await campaignProgressOf(db, request.ctx, unit))?.progress ?? null,
  }));

  app.get('/api/dashboard/:orgCode/snapshots', {
    schema: { tags, summary: '本单位的统计快照（最近 36 次，新的在前），用于趋势和基期', params: ZCodeParams, response: { 200: ZSnapshotList, ...errorResponses } },
  }, async (request) => listSnapshots(db, request.ctx, request.params.orgCode));

  app.post('/api/dashboard/:orgCode/snapshots', {
    schema: {
      tags, summary: '立即生成本单位及下级（至乡镇）今天的统计快照（同一天再次生成时替换）', params: ZCodeParams,
      response: { 201: ZSnapshotTaken, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await takeSnapshots(db, request.ctx, request.params.orgCode)));
}
