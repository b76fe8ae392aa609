import { z } from 'zod';
import { REMINDER_KINDS } from '../../domain/reminders.ts';
import {
  CONTACT_FORM_LABELS, CONTACT_FORMS, GRADE_LABELS, GRADES, MEETING_TYPE_LABELS, MEETING_TYPES, MENTOR_POST_LABELS, MENTOR_POSTS,
  PARTY_STAGE_LABELS, PARTY_STAGES, PRACTICE_CATEGORIES, PRACTICE_CATEGORY_LABELS, TRAINING_METHOD_LABELS, TRAINING_METHODS,
} from '../../domain/cultivation-codes.ts';

/** The codes and their labels live in src/domain/cultivation-codes.ts; re-exported for the services. */
export {
  CONTACT_FORM_LABELS, CONTACT_FORMS, GRADE_LABELS, GRADES, MEETING_TYPE_LABELS, MEETING_TYPES, MENTOR_POST_LABELS, MENTOR_POSTS,
  PARTY_STAGE_LABELS, PARTY_STAGES, PRACTICE_CATEGORIES, PRACTICE_CATEGORY_LABELS, TRAINING_METHOD_LABELS,
};
import { optionalLine, optionalParagraph, personName, requiredLine, requiredParagraph, ZDate, ZOrgCode, ZPageQuery, ZUuid, ZVersion } from '../../server/schemas.ts';

/** Zod schemas of cultivation (培养教育): training, mentoring, practice, assessment, reminders, talent grid. */

const ZYear = z.coerce.number().int().min(2000, '年度应在 2000–2100 之间').max(2100, '年度应在 2000–2100 之间');
const ZQuarter = z.number().int().min(1, '季度应为 1–4').max(4, '季度应为 1–4');
const ZDays = z.number().min(0, '天数不能为负').max(366, '天数不能超过 366').refine((value) => Number.isInteger(value * 2), '天数以半天为单位，如 0.5、1、1.5');
const ZPolicies = z.object({ update: z.boolean(), delete: z.boolean() });

/** Basic details of a reserve that every cultivation record shows (never ID number or phone). */
export const ZReserveBrief = z.object({
  id: z.string(),
  name: z.string(),
  orgCode: z.string().describe('所在村（社区）代码'),
  villageName: z.string(),
  townshipName: z.string(),
  targetPost: z.string().describe('拟任岗位（字典 targetPost）'),
  status: z.string(),
}).meta({ id: 'ReserveBrief' });
export type TReserveBrief = z.infer<typeof ZReserveBrief>;

// ---------- training ----------

export const ZTrainingMethod = z.enum(TRAINING_METHODS).describe('培训方式：centralised 集中培训 / partySchool 党校 / online 网络 / fieldVisit 外出考察 / meetingAsTraining 以会代训');

export const ZTrainingSessionInput = z.strictObject({
  orgCode: ZOrgCode.describe('举办单位（县、乡镇或村）代码；县、乡镇举办的培训对其下辖后备力量可见'),
  name: requiredLine('培训名称', 100),
  method: ZTrainingMethod,
  organiser: requiredLine('举办单位名称', 100).describe('如：县委组织部、某某镇党委'),
  startDate: ZDate,
  endDate: ZDate,
  days: ZDays.describe('培训天数（以半天计）'),
  content: optionalParagraph('培训内容', 2000),
  place: optionalLine('培训地点', 200),
});
export const ZUpdateTrainingSession = ZTrainingSessionInput.omit({ orgCode: true }).partial().extend({ version: ZVersion });

export const ZTrainingAttendance = z.object({
  id: z.string(),
  sessionId: z.string(),
  reserve: ZReserveBrief,
  attended: z.boolean(),
  daysAttended: z.number(),
  result: z.string().nullable().describe('培训结果，如：结业、合格'),
  version: z.number().int(),
}).meta({ id: 'TrainingAttendance' });

export const ZTrainingSession = z.object({
  id: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  name: z.string(),
  method: ZTrainingMethod,
  organiser: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  days: z.number(),
  content: z.string().nullable(),
  place: z.string().nullable(),
  attendeeCount: z.number().int().describe('您管理范围内的参训人数'),
  version: z.number().int(),
  policies: ZPolicies.extend({ takeAttendance: z.boolean() }),
}).meta({ id: 'TrainingSession' });
export type TTrainingSession = z.infer<typeof ZTrainingSession>;
export const ZTrainingSessionDetail = ZTrainingSession.extend({ attendance: z.array(ZTrainingAttendance) }).meta({ id: 'TrainingSessionDetail' });

