import { z } from 'zod';
import { POSTS } from '../../domain/committee.ts';
import { CLOSE_RELATIVES, EXCUSED_REASONS } from '../../domain/election-arithmetic.ts';
import {
  CANDIDATE_STATUSES, ELECTION_COMMITTEES, ELECTION_STAGES, ELECTION_STEP_RULES, RISK_KINDS, SECRETARY_MODES, SIGN_OFF_ROLES, VIOLATION_KINDS, VOTE_KINDS,
} from '../../domain/election-procedure.ts';
import { EXCLUSIONS } from '../../domain/eligibility.ts';
import { optionalLine, personName, requiredLine, requiredParagraph, ZDate, ZOrgCode, ZUuid, ZVersion } from '../../server/schemas.ts';

/** Request and response schemas of the village 换届. */

const count = (label: string) => z.number(`请填写${label}`).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(1_000_000, `${label}过大`);
const termYear = z.number('请填写届别年份').int().min(1990, '届别年份不正确').max(2100, '届别年份不正确');

export const ZCreatePlan = z.strictObject({
  orgCode: ZOrgCode.describe('乡镇（街道）'),
  termYear,
  startsOn: ZDate,
  endsOn: ZDate,
  leadingGroup: requiredParagraph('领导小组（组长、成员）', 1000),
  standardPartySeats: z.number('请填写村党组织委员会标准职数').int().min(3, '村党组织委员会职数一般为 3 至 7 名').max(15, '村党组织委员会职数过多'),
  standardVillagersSeats: z.number('请填写村民委员会标准职数').int().min(3, '村民委员会由 3 至 7 人组成').max(7, '村民委员会由 3 至 7 人组成'),
});

export const ZVillagePlan = z.strictObject({
  guidanceOfficer: optionalLine('指导员（指导组）', 100).transform((value) => value || null),
  responsibilities: z.array(z.strictObject({ task: requiredLine('责任事项', 200), owner: requiredLine('责任人', 50) })).max(50, '责任清单最多 50 项'),
  secretaryMode: z.enum(SECRETARY_MODES, '请选择书记的产生方式'),
  version: ZVersion,
});

export const ZSeats = z.strictObject({
  partySeats: z.number('请填写村党组织委员会职数').int().min(1, '村党组织委员会职数至少 1 名').max(15, '村党组织委员会职数过多'),
  villagersSeats: z.number('请填写村民委员会职数').int().min(1, '请填写村民委员会职数').max(15, '村民委员会职数过多'),
  basis: requiredParagraph('设定依据（人口、面积、工作任务）', 1000),
  version: ZVersion,
});

export const ZDateAndVersion = (label: string) => z.strictObject({ [label]: ZDate, version: ZVersion });

export const ZNominate = z.strictObject({
  committee: z.enum(ELECTION_COMMITTEES, '请选择组织'),
  personId: ZUuid,
  isSecretaryCandidate: z.boolean().default(false),
  isContinuing: z.boolean().default(false).describe('是否连任书记人选'),
  recommendations: z.strictObject({ membersAndMasses: count('党员群众推荐票数'), higherOrganisation: count('上级党组织推荐票数') }),
  proposedOn: ZDate,
});

export const ZQualify = z.strictObject({
  reviewedOn: ZDate,
  inspection: requiredParagraph('考察情况（含群众测评）', 2000),
  exclusionsFound: z.array(z.enum(Object.keys(EXCLUSIONS) as [keyof typeof EXCLUSIONS, ...(keyof typeof EXCLUSIONS)[]], '负面情形不正确')).max(10),
  isUnderPartyProbation: z.boolean('请选择是否正在受留党察看处分'),
  version: ZVersion,
});

export const ZSignOff = z.strictObject({ as: z.enum(SIGN_OFF_ROLES, '请选择以组织部长或县委书记身份签字'), signedOn: ZDate });

export const ZPledge = z.strictObject({ talkedOn: ZDate.nullable(), pledgedOn: ZDate.nullable(), version: ZVersion });

