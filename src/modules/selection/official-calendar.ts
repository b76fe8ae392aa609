import { createRequire } from 'node:module';
import type { Executor } from '../../db/database.ts';
import { buildCalendar, type OfficialCalendar } from '../../domain/working-days.ts';
import { updateAtVersion } from '../../db/optimistic-lock.ts';

export interface OfficialYearLists {
  holidays: string[];
  makeUpWorkdays: string[];
}

export interface CalendarYear {
  year: number;
  holidays: string[];
  makeUpWorkdays: string[];
  /** 'package': shipped with the chinese-days package; 'entered': entered by the org department. */
  source: 'package' | 'entered';
  note: string | null;
  enteredBy: string | null;
  version: number | null;
  /** The package's schedule of the year, when the package knows the year. */
  official: OfficialYearLists | null;
}

/**
 * The official schedules as the chinese-days package ships them, read from its data file rather
 * than its API: the API answers for any year, treating a year it does not know as plain weekdays.
 */
function loadPackageYears(): CalendarYear[] {
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
  const byYear = new Map<number, CalendarYear>();
  const yearOf = (date: string): CalendarYear => {
    const year = Number(date.slice(0, 4));
    let entry = byYear.get(year);
    if (!entry) {
      entry = { year, holidays: [], makeUpWorkdays: [], source: 'package', note: null, enteredBy: null, version: null, official: null };
      byYear.set(year, entry);
    }
    return entry;
  };
  for (const date of Object.keys(data.holidays)) yearOf(date).holidays.push(date);
  for (const date of Object.keys(data.workdays)) yearOf(date).makeUpWorkdays.push(date);
  for (const entry of byYear.values()) entry.official = { holidays: entry.holidays, makeUpWorkdays: entry.makeUpWorkdays };
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

let packageYears: CalendarYear[] | undefined;

/** The package's schedule of a year, or null when the package does not know the year. */
export function findPackageYear(year: number): OfficialYearLists | null {
  packageYears ??= loadPackageYears();
  return packageYears.find((entry) => entry.year === year)?.official ?? null;
}

export const officialCalendarRepository = {
  async listEntered(db: Executor): Promise<CalendarYear[]> {
    const rows = await db.selectFrom('official_calendar_year').selectAll().orderBy('year').execute();
    return rows.map((row) => ({
      year: row.year, holidays: row.holidays, makeUpWorkdays: row.make_up_workdays, source: 'entered', note: row.note, enteredBy: row.entered_by, version: row.version, official: findPackageYear(row.year),
    }));
  },

  async insert(db: Executor, year: { year: number; holidays: string[]; makeUpWorkdays: string[]; note: string | null; enteredBy: string }): Promise<void> {
    await db.insertInto('official_calendar_year').values({ year: year.year, holidays: JSON.stringify(year.holidays), make_up_workdays: JSON.stringify(year.makeUpWorkdays), note: year.note, entered_by: year.enteredBy }).execute();
  },

  async update(db: Executor, year: { year: number; holidays: string[]; makeUpWorkdays: string[]; note: string | null; enteredBy: string }, version: number): Promise<boolean> {
    return updateAtVersion(db, 'official_calendar_year', { year: year.year }, version, {
      holidays: JSON.stringify(year.holidays), make_up_workdays: JSON.stringify(year.makeUpWorkdays), note: year.note, entered_by: year.enteredBy, updated_at: new Date(),
    });
  },
};

/** Every known year: the package's, overridden by any year the org department entered. */
export async function listCalendarYears(db: Executor): Promise<CalendarYear[]> {
  packageYears ??= loadPackageYears();
  const entered = await officialCalendarRepository.listEntered(db);
  const enteredYears = new Set(entered.map((year) => year.year));
  return [...packageYears.filter((year) => !enteredYears.has(year.year)), ...entered].sort((a, b) => a.year - b.year);
}

export async function loadOfficialCalendar(db: Executor): Promise<OfficialCalendar> {
  return buildCalendar(await listCalendarYears(db));
}
