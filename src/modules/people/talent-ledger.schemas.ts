import { z } from 'zod';
import { ZDate, ZOrgCode, ZVersion } from '../../server/schemas.ts';
import { ZPeopleListQuery, ZPersonInput, ZPersonSummary } from './people.schemas.ts';

export const ZLedgerEntry = z.object({
  id: z.string(),
  orgCode: z.string(),
  villageName: z.string(),
  townshipName: z.string(),
  sourceCategory: z.string(),
  isAway: z.boolean(),
  notes: z.string().nullable(),
  surveyedOn: z.string(),
  version: z.number().int(),
  person: ZPersonSummary,
  policies: z.object({ update: z.boolean() }),
}).meta({ id: 'TalentLedgerEntry' });
export type TLedgerEntry = z.infer<typeof ZLedgerEntry>;

export const ZLedgerList = z.object({
  total: z.number().int().describe('符合条件的人数；超过 10,000 时为 10,000，且 isTotalCapped 为 true'),
  isTotalCapped: z.boolean(), entries: z.array(ZLedgerEntry), policies: z.object({ create: z.boolean() }) });
export const ZLedgerListQuery = ZPeopleListQuery.strict();

export const ZCreateLedgerEntry = z.strictObject({
  orgCode: ZOrgCode,
  person: ZPersonInput,
  sourceCategory: z.string().trim().min(1, '请选择来源类别').max(40),
  isAway: z.boolean().optional(),
  notes: z.string().trim().max(500, '备注不能超过 500 个字符').nullable().optional(),
  surveyedOn: ZDate.optional(),
});

export const ZUpdateLedgerEntry = z.strictObject({
  sourceCategory: z.string().trim().min(1).max(40).optional(),
  isAway: z.boolean().optional(),
  notes: z.string().trim().max(500, '备注不能超过 500 个字符').nullable().optional(),
  version: ZVersion,
});
