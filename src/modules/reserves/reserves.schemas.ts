import { z } from 'zod';
import { ZDate, ZOrgCode, ZUuid, ZVersion } from '../../server/schemas.ts';
import { ZPeopleFilter, ZPeopleListQuery, ZPersonSummary } from '../people/people.schemas.ts';

export const RESERVE_STATUSES = ['candidate', 'admitted', 'removed', 'appointed'] as const;
export const RESERVE_STATUS_LABELS: Record<(typeof RESERVE_STATUSES)[number], string> = {
  candidate: '考察对象', admitted: '已入库', removed: '已调整出库', appointed: '已选用',
};

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
  targetPost: z.string().trim().max(40).optional(),
  readiness: z.string().trim().max(40).optional(),
};
export const ZReserveFilter = ZPeopleFilter.extend(reserveFilters);
export type TReserveFilter = z.infer<typeof ZReserveFilter>;
export const ZReserveListQuery = ZPeopleListQuery.extend(reserveFilters).strict();
export const ZReserveList = z.object({
  total: z.number().int().describe('符合条件的人数；超过 10,000 时为 10,000，且 isTotalCapped 为 true'),
  isTotalCapped: z.boolean(), reserves: z.array(ZReserve), policies: z.object({ create: z.boolean() }) });

const ZMentorText = z.string().trim().max(50, '不能超过 50 个字符').nullable().optional();
export const ZCreateReserve = z.strictObject({
  orgCode: ZOrgCode,
  personId: ZUuid,
  targetPost: z.string().trim().min(1, '请选择拟任岗位').max(40),
  readiness: z.string().trim().min(1, '请选择成熟度').max(40),
  sourceCategory: z.string().trim().min(1, '请选择身份（来源类别）').max(40),
  mentorName: ZMentorText,
  mentorPost: ZMentorText,
  notes: z.string().trim().max(500, '备注不能超过 500 个字符').nullable().optional(),
  admittedOn: ZDate.nullable().optional(),
});
export const ZUpdateReserve = z.strictObject({
  targetPost: z.string().trim().min(1).max(40).optional(),
  readiness: z.string().trim().min(1).max(40).optional(),
  sourceCategory: z.string().trim().min(1).max(40).optional(),
  mentorName: ZMentorText,
  mentorPost: ZMentorText,
  notes: z.string().trim().max(500, '备注不能超过 500 个字符').nullable().optional(),
  version: ZVersion,
});
export const ZReserveHistory = z.array(z.object({ fromStatus: z.string().nullable(), toStatus: z.string(), reason: z.string(), actorName: z.string(), at: z.date() }));
