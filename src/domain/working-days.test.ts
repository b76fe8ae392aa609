import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildCalendar, calendarYearProblems, countWorkingDays, endOfWorkingDays, isWorkingDay, UnknownYearError } from './working-days.ts';

/** The official schedules as the chinese-days package ships them (2004–2026). */
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
const years = Array.from({ length: 2026 - 2004 + 1 }, (_, index) => 2004 + index).map((year) => ({
  year,
  holidays: Object.keys(data.holidays).filter((date) => date.startsWith(`${year}-`)),
  makeUpWorkdays: Object.keys(data.workdays).filter((date) => date.startsWith(`${year}-`)),
}));
const calendar = buildCalendar(years);

describe('working days on the official calendar', () => {
  it('counts make-up weekend days and skips the National Day holiday', () => {
    expect(isWorkingDay(calendar, '2025-09-28')).toBe(true);
    expect(isWorkingDay(calendar, '2025-10-11')).toBe(true);
    expect(isWorkingDay(calendar, '2025-10-01')).toBe(false);
    expect(isWorkingDay(calendar, '2025-10-08')).toBe(false);
    expect(isWorkingDay(calendar, '2025-09-27')).toBe(false);
  });

  it('ends a 5-working-day notice posted on 2025-09-26 on 10-09 when the posting day counts, 10-10 when not', () => {
    expect(endOfWorkingDays(calendar, '2025-09-26', 5, { startDayCounts: true })).toBe('2025-10-09');
    expect(endOfWorkingDays(calendar, '2025-09-26', 5, { startDayCounts: false })).toBe('2025-10-10');
  });

  it('starts counting on the next working day when posted on a day off', () => {
    // 10-04 is a holiday: 10-09, 10-10, then Saturday 10-11, a make-up working day.
    expect(endOfWorkingDays(calendar, '2025-10-04', 3, { startDayCounts: true })).toBe('2025-10-11');
    expect(countWorkingDays(calendar, '2025-09-26', '2025-10-09')).toBe(5);
  });

  it('refuses a period reaching into a year whose schedule is not entered, and accepts it once entered', () => {
    expect(() => endOfWorkingDays(calendar, '2026-12-28', 5, { startDayCounts: true })).toThrow(UnknownYearError);
    expect(() => endOfWorkingDays(calendar, '2026-12-28', 5, { startDayCounts: true })).toThrow('2027 年的法定节假日安排尚未录入');
    const with2027 = buildCalendar([...years, { year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [] }]);
    expect(endOfWorkingDays(with2027, '2026-12-28', 5, { startDayCounts: true })).toBe('2027-01-04');
  });

  it('knows 2026 from the package, and nothing after it', () => {
    expect(isWorkingDay(calendar, '2026-02-16')).toBe(false);
    expect(() => isWorkingDay(calendar, '2027-03-01')).toThrow(UnknownYearError);
  });
});

describe('an official schedule entered by hand', () => {
  it('accepts the 2026 schedule as chinese-days ships it', () => {
    const year2026 = years.find((entry) => entry.year === 2026)!;
    expect(calendarYearProblems(2026, year2026.holidays, year2026.makeUpWorkdays)).toEqual([]);
  });

  it('names impossible dates, dates of another year, a day both off and on, and a weekday made a workday', () => {
    expect(calendarYearProblems(2027, ['2027-02-30', '2026-12-31', '2027-01-01'], ['2027-01-01', '2027-01-04'])).toEqual([
      '2027-02-30 不是有效日期',
      '2026-12-31 不属于 2027 年',
      '2027-01-01 不能既是放假日又是调休上班日',
      '调休上班日应为周六或周日，2027-01-01、2027-01-04 是工作日',
    ]);
    expect(calendarYearProblems(2027, [], [])).toEqual(['请录入该年的放假日期（至少包括元旦、春节、清明、劳动节、端午、中秋、国庆）']);
  });
});

