import { describe, expect, it } from 'vitest';
import { ageOn, birthDateRangeForAges, calendarDateProblem, daysInMonth, formatYearMonth, futureDateProblem, isAmbiguousMonthNumber, isCalendarDate, parseLooseDate, toIsoDate, todayInChina } from './dates.ts';

describe('calendar dates', () => {
  it('accepts real days, 29 February of leap years among them', () => {
    for (const text of ['2026-03-15', '2024-02-29', '2000-02-29', '1900-01-01', '2100-12-31', '2026-12-31']) {
      expect(calendarDateProblem(text), text).toBeNull();
      expect(isCalendarDate(text), text).toBe(true);
    }
  });

  it('refuses days that do not exist, saying how many the month has', () => {
    expect(calendarDateProblem('2026-02-30')).toBe('日期不存在：2026 年 2 月只有 28 天');
    expect(calendarDateProblem('2025-02-29')).toBe('日期不存在：2025 年 2 月只有 28 天');
    expect(calendarDateProblem('1900-02-29')).toBe('日期不存在：1900 年 2 月只有 28 天');
    expect(calendarDateProblem('2026-04-31')).toBe('日期不存在：2026 年 4 月只有 30 天');
    expect(calendarDateProblem('2026-01-00')).toMatch(/^日期不存在/);
    expect(calendarDateProblem('2026-13-01')).toBe('日期不存在：月份应为 01–12，不能是 13');
    expect(calendarDateProblem('2026-00-10')).toMatch(/^日期不存在/);
  });

  it('refuses other forms and years outside 1900–2100', () => {
    for (const text of ['2026-3-15', '2026/03/15', '20260315', '2026-03-15T00:00:00Z', ' 2026-03-15', '', '２０２６-03-15']) {
      expect(calendarDateProblem(text), text).toBe('日期格式应为 YYYY-MM-DD，如 2026-03-15');
    }
    expect(calendarDateProblem('0000-01-01')).toBe('日期的年份应在 1900 至 2100 年之间');
    expect(calendarDateProblem('1899-12-31')).toBe('日期的年份应在 1900 至 2100 年之间');
    expect(calendarDateProblem('9999-12-31')).toBe('日期的年份应在 1900 至 2100 年之间');
  });

  it('counts the days of each month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2026, month))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
});

describe('dates as typed in rosters', () => {
  it('reads the text forms people type', () => {
    for (const text of ['1985.03', '1985-03', '1985年3月', '198503', '1985/3', ' 1985.3 ', '1985年03月']) {
      expect(parseLooseDate(text), text).toEqual({ year: 1985, month: 3, day: null });
    }
    for (const text of ['1985-03-15', '1985.3.15', '1985年3月15日', '19850315', '1985/03/15']) {
      expect(parseLooseDate(text), text).toEqual({ year: 1985, month: 3, day: 15 });
    }
  });

  it('reads real Excel dates, as Date objects and as serial numbers', () => {
    expect(parseLooseDate(new Date(Date.UTC(1985, 2, 15)))).toEqual({ year: 1985, month: 3, day: 15 });
    expect(parseLooseDate(31121)).toEqual({ year: 1985, month: 3, day: 15 });
  });

  it('reads dates typed into number cells', () => {
    expect(parseLooseDate(198503)).toEqual({ year: 1985, month: 3, day: null });
    expect(parseLooseDate(19850315)).toEqual({ year: 1985, month: 3, day: 15 });
    expect(parseLooseDate(1985.03)).toEqual({ year: 1985, month: 3, day: null });
    expect(parseLooseDate(1985.3)).toEqual({ year: 1985, month: 3, day: null });
    expect(parseLooseDate(1985.2)).toEqual({ year: 1985, month: 2, day: null });
    expect(parseLooseDate(1985.11)).toEqual({ year: 1985, month: 11, day: null });
  });

  it('does not read 1986.1 typed into a number cell: it may be January or October', () => {
    expect(parseLooseDate(1986.1)).toBeNull();
    expect(isAmbiguousMonthNumber(1986.1)).toBe(true);
    for (const value of [1986.01, 1986.11, 1986.12, 1986.2, 1986, '1986.1', 19861]) expect(isAmbiguousMonthNumber(value), String(value)).toBe(false);
    expect(parseLooseDate('1986.1')).toEqual({ year: 1986, month: 1, day: null });
  });

  it('refuses what is not a date', () => {
    for (const value of ['1985.13', '1985-02-30', '85.03', '三月', '', '1985', 'abc', null, undefined, true, 1985.13, 198513, 0]) {
      expect(parseLooseDate(value), String(value)).toBeNull();
    }
    expect(parseLooseDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseLooseDate('1900-02-29')).toBeNull();
  });

  it('prints and stores month-precision dates', () => {
    expect(toIsoDate({ year: 1985, month: 3, day: null })).toBe('1985-03-01');
    expect(formatYearMonth('1985-03-01')).toBe('1985.03');
  });

  it('counts full years, the birthday itself included', () => {
    expect(ageOn('1981-03-31', '2026-03-31')).toBe(45);
    expect(ageOn('1981-04-01', '2026-03-31')).toBe(44);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
  });

  it('takes today in China Standard Time', () => {
    expect(todayInChina(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
  });

  it('turns an age band into a birth-date range that agrees with ageOn', () => {
    const range = birthDateRangeForAges('2026-03-31', 35, 45);
    expect(range).toEqual({ bornOnOrBefore: '1991-03-31', bornAfter: '1980-03-31' });
    for (const birthDate of ['1991-03-31', '1991-04-01', '1980-03-31', '1980-04-01', '1985-06-15']) {
      const age = ageOn(birthDate, '2026-03-31');
      const inRange = birthDate <= range.bornOnOrBefore! && birthDate > range.bornAfter!;
      expect(inRange, birthDate).toBe(age >= 35 && age <= 45);
    }
  });
});

describe('dates of what has happened', () => {
  it('accepts today and earlier, refuses tomorrow with the label, both dates and what to fill in', () => {
    expect(futureDateProblem('离任日期', '2026-11-29', '2026-11-29')).toBeNull();
    expect(futureDateProblem('离任日期', '2025-12-31', '2026-01-01')).toBeNull();
    expect(futureDateProblem('离任日期', '2027-01-01', '2026-12-31')).toBe('离任日期（2027-01-01）不能晚于今天（2026-12-31），请填写实际发生的日期');
    expect(futureDateProblem('评议日期', '2028-02-29', '2028-02-28')).toBe('评议日期（2028-02-29）不能晚于今天（2028-02-28），请填写实际发生的日期');
  });
});
