/**
 * Dates as people type them in rosters: real Excel dates, or text such as 1985.03, 1985-03,
 * 1985年3月, 198503, 1985/3/15, 19850315, and the same typed into number cells. Month precision
 * is enough for 出生年月 and 入党时间.
 */
export interface LooseDate {
  year: number;
  month: number;
  day: number | null;
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** The years the system keeps dates of: people born since 1900, plans up to 2100. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDate(year: number, month: number, day: number | null): boolean {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12) return false;
  if (day === null) return true;
  return day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Why a text is not a calendar date written 'YYYY-MM-DD' between 1900 and 2100, in Chinese and
 * saying what to fix; null when it is one. 2026-02-30 and 2025-02-29 are 「日期不存在」.
 */
export function calendarDateProblem(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return '日期格式应为 YYYY-MM-DD，如 2026-03-15';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < FIRST_YEAR || year > LAST_YEAR) return `日期的年份应在 ${FIRST_YEAR} 至 ${LAST_YEAR} 年之间`;
  if (month < 1 || month > 12) return `日期不存在：月份应为 01–12，不能是 ${match[2]}`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `日期不存在：${year} 年 ${month} 月只有 ${days} 天`;
  return null;
}

/** Whether a text is a calendar date 'YYYY-MM-DD' (a real day between 1900 and 2100). */
export function isCalendarDate(text: string): boolean {
  return calendarDateProblem(text) === null;
}

/** Reads a cell or a typed text as a date; null when it is not one. */
export function parseLooseDate(value: unknown): LooseDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1) return null;
    // 198503 or 19850315 typed into a number cell.
    if (Number.isInteger(value) && (String(value).length === 6 || String(value).length === 8)) return parseLooseDate(String(value));
    // 1985.03 typed into a number cell. Excel keeps 1985.10 as 1985.1, the same number as 1985.1
    // typed for January: that one is not read (see isAmbiguousMonthNumber).
    if (!Number.isInteger(value) && value >= 1900 && value < 2101) {
      if (isAmbiguousMonthNumber(value)) return null;
      const [year, fraction] = String(value).split('.') as [string, string];
      return parseLooseDate(`${year}.${fraction}`);
    }
    if (value > 80000) return null;
    return parseLooseDate(new Date(EXCEL_EPOCH_UTC + Math.floor(value) * 86_400_000));
  }
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(/\s+/g, '');
  let match = /^(\d{4})(\d{2})(\d{2})?$/.exec(text);
  if (!match) match = /^(\d{4})[.\-/年](\d{1,2})(?:[.\-/月](\d{1,2})日?|月)?$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), match[3] === undefined ? null : Number(match[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

/**
 * Whether a number cell reads as a year and month that may be January or October: 1986.1 is what a
 * spreadsheet keeps both of 1986.1 and 1986.10.
 */
export function isAmbiguousMonthNumber(value: unknown): value is number {
  return typeof value === 'number' && value >= 1900 && value < 2101 && String(value).split('.')[1] === '1';
}

/** 'YYYY-MM-DD', taking the first of the month when only the month is known. */
export function toIsoDate(date: LooseDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day ?? 1).padStart(2, '0')}`;
}

/** '1985.03', the way rosters print 出生年月 and 入党时间. */
export function formatYearMonth(isoDate: string): string {
  return `${isoDate.slice(0, 4)}.${isoDate.slice(5, 7)}`;
}

/** Full years of age on the reference date (a birthday on that day counts). Dates are 'YYYY-MM-DD'. */
export function ageOn(birthDate: string, referenceDate: string): number {
  const [birthYear, birthMonth, birthDay] = birthDate.split('-').map(Number) as [number, number, number];
  const [year, month, day] = referenceDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = month > birthMonth || (month === birthMonth && day >= birthDay);
  return year - birthYear - (hadBirthday ? 0 : 1);
}

/** Today in China Standard Time, 'YYYY-MM-DD'. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Birth dates that give an age between min and max (inclusive) on the reference date. */
export function birthDateRangeForAges(referenceDate: string, ageMin: number | undefined, ageMax: number | undefined): { bornOnOrBefore?: string; bornAfter?: string } {
  const shiftYears = (years: number) => {
    const [year, month, day] = referenceDate.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year - years, month - 1, day));
    // 29 February in a year without one: the birthday counts from 1 March.
    if (date.getUTCMonth() !== month - 1) date.setUTCDate(0);
    return date.toISOString().slice(0, 10);
  };
  return {
    ...(ageMin !== undefined && { bornOnOrBefore: shiftYears(ageMin) }),
    ...(ageMax !== undefined && { bornAfter: shiftYears(ageMax + 1) }),
  };
}

/**
 * Why the date of something that has already happened (a meeting held, a member leaving, a
 * decision taken) is refused: it lies after today. Null when it is today or earlier. Both dates
 * are 'YYYY-MM-DD', so text order is date order.
 */
export function futureDateProblem(label: string, date: string, today: string): string | null {
  return date > today ? `${label}（${date}）不能晚于今天（${today}），请填写实际发生的日期` : null;
}
