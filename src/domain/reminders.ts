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
  /** Months of the year of onDate with at least one contact log on or before onDate, as a bit mask (bit 0 = January). */
  contactMonths: number;
  /** Quarters of that year with the mentor's quarterly summary, as a bit mask (bit 0 = first quarter). */
  summaryQuarters: number;
}

export interface ReserveFacts {
  reserveId: string;
  reserveName: string;
  /** The reserve's village. */
  orgCode: string;
  admittedOn: string;
  rules: TrainingRules;
  training: TrainingFacts;
  /** Quarters of the year with the village's / the township's quarterly opinion, as bit masks (bit 0 = first quarter). */
  villageQuarters: number;
  townshipQuarters: number;
  hasAnnualTalk: boolean;
  /** Whether a mentoring assignment of the reserve is in force on onDate. */
  hasMentorOnDate: boolean;
  /**
   * The reserve's assignments that overlap the year of onDate; one whose months and quarters
   * asked are all recorded may be left out (it gives no reminder).
   */
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
  /** The figures the sentence quotes (describeReminder): training days, or a centralised session's minimum days. */
  figures: { attendedDays: number; shortByDays: number; requiredDays: number } | { minimumDays: number } | null;
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

function reminder(reserve: ReserveFacts, kind: ReminderKind, status: Reminder['status'], responsible: { role: ResponsibleRole; userId: string | null; name: string | null }, period: string, dueBy: string, figures: Reminder['figures'] = null): Reminder {
  return {
    kind, status, reserveId: reserve.reserveId, reserveName: reserve.reserveName, orgCode: reserve.orgCode,
    responsibleRole: responsible.role, responsibleUserId: responsible.userId, responsibleName: responsible.name, period, dueBy, figures,
  };
}

/**
 * The sentence shown for a reminder. Built for the page shown only: a province's list holds some
 * 100,000 reminders, and their sentences cost a third of the computation.
 */
export function describeReminder(reminder: Reminder): string {
  const name = reminder.reserveName;
  const year = reminder.period.slice(0, 4);
  const quarter = reminder.period.slice(5);
  const figures = reminder.figures;
  switch (reminder.kind) {
    case 'noMentor': return `${name} 尚未落实帮带干部，请为其指定导师`;
    case 'mentorContact': return `${reminder.responsibleName ?? ''} 对 ${name} 的 ${year} 年 ${Number(reminder.period.slice(5, 7))} 月帮带记录未填写`;
    case 'mentoringSummary': return `${reminder.responsibleName ?? ''} 对 ${name} 的 ${year} 年第 ${quarter} 季度帮带小结未填写`;
    case 'villageOpinion': return `${name} ${year} 年第 ${quarter} 季度村（社区）评定意见未填写`;
    case 'townshipOpinion': return `${name} ${year} 年第 ${quarter} 季度乡镇评定意见未填写`;
    case 'annualTraining': {
      const days = figures !== null && 'requiredDays' in figures ? figures : { attendedDays: 0, shortByDays: 0, requiredDays: 0 };
      return `${name} ${year} 年已参加培训 ${days.attendedDays} 天，还差 ${days.shortByDays} 天（每年不少于 ${days.requiredDays} 天）`;
    }
    case 'centralisedTraining': {
      const minimumDays = figures !== null && 'minimumDays' in figures ? figures.minimumDays : 0;
      return `${name} 应于 ${reminder.dueBy} 前参加一次不少于 ${minimumDays} 天的集中培训${reminder.status === 'overdue' ? '，已逾期' : ''}`;
    }
    case 'annualTalk': return `乡镇党委书记 ${year} 年尚未与 ${name} 谈心谈话`;
  }
}

const VILLAGE = { role: 'villageClerk', userId: null, name: null } as const;
const TOWNSHIP = { role: 'townshipCommittee', userId: null, name: null } as const;

/** Whether a bit mask has month or quarter `number` (1-based). */
function hasBit(mask: number, number: number): boolean {
  return (mask & (1 << (number - 1))) !== 0;
}

/** The bit mask of months or quarters (1-based), as the roll-ups store them. */
export function toMask(numbers: readonly number[]): number {
  let mask = 0;
  for (const number of numbers) mask |= 1 << (number - 1);
  return mask;
}

/**
 * The months and quarters of the year that may be asked for on onDate, as bit masks: an
 * assignment with all of them recorded gives no reminder, whatever its dates.
 */
export function askedMasks(onDate: string): { months: number; quarters: number } {
  return { months: toMask(monthsAsked(onDate).map((month) => month.month)), quarters: toMask(quartersAsked(onDate).map((quarter) => quarter.quarter)) };
}

/** Until the end of this month of a year, the previous year's last month, last quarter and yearly duties stay on the list. */
export const CARRY_OVER_UNTIL_MONTH = 3;

/** The previous 31 December when onDate lies in the carry-over months (January to March), else null. */
export function carriedOverYearEnd(onDate: string): string | null {
  return Number(onDate.slice(5, 7)) <= CARRY_OVER_UNTIL_MONTH ? `${Number(onDate.slice(0, 4)) - 1}-12-31` : null;
}

/** What is asked for at a year's end and carried over: December's contact log and the fourth quarter's summary. */
export const YEAR_END_ASKED = { months: 1 << 11, quarters: 1 << 3 } as const;
const EARLIER_MONTHS = (1 << 11) - 1;
const EARLIER_QUARTERS = (1 << 3) - 1;

/**
 * The previous year's reminders still shown on onDate (January to March): December's contact logs,
 * the fourth quarter's summaries and opinions, the year's training days and the secretary's talk,
 * all overdue, for the reserves still on the list (`current`). `previous` are the facts as at
 * that year's 31 December.
 */
export function collectCarriedOver(previous: readonly ReserveFacts[], onDate: string, current: ReadonlySet<string>): Reminder[] {
  const yearEnd = carriedOverYearEnd(onDate);
  if (yearEnd === null) return [];
  const year = yearEnd.slice(0, 4);
  // Months before December and quarters before the fourth are marked done, so that only what is carried is built.
  const yearEndOnly = previous.filter((reserve) => current.has(reserve.reserveId)).map((reserve): ReserveFacts => ({
    ...reserve, villageQuarters: reserve.villageQuarters | EARLIER_QUARTERS, townshipQuarters: reserve.townshipQuarters | EARLIER_QUARTERS,
    assignments: reserve.assignments.map((assignment) => ({ ...assignment, contactMonths: assignment.contactMonths | EARLIER_MONTHS, summaryQuarters: assignment.summaryQuarters | EARLIER_QUARTERS })),
  }));
  const carried: Reminder[] = [];
  for (const reminder of collectReminders(yearEndOnly, yearEnd)) {
    const isCarried = reminder.kind === 'mentorContact' ? reminder.period === `${year}-12`
      : reminder.kind === 'mentoringSummary' || reminder.kind === 'villageOpinion' || reminder.kind === 'townshipOpinion' ? reminder.period === `${year}Q4`
      : reminder.kind === 'annualTraining' || reminder.kind === 'annualTalk';
    if (isCarried) carried.push({ ...reminder, status: 'overdue' });
  }
  return carried;
}

/** All reminders for the reserves on onDate, in the list's order (see compareReminders). */
export function computeReminders(reserves: readonly ReserveFacts[], onDate: string): Reminder[] {
  return collectReminders(reserves, onDate).sort(compareReminders);
}

/**
 * All reminders for the reserves on onDate, in no particular order (pageOfReminders picks a page).
 * Written as plain loops building each reminder once: a province's list has some 100,000 of them.
 */
export function collectReminders(reserves: readonly ReserveFacts[], onDate: string): Reminder[] {
  const year = Number(onDate.slice(0, 4));
  const months = monthsAsked(onDate);
  const quarters = quartersAsked(onDate);
  const isYearEnd = Number(onDate.slice(5, 7)) >= YEAR_END_REMINDER_MONTH;
  const reminders: Reminder[] = [];
  for (const reserve of reserves) {
    if (reserve.admittedOn > onDate) continue;
    if (!reserve.hasMentorOnDate) reminders.push(reminder(reserve, 'noMentor', 'overdue', TOWNSHIP, onDate, onDate));
    const admittedMonth = `${reserve.admittedOn.slice(0, 8)}01`;
    for (const assignment of reserve.assignments) {
      const mentor = { role: 'mentor' as const, userId: assignment.mentorUserId, name: assignment.mentorName };
      for (const month of months) {
        if (month.from < admittedMonth || !overlaps(assignment.startedOn, assignment.endedOn, month.from, month.to) || hasBit(assignment.contactMonths, month.month)) continue;
        reminders.push(reminder(reserve, 'mentorContact', month.status, mentor, month.from.slice(0, 7), month.to));
      }
      for (const quarter of quarters) {
        if (!overlaps(assignment.startedOn, assignment.endedOn, quarter.from, quarter.to) || quarter.to < reserve.admittedOn || hasBit(assignment.summaryQuarters, quarter.quarter)) continue;
        reminders.push(reminder(reserve, 'mentoringSummary', quarter.status, mentor, `${year}Q${quarter.quarter}`, quarter.to));
      }
    }
    for (const quarter of quarters) {
      if (quarter.to < reserve.admittedOn) continue;
      if (!hasBit(reserve.villageQuarters, quarter.quarter)) {
        reminders.push(reminder(reserve, 'villageOpinion', quarter.status, VILLAGE, `${year}Q${quarter.quarter}`, quarter.to));
      }
      if (!hasBit(reserve.townshipQuarters, quarter.quarter)) {
        reminders.push(reminder(reserve, 'townshipOpinion', quarter.status, TOWNSHIP, `${year}Q${quarter.quarter}`, quarter.to));
      }
    }
    const training = evaluateTrainingFacts(reserve.training, reserve.rules, { onDate, admittedOn: reserve.admittedOn });
    const annual = training.annual;
    if (isYearEnd && annual.status !== 'met') {
      reminders.push(reminder(reserve, 'annualTraining', annual.status, VILLAGE, String(year), annual.dueBy, { attendedDays: annual.attendedDays, shortByDays: annual.shortByDays, requiredDays: annual.requiredDays }));
    }
    const centralised = training.centralised;
    if (centralised.status === 'overdue' || (centralised.status === 'due' && daysBetween(onDate, centralised.dueBy) <= CENTRALISED_NOTICE_DAYS)) {
      reminders.push(reminder(reserve, 'centralisedTraining', centralised.status, TOWNSHIP, centralised.dueBy, centralised.dueBy, { minimumDays: reserve.rules.centralisedMinimumDays }));
    }
    if (isYearEnd && !reserve.hasAnnualTalk) {
      reminders.push(reminder(reserve, 'annualTalk', 'due', TOWNSHIP, String(year), `${year}-12-31`));
    }
  }
  return reminders;
}

const KIND_ORDER = Object.fromEntries(REMINDER_KINDS.map((kind, index) => [kind, index])) as Record<ReminderKind, number>;

/** The list's order: overdue first, then by due date, unit, name and kind; ties by reserve and mentor, so that pages never overlap. */
export function compareReminders(a: Reminder, b: Reminder): number {
  if (a.status !== b.status) return a.status === 'overdue' ? -1 : 1;
  if (a.dueBy !== b.dueBy) return a.dueBy < b.dueBy ? -1 : 1;
  if (a.orgCode !== b.orgCode) return a.orgCode < b.orgCode ? -1 : 1;
  if (a.reserveName !== b.reserveName) return a.reserveName < b.reserveName ? -1 : 1;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (a.reserveId !== b.reserveId) return a.reserveId < b.reserveId ? -1 : 1;
  if (a.period !== b.period) return a.period < b.period ? -1 : 1;
  const [mentorA, mentorB] = [a.responsibleName ?? '', b.responsibleName ?? ''];
  if (mentorA !== mentorB) return mentorA < mentorB ? -1 : 1;
  const [userA, userB] = [a.responsibleUserId ?? '', b.responsibleUserId ?? ''];
  return userA === userB ? 0 : userA < userB ? -1 : 1;
}

/**
 * One page of the reminders in the list's order, without sorting them all: the first
 * page × pageSize are kept in order as the list is read once (a province has some 100,000).
 */
export function pageOfReminders(reminders: readonly Reminder[], page: { page: number; pageSize: number }): Reminder[] {
  const wanted = page.page * page.pageSize;
  if (wanted * 4 >= reminders.length) return [...reminders].sort(compareReminders).slice(wanted - page.pageSize, wanted);
  const top: Reminder[] = [];
  for (const reminder of reminders) {
    if (top.length === wanted && compareReminders(reminder, top[wanted - 1]!) >= 0) continue;
    let low = 0;
    let high = top.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareReminders(top[middle]!, reminder) <= 0) low = middle + 1;
      else high = middle;
    }
    top.splice(low, 0, reminder);
    if (top.length > wanted) top.pop();
  }
  return top.slice(wanted - page.pageSize);
}
