import type { Db } from '../../db/database.ts';
import { endOfWorkingDays, UnknownYearError } from '../../domain/working-days.ts';
import type { Context } from '../../server/access.ts';
import { AppError, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { listCalendarYears, loadOfficialCalendar, officialCalendarRepository } from './official-calendar.ts';

export async function listOfficialCalendar(db: Db, ctx: Context) {
  ctx.access.requireAnywhere('selection.read', '查看工作日历');
  return { years: await listCalendarYears(db), policies: { update: ctx.access.canAnywhere('policy.manage') } };
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
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

export async function putOfficialCalendarYear(db: Db, ctx: Context, year: number, input: { holidays: string[]; makeUpWorkdays: string[]; note?: string | null | undefined; version: number | null }) {
  ctx.access.requireAnywhere('policy.manage', '录入法定节假日安排');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('VALIDATION_FAILED', '年份应在 2000 至 2100 之间');
  const holidays = [...new Set(input.holidays)].sort();
  const makeUpWorkdays = [...new Set(input.makeUpWorkdays)].sort();
  const problems = calendarYearProblems(year, holidays, makeUpWorkdays);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join('；'));
  await db.transaction().execute(async (tx) => {
    const entered = (await officialCalendarRepository.listEntered(tx)).find((entry) => entry.year === year);
    const record = { year, holidays, makeUpWorkdays, note: input.note ?? null, enteredBy: ctx.actor?.username ?? 'system' };
    if (entered) {
      if (input.version === null || !(await officialCalendarRepository.update(tx, record, input.version))) throw versionConflict(`${year} 年的节假日安排`);
    } else {
      if (input.version !== null) throw versionConflict(`${year} 年的节假日安排`);
      await officialCalendarRepository.insert(tx, record);
    }
    await recordAuditEvent(tx, ctx, {
      action: 'officialCalendar.update', entityType: 'officialCalendarYear', entityId: String(year), orgCode: null,
      summary: `录入 ${year} 年法定节假日安排：放假 ${holidays.length} 天，调休上班 ${makeUpWorkdays.length} 天`,
      before: entered ? { holidays: entered.holidays, makeUpWorkdays: entered.makeUpWorkdays } : null, after: { holidays, makeUpWorkdays },
    });
  });
  return listOfficialCalendar(db, ctx);
}

export async function computeNoticePeriod(db: Db, ctx: Context, query: { startsOn: string; workingDays: number; postingDayCounts: boolean }) {
  ctx.access.requireAnywhere('selection.read', '计算公示期');
  try {
    const endsOn = endOfWorkingDays(await loadOfficialCalendar(db), query.startsOn, query.workingDays, { startDayCounts: query.postingDayCounts });
    return { ...query, endsOn };
  } catch (error) {
    if (error instanceof UnknownYearError) throw new AppError('VALIDATION_FAILED', error.message);
    throw error;
  }
}
