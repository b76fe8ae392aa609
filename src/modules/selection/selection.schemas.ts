import { z } from 'zod';
import { EDUCATION_ORDER, EXCLUSIONS, type ExclusionCode } from '../../domain/eligibility.ts';
import { CANDIDATE_PROFILES, NOMINATION_CHANNELS, SELECTION_ACTIONS, SELECTION_OUTCOMES, SELECTION_STAGES } from '../../domain/selection-procedure.ts';
import { optionalParagraph, personName, requiredLine, requiredParagraph, singleLineText, ZDate, ZOrgCode, ZPageQuery, ZUuid, ZVersion } from '../../server/schemas.ts';
import { ZPersonSummary } from '../people/people.schemas.ts';

const EXCLUSION_CODES = Object.keys(EXCLUSIONS) as [ExclusionCode, ...ExclusionCode[]];

// ---- Eligibility policy (资格条件) ----

export const ZPolicyRules = z.strictObject({
  requiredPoliticalStatuses: z.array(singleLineText('政治面貌代码', 40)).max(10).describe('要求的政治面貌代码（空数组表示不限）'),
  minimumEducation: z.enum(EDUCATION_ORDER).describe('最低学历'),
  maximumAge: z.number().int().min(18, '年龄上限不能低于 18 周岁').max(70, '年龄上限不能超过 70 周岁'),
  referenceDate: ZDate.describe('计算年龄的基准日'),
  exclusions: z.array(z.enum(EXCLUSION_CODES)).describe('适用的负面清单（十不推）'),
  youngReserveMaximumAge: z.number().int().min(18).max(60).describe('每村至少一名该年龄及以下的后备力量'),
  minimumShortlistPerVillage: z.number().int().min(1).max(10).describe('每村建议人选至少人数'),
  publicNotice: z.strictObject({
    workingDays: z.number().int().min(1, '公示期至少 1 个工作日').max(30),
    postingDayCounts: z.boolean().describe('张贴当日是否计入公示期'),
  }),
  secretary: z.strictObject({
    continuingMaximumAge: z.number().int().min(18).max(70),
    continuingMinimumEducation: z.enum(EDUCATION_ORDER),
    newMaximumAge: z.number().int().min(18).max(70),
    newMinimumEducation: z.enum(EDUCATION_ORDER),
    youngShare: z.number().min(0).max(1),
    youngMaximumAge: z.number().int().min(18).max(70),
  }).describe('换届时书记人选条件'),
}).meta({ id: 'EligibilityPolicyRules' });
export type TPolicyRules = z.infer<typeof ZPolicyRules>;

export const ZPolicySource = z.object({
  orgCode: z.string().nullable().describe('制定该资格条件的单位；null 为系统默认（三年行动方案）'),
  orgName: z.string(),
  versionNumber: z.number().int().nullable(),
});

export const ZEffectivePolicy = z.object({
  orgCode: z.string(),
  source: ZPolicySource,
  rules: ZPolicyRules,
  policies: z.object({ update: z.boolean().describe('可否为该单位制定新版本') }),
}).meta({ id: 'EffectivePolicy' });

export const ZPolicyVersion = z.object({
  id: z.string(),
  orgCode: z.string(),
  versionNumber: z.number().int(),
  rules: ZPolicyRules,
  note: z.string(),
  createdBy: z.string(),
  createdAt: z.date(),
});
export const ZPolicyVersionList = z.object({ versions: z.array(ZPolicyVersion) });

export const ZPolicyPreset = z.object({ key: z.string(), label: z.string(), rules: ZPolicyRules });
export const ZPolicyPresetList = z.object({ presets: z.array(ZPolicyPreset) });

export const ZPolicyChange = z.strictObject({ orgCode: ZOrgCode, rules: ZPolicyRules });
export const ZSavePolicy = ZPolicyChange.extend({
  note: requiredParagraph('修改说明', 500),
  basedOnVersion: z.number().int().nullable().describe('编辑时读取的版本号（该单位尚无版本时为 null）；不一致返回 409'),
});

const ZVerdict = z.object({ rule: z.string(), passed: z.boolean(), explanation: z.string(), isWaived: z.boolean().optional() });

export const ZPolicyDiff = z.object({
  evaluated: z.number().int().describe('重新评估的人数（后备力量和进行中的人选）'),
  becameIneligible: z.array(z.object({ personId: z.string(), name: z.string(), villageName: z.string(), kind: z.enum(['reserve', 'candidate']), failedRules: z.array(z.string()) })),
  becameEligible: z.array(z.object({ personId: z.string(), name: z.string(), villageName: z.string(), kind: z.enum(['reserve', 'candidate']), failedRulesBefore: z.array(z.string()) })),
  unchangedEligible: z.number().int(),
  unchangedIneligible: z.number().int(),
}).meta({ id: 'PolicyDiff' });
export type TPolicyDiff = z.infer<typeof ZPolicyDiff>;
export const ZSavedPolicy = z.object({ version: ZPolicyVersion, diff: ZPolicyDiff });

