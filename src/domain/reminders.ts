/**
 * Reminders of cultivation work (SPEC 4 and 5: missing monthly logs, quarterly opinions and
 * training raise alerts for whoever is responsible): what is due or overdue, for whom, on a date.
 * Works on facts summed per reserve and per mentoring assignment for the year of `onDate`.
 */
import { evaluateTrainingFacts, type TrainingFacts, type TrainingRules } from './training-rules.ts';

export const REMINDER_KINDS = [
  'mentorContact',
  'mentoringSummary',
  'villageOpinion',
  'townshipOpinion',
  'annualTraining',
  'centralisedTraining',
  'annualTalk',
  'noMentor',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  mentorContact: '月度帮带记录未填写',
  mentoringSummary: '季度帮带小结未填写',
  villageOpinion: '村（社区）季度评定意见未填写',
  townshipOpinion: '乡镇季度评定意见未填写',
  annualTraining: '年度培训天数不足',
  centralisedTraining: '三年内集中培训未达要求',
  annualTalk: '乡镇党委书记年度谈心谈话未开展',
  noMentor: '未落实帮带干部',
};

/** Who must act: a mentor (user or named cadre), the village clerk or the township committee of the reserve. */
export type ResponsibleRole = 'mentor' | 'villageClerk' | 'townshipCommittee';

export interface AssignmentFacts {
  assignmentId: string;
  mentorUserId: string | null;
  mentorName: string;
  startedOn: string;
  endedOn: string | null;
  /** Months (1–12) of the year of onDate with at least one contact log on or before onDate. */
  contactMonths: readonly number[];
  /** Quarters (1–4) of that year with the mentor's quarterly summary. */
  summaryQuarters: readonly number[];
}

export interface ReserveFacts {
  reserveId: string;
  reserveName: string;
  /** The reserve's village. */
  orgCode: string;
  admittedOn: string;
  rules: TrainingRules;
  training: TrainingFacts;
  /** Quarters of the year with the village's / the township's quarterly opinion. */
  villageQuarters: readonly number[];
  townshipQuarters: readonly number[];
  hasAnnualTalk: boolean;
  assignments: readonly AssignmentFacts[];
}

export interface Reminder {
  kind: ReminderKind;
  status: 'due' | 'overdue';
  reserveId: string;
  reserveName: string;
  orgCode: string;
  responsibleRole: ResponsibleRole;
  /** The mentor user who must act (mentor reminders of a user mentor), else null. */
  responsibleUserId: string | null;
  /** A mentor's name, for mentor reminders. */
  responsibleName: string | null;
  /** '2026-03', '2026Q1', '2026' or a date. */
  period: string;
  dueBy: string;
  message: string;
}

/** From this month of the year on, the year's training and the secretary's talk are reminded. */
export const YEAR_END_REMINDER_MONTH = 10;
/** A centralised window closing within this many days is reminded before it is overdue. */
export const CENTRALISED_NOTICE_DAYS = 180;

export function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export function quarterOfMonth(month: number): number {
  return Math.ceil(month / 3);
}

