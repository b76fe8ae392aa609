import { ageOn } from './dates.ts';
import { educationRank } from './eligibility.ts';
import type { Permission } from './roles.ts';

/**
 * The village 换届 as a procedure: the stages a village passes, who owns each step, the candidates'
 * states, and the composition of the committees before and after against the targets (seed 000).
 */

export const ELECTION_STAGES = ['preparing', 'partyNomination', 'partyVote', 'villagersElection', 'resultNotice', 'filing', 'filed'] as const;
export type ElectionStage = (typeof ELECTION_STAGES)[number];
export const ELECTION_STAGE_LABELS: Record<ElectionStage, string> = {
  preparing: '准备（设定职数）',
  partyNomination: '党组织推荐提名',
  partyVote: '党员大会选举',
  villagersElection: '村委会选举',
  resultNotice: '结果公示',
  filing: '待县备案',
  filed: '已备案',
};

// ---- Who owns each step ----

export interface StepRule {
  permission: Permission;
  owner: string;
  label: string;
  stages: readonly ElectionStage[];
}

const OWNERS: Record<'election.conduct' | 'election.manage' | 'election.county', string> = {
  'election.conduct': '村党组织（或乡镇党委）', 'election.manage': '乡镇党委', 'election.county': '县委组织部',
};

function rule(permission: keyof typeof OWNERS, label: string, stages: readonly ElectionStage[]): StepRule {
  return { permission, owner: OWNERS[permission], label, stages };
}

const BEFORE_NOTICE: readonly ElectionStage[] = ['preparing', 'partyNomination', 'partyVote', 'villagersElection'];

/** Who owns each step of a village's 换届 and in which stages it may be taken. */
export const ELECTION_STEP_RULES = {
  editPlan: rule('election.manage', '编制村级换届工作安排', BEFORE_NOTICE),
  setSeats: rule('election.manage', '设定职数', ['preparing', 'partyNomination']),
  approveSeats: rule('election.county', '审批超出标准的职数', ['preparing']),
  nominate: rule('election.conduct', '提出候选人初步人选', ['partyNomination', 'partyVote', 'villagersElection']),
  qualify: rule('election.manage', '考察和资格审查', ['partyNomination', 'partyVote', 'villagersElection']),
  signOff: rule('election.county', '书记候选人“双签”', ['partyNomination']),
  approveCandidates: rule('election.manage', '批准党组织委员会正式候选人', ['partyNomination']),
  recordPartyVote: rule('election.conduct', '登记党员大会选举结果', ['partyVote']),
  register: rule('election.conduct', '登记选民名单和村民选举委员会', BEFORE_NOTICE),
  recordVillagersVote: rule('election.conduct', '登记村民委员会选举结果', ['villagersElection']),
  assignPosts: rule('election.conduct', '登记书记、副书记（主任、副主任）人选', ['villagersElection', 'resultNotice']),
  reduceSeats: rule('election.manage', '经批准减少职数', ['partyVote', 'villagersElection']),
  discipline: rule('election.conduct', '登记风险点、民情直报员、举报和纪律承诺', [...BEFORE_NOTICE, 'resultNotice']),
  handleViolation: rule('election.manage', '核查违反换届纪律的举报', [...BEFORE_NOTICE, 'resultNotice']),
  startNotice: rule('election.manage', '发布选举结果公示', ['resultNotice']),
  objection: rule('election.manage', '登记和办理公示期间的异议', ['resultNotice']),
  approveResult: rule('election.manage', '审批选举结果并任命', ['resultNotice']),
  file: rule('election.county', '换届结果备案', ['filing']),
  handover: rule('election.manage', '登记落选离职谈话和工作交接', ['filing', 'filed']),
} as const;
export type ElectionStep = keyof typeof ELECTION_STEP_RULES;

/**
 * What a village's 换届 records in its history and in the audit log (`election.<record>`), in
 * Chinese: each step of the procedure, and the finer records some steps are made of.
 */