// ---- Official calendar (工作日历) ----

export const ZCalendarYear = z.object({
  year: z.number().int(),
  source: z.enum(['package', 'entered']).describe('package：系统内置（chinese-days）；entered：组织部录入'),
  holidays: z.array(z.string()),
  makeUpWorkdays: z.array(z.string()),
  note: z.string().nullable(),
  enteredBy: z.string().nullable(),
  version: z.number().int().nullable(),
  official: z.object({ holidays: z.array(z.string()), makeUpWorkdays: z.array(z.string()) }).nullable()
    .describe('系统内置（chinese-days）的该年官方安排；内置数据不含该年时为 null。录入的安排与之不同时须填写修改理由'),
});
export const ZCalendarYearList = z.object({ years: z.array(ZCalendarYear), policies: z.object({ update: z.boolean() }) });
export const ZPutCalendarYear = z.strictObject({
  holidays: z.array(ZDate).max(60, '放假日期不能超过 60 天'),
  makeUpWorkdays: z.array(ZDate).max(20, '调休上班日期不能超过 20 天'),
  note: optionalParagraph('说明', 500),
  reason: optionalParagraph('修改理由', 500).describe('系统内置了该年的官方安排而录入的安排与之不同时必填，与差异一并记入审计日志'),
  version: ZVersion.nullable().describe('修改已录入的年份时填读取时的版本号；首次录入为 null'),
});
export const ZNoticePeriodQuery = z.strictObject({
  startsOn: ZDate,
  workingDays: z.coerce.number().int().min(1).max(30),
  postingDayCounts: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
});
export const ZNoticePeriod = z.object({ startsOn: z.string(), endsOn: z.string(), workingDays: z.number().int(), postingDayCounts: z.boolean() });

// ---- Candidates and the procedure ----

export const ZNominate = z.strictObject({
  orgCode: ZOrgCode.describe('推荐所在的村（社区）'),
  personId: ZUuid.describe('人才台账中的人员'),
  channel: z.enum(NOMINATION_CHANNELS, '请选择推荐方式：组织推荐、党员群众推荐或个人自荐'),
  profile: z.enum(CANDIDATE_PROFILES, '请选择人选类型：成熟型或潜力型'),
  targetPost: requiredLine('拟任岗位', 40),
  sourceCategory: requiredLine('身份（来源类别）', 40),
  nominatedOn: ZDate,
  meeting: z.strictObject({
    kind: requiredLine('会议名称（如村两委会议、支部委员会、党员大会）', 40),
    heldOn: ZDate,
    minutes: requiredParagraph('会议记录', 5000),
  }).describe('研究推荐名单的村级会议'),
});

export const ZStep = z.object({
  id: z.number().int(),
  action: z.string(),
  label: z.string(),
  fromStage: z.string().nullable(),
  toStage: z.string().nullable(),
  occurredOn: z.string(),
  actorName: z.string(),
  details: z.record(z.string(), z.unknown()),
  recordedAt: z.date(),
});

export const ZCandidateCard = z.object({
  id: z.string(),
  orgCode: z.string(),
  villageName: z.string(),
  townshipName: z.string(),
  stage: z.enum(SELECTION_STAGES),
  outcome: z.enum(SELECTION_OUTCOMES),
  channel: z.enum(NOMINATION_CHANNELS),
  profile: z.enum(CANDIDATE_PROFILES),
  targetPost: z.string(),
  meetsPolicy: z.boolean().describe('按现行资格条件和已核实的负面清单是否符合（未计破格）'),
  version: z.number().int(),
  person: ZPersonSummary,
}).meta({ id: 'SelectionCandidateCard' });
export type TCandidateCard = z.infer<typeof ZCandidateCard>;

export const ZCandidateListQuery = ZPageQuery.extend({
  orgCode: ZOrgCode.optional(),
  stage: z.enum(SELECTION_STAGES).optional(),
  outcome: z.enum(SELECTION_OUTCOMES).optional(),
  personId: ZUuid.optional().describe('某人的全部选拔记录（人员档案页用）'),
}).strict();
export const ZCandidateList = z.object({ total: z.number().int(), candidates: z.array(ZCandidateCard), policies: z.object({ nominate: z.boolean() }) });

