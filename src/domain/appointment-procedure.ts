import { isFilledByElection, type Committee } from './committee.ts';

/**
 * The use of a reserve (择优使用, seed 002): the village Party organisation recommends, the township
 * approves, the county files, the township publishes the notice (at least 5 working days) in the
 * reserve's own village and, for a cross-village appointment, in the receiving village too; after
 * the notice, with every objection handled, the appointment takes effect — or, for posts the law
 * fills by election, the by-election's result is recorded. `stage` is the step that comes next.
 */
export const APPOINTMENT_STAGES = ['approval', 'filing', 'publicNotice', 'decision', 'effective'] as const;
export type AppointmentStage = (typeof APPOINTMENT_STAGES)[number];
export const APPOINTMENT_STAGE_LABELS: Record<AppointmentStage, string> = {
  approval: '待乡镇审批', filing: '待县委组织部备案', publicNotice: '待公示', decision: '公示中／待决定', effective: '已任职',
};

export const APPOINTMENT_OUTCOMES = ['inProgress', 'effective', 'refused', 'withdrawn'] as const;
export type AppointmentOutcome = (typeof APPOINTMENT_OUTCOMES)[number];

export const APPOINTMENT_ACTIONS = ['approve', 'file', 'startNotice', 'takeEffect', 'refuse', 'withdraw'] as const;
export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

export type AppointmentPermission = 'appointment.approve' | 'appointment.file' | 'appointment.recommend';

export const APPOINTMENT_ACTION_RULES: Record<AppointmentAction, { label: string; from: AppointmentStage | null; to: AppointmentStage | null; permission: AppointmentPermission; owner: string }> = {
  approve: { label: '乡镇党委审批', from: 'approval', to: 'filing', permission: 'appointment.approve', owner: '乡镇党委' },
  file: { label: '县委组织部备案', from: 'filing', to: 'publicNotice', permission: 'appointment.file', owner: '县（市）委组织部' },
  startNotice: { label: '发布任职公示', from: 'publicNotice', to: 'decision', permission: 'appointment.approve', owner: '乡镇党委' },
  takeEffect: { label: '任职生效', from: 'decision', to: 'effective', permission: 'appointment.approve', owner: '乡镇党委' },
  refuse: { label: '不予同意', from: 'approval', to: null, permission: 'appointment.approve', owner: '乡镇党委' },
  withdraw: { label: '撤回', from: null, to: null, permission: 'appointment.approve', owner: '乡镇党委' },
};

export interface AppointmentState {
  stage: AppointmentStage;
  outcome: AppointmentOutcome;
  committee: Committee;
  /** The reserve's village and the receiving village. */
  homeOrgCode: string;
  orgCode: string;
}

export interface NoticeFacts {
  orgCode: string;
  startsOn: string;
  endsOn: string;
}

export interface AppointmentFacts {
  occurredOn: string;
  notices?: readonly NoticeFacts[];
  openObjections?: number;
  hasByElection?: boolean;
  /** For startNotice: the villages the notices are to be posted in. */
  noticeVillages?: readonly string[];
}

export type AppointmentVerdict = { allowed: true; to: AppointmentStage | null } | { allowed: false; message: string };

/** The villages a notice must be posted in: the reserve's own, and the receiving one when it differs. */
export function requiredNoticeVillages(state: Pick<AppointmentState, 'homeOrgCode' | 'orgCode'>): string[] {
  return state.homeOrgCode === state.orgCode ? [state.orgCode] : [state.homeOrgCode, state.orgCode];
}

/** Whether the action may be taken now, and why not (in Chinese). */
export function checkAppointmentAction(state: AppointmentState, action: AppointmentAction, facts: AppointmentFacts): AppointmentVerdict {
  const rule = APPOINTMENT_ACTION_RULES[action];
  if (state.outcome !== 'inProgress') {
    const ended = { effective: '已任职', refused: '未获同意', withdrawn: '已撤回' }[state.outcome];
    return { allowed: false, message: `该任用程序${ended}，不能再${rule.label}` };
  }
  if (rule.from !== null && state.stage !== rule.from) {
    return { allowed: false, message: `当前环节是「${APPOINTMENT_STAGE_LABELS[state.stage]}」，不能${rule.label}` };
  }
  if (action === 'startNotice') {
    const missing = requiredNoticeVillages(state).filter((code) => !(facts.noticeVillages ?? []).includes(code));
    if (missing.length > 0) {
      return { allowed: false, message: state.homeOrgCode === state.orgCode ? '任职公示须在本村（社区）发布' : '跨村任用须同时在后备力量所在村和拟任职村发布公示' };
    }
  }
  if (action === 'takeEffect') {
    const notices = facts.notices ?? [];
    const missing = requiredNoticeVillages(state).filter((code) => !notices.some((notice) => notice.orgCode === code));
    if (missing.length > 0) return { allowed: false, message: '跨村任用须同时在后备力量所在村和拟任职村公示，公示未齐' };
    const lastEnd = notices.map((notice) => notice.endsOn).sort().at(-1)!;
    if (facts.occurredOn <= lastEnd) return { allowed: false, message: `公示至 ${lastEnd} 结束，结束后才能决定任职` };
    if ((facts.openObjections ?? 0) > 0) return { allowed: false, message: `还有 ${facts.openObjections} 条公示期间反映的问题未办结，办结后才能决定任职` };
    if (isFilledByElection(state.committee) && !facts.hasByElection) {
      return { allowed: false, message: '村民委员会、村务监督委员会成员依法由选举产生，请先登记补选结果（日期、票数）' };
    }
  }
  return { allowed: true, to: rule.to };
}

/** A by-election elects when the votes for the person exceed half of the votes cast (村民委员会组织法 第二十四条 sense). */
export function byElectionProblem(election: { heldOn: string; votesCast: number; votesFor: number; eligibleVoters: number }): string | null {
  if (election.votesCast > election.eligibleVoters) return `投票人数 ${election.votesCast} 超过有选举权的人数 ${election.eligibleVoters}`;
  if (election.votesFor > election.votesCast) return `得票 ${election.votesFor} 超过投票人数 ${election.votesCast}`;
  if (election.votesCast * 2 <= election.eligibleVoters) return `投票人数 ${election.votesCast} 未超过有选举权人数 ${election.eligibleVoters} 的一半，选举无效`;
  if (election.votesFor * 2 <= election.votesCast) return `得票 ${election.votesFor} 未超过投票人数 ${election.votesCast} 的一半，未当选`;
  return null;
}