export const ZTrainingSessionListQuery = ZPageQuery.extend({
  orgCode: ZOrgCode.optional().describe('只看该单位举办及其下辖单位举办的培训'),
  year: ZYear.optional().describe('结束日期所在年度'),
  method: ZTrainingMethod.optional(),
}).strict();
export const ZTrainingSessionList = z.object({ total: z.number().int(), sessions: z.array(ZTrainingSession), policies: z.object({ create: z.boolean() }) });

export const ZAttendanceInput = z.strictObject({
  entries: z.array(z.strictObject({
    reserveId: ZUuid,
    attended: z.boolean().describe('是否参训'),
    daysAttended: ZDays.optional().describe('实际参训天数；不填时参训者按培训天数、缺席者按 0'),
    result: optionalLine('培训结果', 200),
  })).min(1, '请至少填写一名参训人员').max(2000, '一次最多登记 2000 人'),
});
export const ZAttendanceImportResult = z.object({
  imported: z.number().int().describe('导入（新增或更新）的人数'),
  problems: z.array(z.object({ row: z.number().int(), message: z.string() })).describe('有问题的行（有问题时整表不导入）'),
});

export const ZTrainingRules = z.object({
  orgCode: z.string().nullable().describe('规则所属单位；null 为系统默认'),
  minimumDaysPerYear: z.number(),
  centralisedMinimumDays: z.number(),
  centralisedWindowYears: z.number().int(),
  centralisedMethods: z.array(ZTrainingMethod),
  version: z.number().int().nullable(),
}).meta({ id: 'TrainingRules' });
export const ZTrainingRulesInput = z.strictObject({
  orgCode: ZOrgCode,
  minimumDaysPerYear: ZDays.describe('每年最少培训天数'),
  centralisedMinimumDays: ZDays.refine((value) => value > 0, '集中培训最少天数应大于 0').describe('集中培训最少天数'),
  centralisedWindowYears: z.number().int().min(1, '年限应为 1–10 年').max(10, '年限应为 1–10 年').describe('多少年内至少一次集中培训'),
  centralisedMethods: z.array(ZTrainingMethod).min(1, '请至少选择一种计为集中培训的方式'),
  version: ZVersion.optional().describe('修改已有规则时必填'),
});

export const ZTrainingCompliance = z.object({
  annual: z.object({ year: z.number().int(), requiredDays: z.number(), attendedDays: z.number(), shortByDays: z.number(), dueBy: z.string(), status: z.enum(['met', 'due', 'overdue']) }),
  centralised: z.object({ status: z.enum(['met', 'due', 'overdue']), dueBy: z.string(), lastQualifyingEnd: z.string().nullable() }),
}).meta({ id: 'TrainingCompliance' });

// ---------- mentoring ----------

export const ZMentorPost = z.enum(MENTOR_POSTS).describe('导师身份：townshipLeader 镇领导班子成员 / villageContactCadre 包村干部 / firstSecretary 驻村第一书记 / villageHead 两委主要负责人 / other 其他');

export const ZMentoringAssignmentInput = z.strictObject({
  reserveId: ZUuid,
  mentorUserId: ZUuid.nullable().optional().describe('导师为系统用户（帮带导师角色）时填写；该用户即可查看并填写此后备力量的帮带记录'),
  mentorName: personName('导师姓名', 50).optional().describe('导师为系统用户时可不填，取用户姓名'),
  mentorPost: ZMentorPost,
  mentorTitle: optionalLine('导师职务', 50).describe('如：镇党委副书记'),
  startedOn: ZDate,
  endedOn: ZDate.nullable().optional(),
});
export const ZUpdateMentoringAssignment = z.strictObject({
  mentorPost: ZMentorPost.optional(),
  mentorTitle: optionalLine('导师职务', 50),
  endedOn: ZDate.nullable().optional().describe('结束帮带的日期'),
  version: ZVersion,
});
export const ZMentoringAssignment = z.object({
  id: z.string(),
  reserve: ZReserveBrief,
  mentorUserId: z.string().nullable(),
  mentorName: z.string(),
  mentorPost: ZMentorPost,
  mentorTitle: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  isActive: z.boolean().describe('今天是否在帮带期内'),
  version: z.number().int(),
  policies: ZPolicies,
}).meta({ id: 'MentoringAssignment' });
export const ZMentoringAssignmentListQuery = ZPageQuery.extend({
  reserveId: ZUuid.optional(),
  orgCode: ZOrgCode.optional(),
  isActive: z.enum(['true', 'false']).optional().describe('true：只看帮带期内的'),
  mine: z.enum(['true', 'false']).optional().describe('true：只看我是导师的'),
}).strict();
export const ZMentoringAssignmentList = z.object({ total: z.number().int(), assignments: z.array(ZMentoringAssignment), policies: z.object({ create: z.boolean() }) });

