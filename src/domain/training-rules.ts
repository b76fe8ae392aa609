/**
 * Training rules for reserves (seed 000: trained every year, at least 3 days a year; seed 002: at
 * least one centralised session of 5 days or more within 3 years), configurable per jurisdiction.
 */
export const TRAINING_METHODS = ['centralised', 'partySchool', 'online', 'fieldVisit', 'meetingAsTraining'] as const;
export type TrainingMethod = (typeof TRAINING_METHODS)[number];

export interface TrainingAttendance {
  method: TrainingMethod;
  startDate: string;
  endDate: string;
  daysAttended: number;
}

export interface TrainingRules {
  minimumDaysPerYear: number;
  centralisedMinimumDays: number;
  centralisedWindowYears: number;
  /** Methods that count as centralised training (集中培训). */
  centralisedMethods: readonly TrainingMethod[];
}

export const DEFAULT_TRAINING_RULES: TrainingRules = {
  minimumDaysPerYear: 3,
  centralisedMinimumDays: 5,
  centralisedWindowYears: 3,
  centralisedMethods: ['centralised', 'partySchool'],
};

export type RuleStatus = 'met' | 'due' | 'overdue';

export interface TrainingCompliance {
  annual: { year: number; requiredDays: number; attendedDays: number; shortByDays: number; dueBy: string; status: RuleStatus };
  centralised: { status: RuleStatus; dueBy: string; lastQualifyingEnd: string | null };
}

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(4);
  if (monthDay === '-02-29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return `${String(year).padStart(4, '0')}-02-28`;
  return `${String(year).padStart(4, '0')}${monthDay}`;
}

/** What the rules need to know of a reserve's training, already summed (from attendance or from SQL). */
export interface TrainingFacts {
  /** Days attended in sessions ending in the year of onDate, on or before onDate. */
  attendedDaysThisYear: number;
  /** End dates of qualifying centralised sessions (method and length per the rules), any order. */
  qualifyingEnds: readonly string[];
}

/**
 * Which rules a reserve meets on a date, short by how much and by when. Days of a session count
 * in the year the session ends. The centralised rule runs in windows of N years from admission
 * (or from the end of the last qualifying session): met once such a session lies in the window,
 * due while the window is open, overdue after it closes without one.
 */
export function evaluateTraining(attendance: readonly TrainingAttendance[], rules: TrainingRules, options: { onDate: string; admittedOn: string }): TrainingCompliance {
  return evaluateTrainingFacts(summariseTraining(attendance, rules, options.onDate), rules, options);
}

/** Sums attendance into the facts the rules look at. */
export function summariseTraining(attendance: readonly TrainingAttendance[], rules: TrainingRules, onDate: string): TrainingFacts {
  const year = onDate.slice(0, 4);
  return {
    attendedDaysThisYear: attendance.filter((item) => item.endDate.startsWith(`${year}-`) && item.endDate <= onDate).reduce((total, item) => total + item.daysAttended, 0),
    qualifyingEnds: attendance.filter((item) => isQualifyingCentralised(item, rules)).map((item) => item.endDate),
  };
}

/** Whether one attendance counts toward the centralised rule (method and days; dates are checked later). */
export function isQualifyingCentralised(item: Pick<TrainingAttendance, 'method' | 'daysAttended'>, rules: TrainingRules): boolean {
  return rules.centralisedMethods.includes(item.method) && item.daysAttended >= rules.centralisedMinimumDays;
}

/** evaluateTraining on facts already summed; ends after onDate or before admission are ignored. */
export function evaluateTrainingFacts(facts: TrainingFacts, rules: TrainingRules, options: { onDate: string; admittedOn: string }): TrainingCompliance {
  const year = Number(options.onDate.slice(0, 4));
  const attendedDays = facts.attendedDaysThisYear;
  const dueBy = `${year}-12-31`;
  const shortByDays = Math.max(0, rules.minimumDaysPerYear - attendedDays);
  const annual = { year, requiredDays: rules.minimumDaysPerYear, attendedDays, shortByDays, dueBy, status: (shortByDays === 0 ? 'met' : options.onDate > dueBy ? 'overdue' : 'due') as RuleStatus };

  const qualifying = facts.qualifyingEnds.filter((end) => end <= options.onDate && end >= options.admittedOn).slice().sort();
  const lastQualifyingEnd = qualifying.at(-1) ?? null;
  // The open window starts at admission, and again at the end of each qualifying session.
  let windowStart = options.admittedOn;
  for (const end of qualifying) if (end <= addYears(windowStart, rules.centralisedWindowYears)) windowStart = end;
  const windowEnd = addYears(windowStart, rules.centralisedWindowYears);
  const isMetInWindow = lastQualifyingEnd !== null && addYears(lastQualifyingEnd, rules.centralisedWindowYears) >= options.onDate;
  const status: RuleStatus = isMetInWindow ? 'met' : options.onDate <= windowEnd ? 'due' : 'overdue';
  return { annual, centralised: { status, dueBy: isMetInWindow ? addYears(lastQualifyingEnd, rules.centralisedWindowYears) : windowEnd, lastQualifyingEnd } };
}
