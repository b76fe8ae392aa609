import { buildCalendar, isWorkingDay } from './working-days.ts';

/**
 * How a year's schedule entered by the org department differs from the official one shipped with
 * the calendar package: the days whose status changes, from a day off to a working day and back.
 * A holiday moved onto a weekend, which is a day off either way, is no difference.
 */
export interface CalendarDifference {
  /** Days off in the official schedule that are working days in the entered one. */
  becomeWorkingDays: string[];
  /** Working days in the official schedule that are days off in the entered one. */
  becomeDaysOff: string[];
}

export interface YearLists {
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
}

export function differenceFromOfficial(year: number, official: YearLists, entered: YearLists): CalendarDifference {
  const officialCalendar = buildCalendar([{ year, ...official }]);
  const enteredCalendar = buildCalendar([{ year, ...entered }]);
  const dates = [...new Set([...official.holidays, ...official.makeUpWorkdays, ...entered.holidays, ...entered.makeUpWorkdays])]
    .filter((date) => date.startsWith(`${year}-`))
    .sort();
  const difference: CalendarDifference = { becomeWorkingDays: [], becomeDaysOff: [] };
  for (const date of dates) {
    const wasWorking = isWorkingDay(officialCalendar, date);
    if (wasWorking === isWorkingDay(enteredCalendar, date)) continue;
    (wasWorking ? difference.becomeDaysOff : difference.becomeWorkingDays).push(date);
  }
  return difference;
}

export function isSameAsOfficial(difference: CalendarDifference): boolean {
  return difference.becomeWorkingDays.length === 0 && difference.becomeDaysOff.length === 0;
}

/** 「2 天由放假改为上班（2026-10-07、2026-10-08）；1 天由上班改为放假（2026-09-30）」, or 「与官方安排一致」. */
export function describeDifference(difference: CalendarDifference): string {
  if (isSameAsOfficial(difference)) return '与官方安排一致';
  const parts: string[] = [];
  if (difference.becomeWorkingDays.length > 0) parts.push(`${difference.becomeWorkingDays.length} 天由放假改为上班（${difference.becomeWorkingDays.join('、')}）`);
  if (difference.becomeDaysOff.length > 0) parts.push(`${difference.becomeDaysOff.length} 天由上班改为放假（${difference.becomeDaysOff.join('、')}）`);
  return parts.join('；');
}
