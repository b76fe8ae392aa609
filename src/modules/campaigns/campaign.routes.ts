import { z } from 'zod';
import { errorResponses, ZOrgCode, ZUuid } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { confirmMilestone, createCampaign, getCampaign, listCampaigns, updateMilestone } from './campaign.service.ts';
import { ZCampaign, ZCampaignList, ZCampaignView, ZConfirmMilestone, ZCreateCampaign, ZUpdateMilestone } from './campaign.schemas.ts';

const tags = ['三年行动'];
const ZIdParams = z.strictObject({ id: ZUuid });

export async function campaignRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.post('/api/campaigns', {
    schema: { tags, summary: '制定行动方案：按 seed 000 的进度安排生成各项节点（日期可修改）', body: ZCreateCampaign, response: { 201: ZCampaign, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createCampaign(db, request.ctx, request.body)));

  app.get('/api/campaigns', {
    schema: { tags, summary: '本单位执行的（本级和上级制定的）及下级制定的行动方案', querystring: z.strictObject({ orgCode: ZOrgCode }), response: { 200: ZCampaignList, ...errorResponses } },
  }, async (request) => listCampaigns(db, request.ctx, request.query.orgCode));

  app.get('/api/campaigns/:id', {
    schema: {
      tags, summary: '行动方案进度：各节点在各村、各乡镇的完成、未到期、逾期情况（逐级汇总），及目标的基期、现状和目标值',
      params: ZIdParams, querystring: z.strictObject({ orgCode: ZOrgCode.optional() }), response: { 200: ZCampaignView, ...errorResponses },
    },
  }, async (request) => getCampaign(db, request.ctx, request.params.id, request.query.orgCode));

  app.patch('/api/campaign-milestones/:id', {
    schema: {
      tags, summary: '修改进度安排的完成时限', params: ZIdParams, body: ZUpdateMilestone,
      response: { 200: z.object({ id: z.string(), deadline: z.string(), version: z.number().int() }), ...errorResponses },
    },
  }, async (request) => updateMilestone(db, request.ctx, request.params.id, request.body));

  app.post('/api/campaign-milestones/:id/confirmations', {
    schema: {
      tags, summary: '确认某村或某乡镇已完成该节点（数据无法反映时，附佐证材料说明）', params: ZIdParams, body: ZConfirmMilestone,
      response: { 201: z.object({ milestoneId: z.string(), orgCode: z.string(), confirmedOn: z.string(), evidence: z.string(), actorName: z.string() }), ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await confirmMilestone(db, request.ctx, request.params.id, request.body)));
}