export const ZException = z.object({
  id: z.string(), rule: z.string(), reason: z.string(), status: z.enum(['requested', 'approved', 'refused']),
  requestedBy: z.string(), decidedBy: z.string().nullable(), decisionNote: z.string().nullable(), createdAt: z.date(),
});
export const ZJointReview = z.object({
  id: z.string(), candidateId: z.string(), department: z.string(), status: z.enum(['pending', 'passed', 'concern', 'resolved']),
  comment: z.string().nullable(), answeredBy: z.string().nullable(), answeredAt: z.date().nullable(),
  resolution: z.string().nullable(), resolvedBy: z.string().nullable(), version: z.number().int(),
});
export const ZObjection = z.object({
  id: z.string(), publicNoticeId: z.string(), candidateId: z.string(), candidateName: z.string(), receivedOn: z.string(), content: z.string(),
  handling: z.string().nullable(), isSubstantiated: z.boolean().nullable(), handledBy: z.string().nullable(), recordedBy: z.string(),
});

const ZActionState = z.object({ allowed: z.boolean(), reason: z.string().nullable() });

export const ZCandidateDetail = ZCandidateCard.extend({
  sourceCategory: z.string(),
  eligibility: z.object({ source: ZPolicySource, isEligible: z.boolean(), verdicts: z.array(ZVerdict), exclusionsFound: z.array(z.string()) }),
  villageNeed: z.enum(CANDIDATE_PROFILES).nullable(),
  evaluation: z.record(z.string(), z.unknown()).nullable(),
  exceptions: z.array(ZException),
  jointReviews: z.array(ZJointReview),
  jointReviewDepartments: z.array(z.string()).describe('可送审的联审部门（本县有联审账号的部门）'),
  publicNotice: z.object({ id: z.string(), startsOn: z.string(), endsOn: z.string(), workingDays: z.number().int() }).nullable(),
  objections: z.array(ZObjection),
  reserveId: z.string().nullable(),
  attachments: z.array(z.object({
    id: z.string(), stepAction: z.string().nullable(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedBy: z.string(), createdAt: z.date(),
  })).describe('佐证材料（会议记录扫描件、测评票统计表、公示照片等）'),
  steps: z.array(ZStep),
  actions: z.record(z.enum(SELECTION_ACTIONS), ZActionState).describe('每个步骤当前能否进行、不能的原因（含角色）'),
  policies: z.object({ attach: z.boolean(), requestException: z.boolean(), decideException: z.boolean(), sendJointReview: z.boolean(), resolveConcern: z.boolean() }),
}).meta({ id: 'SelectionCandidate' });
export type TCandidateDetail = z.infer<typeof ZCandidateDetail>;

export const ZQualificationReview = z.strictObject({
  reviewedOn: ZDate,
  exclusionsFound: z.array(z.enum(EXCLUSION_CODES)).describe('经核实存在的负面清单情形（没有则为空）'),
  notes: optionalParagraph('审查意见', 2000),
  version: ZVersion,
});
export const ZRequestException = z.strictObject({ rule: requiredLine('破格的条件', 60), reason: requiredParagraph('破格理由', 2000) });
export const ZDecideException = z.strictObject({ approve: z.boolean(), note: requiredParagraph('审批意见', 1000) });

export const ZEvaluationMeeting = z.strictObject({
  orgCode: ZOrgCode.describe('召开测评会的村（社区）'),
  heldOn: ZDate,
  attendeeCount: z.number().int().min(1, '请填写参会人数').max(5000),
  attendees: requiredParagraph('参会人员（如全体党员、村民代表）', 1000),
  minutes: optionalParagraph('会议记录', 5000),
  tallies: z.array(z.strictObject({
    candidateId: ZUuid,
    excellent: z.number().int().min(0),
    competent: z.number().int().min(0),
    basicallyCompetent: z.number().int().min(0),
    incompetent: z.number().int().min(0),
    version: ZVersion,
  })).min(1, '请至少填写一名人选的测评票数').max(50),
});
export const ZEvaluationResult = z.object({
  candidates: z.array(z.object({ candidateId: z.string(), name: z.string(), validVotes: z.number().int(), approvalRate: z.number() })),
});

export const ZInterview = z.strictObject({
  heldOn: ZDate,
  interviewer: personName('谈话人（考察组组长）', 50),
  presentPerformance: requiredParagraph('现实表现', 2000),
  massBase: requiredParagraph('群众基础', 2000),
  socialRelations: requiredParagraph('社会关系', 2000),
  willingness: requiredParagraph('任职意愿', 1000),
  health: requiredParagraph('身体状况', 500),
  conclusion: requiredParagraph('考察结论', 1000),
  version: ZVersion,
});

export const ZShortlist = z.strictObject({
  orgCode: ZOrgCode.describe('乡镇'),
  meetingOn: ZDate,
  minutes: requiredParagraph('乡镇党委专题会议记录', 5000),
  candidateIds: z.array(ZUuid).min(1, '请至少选择一名人选').max(500),
});
export const ZShortlistResult = z.object({ shortlisted: z.number().int(), warnings: z.array(z.string()).describe('因村选人：人数不足、类型不符、缺少年轻人选的村') });

export const ZSendJointReview = z.strictObject({
  departments: z.array(requiredLine('联审部门', 40)).min(1, '请至少选择一个联审部门').max(30),
  sentOn: ZDate,
});
export const ZJointReviewList = z.object({
  reviews: z.array(ZJointReview.extend({
    sentOn: z.string().describe('送审日期'),
    deadline: z.string().nullable().describe('答复期限：送审次日起第 workingDays 个工作日；工作日历尚无该年时为空'),
    isOverdue: z.boolean().describe('待审查且已过答复期限'),
    candidate: z.object({ name: z.string(), gender: z.string(), birthDate: z.string(), villageName: z.string(), townshipName: z.string(), targetPost: z.string() }),
  })),
  workingDays: z.number().int().describe('答复期限的工作日数'),
});
export const ZJointReviewListQuery = z.strictObject({ status: z.enum(['pending', 'passed', 'concern', 'resolved']).optional() });
export const ZAnswerJointReview = z.strictObject({
  verdict: z.enum(['passed', 'concern'], '请选择审查结论：通过或有问题'),
  comment: optionalParagraph('审查意见', 2000),
  answeredOn: ZDate.optional().describe('答复日期（不早于送审日期，不晚于今天），默认今天'),
  version: ZVersion,
});
export const ZResolveConcern = z.strictObject({
  resolution: requiredParagraph('核实处理情况', 2000),
  resolvedOn: ZDate.optional().describe('核实处理日期（不早于部门答复日期，不晚于今天），默认今天'),
  version: ZVersion,
});

export const ZStartNotice = z.strictObject({
  orgCode: ZOrgCode.describe('乡镇'),
  startsOn: ZDate,
  candidateIds: z.array(ZUuid).min(1, '请至少选择一名人选').max(500),
  objectionContact: requiredParagraph('反映问题的方式（受理单位、电话、地址）', 500),
});
export const ZPublicNotice = z.object({
  id: z.string(),
  orgCode: z.string(),
  townshipName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  workingDays: z.number().int(),
  postingDayCounts: z.boolean(),
  objectionContact: z.string(),
  noticeText: z.string().describe('供打印张贴的公示文本'),
  candidates: z.array(z.object({ id: z.string(), name: z.string(), villageName: z.string(), stage: z.enum(SELECTION_STAGES), outcome: z.enum(SELECTION_OUTCOMES) })),
  objections: z.array(ZObjection),
}).meta({ id: 'PublicNotice' });
export const ZRecordObjection = z.strictObject({ candidateId: ZUuid, receivedOn: ZDate, content: requiredParagraph('异议内容', 2000) });
export const ZHandleObjection = z.strictObject({ handling: requiredParagraph('处理情况', 2000), isSubstantiated: z.boolean().describe('反映问题是否属实') });

export const ZDecide = z.strictObject({
  decidedOn: ZDate,
  minutes: requiredParagraph('乡镇党委会议研究情况', 5000),
  readiness: requiredLine('成熟度', 40),
  version: ZVersion,
});
export const ZFile = z.strictObject({ filedOn: ZDate, notes: optionalParagraph('备案意见', 1000), version: ZVersion });
export const ZEndProcedure = z.strictObject({ occurredOn: ZDate, reason: requiredParagraph('原因', 1000), version: ZVersion });

export const ZVillageNeed = z.strictObject({
  need: z.enum(CANDIDATE_PROFILES, '请选择需要的人选类型'),
  condition: optionalParagraph('村情（班子现状、发展需要）', 1000),
  version: ZVersion.nullable().describe('修改时填读取时的版本号；首次设置为 null'),
});

export const ZBoard = z.object({
  orgCode: z.string().describe('乡镇；村（社区）用户查看本村时为该村'),
  columns: z.array(z.object({ stage: z.enum(SELECTION_STAGES), label: z.string(), candidates: z.array(ZCandidateCard) })),
  villages: z.array(z.object({
    orgCode: z.string(),
    name: z.string(),
    need: z.enum(CANDIDATE_PROFILES).nullable(),
    condition: z.string().nullable(),
    needVersion: z.number().int().nullable(),
    inProgress: z.number().int(),
    admitted: z.number().int().describe('本村已入库的后备力量'),
    warnings: z.array(z.string()),
  })),
  policies: z.object({ nominate: z.boolean(), review: z.boolean() }),
}).meta({ id: 'SelectionBoard' });

export const ATTACHMENT_TYPES = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档（.docx）',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ZAttachmentQuery = z.strictObject({
  fileName: singleLineText('文件名', 200).min(1, '请提供文件名'),
  step: z.enum([...SELECTION_ACTIONS, 'nominate', 'sendJointReview', 'recordObjection', 'handleObjection'] as [string, ...string[]]).optional().describe('材料所属的步骤'),
});
