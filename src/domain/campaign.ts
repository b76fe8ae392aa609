/**
 * The three-year campaign (行动方案, seed 000) and its milestones: the template with seed 000's
 * schedule, whether a unit has done a milestone (by the data or confirmed by hand), done / due /
 * overdue on a date, and the roll-up from villages to townships to the county.
 */

/** What the data must show for a milestone to be done by itself; `manual` milestones are only confirmed by hand. */
export const MILESTONE_RULES = ['surveyWithMeeting', 'twoShortlisted', 'everyReserveMentored', 'summaryTableFiled', 'manual'] as const;
export type MilestoneRule = (typeof MILESTONE_RULES)[number];

export const MILESTONE_RULE_LABELS: Record<MilestoneRule, string> = {
  surveyWithMeeting: '人才资源台账已摸排，且村“两委”会议讨论初步名单已记录',
  twoShortlisted: '至少 2 名后备力量（或建议人选）',
  everyReserveMentored: '每名后备力量都有帮带导师',
  summaryTableFiled: '后备力量名单汇总表已报备',
  manual: '由乡镇或县委组织部上传佐证材料确认',
};

/** The units a milestone applies to: every village, or every township. */
export type MilestoneScope = 'village' | 'township';

export const MILESTONE_SCOPE_LABELS: Record<MilestoneScope, string> = { village: '各村（社区）', township: '各乡镇（街道）' };

export interface MilestoneTemplateItem {
  code: string;
  label: string;
  appliesTo: MilestoneScope;
  rule: MilestoneRule;
  deadline: string;
}

/**
 * Seed 000's schedule for a campaign starting in `startYear` (the seed's 2024): survey and first list
 * with the village meeting by 8-25, analysis by 9-15, shortlist of two per village by 9-30, the
 * 汇总表 filed by 10-31, mentors in place by 6-30 of the next year, a re-evaluation before the
 * 换届 (by 9-30 of the next year), and the scheduling meetings every June and December of the
 * three years. Dates are editable once the campaign exists.
 */
export function campaignTemplate(startYear: number): MilestoneTemplateItem[] {
  const items: MilestoneTemplateItem[] = [
    { code: 'survey', label: '全面摸排，提出初步人选名单并经村“两委”会议讨论', appliesTo: 'village', rule: 'surveyWithMeeting', deadline: `${startYear}-08-25` },
    { code: 'analysis', label: '工作组逐村分析研判并谈话', appliesTo: 'township', rule: 'manual', deadline: `${startYear}-09-15` },
    { code: 'shortlist', label: '每村至少提出 2 名后备力量建议名单', appliesTo: 'village', rule: 'twoShortlisted', deadline: `${startYear}-09-30` },
    { code: 'summaryTable', label: '填报后备力量名单汇总表并报备', appliesTo: 'township', rule: 'summaryTableFiled', deadline: `${startYear}-10-31` },
    { code: 'mentors', label: '落实导师结对帮带', appliesTo: 'village', rule: 'everyReserveMentored', deadline: `${startYear + 1}-06-30` },
    { code: 'reEvaluation', label: '换届前对后备力量培育情况再评估', appliesTo: 'township', rule: 'manual', deadline: `${startYear + 1}-09-30` },
  ];
  for (let year = startYear; year <= startYear + 2; year += 1) {
    items.push({ code: `schedulingMeeting${year}H1`, label: `${year} 年 6 月调度会议`, appliesTo: 'township', rule: 'manual', deadline: `${year}-06-30` });
    items.push({ code: `schedulingMeeting${year}H2`, label: `${year} 年 12 月调度会议`, appliesTo: 'township', rule: 'manual', deadline: `${year}-12-31` });
  }
  return items.sort((a, b) => a.deadline.localeCompare(b.deadline));
}

export const MILESTONE_STATUSES = ['done', 'due', 'overdue'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = { done: '已完成', due: '未到期', overdue: '已逾期' };

export interface UnitMilestoneFacts {
  deadline: string;
  /** What the data shows (false for a manual milestone). */
  isDoneByData: boolean;
  /** The day a person confirmed it with evidence, if they did. */
  confirmedOn: string | null;
}

export interface UnitMilestoneState {
  status: MilestoneStatus;
  doneBy: 'data' | 'hand' | null;
}

/** Done by the data or by hand; otherwise due up to and on the deadline, overdue from the day after. */
export function milestoneState(facts: UnitMilestoneFacts, today: string): UnitMilestoneState {
  if (facts.isDoneByData) return { status: 'done', doneBy: 'data' };
  if (facts.confirmedOn !== null) return { status: 'done', doneBy: 'hand' };
  return { status: today > facts.deadline ? 'overdue' : 'due', doneBy: null };
}

export interface RollUp {
  done: number;
  due: number;
  overdue: number;
  total: number;
  /** Share of done, in percent (null with nothing to do). */
  progress: number | null;
  /** The worst of the parts: overdue before due before done. */
  status: MilestoneStatus | null;
}

/** Adds up the states of units (villages into a township, townships into a county). */
export function rollUp(states: readonly (MilestoneStatus | RollUp)[]): RollUp {
  const sum = { done: 0, due: 0, overdue: 0 };
  for (const state of states) {
    if (typeof state === 'string') sum[state] += 1;
    else {
      sum.done += state.done;
      sum.due += state.due;
      sum.overdue += state.overdue;
    }
  }
  const total = sum.done + sum.due + sum.overdue;
  const status: MilestoneStatus | null = total === 0 ? null : sum.overdue > 0 ? 'overdue' : sum.due > 0 ? 'due' : 'done';
  return { ...sum, total, progress: total === 0 ? null : Math.round((sum.done / total) * 1000) / 10, status };
}

/** A milestone's deadline must lie within the campaign's three years (from 1 January of its first year). */
export function deadlineProblem(deadline: string, startYear: number): string | null {
  const firstDay = `${startYear}-01-01`;
  const lastDay = `${startYear + 2}-12-31`;
  if (deadline < firstDay || deadline > lastDay) return `完成时限 ${deadline} 不在三年行动期限内（${firstDay} 至 ${lastDay}）`;
  return null;
}

/** What the data shows of a village for the village milestones. */
export interface VillageMilestoneFacts {
  ledgerEntries: number;
  nominationMeetings: number;
  reserves: number;
  /** Candidates shortlisted (建议名单) or further, not yet reserves. */
  shortlisted: number;
  /** Reserves with a mentor. */
  mentored: number;
}

/** Whether the data of a village shows a village milestone done (a manual one never is). */
export function isVillageMilestoneDone(rule: MilestoneRule, facts: VillageMilestoneFacts): boolean {
  switch (rule) {
    case 'surveyWithMeeting': return facts.ledgerEntries > 0 && facts.nominationMeetings > 0;
    case 'twoShortlisted': return facts.reserves + facts.shortlisted >= 2;
    case 'everyReserveMentored': return facts.reserves > 0 && facts.mentored >= facts.reserves;
    default: return false;
  }
}

/** Whether a township's data shows a township milestone done: the 汇总表 filed in the deadline's year. */
export function isTownshipMilestoneDone(rule: MilestoneRule, facts: { filedYears: readonly number[] }, deadline: string): boolean {
  return rule === 'summaryTableFiled' && facts.filedYears.includes(Number(deadline.slice(0, 4)));
}
