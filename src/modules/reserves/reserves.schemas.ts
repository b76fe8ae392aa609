import { z } from 'zod';
import { optionalLine, optionalParagraph, optionalPersonName, singleLineText, ZDate, ZOrgCode, ZUuid, ZVersion } from '../../server/schemas.ts';
import { ZPeopleFilter, ZPeopleListQuery, ZPersonSummary } from '../people/people.schemas.ts';

import { RESERVE_STATUSES } from '../../domain/reserve-status.ts';

export { RESERVE_STATUSES, RESERVE_STATUS_LABELS } from '../../domain/reserve-status.ts';

export const ZReserve = z.object({
  id: z.string(),
  orgCode: z.string(),
  villageName: z.string(),
  townshipName: z.string(),
  status: z.enum(RESERVE_STATUSES),
  targetPost: z.string(),
  readiness: z.string(),
  sourceCategory: z.string(),
  mentorName: z.string().nullable(),
  mentorPost: z.string().nullable(),
  notes: z.string().nullable(),
  admittedOn: z.string().nullable(),
  version: z.number().int(),
  person: ZPersonSummary,
  policies: z.object({ update: z.boolean() }),
}).meta({ id: 'Reserve' });
export type TReserve = z.infer<typeof ZReserve>;

const reserveFilters = {
  status: z.enum(RESERVE_STATUSES).optional(),
  targetPost: singleLineText('拟任岗位', 40).optional(),
  readiness: singleLineText('成熟度', 40).optional(),
};
export const ZReserveFilter = ZPeopleFilter.extend(reserveFilters);
export type TReserveFilter = z.infer<typeof ZReserveFilter>;
export const ZReserveListQuery = ZPeopleListQuery.extend(reserveFilters).strict();
export const ZReserveList = z.object({
  total: z.number().int().describe('符合条件的人数；超过 10,000 时为 10,000，且 isTotalCapped 为 true'),
  isTotalCapped: z.boolean(), reserves: z.array(ZReserve), policies: z.object({ create: z.boolean() }) });

export const ZCreateReserve = z.strictObject({
  orgCode: ZOrgCode,
  personId: ZUuid,
  targetPost: singleLineText('拟任岗位', 40).min(1, '请选择拟任岗位'),
  readiness: singleLineText('成熟度', 40).min(1, '请选择成熟度'),
  sourceCategory: singleLineText('身份（来源类别）', 40).min(1, '请选择身份（来源类别）'),
  mentorName: optionalPersonName('导师姓名', 50),
  mentorPost: optionalLine('导师职务', 50),
  notes: optionalParagraph('备注', 500),
  admittedOn: ZDate.nullable().optional(),
  registration: z.strictObject({
    sourceDocument: singleLineText('存量登记的依据', 200).min(1, '请填写存量登记的依据（原名册或会议纪要的名称、文号）')
      .describe('存量登记的依据：已在纸质名册中的后备力量，写明原名册或会议纪要的名称、文号'),
    exceptionReason: optionalParagraph('破格理由', 500).describe('不符合资格条件时须填写：乡镇党委批准破格的理由（负面清单情形不能破格）'),
  }, '请填写存量登记的依据：直接登记只用于已在纸质名册中的后备力量，新人选请走选拔程序').describe('存量登记：直接登记已在原名册中的后备力量'),
});
export const ZUpdateReserve = z.strictObject({
  targetPost: singleLineText('拟任岗位', 40).min(1, '请选择拟任岗位').optional(),
  readiness: singleLineText('成熟度', 40).min(1, '请选择成熟度').optional(),
  sourceCategory: singleLineText('身份（来源类别）', 40).min(1, '请选择身份（来源类别）').optional(),
  mentorName: optionalPersonName('导师姓名', 50),
  mentorPost: optionalLine('导师职务', 50),
  notes: optionalParagraph('备注', 500),
  version: ZVersion,
});
export const ZReserveHistory = z.array(z.object({ fromStatus: z.string().nullable(), toStatus: z.string(), reason: z.string(), actorName: z.string(), at: z.date() }));