function monthStart(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function overlaps(startedOn: string, endedOn: string | null, from: string, to: string): boolean {
  return startedOn <= to && (endedOn === null || endedOn >= from);
}

/**
 * Quarters whose opinion is asked for on onDate: a quarter is asked for from the first day of its
 * last month (due), and overdue after its last day. Only the year of onDate is looked at.
 */
export function quartersAsked(onDate: string): { quarter: number; from: string; to: string; status: 'due' | 'overdue' }[] {
  const year = Number(onDate.slice(0, 4));
  const result: { quarter: number; from: string; to: string; status: 'due' | 'overdue' }[] = [];
  for (let quarter = 1; quarter <= 4; quarter += 1) {
    const lastMonth = quarter * 3;
    if (onDate < monthStart(year, lastMonth)) break;
    const to = lastDayOfMonth(year, lastMonth);
    result.push({ quarter, from: monthStart(year, lastMonth - 2), to, status: onDate > to ? 'overdue' : 'due' });
  }
  return result;
}

/** Months of the year of onDate up to its month: the current month is due, earlier ones overdue. */
export function monthsAsked(onDate: string): { month: number; from: string; to: string; status: 'due' | 'overdue' }[] {
  const year = Number(onDate.slice(0, 4));
  const current = Number(onDate.slice(5, 7));
  return Array.from({ length: current }, (_, index) => {
    const month = index + 1;
    return { month, from: monthStart(year, month), to: lastDayOfMonth(year, month), status: month === current ? 'due' as const : 'overdue' as const };
  });
}

/** All reminders for the reserves on onDate, overdue first, then by due date, unit and name. */
export function computeReminders(reserves: readonly ReserveFacts[], onDate: string): Reminder[] {
  const year = Number(onDate.slice(0, 4));
  const months = monthsAsked(onDate);
  const quarters = quartersAsked(onDate);
  const isYearEnd = Number(onDate.slice(5, 7)) >= YEAR_END_REMINDER_MONTH;
  const reminders: Reminder[] = [];
  for (const reserve of reserves) {
    if (reserve.admittedOn > onDate) continue;
    const base = { reserveId: reserve.reserveId, reserveName: reserve.reserveName, orgCode: reserve.orgCode };
    const forUnit = (role: ResponsibleRole) => ({ ...base, responsibleRole: role, responsibleUserId: null, responsibleName: null });
    const active = reserve.assignments.filter((assignment) => overlaps(assignment.startedOn, assignment.endedOn, onDate, onDate));
    if (active.length === 0) {
      reminders.push({ ...forUnit('townshipCommittee'), kind: 'noMentor', status: 'overdue', period: onDate, dueBy: onDate, message: `${reserve.reserveName} 尚未落实帮带干部，请为其指定导师` });
    }
    const admittedMonth = `${reserve.admittedOn.slice(0, 8)}01`;
    for (const assignment of reserve.assignments) {
      const forMentor = { ...base, responsibleRole: 'mentor' as const, responsibleUserId: assignment.mentorUserId, responsibleName: assignment.mentorName };
      for (const month of months) {
        if (month.from < admittedMonth || !overlaps(assignment.startedOn, assignment.endedOn, month.from, month.to)) continue;
        if (assignment.contactMonths.includes(month.month)) continue;
        const period = month.from.slice(0, 7);
        reminders.push({ ...forMentor, kind: 'mentorContact', status: month.status, period, dueBy: month.to, message: `${assignment.mentorName} 对 ${reserve.reserveName} 的 ${year} 年 ${month.month} 月帮带记录未填写` });
      }
      for (const quarter of quarters) {
        if (!overlaps(assignment.startedOn, assignment.endedOn, quarter.from, quarter.to) || quarter.to < reserve.admittedOn) continue;
        if (assignment.summaryQuarters.includes(quarter.quarter)) continue;
        reminders.push({ ...forMentor, kind: 'mentoringSummary', status: quarter.status, period: `${year}Q${quarter.quarter}`, dueBy: quarter.to, message: `${assignment.mentorName} 对 ${reserve.reserveName} 的 ${year} 年第 ${quarter.quarter} 季度帮带小结未填写` });
      }
    }
    for (const quarter of quarters) {
      if (quarter.to < reserve.admittedOn) continue;
      const period = `${year}Q${quarter.quarter}`;
      if (!reserve.villageQuarters.includes(quarter.quarter)) {
        reminders.push({ ...forUnit('villageClerk'), kind: 'villageOpinion', status: quarter.status, period, dueBy: quarter.to, message: `${reserve.reserveName} ${year} 年第 ${quarter.quarter} 季度村（社区）评定意见未填写` });
      }
      if (!reserve.townshipQuarters.includes(quarter.quarter)) {
        reminders.push({ ...forUnit('townshipCommittee'), kind: 'townshipOpinion', status: quarter.status, period, dueBy: quarter.to, message: `${reserve.reserveName} ${year} 年第 ${quarter.quarter} 季度乡镇评定意见未填写` });
      }
    }
    const training = evaluateTrainingFacts(reserve.training, reserve.rules, { onDate, admittedOn: reserve.admittedOn });
    if (isYearEnd && training.annual.status !== 'met') {
      reminders.push({
        ...forUnit('villageClerk'), kind: 'annualTraining', status: training.annual.status, period: String(year), dueBy: training.annual.dueBy,
        message: `${reserve.reserveName} ${year} 年已参加培训 ${training.annual.attendedDays} 天，还差 ${training.annual.shortByDays} 天（每年不少于 ${training.annual.requiredDays} 天）`,
      });
    }
    const centralised = training.centralised;
    if (centralised.status === 'overdue' || (centralised.status === 'due' && daysBetween(onDate, centralised.dueBy) <= CENTRALISED_NOTICE_DAYS)) {
      reminders.push({
        ...forUnit('townshipCommittee'), kind: 'centralisedTraining', status: centralised.status, period: centralised.dueBy, dueBy: centralised.dueBy,
        message: `${reserve.reserveName} 应于 ${centralised.dueBy} 前参加一次不少于 ${reserve.rules.centralisedMinimumDays} 天的集中培训${centralised.status === 'overdue' ? '，已逾期' : ''}`,
      });
    }
    if (isYearEnd && !reserve.hasAnnualTalk) {
      reminders.push({ ...forUnit('townshipCommittee'), kind: 'annualTalk', status: 'due', period: String(year), dueBy: `${year}-12-31`, message: `乡镇党委书记 ${year} 年尚未与 ${reserve.reserveName} 谈心谈话` });
    }
  }
  return reminders.sort(compareReminders);
}

function compareReminders(a: Reminder, b: Reminder): number {
  if (a.status !== b.status) return a.status === 'overdue' ? -1 : 1;
  if (a.dueBy !== b.dueBy) return a.dueBy < b.dueBy ? -1 : 1;
  if (a.orgCode !== b.orgCode) return a.orgCode < b.orgCode ? -1 : 1;
  if (a.reserveName !== b.reserveName) return a.reserveName < b.reserveName ? -1 : 1;
  return REMINDER_KINDS.indexOf(a.kind) - REMINDER_KINDS.indexOf(b.kind);
}