export const ZVote = z.strictObject({
  committee: z.enum(ELECTION_COMMITTEES, '请选择组织'),
  kind: z.enum(VOTE_KINDS, '请选择选举轮次'),
  heldOn: ZDate,
  electorate: count('有选举权的党员人数').optional().describe('党组织选举：有表决权、选举权的党员数'),
  excused: z.array(z.strictObject({ name: personName('不计入应到会的党员姓名'), reason: z.enum(EXCUSED_REASONS, '请选择不计入应到会的原因') })).max(500).optional(),
  present: count('实到会（参加投票）人数'),
  proxies: count('委托投票人数').optional(),
  ballotsIssued: count('发出选票数'),
  ballotsCollected: count('收回选票数'),
  invalidBallots: count('无效票数'),
  tallies: z.array(z.strictObject({ candidateId: ZUuid, votesFor: count('赞成票'), votesAgainst: count('反对票'), abstentions: count('弃权票') })).min(1, '请登记候选人得票').max(50),
  version: ZVersion,
});

export const ZReduceSeats = z.strictObject({
  committee: z.enum(ELECTION_COMMITTEES, '请选择组织'),
  seats: z.number().int().min(1).max(15),
  approvedOn: ZDate,
  basis: requiredParagraph('批准依据', 1000),
  version: ZVersion,
});

export const ZPosts = z.strictObject({
  committee: z.enum(ELECTION_COMMITTEES, '请选择组织'),
  decidedOn: ZDate,
  assignments: z.array(z.strictObject({ candidateId: ZUuid, post: z.enum(POSTS, '请选择职务') })).min(1).max(15),
  version: ZVersion,
});

export const ZVoterRegister = z.strictObject({ registered: count('登记选民人数').min(1, '请填写登记选民人数'), publishedOn: ZDate, electionDay: ZDate, version: ZVersion });

export const ZProxyVote = z.strictObject({
  voterName: personName('委托人（外出选民）姓名').refine((name) => name.length > 0, '请填写委托人姓名'),
  proxyName: personName('受委托人姓名').refine((name) => name.length > 0, '请填写受委托人姓名'),
  relationship: z.enum(CLOSE_RELATIVES, '受委托人应为委托人的近亲属，请选择关系'),
  authorizedOn: ZDate.describe('书面委托日期'),
  version: ZVersion,
});

export const ZElectionCommittee = z.strictObject({
  members: z.array(z.strictObject({ name: personName('成员姓名'), personId: ZUuid.nullable(), leftOn: ZDate.nullable() })).min(1, '请填写村民选举委员会成员').max(30),
  version: ZVersion,
});

export const ZObjection = z.strictObject({ kind: z.enum(['register', 'result'], '请选择异议类别'), receivedOn: ZDate, content: requiredParagraph('异议内容', 2000) });
export const ZObjectionHandling = z.strictObject({ handling: requiredParagraph('处理结果', 2000), isUpheld: z.boolean('请选择异议是否成立'), handledOn: ZDate });
export const ZRiskPoint = z.strictObject({
  kind: z.enum(RISK_KINDS, '请选择风险类别'), description: requiredParagraph('风险点', 1000), measures: requiredParagraph('防范措施', 1000), owner: requiredLine('责任人', 50),
});
export const ZCitizenReporter = z.strictObject({ groupCode: ZOrgCode, name: personName('民情直报员姓名') });
export const ZViolationReport = z.strictObject({
  candidateId: ZUuid.nullable(), kind: z.enum(VIOLATION_KINDS, '请选择举报类别'), receivedOn: ZDate, content: requiredParagraph('举报内容', 2000),
});
export const ZViolationHandling = z.strictObject({ verification: requiredParagraph('核查情况', 2000), isSubstantiated: z.boolean('请选择是否属实'), handledOn: ZDate });
export const ZHandover = z.strictObject({
  handedOverOn: ZDate,
  talks: z.array(z.strictObject({ name: personName('谈话对象'), talkedOn: ZDate })).max(30),
  version: ZVersion,
});

export const ZSummaryTableQuery = z.strictObject({ orgCode: ZOrgCode.describe('县（区）或乡镇（街道）'), termYear: z.coerce.number('届别年份不正确').int('届别年份不正确').min(1990, '届别年份不正确').max(2100, '届别年份不正确').optional() });
export const ZNoticeDocumentQuery = z.strictObject({ contact: optionalLine('异议受理联系方式', 100) });

// ---- Responses ----

