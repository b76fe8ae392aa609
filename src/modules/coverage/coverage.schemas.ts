import { z } from 'zod';
import { COVERAGE_RULES } from '../../domain/coverage.ts';

/** Shapes of the coverage page (GET /api/coverage/{orgCode}) and of one village's coverage. */
const ZShares = z.object({ atLeastTwo: z.number().nullable(), young: z.number().nullable(), readySuccessor: z.number().nullable() });
export const ZCoverageSummary = z.object({
  villages: z.number().int(), shortVillages: z.number().int(), reserves: z.number().int(),
  counts: z.object({ atLeastTwo: z.number().int(), young: z.number().int(), readySuccessor: z.number().int() }).describe('村（社区）个数：不少于 2 名、有 35 岁以下、书记有成熟接任人选'),
  shares: ZShares,
  byRule: z.record(z.enum(COVERAGE_RULES), z.number().int()),
});
export const ZVillageCoverage = z.object({
  orgCode: z.string(), name: z.string(), townshipCode: z.string(), townshipName: z.string(),
  reserves: z.number().int(), young: z.number().int(), mature: z.number().int(), successors: z.number().int(),
  need: z.enum(['mature', 'youngPotential']).nullable(), needExplanation: z.string(),
  rules: z.array(z.object({ rule: z.enum(COVERAGE_RULES), label: z.string(), met: z.boolean(), explanation: z.string(), shortSince: z.string().nullable() })),
  isShort: z.boolean(), hasReadySuccessor: z.boolean(),
});
export const ZCoverage = z.object({
  orgCode: z.string(), name: z.string(), level: z.string(), today: z.string(), summary: ZCoverageSummary,
  subunitLevel: z.enum(['province', 'county', 'township']).describe('subunits 的层级：县及以下按乡镇，市、省按县，全国按省'),
  subunits: z.array(ZCoverageSummary.extend({ code: z.string(), name: z.string() })),
  villages: z.array(ZVillageCoverage), villagesTotal: z.number().int(),
});