export const ZMentorSuggestion = z.object({
  mentorUserId: z.string(),
  mentorName: z.string(),
  orgCode: z.string().describe('导师所属单位'),
  orgName: z.string(),
  isSameVillage: z.boolean(),
  activeMenteeCount: z.number().int(),
}).meta({ id: 'MentorSuggestion' });
export const ZMentorSuggestionQuery = z.strictObject({ reserveId: ZUuid });
export const ZMentorSuggestionList = z.object({ reserve: ZReserveBrief, hasActiveMentor: z.boolean(), suggestions: z.array(ZMentorSuggestion) });

export const ZContactForm = z.enum(CONTACT_FORMS).describe('联系方式：talk 谈心谈话 / visit 走访 / phone 电话 / online 网络');

export const ZMentorContactInput = z.strictObject({
  assignmentId: ZUuid.describe('帮带关系编号（导师与后备力量的结对）'),
  contactedOn: ZDate.describe('联系日期'),
  form: ZContactForm,
  thoughts: optionalParagraph('思想动态', 2000),
  work: optionalParagraph('工作情况', 2000),
  problems: optionalParagraph('存在问题', 2000),
  helpGiven: optionalParagraph('帮助措施', 2000),
}).refine((value) => [value.thoughts, value.work, value.problems, value.helpGiven].some((item) => item), '请至少填写思想动态、工作情况、存在问题、帮助措施中的一项');
export const ZUpdateMentorContact = z.strictObject({
  contactedOn: ZDate.optional(),
  form: ZContactForm.optional(),
  thoughts: optionalParagraph('思想动态', 2000),
  work: optionalParagraph('工作情况', 2000),
  problems: optionalParagraph('存在问题', 2000),
  helpGiven: optionalParagraph('帮助措施', 2000),
  version: ZVersion,
});
/** Who entered a record and when; 代录 when that is not the one whose record it is. */
const ZRecordedBy = z.string().describe('录入人姓名（显示名）');
const ZRecordedAt = z.string().describe('录入时间（ISO 8601）');
const ZIsProxy = z.boolean().describe('代录：录入人不是该记录的导师、评定单位或谈话人');
const ZRecordEntry = { recordedBy: ZRecordedBy, recordedAt: ZRecordedAt, isProxy: ZIsProxy };
/** Practice and observer records: who entered them (null for rows entered before this was kept, without an audit event). */
const ZPlainRecordEntry = { recordedBy: ZRecordedBy.nullable(), recordedAt: ZRecordedAt };

export const ZMentorContact = z.object({
  id: z.string(),
  assignmentId: z.string(),
  reserve: ZReserveBrief,
  mentorName: z.string(),
  contactedOn: z.string(),
  form: ZContactForm,
  thoughts: z.string().nullable(),
  work: z.string().nullable(),
  problems: z.string().nullable(),
  helpGiven: z.string().nullable(),
  ...ZRecordEntry,
  version: z.number().int(),
  policies: ZPolicies,
}).meta({ id: 'MentorContact' });
export const ZMentorContactListQuery = ZPageQuery.extend({
  reserveId: ZUuid.optional(),
  assignmentId: ZUuid.optional(),
  orgCode: ZOrgCode.optional(),
  year: ZYear.optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
}).strict();
export const ZMentorContactList = z.object({ total: z.number().int(), contacts: z.array(ZMentorContact) });

