import { z } from 'zod';
import { optionalLine, personName, singleLineText, ZDate, ZOrgCode, ZPageQuery, ZTypedDate, ZVersion } from '../../server/schemas.ts';

const ZLooseDate = ZTypedDate.nullable().optional();
const ZCode = singleLineText('代码', 40);

const ZHistoryEntry = z.strictObject({
  from: ZTypedDate.optional().describe('起始年月，如 2005.09'),
  to: ZTypedDate.optional().describe('截止年月；空为至今'),
  place: singleLineText('单位或学校', 100),
  role: singleLineText('职务或专业', 100).optional(),
});
const ZFamilyMember = z.strictObject({
  relation: singleLineText('称谓', 20),
  name: personName('姓名', 50),
  workUnit: singleLineText('工作单位及职务', 100).optional(),
  politicalStatus: ZCode.optional(),
});
/** History and family as stored and shown: the input's fields, read back without checks. */
const ZHistoryEntryOut = z.object({ from: z.string().optional(), to: z.string().optional(), place: z.string(), role: z.string().optional() });
const ZFamilyMemberOut = z.object({ relation: z.string(), name: z.string(), workUnit: z.string().optional(), politicalStatus: z.string().optional() });

/** What a user enters for a person (一人一档). ID number and phone are plain here and encrypted at rest. */
export const ZPersonInput = z.strictObject({
  name: personName('姓名', 50),
  gender: ZCode.nullable().optional().describe('male / female；填写时须与身份证号码一致'),
  ethnicity: ZCode.nullable().optional(),
  birthDate: ZLooseDate.describe('填写时须与身份证号码一致'),
  idNumber: singleLineText('身份证号码', 30).describe('18 位居民身份证号码'),
  phone: optionalLine('联系电话', 20),
  nativePlace: optionalLine('籍贯', 50),
  birthplace: optionalLine('出生地', 50).describe('出生地；不填时保留原值，null 为清除'),
  politicalStatus: ZCode.min(1, '请选择政治面貌'),
  partyJoinDate: ZLooseDate,
  education: ZCode.min(1, '请选择学历'),
  school: optionalLine('毕业院校', 100),
  major: optionalLine('专业', 100),
  health: ZCode.nullable().optional(),
  occupation: optionalLine('从事职业', 100),
  specialties: optionalLine('专长', 200),
  workStartDate: ZLooseDate,
  presentPosition: optionalLine('现任职务', 100),
  isLivingAway: z.boolean().optional(),
  educationHistory: z.array(ZHistoryEntry).max(20).optional(),
  workHistory: z.array(ZHistoryEntry).max(30).optional(),
  familyMembers: z.array(ZFamilyMember).max(20).optional(),
});
export type TPersonInput = z.infer<typeof ZPersonInput>;

export const ZUpdatePerson = ZPersonInput.extend({ idNumber: ZPersonInput.shape.idNumber.optional(), version: ZVersion });

/** A person in lists: the sensitive fields masked. */
export const ZPersonSummary = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  age: z.number().int(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  politicalStatus: z.string(),
  partyJoinDate: z.string().nullable(),
  education: z.string(),
  isLivingAway: z.boolean(),
});

export const ZPerson = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string(),
  ethnicity: z.string().nullable(),
  birthDate: z.string(),
  age: z.number().int(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  nativePlace: z.string().nullable(),
  birthplace: z.string().nullable(),
  politicalStatus: z.string(),
  partyJoinDate: z.string().nullable(),
  education: z.string(),
  school: z.string().nullable(),
  major: z.string().nullable(),
  health: z.string().nullable(),
  occupation: z.string().nullable(),
  specialties: z.string().nullable(),
  workStartDate: z.string().nullable(),
  presentPosition: z.string().nullable(),
  isLivingAway: z.boolean(),
  educationHistory: z.array(ZHistoryEntryOut),
  workHistory: z.array(ZHistoryEntryOut),
  familyMembers: z.array(ZFamilyMemberOut),
  hasPhoto: z.boolean(),
  version: z.number().int(),
  ledgerEntries: z.array(z.object({ id: z.string(), orgCode: z.string(), orgName: z.string(), sourceCategory: z.string(), isAway: z.boolean(), notes: z.string().nullable(), surveyedOn: z.string() })),
  reserves: z.array(z.object({ id: z.string(), orgCode: z.string(), orgName: z.string(), status: z.string(), targetPost: z.string(), readiness: z.string() })),
  policies: z.object({ update: z.boolean(), reveal: z.boolean() }),
}).meta({ id: 'Person' });
export type TPerson = z.infer<typeof ZPerson>;

export const ZRevealed = z.object({ idNumber: z.string(), phone: z.string().nullable() });

/** Filters shared by the ledger, the pool and the roster export. */
export const ZPeopleFilter = z.object({
  orgCode: ZOrgCode.optional().describe('只看该单位及其下级'),
  search: singleLineText('搜索内容', 50).optional().describe('姓名包含，或完整的 18 位身份证号码'),
  sourceCategory: ZCode.optional(),
  education: ZCode.optional(),
  politicalStatus: ZCode.optional(),
  ageMin: z.coerce.number().int().min(0).max(120).optional(),
  ageMax: z.coerce.number().int().min(0).max(120).optional(),
  isAway: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  referenceDate: ZDate.optional().describe('计算年龄的基准日期，默认今天'),
});
export type TPeopleFilter = z.infer<typeof ZPeopleFilter>;

export const ZSort = z.object({
  sortBy: z.enum(['name', 'age', 'orgCode', 'createdAt']).default('orgCode'),
  sortOrder: z.enum(['asc', 'desc']).default('asc'),
});

export const ZPeopleListQuery = ZPeopleFilter.extend(ZPageQuery.shape).extend(ZSort.shape);