const ZComposition = z.object({
  members: z.number(), secretaryAge: z.number().nullable(), secretaryHasCollege: z.boolean().nullable(), hasYoungMember: z.boolean(),
  womenMembers: z.number(), womenHeads: z.number(), isSecretaryAndDirector: z.boolean(),
});
const ZVillageComposition = z.object({
  before: ZComposition, after: ZComposition, reservesUsed: z.number(), isNewSecretaryFromReserves: z.boolean(),
  leaving: z.array(z.object({ personId: z.string(), name: z.string() })).optional(),
});
const ZBeforeAfter = z.object({ before: z.number().nullable(), after: z.number().nullable() });
const ZRollup = z.object({
  villages: z.number(), averageSecretaryAge: ZBeforeAfter, secretaryCollegeShare: ZBeforeAfter, villagesWithYoungMember: ZBeforeAfter,
  womenMembers: ZBeforeAfter, womenHeads: ZBeforeAfter, secretaryAndDirector: ZBeforeAfter, reservesUsed: z.number(), newSecretariesFromReserves: z.number(),
});

const ZCandidateOutcome = z.object({ candidateId: z.string(), name: z.string(), votesFor: z.number(), outcome: z.enum(['elected', 'tied', 'notElected']), explanation: z.string() });

export const ZVillageElection = z.object({
  id: z.string(), planId: z.string(), orgCode: z.string(), villageName: z.string(), townshipCode: z.string(), termYear: z.number(),
  stage: z.enum(ELECTION_STAGES), stageLabel: z.string(), guidanceOfficer: z.string().nullable(), responsibilities: z.array(z.object({ task: z.string(), owner: z.string() })),
  secretaryMode: z.enum(SECRETARY_MODES), secretaryModeLabel: z.string(),
  seats: z.object({ party: z.number().nullable(), villagers: z.number().nullable(), basis: z.string().nullable(), countyApproval: z.object({ approvedOn: z.string(), approvedBy: z.string() }).nullable() }),
  candidatesApprovedOn: z.string().nullable(),
  checks: z.object({
    partyMargin: z.string().nullable(), secretaryMargin: z.string().nullable(), secretariesWithoutDualSignOff: z.array(z.string()),
    villagersCandidates: z.string().nullable(), womanOnVillagersCommittee: z.string().nullable(),
    pledges: z.object({ candidates: z.number(), pledged: z.number(), talked: z.number() }),
    citizenReporters: z.object({ groups: z.number(), covered: z.number(), uncovered: z.array(z.string()) }),
    handover: z.object({ deadline: z.string(), leaving: z.array(z.string()), missingTalks: z.array(z.string()), problems: z.array(z.string()) }).nullable(),
  }),
  villagerGroups: z.array(z.object({ code: z.string(), name: z.string() })),
  candidates: z.array(z.object({
    id: z.string(), committee: z.enum(ELECTION_COMMITTEES), committeeLabel: z.string(), personId: z.string(), name: z.string(), gender: z.string(), age: z.number(),
    educationLabel: z.string(), politicalLabel: z.string(), isSecretaryCandidate: z.boolean(), isContinuing: z.boolean(),
    recommendations: z.object({ membersAndMasses: z.number(), higherOrganisation: z.number() }), proposedOn: z.string(),
    status: z.enum(CANDIDATE_STATUSES), statusLabel: z.string(),
    qualification: z.object({
      reviewedOn: z.string(), inspection: z.string(), isUnderPartyProbation: z.boolean(), isQualified: z.boolean(),
      verdicts: z.array(z.object({ rule: z.string(), passed: z.boolean(), explanation: z.string() })),
    }).nullable(),
    signOffs: z.array(z.object({ as: z.enum(SIGN_OFF_ROLES), name: z.string(), signedOn: z.string() })), isDualSigned: z.boolean(),
    talkedOn: z.string().nullable(), pledgedOn: z.string().nullable(), electedPost: z.string().nullable(), version: z.number(),
  })),
  votes: z.array(z.object({
    id: z.string(), committee: z.enum(ELECTION_COMMITTEES), committeeLabel: z.string(), kind: z.enum(VOTE_KINDS), kindLabel: z.string(), heldOn: z.string(), seats: z.number(),
    counts: z.object({
      electorate: z.number(), excused: z.array(z.object({ name: z.string(), reason: z.string() })), expected: z.number(), present: z.number(), proxies: z.number(),
      ballotsIssued: z.number(), ballotsCollected: z.number(), invalidBallots: z.number(),
    }),
    result: z.object({ elected: z.array(z.string()), tied: z.array(z.string()), seatsForTied: z.number(), unfilledSeats: z.number(), candidates: z.array(ZCandidateOutcome) }),
    recordedBy: z.string(),
  })),
  voterRegister: z.object({
    registered: z.number(), publishedOn: z.string(), electionDay: z.string(),
    proxies: z.array(z.object({ voterName: z.string(), proxyName: z.string(), relationship: z.enum(CLOSE_RELATIVES), relationshipLabel: z.string(), authorizedOn: z.string() })),
  }).nullable(),
  electionCommittee: z.array(z.object({ name: z.string(), personId: z.string().nullable(), leftOn: z.string().nullable() })),
  posts: z.array(z.object({ candidateId: z.string(), committee: z.enum(ELECTION_COMMITTEES), post: z.string(), decidedOn: z.string() })),
  riskPoints: z.array(z.object({ id: z.string(), kind: z.enum(RISK_KINDS), kindLabel: z.string(), description: z.string(), measures: z.string(), owner: z.string() })),
  citizenReporters: z.array(z.object({ id: z.string(), groupCode: z.string(), groupName: z.string(), name: z.string() })),
  violationReports: z.array(z.object({
    id: z.string(), candidateId: z.string().nullable(), candidateName: z.string().nullable(), kind: z.enum(VIOLATION_KINDS), kindLabel: z.string(), receivedOn: z.string(),
    content: z.string(), verification: z.string().nullable(), isSubstantiated: z.boolean().nullable(), handledOn: z.string().nullable(), handledBy: z.string().nullable(),
  })),
  objections: z.array(z.object({
    id: z.string(), kind: z.enum(['register', 'result']), receivedOn: z.string(), content: z.string(), handling: z.string().nullable(), isUpheld: z.boolean().nullable(),
    handledOn: z.string().nullable(), handledBy: z.string().nullable(),
  })),
  notice: z.object({ startsOn: z.string(), endsOn: z.string(), workingDays: z.number() }).nullable(),
  approvedOn: z.string().nullable(), filedOn: z.string().nullable(), composition: ZVillageComposition.nullable(),
  handover: z.object({ handedOverOn: z.string(), talks: z.array(z.object({ name: z.string(), talkedOn: z.string() })) }).nullable(),
  steps: z.array(z.object({ action: z.string(), occurredOn: z.string(), actorName: z.string(), details: z.record(z.string(), z.unknown()) })),
  version: z.number(),
  policies: z.object(Object.fromEntries(Object.keys(ELECTION_STEP_RULES).map((step) => [step, z.boolean()])) as Record<keyof typeof ELECTION_STEP_RULES, z.ZodBoolean>),
});
export type TVillageElection = z.infer<typeof ZVillageElection>;

