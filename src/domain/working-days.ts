/**
 * Working days (工作日) on the official Chinese calendar: weekdays that are not public holidays,
 * plus the weekend days made into working days (调休). A year whose official schedule is not known
 * is refused rather than guessed: the State Council publishes each year's schedule late in the
 * year before, and treating an unknown year as plain weekdays would shorten public notices.
 */
export interface YearSchedule {
  year: number;
  /** Days off that would otherwise be working days ('YYYY-MM-DD'). */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休). */
  makeUpWorkdays: ReadonlySet<string>;
}

export class UnknownYearError extends Error {
  readonly year: number;

  constructor(year: number) {
    super(`${year} 年的法定节假日安排尚未录入，无法计算工作日：请先在「工作日历」中录入 ${year} 年的放假和调休安排`);
    this.name = 'UnknownYearError';
    this.year = year;
  }
}

export type OfficialCalendar = ReadonlyMap<number, YearSchedule>;

function parseDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isWorkingDay(calendar: OfficialCalendar, date: string): boolean {
  const year = Number(date.slice(0, 4));
  const schedule = calendar.get(year);
  if (!schedule) throw new UnknownYearError(year);
  if (schedule.holidays.has(date)) return false;
  if (schedule.makeUpWorkdays.has(date)) return true;
  const weekday = parseDate(date).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The last day of a period of `length` working days starting on `start`. When the start day
 * counts (the usual practice for 公示: the posting day is day one if it is a working day), counting
 * begins on it; otherwise on the day after.
 */
export function endOfWorkingDays(calendar: OfficialCalendar, start: string, length: number, options: { startDayCounts: boolean }): string {
  if (!Number.isInteger(length) || length < 1) throw new Error('工作日天数应为正整数');
  const day = parseDate(start);
  if (!options.startDayCounts) day.setUTCDate(day.getUTCDate() + 1);
  let counted = 0;
  for (;;) {
    if (isWorkingDay(calendar, formatDate(day))) counted += 1;
    if (counted === length) return formatDate(day);
    day.setUTCDate(day.getUTCDate() + 1);
  }
}

/** Working days from `from` to `to`, both included. */
export function countWorkingDays(calendar: OfficialCalendar, from: string, to: string): number {
  let count = 0;
  for (const day = parseDate(from); formatDate(day) <= to; day.setUTCDate(day.getUTCDate() + 1)) {
    if (isWorkingDay(calendar, formatDate(day))) count += 1;
  }
  return count;
}

/** Builds the calendar from per-year lists of holidays and make-up workdays. */
export function buildCalendar(years: readonly { year: number; holidays: readonly string[]; makeUpWorkdays: readonly string[] }[]): OfficialCalendar {
  return new Map(years.map((entry) => [entry.year, { year: entry.year, holidays: new Set(entry.holidays), makeUpWorkdays: new Set(entry.makeUpWorkdays) }]));
}

function isWeekend(date: string): boolean {
  const day = parseDate(date).getUTCDay();
  return day === 0 || day === 6;
}

function isRealDate(date: string): boolean {
  const parsed = parseDate(date);
  return !Number.isNaN(parsed.getTime()) && formatDate(parsed) === date;
}

/** Checks a year's schedule as the State Council publishes it; returns a Chinese sentence per problem. */
export function calendarYearProblems(year: number, holidays: readonly string[], makeUpWorkdays: readonly string[]): string[] {
  const problems: string[] = [];
  for (const date of [...holidays, ...makeUpWorkdays]) {
    if (!isRealDate(date)) problems.push(`${date} 不是有效日期`);
    else if (!date.startsWith(`${year}-`)) problems.push(`${date} 不属于 ${year} 年`);
  }
  const both = holidays.filter((date) => makeUpWorkdays.includes(date));
  if (both.length > 0) problems.push(`${both.join('、')} 不能既是放假日又是调休上班日`);
  const weekdays = makeUpWorkdays.filter((date) => isRealDate(date) && !isWeekend(date));
  if (weekdays.length > 0) problems.push(`调休上班日应为周六或周日，${weekdays.join('、')} 是工作日`);
  if (holidays.length === 0) problems.push('请录入该年的放假日期（至少包括元旦、春节、清明、劳动节、端午、中秋、国庆）');
  return problems;
}
