import { z } from 'zod';
import { BREAKDOWNS, FIGURE_KEYS } from '../../domain/statistics.ts';

const ZLink = z.object({ path: z.string(), query: z.record(z.string(), z.string()) });

export const ZBreakdown = z.object({
  breakdown: z.enum(BREAKDOWNS), label: z.string(),
  items: z.array(z.object({
    code: z.string(), label: z.string(), count: z.number().int(),
    filter: z.record(z.string(), z.string()).nullable().describe('后备力量库中列出这些人的筛选条件；无对应筛选时为空'),
  })),
});

const ZShares = z.object({ atLeastTwo: z.number().nullable(), young: z.number().nullable(), readySuccessor: z.number().nullable() });

export const ZDashboard = z.object({
  orgCode: z.string(), name: z.string(), level: z.string(), today: z.string(),
  countedAt: z.string().nullable().describe('市、省和全国的数字由各县的统计相加而来：其中最早一个县的统计时间；县及以下为实时统计，为空'),
  snapshotOn: z.string().nullable().describe('比较所用的上一次统计快照日期'),
  figures: z.array(z.object({
    key: z.enum(FIGURE_KEYS), label: z.string(), unit: z.string(), value: z.number().nullable(),
    total: z.number().nullable().describe('比例或村数所对应的总数'),
    change: z.number().nullable().describe('与上一次统计快照相比的变化'),
    link: ZLink.nullable().describe('该数字所统计的名单及其筛选条件'),
  })),
  reserves: z.array(ZBreakdown),
  secretaries: z.array(ZBreakdown),
  subunitLevel: z.enum(['province', 'county', 'township']).describe('subunits 的层级'),
  subunits: z.array(z.object({
    code: z.string(), name: z.string(), villages: z.number().int(), shortVillages: z.number().int(), reserves: z.number().int(),
    counts: z.object({ atLeastTwo: z.number().int(), young: z.number().int(), readySuccessor: z.number().int() }), shares: ZShares,
  }).loose()),
  villages: z.array(z.object({
    orgCode: z.string(), name: z.string(), reserves: z.number().int(), young: z.number().int(), isShort: z.boolean(), hasReadySuccessor: z.boolean(),
    shortRules: z.array(z.string()),
  })),
  children: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
});
export type TDashboard = z.infer<typeof ZDashboard>;

export const ZSnapshotList = z.object({
  orgCode: z.string(),
  snapshots: z.array(z.object({ takenOn: z.string(), figures: z.record(z.string(), z.number().nullable()) })),
});

export const ZSnapshotTaken = z.object({ units: z.number().int(), takenOn: z.string() });
