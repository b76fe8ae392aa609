import { z } from 'zod';
import { COVERAGE_RULES } from '../../domain/coverage.ts';
import { errorResponses, ZOrgCode } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { getCoverage } from './coverage.service.ts';

const tags = ['覆盖与补充'];

const ZShares = z.object({ atLeastTwo: z.number().nullable(), young: z.number().nullable(), readySuccessor: z.number().nullable() });
const ZSummary = z.object({
  villages: z.number().int(), shortVillages: z.number().int(), reserves: z.number().int(),
  counts: z.object({ atLeastTwo: z.number().int(), young: z.number().int(), readySuccessor: z.number().int() }).describe('村（社区）个数：不少于 2 名、有 35 岁以下、书记有成熟接任人选'),
  shares: ZShares,
  byRule: z.record(z.enum(COVERAGE_RULES), z.number().int()),
});
const ZVillageCoverage = z.object({
  orgCode: z.string(), name: z.string(), townshipCode: z.string(), townshipName: z.string(),
  reserves: z.number().int(), young: z.number().int(), mature: z.number().int(), successors: z.number().int(),
  need: z.enum(['mature', 'youngPotential']).nullable(), needExplanation: z.string(),
  rules: z.array(z.object({ rule: z.enum(COVERAGE_RULES), label: z.string(), met: z.boolean(), explanation: z.string(), shortSince: z.string().nullable() })),
  isShort: z.boolean(), hasReadySuccessor: z.boolean(),
});
export const ZCoverage = z.object({
  orgCode: z.string(), name: z.string(), level: z.string(), today: z.string(), summary: ZSummary,
  subunitLevel: z.enum(['province', 'county', 'township']).describe('subunits 的层级：县及以下按乡镇，市、省按县，全国按省'),
  subunits: z.array(ZSummary.extend({ code: z.string(), name: z.string() })),
  villages: z.array(ZVillageCoverage), villagesTotal: z.number().int(),
});
export { ZVillageCoverage };

export async function coverageRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  const { db } = database;
  app.get('/api/coverage/:orgCode', {
    schema: {
      tags, summary: '后备力量覆盖情况：每村不少于 2 名、至少 1 名 35 岁以下、至少 1 名所需类型，及书记接任人选（梯队强度）',
      params: z.strictObject({ orgCode: ZOrgCode }), querystring: z.strictObject({ shortOnly: z.enum(['true', 'false']).optional() }),
      response: { 200: ZCoverage, ...errorResponses },
    },
  }, async (request) => getCoverage(db, request.ctx, request.params.orgCode, { shortOnly: request.query.shortOnly === 'true' }));
}