export const ELECTION_RECORD_LABELS = {
  ...(Object.fromEntries(Object.entries(ELECTION_STEP_RULES).map(([step, stepRule]) => [step, stepRule.label])) as Record<ElectionStep, string>),
  riskPoint: '登记换届风险点', citizenReporter: '登记民情直报员', violationReport: '登记违反换届纪律的举报', pledge: '登记谈话和换届纪律承诺',
  electionCommittee: '登记村民选举委员会', voterRegister: '公布选民名单', proxyVote: '登记委托投票', handleObjection: '办理公示期间的异议',
} as const;
export type ElectionRecord = keyof typeof ELECTION_RECORD_LABELS;


export const ELECTION_COMMITTEES = ['party', 'villagers'] as const;
export type ElectionCommittee = (typeof ELECTION_COMMITTEES)[number];
export const ELECTION_COMMITTEE_LABELS: Record<ElectionCommittee, string> = { party: '村党组织委员会', villagers: '村民委员会' };

export const CANDIDATE_STATUSES = ['proposed', 'qualified', 'notQualified', 'formal', 'disqualified', 'elected', 'notElected'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
export const CANDIDATE_STATUS_LABELS: Record<CandidateStatus, string> = {
  proposed: '初步人选', qualified: '审查合格', notQualified: '审查不合格', formal: '正式候选人', disqualified: '取消资格', elected: '当选', notElected: '未当选',
};

export const SECRETARY_MODES = ['committee', 'direct'] as const;
export type SecretaryMode = (typeof SECRETARY_MODES)[number];
export const SECRETARY_MODE_LABELS: Record<SecretaryMode, string> = { committee: '先选委员，再由委员会选书记、副书记', direct: '直接选举书记、副书记和委员' };

export const VOTE_KINDS = ['regular', 'further', 'runoff'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];
export const VOTE_KIND_LABELS: Record<VoteKind, string> = { regular: '正式选举', further: '票数相等者再次投票', runoff: '另行选举' };

export const RISK_KINDS = ['clan', 'dispute', 'historical', 'other'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];
export const RISK_KIND_LABELS: Record<RiskKind, string> = { clan: '宗族宗教势力', dispute: '矛盾纠纷集中', historical: '历史遗留问题', other: '其他' };

export const VIOLATION_KINDS = ['voteBuying', 'disruption', 'falsification', 'other'] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];
export const VIOLATION_KIND_LABELS: Record<ViolationKind, string> = { voteBuying: '拉票贿选', disruption: '干扰破坏选举', falsification: '弄虚作假', other: '其他违反换届纪律' };

export const SIGN_OFF_ROLES = ['minister', 'countySecretary'] as const;
export type SignOffRole = (typeof SIGN_OFF_ROLES)[number];
export const SIGN_OFF_ROLE_LABELS: Record<SignOffRole, string> = { minister: '组织部长', countySecretary: '县委书记' };

export interface SignOff {
  as: SignOffRole;
  userId: string;
  name: string;
  signedOn: string;
}

/** The 双签 of a secretary candidate: the refusal of a second signature by the same user, or of a role already signed. */
export function signOffProblem(existing: readonly SignOff[], next: { as: SignOffRole; userId: string }): string | null {
  const same = existing.find((signOff) => signOff.as === next.as);
  if (same) return `${SIGN_OFF_ROLE_LABELS[next.as]}已于 ${same.signedOn} 签字（${same.name}）`;
  const byUser = existing.find((signOff) => signOff.userId === next.userId);
  if (byUser) return `“双签”须由组织部长和县委书记两人分别签字，${byUser.name}已作为${SIGN_OFF_ROLE_LABELS[byUser.as]}签字，不能再作为${SIGN_OFF_ROLE_LABELS[next.as]}签字`;
  return null;
}

export function isDualSigned(signOffs: readonly SignOff[]): boolean {
  return SIGN_OFF_ROLES.every((role) => signOffs.some((signOff) => signOff.as === role));
}

/** The people of a committee as the composition counts them. */
export interface CompositionMember {
  personId: string;
  committee: ElectionCommittee;
  post: string;
  gender: string;
  birthDate: string;
  education: string;
}

export interface Composition {
  members: number;
  secretaryAge: number | null;
  secretaryHasCollege: boolean | null;
  hasYoungMember: boolean;
  womenMembers: number;
  womenHeads: number;
  isSecretaryAndDirector: boolean;
}