export const ZMentoringSummaryInput = z.strictObject({
  assignmentId: ZUuid,
  year: ZYear,
  quarter: ZQuarter,
  periodText: optionalLine('帮扶时间', 50).describe('帮扶时间，如「1—3 月」；不填为该季度'),
  content: requiredParagraph('帮扶内容', 2000),
  opinion: requiredParagraph('评定意见', 1000),
});
export const ZUpdateMentoringSummary = z.strictObject({
  periodText: optionalLine('帮扶时间', 50),
  content: requiredParagraph('帮扶内容', 2000).optional(),
  opinion: requiredParagraph('评定意见', 1000).optional(),
  version: ZVersion,
});
export const ZMentoringSummary = z.object({
  id: z.string(),
  assignmentId: z.string(),
  reserve: ZReserveBrief,
  mentorName: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  periodText: z.string().nullable(),
  content: z.string(),
  opinion: z.string(),
  ...ZRecordEntry,
  version: z.number().int(),
  policies: ZPolicies,
}).meta({ id: 'MentoringSummary' });
export const ZMentoringSummaryListQuery = ZPageQuery.extend({ reserveId: ZUuid.optional(), orgCode: ZOrgCode.optional(), year: ZYear.optional() }).strict();
export const ZMentoringSummaryList = z.object({ total: z.number().int(), summaries: z.array(ZMentoringSummary) });

export const ZAnnualTalkInput = z.strictObject({
  reserveId: ZUuid,
  talkedOn: ZDate,
  talkerName: personName('谈话人（乡镇党委书记）姓名', 50),
  content: requiredParagraph('谈话内容', 4000),
});
export const ZAnnualTalk = z.object({
  id: z.string(), reserve: ZReserveBrief, talkedOn: z.string(), talkerName: z.string(), content: z.string(), ...ZRecordEntry, version: z.number().int(), policies: ZPolicies,
}).meta({ id: 'AnnualTalk' });
export const ZAnnualTalkListQuery = ZPageQuery.extend({ reserveId: ZUuid.optional(), orgCode: ZOrgCode.optional(), year: ZYear.optional() }).strict();
export const ZAnnualTalkList = z.object({ total: z.number().int(), talks: z.array(ZAnnualTalk) });

// ---------- practice ----------

const ZPracticeKind = z.enum(['post', 'task']).describe('post 岗位锻炼 / task 专项任务');
const ZPracticeCategory = requiredLine('类别', 40).describe('岗位：secretaryAssistant 书记助理 / partyGroupLeader 党小组长 / villagerGroupLeader 村民小组长 / gridWorker 网格员 / committeeMember 两委委员；任务：disputeMediation 矛盾纠纷调解 / emergency 应急处突 / keyProject 重点项目 / petition 信访维稳；other 其他');

export const ZPracticeRecordInput = z.strictObject({
  reserveId: ZUuid,
  kind: ZPracticeKind,
  category: ZPracticeCategory,
  startedOn: ZDate,
  endedOn: ZDate.nullable().optional(),
  content: requiredParagraph('具体内容', 2000),
  performance: optionalParagraph('主要表现', 2000),
  opinion: optionalParagraph('评定意见', 1000),
});
export const ZUpdatePracticeRecord = z.strictObject({
  category: ZPracticeCategory.optional(),
  startedOn: ZDate.optional(),
  endedOn: ZDate.nullable().optional(),
  content: requiredParagraph('具体内容', 2000).optional(),
  performance: optionalParagraph('主要表现', 2000),
  opinion: optionalParagraph('评定意见', 1000),
  version: ZVersion,
});
export const ZPracticeRecord = z.object({
  id: z.string(), reserve: ZReserveBrief, kind: ZPracticeKind, category: z.string(), startedOn: z.string(), endedOn: z.string().nullable(),
  content: z.string(), performance: z.string().nullable(), opinion: z.string().nullable(), ...ZPlainRecordEntry, version: z.number().int(), policies: ZPolicies,
}).meta({ id: 'PracticeRecord' });
export const ZPracticeRecordListQuery = ZPageQuery.extend({ reserveId: ZUuid.optional(), orgCode: ZOrgCode.optional(), year: ZYear.optional(), kind: ZPracticeKind.optional() }).strict();
export const ZPracticeRecordList = z.object({ total: z.number().int(), records: z.array(ZPracticeRecord) });

