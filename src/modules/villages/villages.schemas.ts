import { z } from 'zod';
import { COMMITTEES, LEAVE_REASONS, POSTS } from '../../domain/committee.ts';
import { CANDIDATE_PROFILES } from '../../domain/selection-procedure.ts';
import { TRAINING_METHODS } from '../../domain/training-rules.ts';
import { ZVillageCoverage } from '../coverage/coverage.schemas.ts';
import { optionalLine, optionalParagraph, requiredLine, requiredParagraph, singleLineText, ZDate, ZUuid, ZVersion } from '../../server/schemas.ts';

const count = (label: string) => z.number(`${label}应为数字`).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(10_000_000, `${label}过大`);

export const ZSaveProfile = z.strictObject({
  villageType: optionalLine('村（社区）类型', 30).transform((value) => value ?? null),
  households: count('户数').nullable(),
  population: count('人口').nullable(),
  collectiveIncome: z.number('集体经济收入应为数字').min(0, '集体经济收入不能为负数').max(1e10, '集体经济收入过大').nullable().describe('村集体经济年收入（万元）'),
  incomeYear: z.number().int().min(1990).max(2100).nullable(),
  condition: singleLineText('村（社区）状况', 40).nullable().describe('字典「村（社区）状况」(villageCondition) 的代码'),
  hasProminentProblems: z.boolean(),
  secretaryNeedsAdjustment: z.boolean(),
  needOverride: z.enum(CANDIDATE_PROFILES, '需要的类型不正确').nullable(),
  needOverrideReason: optionalParagraph('调整理由', 500).transform((value) => value ?? null),
  version: ZVersion.nullable().describe('修改时填读取时的版本号；首次填写为 null'),
});

const ZNeed = z.object({ need: z.enum(CANDIDATE_PROFILES).nullable(), explanation: z.string(), isOverridden: z.boolean() });

export const ZProfile = z.object({
  orgCode: z.string(), name: z.string(), level: z.string(),
  villageType: z.string().nullable(), households: z.number().nullable(), population: z.number().nullable(), collectiveIncome: z.number().nullable(), incomeYear: z.number().nullable(),
  condition: z.string().nullable(), hasProminentProblems: z.boolean(), secretaryNeedsAdjustment: z.boolean(),
  needOverride: z.enum(CANDIDATE_PROFILES).nullable(), needOverrideReason: z.string().nullable(),
  derivedNeed: ZNeed, version: z.number().int().nullable(), policies: z.object({ update: z.boolean() }),
});

export const ZMember = z.object({
  id: z.string(), orgCode: z.string(), personId: z.string(), name: z.string(), gender: z.string(), age: z.number().int(), education: z.string(), politicalStatus: z.string(),
  committee: z.enum(COMMITTEES), committeeLabel: z.string(), post: z.enum(POSTS), postLabel: z.string(), termYear: z.number().int(),
  startedOn: z.string(), endedOn: z.string().nullable(), leaveReason: z.enum(LEAVE_REASONS).nullable(), leaveReasonLabel: z.string().nullable(),
  isSecretaryAndDirector: z.boolean(), isCrossHolding: z.boolean(), version: z.number().int(),
});

export const ZVacancy = z.object({
  id: z.string(), orgCode: z.string(), villageName: z.string(), committee: z.enum(COMMITTEES), post: z.enum(POSTS), postLabel: z.string(),
  openedOn: z.string(), cause: z.string(), closedOn: z.string().nullable(), version: z.number().int(), policies: z.object({ appoint: z.boolean() }),
});

export const ZRoster = z.object({ orgCode: z.string(), name: z.string(), members: z.array(ZMember), vacancies: z.array(ZVacancy), policies: z.object({ manage: z.boolean() }) });

/** The village page: profile, 两委 roster with vacancies, and coverage with bench strength. */
export const ZVillagePage = z.object({ profile: ZProfile, roster: ZRoster, coverage: ZVillageCoverage.nullable() });

export const ZAddMember = z.strictObject({
  personId: ZUuid, committee: z.enum(COMMITTEES, '请选择组织'), post: z.enum(POSTS, '请选择职务'),
  termYear: z.number().int().min(1990, '届别年份不正确').max(2100, '届别年份不正确'), startedOn: ZDate,
});

export const ZMemberLeaves = z.strictObject({ endedOn: ZDate, reason: z.enum(LEAVE_REASONS, '请选择离任方式'), version: ZVersion });

export const ZOpenVacancy = z.strictObject({
  orgCode: z.string().regex(/^\d{12}$/, '请选择村（社区）'), committee: z.enum(COMMITTEES, '请选择组织'), post: z.enum(POSTS, '请选择职务'),
  openedOn: ZDate, cause: requiredLine('空缺原因', 200),
});

export const ZVacancyList = z.object({ vacancies: z.array(ZVacancy) });

const REVIEW_RESULTS = ['good', 'fairlyGood', 'average', 'poor'] as const;
const REVIEW_FINDINGS = ['incompetent', 'unqualified', 'notDiligent'] as const;

export const ZRecordReview = z.strictObject({
  period: z.string().regex(/^\d{4}-H[12]$/, '评议期次应写作 2026-H1（上半年）或 2026-H2（下半年）'),
  reviewedOn: ZDate,
  reviewers: requiredLine('参加评议人员', 200),
  counts: z.strictObject({ good: count('“好”票数'), fairlyGood: count('“较好”票数'), average: count('“一般”票数'), poor: count('“差”票数') }),
  result: z.enum(REVIEW_RESULTS, '请选择评议结果'),
  finding: z.enum(REVIEW_FINDINGS, '认定不正确').nullable().optional(),
});

export const ZRecordDiscipline = z.strictObject({ decidedOn: ZDate, kind: requiredLine('处分种类', 50), description: requiredParagraph('处分事由', 1000) });

export const ZRecordTraining = z.strictObject({
  startedOn: ZDate.describe('培训开始日期'),
  days: z.number('培训天数应为数字').positive('培训天数应大于 0').max(366, '培训天数不能超过 366 天').multipleOf(0.5, '培训天数以半天计，如 0.5、1、2.5'),
  method: z.enum(TRAINING_METHODS, '请选择培训方式'),
  course: requiredLine('培训班（课程）名称', 100),
  organiser: requiredLine('举办单位', 100),
});

export const ZSecretaryList = z.object({
  secretaries: z.array(ZMember.extend({
    villageName: z.string(),
    reviews: z.array(z.object({
      id: z.string(), period: z.string(), reviewedOn: z.string(), reviewers: z.string(),
      counts: z.object({ good: z.number(), fairlyGood: z.number(), average: z.number(), poor: z.number() }),
      result: z.enum(REVIEW_RESULTS), resultLabel: z.string(), finding: z.enum(REVIEW_FINDINGS).nullable(), findingLabel: z.string().nullable(), recordedBy: z.string(),
    })),
    discipline: z.array(z.object({ id: z.string(), decidedOn: z.string(), kind: z.string(), description: z.string(), recordedBy: z.string() })),
    training: z.array(z.object({
      id: z.string(), startedOn: z.string(), days: z.number(), method: z.enum(TRAINING_METHODS), methodLabel: z.string(), course: z.string(), organiser: z.string(), recordedBy: z.string(),
    })),
    policies: z.object({ review: z.boolean(), adjust: z.boolean() }),
  })),
});
