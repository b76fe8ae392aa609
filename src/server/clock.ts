import { todayInChina } from '../domain/dates.ts';

/**
 * Where the business date (today in Beijing) comes from. Services read it from the request's
 * context (`ctx.today`), which the app fills from the clock it was built with; nothing else asks
 * the system for the date.
 */
export interface Clock {
  /** Today in Beijing, 'YYYY-MM-DD'. */
  today(): string;
}

export const systemClock: Clock = { today: () => todayInChina(new Date()) };

/**
 * A clock whose today is `startDate` now and moves on a day per day from there (for training
 * installations and for running the tests on a chosen date). Times of day are untouched: only
 * the business date is shifted.
 */
export function clockStartingOn(startDate: string, realNow: Date = new Date()): Clock {
  const shift = Date.parse(`${startDate}T00:00:00Z`) - Date.parse(`${todayInChina(realNow)}T00:00:00Z`);
  return { today: () => todayInChina(new Date(Date.now() + shift)) };
}

/** A clock that always says the same day (tests whose fixtures are dated). */
export function fixedClock(date: string): Clock {
  return { today: () => date };
}

/** The clock of a setting (HOUBEI_TODAY): the system's when empty. */
export function clockFromSetting(startDate: string | undefined): Clock {
  if (!startDate) return systemClock;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || Number.isNaN(Date.parse(`${startDate}T00:00:00Z`)) || new Date(`${startDate}T00:00:00Z`).toISOString().slice(0, 10) !== startDate) {
    throw new Error(`HOUBEI_TODAY 应为存在的日期，格式 YYYY-MM-DD，现为「${startDate}」`);
  }
  return clockStartingOn(startDate);
}