export const ZPlan = z.object({
  id: z.string(), orgCode: z.string(), townshipName: z.string(), termYear: z.number(), startsOn: z.string(), endsOn: z.string(), leadingGroup: z.string(),
  standardSeats: z.object({ party: z.number(), villagers: z.number() }),
  youngSecretaryCandidates: z.object({ young: z.number(), total: z.number(), share: z.number(), warning: z.string().nullable() }),
  stages: z.array(z.object({ stage: z.enum(ELECTION_STAGES), label: z.string(), villages: z.number() })),
  villages: z.array(z.object({
    id: z.string(), orgCode: z.string(), villageName: z.string(), stage: z.enum(ELECTION_STAGES), stageLabel: z.string(), guidanceOfficer: z.string().nullable(),
    partySeats: z.number().nullable(), villagersSeats: z.number().nullable(),
  })),
  version: z.number(),
  policies: z.object({ manage: z.boolean() }),
});
export type TPlan = z.infer<typeof ZPlan>;

export const ZPlans = z.object({ plans: z.array(z.object({ id: z.string(), orgCode: z.string(), townshipName: z.string(), termYear: z.number(), startsOn: z.string(), endsOn: z.string() })) });

export const ZBoard = z.object({
  stages: z.array(z.object({ stage: z.enum(ELECTION_STAGES), label: z.string() })),
  townships: z.array(z.object({ code: z.string(), name: z.string(), villages: z.number(), stages: z.record(z.enum(ELECTION_STAGES), z.number()) })),
  total: z.object({ villages: z.number(), filed: z.number() }),
});
export type TBoard = z.infer<typeof ZBoard>;

export const ZCompositionReport = z.object({
  total: ZRollup,
  townships: z.array(ZRollup.extend({ code: z.string(), name: z.string() })),
  villagesOmitted: z.boolean(),
  villages: z.array(ZVillageComposition.extend({ id: z.string(), orgCode: z.string(), villageName: z.string(), filedOn: z.string().nullable() })),
});
export type TCompositionReport = z.infer<typeof ZCompositionReport>;

export const ZTermQuery = z.strictObject({ termYear: z.coerce.number().int().min(1990).max(2100).optional(), orgCode: ZOrgCode.optional() });