const ZMeetingType = z.enum(MEETING_TYPES).describe('villageCommittees 两委会 / partyMembers 党员大会 / villagerRepresentatives 村民代表会议 / townshipCadres 乡镇村干部大会');
export const ZObserverAttendanceInput = z.strictObject({ reserveId: ZUuid, meetingType: ZMeetingType, meetingDate: ZDate, topic: optionalParagraph('会议议题', 500) });
export const ZObserverAttendance = z.object({
  id: z.string(), reserve: ZReserveBrief, meetingType: ZMeetingType, meetingDate: z.string(), topic: z.string().nullable(), ...ZPlainRecordEntry, version: z.number().int(), policies: ZPolicies,
}).meta({ id: 'ObserverAttendance' });
export const ZObserverAttendanceListQuery = ZPageQuery.extend({ reserveId: ZUuid.optional(), orgCode: ZOrgCode.optional(), year: ZYear.optional() }).strict();
export const ZObserverAttendanceList = z.object({ total: z.number().int(), attendances: z.array(ZObserverAttendance) });

// ---------- assessment ----------

const ZGrade = z.enum(GRADES).describe('excellent 优秀 / competent 合格 / basicallyCompetent 基本合格 / incompetent 不合格');
const ZAssessmentKind = z.enum(['quarterly', 'annual', 'preElection']).describe('quarterly 季度评定 / annual 年度考核 / preElection 换届前再评估');
const ZAssessor = z.enum(['village', 'township']).describe('village 村（社区）评定 / township 乡镇评定（年度考核和换届前再评估由乡镇作出）');

export const ZAssessmentInput = z.strictObject({
  reserveId: ZUuid,
  kind: ZAssessmentKind,
  assessor: ZAssessor,
  year: ZYear,
  quarter: ZQuarter.optional().describe('季度评定必填'),
  grade: ZGrade.optional().describe('年度考核必填；季度评定可选（用于潜力评定）'),
  opinion: requiredParagraph('评定意见', 2000),
  assessedOn: ZDate,
});
export const ZUpdateAssessment = z.strictObject({ grade: ZGrade.nullable().optional(), opinion: requiredParagraph('评定意见', 2000).optional(), assessedOn: ZDate.optional(), version: ZVersion });
export const ZAssessment = z.object({
  id: z.string(), reserve: ZReserveBrief, kind: ZAssessmentKind, assessor: ZAssessor, year: z.number().int(), quarter: z.number().int().nullable(),
  grade: ZGrade.nullable(), opinion: z.string(), assessedOn: z.string(), ...ZRecordEntry, version: z.number().int(), policies: ZPolicies,
}).meta({ id: 'Assessment' });
export const ZAssessmentListQuery = ZPageQuery.extend({ reserveId: ZUuid.optional(), orgCode: ZOrgCode.optional(), year: ZYear.optional(), kind: ZAssessmentKind.optional() }).strict();
export const ZAssessmentList = z.object({ total: z.number().int(), assessments: z.array(ZAssessment) });

const ZPartyStage = z.enum(PARTY_STAGES).describe('activist 入党积极分子 → developmentTarget 发展对象 → probationaryMember 预备党员 → fullMember 正式党员');
export const ZPartyJoiningInput = z.strictObject({
  steps: z.array(z.strictObject({ stage: ZPartyStage, reachedOn: ZDate, notes: optionalParagraph('备注', 500) })).max(4).describe('已达到的各阶段及日期；须按顺序、日期不倒退'),
});
export const ZPartyJoining = z.object({
  reserve: ZReserveBrief,
  steps: z.array(z.object({ stage: ZPartyStage, reachedOn: z.string(), notes: z.string().nullable() })),
  nextStage: ZPartyStage.nullable(),
  policies: z.object({ update: z.boolean() }),
}).meta({ id: 'PartyJoining' });

// ---------- one reserve's year ----------

