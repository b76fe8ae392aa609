import { z } from 'zod';
import { APPOINTMENT_ACTIONS, APPOINTMENT_OUTCOMES, APPOINTMENT_STAGES } from '../../domain/appointment-procedure.ts';
import { COMMITTEES, POSTS } from '../../domain/committee.ts';
import { optionalParagraph, requiredParagraph, ZDate, ZOrgCode, ZUuid, ZVersion } from '../../server/schemas.ts';

/** Shapes of appointment (择优使用): a vacancy's ranked suggestions, an appointment with its steps, and the inputs of each step. */
export const ZSuggestions = z.object({
  vacancy: z.object({
    id: z.string(), orgCode: z.string(), villageName: z.string(), committee: z.enum(COMMITTEES), post: z.enum(POSTS), postLabel: z.string(),
    openedOn: z.string(), cause: z.string(), closedOn: z.string().nullable(),
  }),
  need: z.enum(['mature', 'youngPotential']).nullable(), needExplanation: z.string(), considered: z.number().int(),
  suggestions: z.array(z.object({
    rank: z.number().int(), reserveId: z.string(), reserveVersion: z.number().int(), name: z.string(), villageName: z.string(),
    proximity: z.enum(['ownVillage', 'township', 'county']), isEligible: z.boolean(),
    reasons: z.array(z.object({ kind: z.enum(['plus', 'minus', 'info']), text: z.string() })),
  })),
});

export const ZNotice = z.object({ orgCode: z.string(), startsOn: z.string(), endsOn: z.string(), workingDays: z.number().int() });
export const ZAppointment = z.object({
  id: z.string(), vacancyId: z.string().nullable(), orgCode: z.string(), villageName: z.string(), homeOrgCode: z.string(), homeVillageName: z.string(),
  isCrossVillage: z.boolean(), committee: z.enum(COMMITTEES), post: z.enum(POSTS), postLabel: z.string(), isElectedPost: z.boolean(),
  reserveId: z.string(), personName: z.string(), termYear: z.number().int(), stage: z.enum(APPOINTMENT_STAGES), stageLabel: z.string(), outcome: z.enum(APPOINTMENT_OUTCOMES),
  notices: z.array(ZNotice), requiredNoticeVillages: z.array(z.string()),
  byElection: z.object({ heldOn: z.string(), eligibleVoters: z.number(), votesCast: z.number(), votesFor: z.number() }).nullable(),
  effectiveOn: z.string().nullable(), memberId: z.string().nullable(),
  steps: z.array(z.object({ action: z.string(), occurredOn: z.string(), actorName: z.string(), details: z.record(z.string(), z.unknown()) })),
  objections: z.array(z.object({
    id: z.string(), receivedOn: z.string(), content: z.string(), handling: z.string().nullable(), isSubstantiated: z.boolean().nullable(),
    handledOn: z.string().nullable(), handledBy: z.string().nullable(),
  })),
  version: z.number().int(),
  policies: z.object({ next: z.enum(APPOINTMENT_ACTIONS).nullable(), refuse: z.boolean(), withdraw: z.boolean(), objections: z.boolean(), byElection: z.boolean() }),
});

export const ZRecommend = z.strictObject({
  vacancyId: ZUuid.nullable().optional(),
  orgCode: ZOrgCode.optional().describe('无空缺记录时：拟任职的村（社区）'),
  committee: z.enum(COMMITTEES, '请选择组织').optional(),
  post: z.enum(POSTS, '请选择职务').optional(),
  reserveId: ZUuid,
  termYear: z.number().int().min(1990, '届别年份不正确').max(2100, '届别年份不正确'),
  recommendedOn: ZDate.describe('村（社区）党组织研究推荐的日期'),
  basis: requiredParagraph('推荐意见（会议、理由）', 1000),
});

export const ZStep = z.strictObject({
  action: z.enum(APPOINTMENT_ACTIONS, '步骤不正确'),
  occurredOn: ZDate,
  version: ZVersion,
  note: optionalParagraph('意见', 1000),
  noticeStarts: z.array(z.strictObject({ orgCode: ZOrgCode, startsOn: ZDate })).max(2).optional().describe('发布公示时：每个公示村（社区）的开始日期'),
});

export const ZAppointmentList = z.object({ appointments: z.array(z.object({
  id: z.string(), personName: z.string(), villageName: z.string(), homeVillageName: z.string(), postLabel: z.string(), stage: z.enum(APPOINTMENT_STAGES), stageLabel: z.string(),
  outcome: z.enum(APPOINTMENT_OUTCOMES), effectiveOn: z.string().nullable(),
})) });

export const ZRecordObjection = z.strictObject({ receivedOn: ZDate, content: requiredParagraph('反映的问题', 2000) });
export const ZHandleObjection = z.strictObject({ handling: requiredParagraph('办理结果', 2000), isSubstantiated: z.boolean('请选择是否属实'), handledOn: ZDate });
export const ZByElection = z.strictObject({
  heldOn: ZDate, eligibleVoters: z.number().int().min(1, '请填写有选举权的人数'), votesCast: z.number().int().min(1, '请填写投票人数'), votesFor: z.number().int().min(0, '得票不能为负数'), version: ZVersion,
});
