/**
 * The codes of cultivation (培养教育) and their Chinese names, once for the API schemas, the
 * 纪实表 and the web client (a pure module: the client imports it without bundling zod).
 */
import { TRAINING_METHODS } from './training-rules.ts';

export { TRAINING_METHODS };
export type TrainingMethod = (typeof TRAINING_METHODS)[number];
export const TRAINING_METHOD_LABELS: Record<TrainingMethod, string> = {
  centralised: '集中培训', partySchool: '党校培训', online: '网络培训', fieldVisit: '外出考察', meetingAsTraining: '以会代训',
};

export const MENTOR_POSTS = ['townshipLeader', 'villageContactCadre', 'firstSecretary', 'villageHead', 'other'] as const;
export type MentorPost = (typeof MENTOR_POSTS)[number];
export const MENTOR_POST_LABELS: Record<MentorPost, string> = {
  townshipLeader: '镇领导班子成员', villageContactCadre: '包村干部', firstSecretary: '驻村第一书记', villageHead: '两委主要负责人', other: '其他',
};

export const CONTACT_FORMS = ['talk', 'visit', 'phone', 'online'] as const;
export type ContactForm = (typeof CONTACT_FORMS)[number];
export const CONTACT_FORM_LABELS: Record<ContactForm, string> = { talk: '谈心谈话', visit: '走访', phone: '电话', online: '网络（微信、QQ 等）' };
/** The same, short enough for four buttons side by side on a phone. */
export const CONTACT_FORM_SHORT_LABELS: Record<ContactForm, string> = { talk: '谈心谈话', visit: '走访', phone: '电话', online: '网络' };

export const PRACTICE_CATEGORIES = {
  post: ['secretaryAssistant', 'partyGroupLeader', 'villagerGroupLeader', 'gridWorker', 'committeeMember', 'other'],
  task: ['disputeMediation', 'emergency', 'keyProject', 'petition', 'other'],
} as const;
export const PRACTICE_CATEGORY_LABELS: Record<string, string> = {
  secretaryAssistant: '书记助理', partyGroupLeader: '党小组长', villagerGroupLeader: '村民小组长', gridWorker: '网格员', committeeMember: '两委委员',
  disputeMediation: '矛盾纠纷调解', emergency: '应急处突', keyProject: '重点项目', petition: '信访维稳', other: '其他',
};

export const MEETING_TYPES = ['villageCommittees', 'partyMembers', 'villagerRepresentatives', 'townshipCadres'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  villageCommittees: '“两委”会', partyMembers: '党员大会', villagerRepresentatives: '村（居）民代表会议', townshipCadres: '乡镇村（社区）干部大会',
};

export const GRADES = ['excellent', 'competent', 'basicallyCompetent', 'incompetent'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', competent: '合格', basicallyCompetent: '基本合格', incompetent: '不合格' };

export const PARTY_STAGES = ['activist', 'developmentTarget', 'probationaryMember', 'fullMember'] as const;
export type PartyStage = (typeof PARTY_STAGES)[number];
export const PARTY_STAGE_LABELS: Record<PartyStage, string> = { activist: '入党积极分子', developmentTarget: '发展对象', probationaryMember: '预备党员', fullMember: '正式党员' };

/** The label of a code, or the code itself when it is not one of ours (e.g. an old value). */
export function labelOf(labels: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '';
  return labels[code] ?? code;
}