export const ZReserveCultivationQuery = z.strictObject({ year: ZYear.optional().describe('年度，默认今年') });
export const ZReserveCultivation = z.object({
  reserve: ZReserveBrief,
  year: z.number().int(),
  admittedOn: z.string().nullable(),
  compliance: ZTrainingCompliance.describe('在所选年度末（今年为今天）的培训规则完成情况'),
  training: z.array(z.object({ sessionId: z.string(), name: z.string(), method: ZTrainingMethod, organiser: z.string(), startDate: z.string(), endDate: z.string(), days: z.number(), content: z.string().nullable(), attended: z.boolean(), daysAttended: z.number(), result: z.string().nullable() })),
  assignments: z.array(ZMentoringAssignment),
  contacts: z.array(ZMentorContact),
  summaries: z.array(ZMentoringSummary),
  talks: z.array(ZAnnualTalk),
  practice: z.array(ZPracticeRecord),
  observerAttendances: z.array(ZObserverAttendance),
  assessments: z.array(ZAssessment),
  partyJoining: z.array(z.object({ stage: ZPartyStage, reachedOn: z.string(), notes: z.string().nullable() })),
}).meta({ id: 'ReserveCultivation' });

// ---------- reminders ----------

export const ZReminder = z.object({
  kind: z.enum(REMINDER_KINDS).describe('mentorContact 本月帮带记录 / mentoringSummary 季度帮带小结 / villageOpinion 村季度意见 / townshipOpinion 乡镇季度意见 / annualTraining 年度培训天数 / centralisedTraining 集中培训 / annualTalk 书记年度谈话 / noMentor 未落实导师'),
  label: z.string(),
  status: z.enum(['due', 'overdue']).describe('due 待办 / overdue 逾期'),
  reserveId: z.string(),
  reserveName: z.string(),
  orgCode: z.string(),
  villageName: z.string(),
  responsibleRole: z.enum(['mentor', 'villageClerk', 'townshipCommittee']),
  responsibleUserId: z.string().nullable(),
  responsibleName: z.string().nullable(),
  period: z.string(),
  dueBy: z.string(),
  message: z.string(),
}).meta({ id: 'Reminder' });
export const ZReminderQuery = ZPageQuery.extend({
  orgCode: ZOrgCode.optional().describe('单位代码；默认为您所在单位'),
  onDate: ZDate.optional().describe('计算日期，默认今天'),
  kind: z.enum(REMINDER_KINDS).optional(),
}).strict();
export const ZMyReminderQuery = ZPageQuery.extend({ onDate: ZDate.optional().describe('计算日期，默认今天') }).strict();
export const ZReminderList = z.object({
  onDate: z.string(),
  total: z.number().int(),
  counts: z.record(z.string(), z.number().int()).describe('各类提醒的条数'),
  reminders: z.array(ZReminder),
});

// ---------- talent grid ----------

const ZLevel = z.number().int().min(1, '取值 1–3').max(3, '取值 1–3');
export const ZReadiness = z.enum(['readyNow', 'withinTwoYears', 'longer']).describe('readyNow 成熟可用 / withinTwoYears 1–2 年内可用 / longer 需长期培养');
export const ZTalentGridEntry = z.object({
  reserve: ZReserveBrief,
  performance: z.number().int().describe('业绩 1 低 – 3 高'),
  potential: z.number().int().describe('潜力 1 低 – 3 高'),
  readiness: ZReadiness,
  computed: z.object({ performance: z.number().int(), potential: z.number().int(), readiness: ZReadiness, basis: z.string() }).describe('依考核结果计算的值'),
  override: z.object({ reason: z.string(), ratedBy: z.string(), version: z.number().int() }).nullable().describe('乡镇调整（有则以调整为准）'),
  policies: z.object({ update: z.boolean() }),
}).meta({ id: 'TalentGridEntry' });
export const ZTalentGridQuery = z.strictObject({ orgCode: ZOrgCode.optional().describe('乡镇或县代码；默认为您所在单位'), year: ZYear.optional() });
export const ZTalentGrid = z.object({
  orgCode: z.string(),
  year: z.number().int(),
  cells: z.array(z.object({ performance: z.number().int(), potential: z.number().int(), count: z.number().int() })).describe('3×3 格每格人数'),
  entries: z.array(ZTalentGridEntry),
});
export const ZTalentGridInput = z.strictObject({
  performance: ZLevel,
  potential: ZLevel,
  readiness: ZReadiness,
  reason: requiredParagraph('调整理由', 500),
  version: ZVersion.optional().describe('修改已有调整时必填'),
});
