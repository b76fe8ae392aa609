import { z } from 'zod';
import { MILESTONE_RULES, MILESTONE_STATUSES } from '../../domain/campaign.ts';
import { requiredLine, requiredParagraph, ZDate, ZOrgCode, ZVersion } from '../../server/schemas.ts';

export const ZCreateCampaign = z.strictObject({
  orgCode: ZOrgCode,
  name: requiredLine('行动方案名称', 100),
  startYear: z.number({ error: '请填写起始年度' }).int().min(2000, '起始年度应在 2000–2100 之间').max(2100, '起始年度应在 2000–2100 之间'),
  startedOn: ZDate.describe('开始日期：此日（或之前最近）的统计快照作为基期'),
  matureReservesDeadline: ZDate.describe('每村储备 2 名成熟后备力量的期限（seed 000：第一年年底）'),
  secretaryCollegeShare: z.number().min(0, '占比应在 0–100 之间').max(100, '占比应在 0–100 之间').nullable().describe('书记大专以上学历占比的目标（%）'),
  secretaryAverageAge: z.number().min(18, '平均年龄应在 18–80 之间').max(80, '平均年龄应在 18–80 之间').nullable().describe('书记平均年龄的目标（岁）'),
});

export const ZCampaign = z.object({
  id: z.string(), orgCode: z.string(), name: z.string(), startYear: z.number().int(), startedOn: z.string(), matureReservesDeadline: z.string(),
  secretaryCollegeShare: z.number().nullable(), secretaryAverageAge: z.number().nullable(), version: z.number().int(),
});

const ZRollUp = z.object({
  done: z.number().int(), due: z.number().int(), overdue: z.number().int(), total: z.number().int(), progress: z.number().nullable(), status: z.enum(MILESTONE_STATUSES).nullable(),
});

export const ZCampaignView = z.object({
  campaign: ZCampaign, orgCode: z.string(), unitName: z.string(), today: z.string(), progress: ZRollUp,
  baselineOn: z.string().nullable().describe('基期所用统计快照的日期'),
  targets: z.array(z.object({
    key: z.string(), label: z.string(), unit: z.string(), baseline: z.number().nullable(), now: z.number().nullable(), target: z.number(),
    direction: z.enum(['rise', 'fall']), isMet: z.boolean(), isImproving: z.boolean().nullable(), gap: z.number().nullable(),
  })),
  milestones: z.array(z.object({
    id: z.string(), code: z.string(), label: z.string(), appliesTo: z.enum(['village', 'township']), appliesToLabel: z.string(),
    rule: z.enum(MILESTONE_RULES), ruleLabel: z.string(), deadline: z.string(), version: z.number().int(), total: ZRollUp,
    townships: z.array(ZRollUp.extend({
      code: z.string(), name: z.string(),
      units: z.array(z.object({
        orgCode: z.string(), name: z.string(), status: z.enum(MILESTONE_STATUSES), doneBy: z.enum(['data', 'hand']).nullable(),
        confirmation: z.object({ confirmedOn: z.string(), evidence: z.string(), actorName: z.string() }).nullable(),
      })),
    })),
  })),
  policies: z.object({ manage: z.boolean() }),
});
export type TCampaignView = z.infer<typeof ZCampaignView>;

export const ZCampaignList = z.object({ orgCode: z.string(), campaigns: z.array(ZCampaign) });

export const ZUpdateMilestone = z.strictObject({ deadline: ZDate, version: ZVersion });
export const ZConfirmMilestone = z.strictObject({ orgCode: ZOrgCode, confirmedOn: ZDate, evidence: requiredParagraph('佐证材料说明', 2000) });
