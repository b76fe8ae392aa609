import { z } from 'zod';
import { optionalParagraph, singleLineText, ZDate, ZOrgCode, ZVersion } from '../../server/schemas.ts';
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
  sourceCategory: singleLineText('来源类别', 40).min(1, '请选择来源类别'),
  isAway: z.boolean().optional(),
  notes: optionalParagraph('备注', 500),
  surveyedOn: ZDate.optional(),
});

export const ZUpdateLedgerEntry = z.strictObject({
  sourceCategory: singleLineText('来源类别', 40).min(1, '请选择来源类别').optional(),
  isAway: z.boolean().optional(),
  notes: optionalParagraph('备注', 500),
  version: ZVersion,
});