/** Seed 000's targets per village: secretary's age and education, ≥ 1 member 35 or under, women, 一肩挑. */
export function compositionOf(members: readonly CompositionMember[], on: string, youngMaximumAge = 35): Composition {
  const people = new Map(members.map((member) => [member.personId, member]));
  const secretary = members.find((member) => member.committee === 'party' && member.post === 'secretary');
  const director = members.find((member) => member.committee === 'villagers' && member.post === 'director');
  const heads = members.filter((member) => (member.committee === 'party' && member.post === 'secretary') || (member.committee === 'villagers' && member.post === 'director'));
  return {
    members: people.size,
    secretaryAge: secretary ? ageOn(secretary.birthDate, on) : null,
    secretaryHasCollege: secretary ? educationRank(secretary.education) >= educationRank('juniorCollege') : null,
    hasYoungMember: [...people.values()].some((member) => ageOn(member.birthDate, on) <= youngMaximumAge),
    womenMembers: [...people.values()].filter((member) => member.gender === 'female').length,
    womenHeads: new Set(heads.filter((member) => member.gender === 'female').map((member) => member.personId)).size,
    isSecretaryAndDirector: secretary !== undefined && director !== undefined && secretary.personId === director.personId,
  };
}

export interface VillageComposition {
  before: Composition;
  after: Composition;
  reservesUsed: number;
  isNewSecretaryFromReserves: boolean;
  /** The sitting members not re-elected, who leave with the 换届 (stored from the filing on; absent before). */
  leaving?: { personId: string; name: string }[];
}

export interface CompositionRollup {
  villages: number;
  averageSecretaryAge: { before: number | null; after: number | null };
  secretaryCollegeShare: { before: number | null; after: number | null };
  villagesWithYoungMember: { before: number; after: number };
  womenMembers: { before: number; after: number };
  womenHeads: { before: number; after: number };
  secretaryAndDirector: { before: number; after: number };
  reservesUsed: number;
  newSecretariesFromReserves: number;
}

/** The average to one decimal (secretaries' ages); null without values. */
export function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;
}

function share(flags: readonly (boolean | null)[]): number | null {
  const known = flags.filter((flag): flag is boolean => flag !== null);
  return known.length === 0 ? null : Math.round((known.filter(Boolean).length / known.length) * 1000) / 1000;
}

/** Villages' compositions rolled up (a township, a county). */
export function rollUpComposition(villages: readonly VillageComposition[]): CompositionRollup {
  const side = (pick: (composition: VillageComposition) => Composition) => villages.map(pick);
  const before = side((village) => village.before);
  const after = side((village) => village.after);
  const count = (compositions: Composition[], of: (composition: Composition) => number) => compositions.reduce((sum, composition) => sum + of(composition), 0);
  return {
    villages: villages.length,
    averageSecretaryAge: {
      before: average(before.flatMap((composition) => composition.secretaryAge ?? [])), after: average(after.flatMap((composition) => composition.secretaryAge ?? [])),
    },
    secretaryCollegeShare: { before: share(before.map((composition) => composition.secretaryHasCollege)), after: share(after.map((composition) => composition.secretaryHasCollege)) },
    villagesWithYoungMember: { before: count(before, (composition) => Number(composition.hasYoungMember)), after: count(after, (composition) => Number(composition.hasYoungMember)) },
    womenMembers: { before: count(before, (composition) => composition.womenMembers), after: count(after, (composition) => composition.womenMembers) },
    womenHeads: { before: count(before, (composition) => composition.womenHeads), after: count(after, (composition) => composition.womenHeads) },
    secretaryAndDirector: {
      before: count(before, (composition) => Number(composition.isSecretaryAndDirector)), after: count(after, (composition) => Number(composition.isSecretaryAndDirector)),
    },
    reservesUsed: villages.reduce((sum, village) => sum + village.reservesUsed, 0),
    newSecretariesFromReserves: villages.filter((village) => village.isNewSecretaryFromReserves).length,
  };
}

/** The handover (交接) within 10 days of the approval (seed 004: 新老班子交接). */
export const HANDOVER_DAYS = 10;
/** Seed 004: the result notice runs at least 5 working days. */
export const RESULT_NOTICE_WORKING_DAYS = 5;
