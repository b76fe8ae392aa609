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
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const result = new Date(Date.UTC(year + years, month - 1, day));
  if (result.getUTCMonth() !== month - 1) result.setUTCDate(0);
  return result.toISOString().slice(0, 10);
}

/**
 * Which rules a reserve meets on a date, short by how much and by when. Days of a session count
 * in the year the session ends. The centralised rule runs in windows of N years from admission
 * (or from the end of the last qualifying session): met once such a session lies in the window,
 * due while the window is open, overdue after it closes without one.
 */
export function evaluateTraining(attendance: readonly TrainingAttendance[], rules: TrainingRules, options: { onDate: string; admittedOn: string }): TrainingCompliance {
  const year = Number(options.onDate.slice(0, 4));
  const attendedDays = attendance
    .filter((item) => item.endDate.startsWith(`${year}-`) && item.endDate <= options.onDate)
    .reduce((total, item) => total + item.daysAttended, 0);
  const dueBy = `${year}-12-31`;
  const shortByDays = Math.max(0, rules.minimumDaysPerYear - attendedDays);
  const annual = { year, requiredDays: rules.minimumDaysPerYear, attendedDays, shortByDays, dueBy, status: (shortByDays === 0 ? 'met' : options.onDate > dueBy ? 'overdue' : 'due') as RuleStatus };

  const qualifying = attendance
    .filter((item) => rules.centralisedMethods.includes(item.method) && item.daysAttended >= rules.centralisedMinimumDays && item.endDate <= options.onDate && item.endDate >= options.admittedOn)
    .map((item) => item.endDate)
    .sort();
  const lastQualifyingEnd = qualifying.at(-1) ?? null;
  // The open window starts at admission, and again at the end of each qualifying session.
  let windowStart = options.admittedOn;
  for (const end of qualifying) if (end <= addYears(windowStart, rules.centralisedWindowYears)) windowStart = end;
  const windowEnd = addYears(windowStart, rules.centralisedWindowYears);
  const isMetInWindow = lastQualifyingEnd !== null && addYears(lastQualifyingEnd, rules.centralisedWindowYears) >= options.onDate;
  const status: RuleStatus = isMetInWindow ? 'met' : options.onDate <= windowEnd ? 'due' : 'overdue';
  return { annual, centralised: { status, dueBy: isMetInWindow ? addYears(lastQualifyingEnd, rules.centralisedWindowYears) : windowEnd, lastQualifyingEnd } };
}
