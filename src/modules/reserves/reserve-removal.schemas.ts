import { z } from 'zod';
import { REMOVAL_STATUSES } from '../../domain/removal.ts';
import { optionalParagraph, requiredParagraph, singleLineText, ZDate, ZOrgCode, ZUuid, ZVersion } from '../../server/schemas.ts';

export const ZProposeRemoval = z.strictObject({
  reserveId: ZUuid,
  reasonCode: singleLineText('调整原因', 40).min(1, '请选择调整原因').describe('字典「调整原因」(removalReason) 的代码'),
  reasonText: requiredParagraph('具体情况', 1000),
  proposedOn: ZDate.describe('村（社区）党组织研究提出的日期'),
});

export const ZDecideRemoval = z.strictObject({
  decision: z.enum(['approve', 'refuse'], '请选择同意或不同意'),
  decidedOn: ZDate,
  note: optionalParagraph('审批意见', 1000),
  version: ZVersion,
});

export const ZFileRemoval = z.strictObject({ filedOn: ZDate, version: ZVersion });

export const ZRemoval = z.object({
  id: z.string(), reserveId: z.string(), orgCode: z.string(), villageName: z.string(), personName: z.string(),
  reasonCode: z.string(), reasonLabel: z.string(), reasonText: z.string(),
  status: z.enum(REMOVAL_STATUSES), statusLabel: z.string(),
  proposedOn: z.string(), proposedBy: z.string(), decidedOn: z.string().nullable(), decidedBy: z.string().nullable(), decisionNote: z.string().nullable(),
  filedOn: z.string().nullable(), filedBy: z.string().nullable(), version: z.number().int(),
  policies: z.object({ decide: z.boolean(), file: z.boolean() }),
});

export const ZRemovalList = z.object({ removals: z.array(ZRemoval) });
export const ZRemovalListQuery = z.strictObject({ status: z.enum(REMOVAL_STATUSES, '状态不正确').optional() });

export const ZAdjustmentQuery = z.strictObject({ orgCode: ZOrgCode.optional() });
export const ZAdjustmentList = z.object({
  suggestions: z.array(z.object({
    reserveId: z.string(), personName: z.string(), orgCode: z.string(), villageName: z.string(),
    reasons: z.array(z.string()).describe('建议调整的理由'), hasOpenRemoval: z.boolean().describe('已提出调整建议、待乡镇审批'),
    policies: z.object({ propose: z.boolean() }),
  })),
});
