/**
 * The selection procedure (三推两选两公示) as a state machine: which step may follow which, who
 * owns each step, and what must be true before it. Pure: the service gathers the facts and asks.
 * A candidate's `stage` is the step that comes next; `outcome` says whether the procedure is still
 * running or how it ended.
 */
import type { Permission } from './roles.ts';

export const SELECTION_STAGES = ['qualificationReview', 'democraticEvaluation', 'interview', 'shortlist', 'jointReview', 'publicNotice', 'filing', 'filed'] as const;
export type SelectionStage = (typeof SELECTION_STAGES)[number];

export const STAGE_LABELS: Record<SelectionStage, string> = {
  qualificationReview: '资格审查',
  democraticEvaluation: '民主测评',
  interview: '谈话考察',
  shortlist: '确定建议名单',
  jointReview: '联审',
  publicNotice: '公示',
  filing: '待备案',
  filed: '已备案',
};

export const SELECTION_OUTCOMES = ['inProgress', 'rejected', 'withdrawn', 'filed'] as const;
export type SelectionOutcome = (typeof SELECTION_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<SelectionOutcome, string> = { inProgress: '进行中', rejected: '未通过', withdrawn: '本人退出', filed: '已入库备案' };

export const NOMINATION_CHANNELS = ['organization', 'masses', 'self'] as const;
export type NominationChannel = (typeof NOMINATION_CHANNELS)[number];
export const CHANNEL_LABELS: Record<NominationChannel, string> = { organization: '组织推荐', masses: '党员群众推荐', self: '个人自荐' };

export const CANDIDATE_PROFILES = ['mature', 'youngPotential'] as const;
export type CandidateProfile = (typeof CANDIDATE_PROFILES)[number];
export const PROFILE_LABELS: Record<CandidateProfile, string> = { mature: '成熟型（可直接任用）', youngPotential: '潜力型（年轻储备）' };

export const SELECTION_ACTIONS = [
  'reviewQualification', 'recordEvaluation', 'recordInterview', 'shortlist', 'startPublicNotice', 'decide', 'file', 'reject', 'withdraw',
] as const;
export type SelectionAction = (typeof SELECTION_ACTIONS)[number];

interface ActionRule {
  label: string;
  /** The stage the candidate must be at; null: whichever stage, while the procedure runs. */
  from: SelectionStage | null;
  /** The stage after the step; null: the stage does not change (the outcome does). */
  to: SelectionStage | null;
  permission: Permission;
  /** Who owns the step, for the refusal message. */
  owner: string;
}

export const ACTION_RULES: Record<SelectionAction, ActionRule> = {
  reviewQualification: { label: '资格审查', from: 'qualificationReview', to: 'democraticEvaluation', permission: 'selection.review', owner: '乡镇党委' },
  recordEvaluation: { label: '民主测评', from: 'democraticEvaluation', to: 'interview', permission: 'selection.review', owner: '乡镇党委' },
  recordInterview: { label: '谈话考察', from: 'interview', to: 'shortlist', permission: 'selection.review', owner: '乡镇党委' },
  shortlist: { label: '确定建议名单', from: 'shortlist', to: 'jointReview', permission: 'selection.review', owner: '乡镇党委' },
  startPublicNotice: { label: '公示', from: 'jointReview', to: 'publicNotice', permission: 'selection.review', owner: '乡镇党委' },
  decide: { label: '研究决定入库', from: 'publicNotice', to: 'filing', permission: 'selection.review', owner: '乡镇党委' },
  file: { label: '备案', from: 'filing', to: 'filed', permission: 'selection.file', owner: '县（市）委组织部' },
  reject: { label: '不予通过', from: null, to: null, permission: 'selection.review', owner: '乡镇党委' },
  withdraw: { label: '本人退出', from: null, to: null, permission: 'selection.nominate', owner: '村党组织或乡镇党委' },
};

/** What the service found out about the candidate, for the checks of the step it asks about. */
export interface TransitionFacts {
  /** Rules the qualification review found failed and that have no approved exception. */
  unwaivedFailedRules?: readonly string[];
  /** Exceptions requested but not yet decided by the township. */
  undecidedExceptions?: number;
  jointReviewsSent?: number;
  pendingJointReviews?: readonly string[];
  unresolvedConcerns?: readonly string[];
  /** The candidate's public notice, if one was started. */
  noticeEndsOn?: string;
  /** The date the step is recorded for (e.g. the decision meeting). */
  occurredOn?: string;
  openObjections?: number;
}

export type TransitionVerdict = { allowed: true; to: SelectionStage | null } | { allowed: false; message: string };

function refuse(message: string): TransitionVerdict {
  return { allowed: false, message };
}

/**
 * May `action` be taken now? Returns the next stage, or a Chinese sentence naming what is missing.
 * The caller's role is checked by the service against `ACTION_RULES[action].permission`.
 */
export function checkTransition(candidate: { stage: SelectionStage; outcome: SelectionOutcome }, action: SelectionAction, facts: TransitionFacts = {}): TransitionVerdict {
  const rule = ACTION_RULES[action];
  if (candidate.outcome !== 'inProgress') {
    return refuse(`该人选的选拔程序已结束（${OUTCOME_LABELS[candidate.outcome]}），不能再进行「${rule.label}」`);
  }
  if (rule.from !== null && candidate.stage !== rule.from) {
    const currentIndex = SELECTION_STAGES.indexOf(candidate.stage);
    const requiredIndex = SELECTION_STAGES.indexOf(rule.from);
    if (currentIndex < requiredIndex) {
      return refuse(`「${rule.label}」须在「${STAGE_LABELS[rule.from]}」环节进行，该人选当前处于「${STAGE_LABELS[candidate.stage]}」环节，请先完成「${STAGE_LABELS[candidate.stage]}」`);
    }
    return refuse(`该人选已过「${STAGE_LABELS[rule.from]}」环节（当前为「${STAGE_LABELS[candidate.stage]}」），不能重复进行「${rule.label}」`);
  }
  if ((action === 'reject' || action === 'withdraw') && (candidate.stage === 'filing' || candidate.stage === 'filed')) {
    return refuse('乡镇党委已研究决定入库，该人选已是后备力量；如需调整，请在后备力量库中办理出库');
  }
  if (action === 'reviewQualification') {
    if ((facts.undecidedExceptions ?? 0) > 0) return refuse('有破格申请尚待乡镇党委审批，请先审批后再完成资格审查');
    const failed = facts.unwaivedFailedRules ?? [];
    if (failed.length > 0) return refuse(`资格条件未通过且未经批准破格：${failed.join('；')}。可不予通过，或申请破格并经乡镇党委批准`);
  }
  if (action === 'startPublicNotice') {
    if ((facts.jointReviewsSent ?? 0) === 0) return refuse('尚未送联审部门审查，请先选择联审部门并送审');
    const pending = facts.pendingJointReviews ?? [];
    if (pending.length > 0) return refuse(`联审尚未完成：${pending.join('、')}还未回复`);
    const concerns = facts.unresolvedConcerns ?? [];
    if (concerns.length > 0) return refuse(`联审有未解决的问题（${concerns.join('、')}提出），须由乡镇党委核实处理后才能公示`);
  }
  if (action === 'decide') {
    if (facts.noticeEndsOn === undefined) return refuse('尚未公示，不能研究决定');
    if (facts.occurredOn === undefined || facts.occurredOn <= facts.noticeEndsOn) {
      return refuse(`公示期至 ${facts.noticeEndsOn} 结束，须在公示期满后（${facts.noticeEndsOn} 之后）研究决定`);
    }
    if ((facts.openObjections ?? 0) > 0) return refuse(`公示期间收到的 ${facts.openObjections} 件异议尚未办结，请先记录处理结果`);
  }
  return { allowed: true, to: rule.to };
}

export interface EvaluationTally {
  excellent: number;
  competent: number;
  basicallyCompetent: number;
  incompetent: number;
}

/**
 * Democratic evaluation result: valid votes and the approval rate (优秀 + 称职 over valid votes),
 * as a percentage with one decimal. Refuses tallies that exceed the attendance.
 */
export function summariseEvaluation(tally: EvaluationTally, attendees: number): { validVotes: number; approvalRate: number } | { error: string } {
  const counts = [tally.excellent, tally.competent, tally.basicallyCompetent, tally.incompetent];
  if (counts.some((count) => !Number.isInteger(count) || count < 0)) return { error: '票数须为不小于 0 的整数' };
  const validVotes = counts.reduce((sum, count) => sum + count, 0);
  if (validVotes > attendees) return { error: `有效票 ${validVotes} 张，超过参会人数 ${attendees} 人，请核对` };
  if (validVotes === 0) return { error: '有效票为 0，请填写测评票数' };
  return { validVotes, approvalRate: Math.round(((tally.excellent + tally.competent) * 1000) / validVotes) / 10 };
}

/**
 * 因村选人: compares a village's need with its shortlisted candidates and says what does not fit.
 * Every village should have at least two candidates, one of the profile it needs, and one young enough.
 */
export function checkVillageShortlist(
  village: { name: string; need: CandidateProfile | null },
  candidates: readonly { profile: CandidateProfile; age: number }[],
  options: { minimumPerVillage: number; youngMaximumAge: number },
): string[] {
  const warnings: string[] = [];
  if (candidates.length < options.minimumPerVillage) warnings.push(`${village.name}建议人选 ${candidates.length} 人，少于每村 ${options.minimumPerVillage} 人的要求`);
  if (village.need !== null && candidates.length > 0 && !candidates.some((candidate) => candidate.profile === village.need)) {
    warnings.push(`${village.name}需要${PROFILE_LABELS[village.need]}人选，建议名单中没有`);
  }
  if (candidates.length > 0 && !candidates.some((candidate) => candidate.age <= options.youngMaximumAge)) {
    warnings.push(`${village.name}建议人选中没有 ${options.youngMaximumAge} 周岁及以下的年轻人选`);
  }
  return warnings;
}
