import type { Db, Executor } from '../../db/database.ts';
import { describeDifference, differenceFromOfficial, isSameAsOfficial } from '../../domain/calendar-difference.ts';
import { calendarYearProblems, endOfWorkingDays, UnknownYearError } from '../../domain/working-days.ts';
import type { Context } from '../../server/access.ts';
import { AppError, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { findPackageYear, listCalendarYears, loadOfficialCalendar, officialCalendarRepository } from './official-calendar.ts';

export async function listOfficialCalendar(db: Db, ctx: Context) {
  ctx.access.requireAnywhere('selection.read', '查看工作日历');
  return { years: await listCalendarYears(db), policies: { update: ctx.access.canAnywhere('policy.manage') } };
}

/**
 * Enters a year's schedule. A year the calendar package already knows may be overwritten only with
 * a reason when the schedule differs from the package's; the difference and the reason are audited.
 */
export async function putOfficialCalendarYear(db: Db, ctx: Context, year: number, input: { holidays: string[]; makeUpWorkdays: string[]; note?: string | null | undefined; reason?: string | null | undefined; version: number | null }) {
  ctx.access.requireAnywhere('policy.manage', '录入法定节假日安排');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('VALIDATION_FAILED', '年份应在 2000 至 2100 之间');
  const holidays = [...new Set(input.holidays)].sort();
  const makeUpWorkdays = [...new Set(input.makeUpWorkdays)].sort();
  const problems = calendarYearProblems(year, holidays, makeUpWorkdays);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join('；'));
  const official = findPackageYear(year);
  const difference = official ? differenceFromOfficial(year, official, { holidays, makeUpWorkdays }) : null;
  const reason = input.reason ?? null;
  if (difference && !isSameAsOfficial(difference) && !reason) {
    throw new AppError('VALIDATION_FAILED', `${year} 年的安排与系统内置的官方安排不同：${describeDifference(difference)}。请核对；确需修改的，请填写修改理由（如所依据的通知）`);
  }
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
      summary: `录入 ${year} 年法定节假日安排：放假 ${holidays.length} 天，调休上班 ${makeUpWorkdays.length} 天${difference ? `；与官方安排相比：${describeDifference(difference)}` : ''}${reason ? `；理由：${reason}` : ''}`,
      before: entered ? { holidays: entered.holidays, makeUpWorkdays: entered.makeUpWorkdays } : null,
      after: { holidays, makeUpWorkdays, ...(reason && { reason }), ...(difference && { differenceFromOfficial: difference }) },
    });
  });
  return listOfficialCalendar(db, ctx);
}

/**
 * The last day of a notice of `workingDays` working days from `startsOn` on the official calendar
 * (selection and appointment notices alike); a year the calendar does not know is a 400 saying so.
 */
export async function noticeEndsOn(db: Executor, startsOn: string, workingDays: number, postingDayCounts: boolean): Promise<string> {
  try {
    return endOfWorkingDays(await loadOfficialCalendar(db), startsOn, workingDays, { startDayCounts: postingDayCounts });
  } catch (error) {
    if (error instanceof UnknownYearError) throw new AppError('VALIDATION_FAILED', error.message);
    throw error;
  }
}

export async function computeNoticePeriod(db: Db, ctx: Context, query: { startsOn: string; workingDays: number; postingDayCounts: boolean }) {
  ctx.access.requireAnywhere('selection.read', '计算公示期');
  return { ...query, endsOn: await noticeEndsOn(db, query.startsOn, query.workingDays, query.postingDayCounts) };
}
