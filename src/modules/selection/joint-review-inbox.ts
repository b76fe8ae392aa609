import type { Db } from '../../db/database.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { endOfWorkingDays, type OfficialCalendar } from '../../domain/working-days.ts';
import type { Context } from '../../server/access.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { revealPersonOnBehalf } from '../people/people.service.ts';
import { presentJointReview } from './candidate-presenter.ts';
import { loadOfficialCalendar } from './official-calendar.ts';
import { selectionRepository } from './selection.repository.ts';

/** Working days a department has to answer, counted from the day after the send (the usual 联审 time limit). */
export const JOINT_REVIEW_WORKING_DAYS = 5;

/** The answer's deadline, or null when the calendar does not know the year yet. */
function deadlineOf(calendar: OfficialCalendar, sentOn: string): string | null {
  try {
    return endOfWorkingDays(calendar, sentOn, JOINT_REVIEW_WORKING_DAYS, { startDayCounts: false });
  } catch {
    return null;
  }
}

/** A joint-review department's inbox: the candidates sent to it within its subtree. */

export function departmentScopes(ctx: Context): { department: string; prefix: string }[] {
  return (ctx.actor?.roles ?? [])
    .filter((binding) => binding.role === 'jointReviewDepartment' && binding.department)
    .map((binding) => ({ department: binding.department!, prefix: subtreePrefix(binding.orgCode, binding.orgLevel) }));
}

export async function listJointReviewInbox(db: Db, ctx: Context, query: { status?: 'pending' | 'passed' | 'concern' | 'resolved' | undefined }) {
  const scopes = departmentScopes(ctx);
  if (scopes.length === 0) throw forbidden('办理联审（只有联审部门账号可以查看联审待办）');
  const rows = await selectionRepository.listJointReviewsForDepartments(db, scopes, query.status);
  const calendar = await loadOfficialCalendar(db);
  return {
    reviews: rows.map((row) => {
      const deadline = deadlineOf(calendar, row.sent_on);
      return {
        ...presentJointReview(row),
        sentOn: row.sent_on,
        deadline,
        isOverdue: row.status === 'pending' && deadline !== null && deadline < ctx.today,
        candidate: { name: row.name, gender: row.gender, birthDate: row.birth_date, villageName: row.village_name, townshipName: row.township_name, targetPost: row.target_post },
      };
    }),
    workingDays: JOINT_REVIEW_WORKING_DAYS,
  };
}

/**
 * The full ID number of a candidate sent to the caller's department, which it needs to check its
 * records (案底, 信访, 计生 …): only for reviews in the department's inbox, each reveal audited.
 */
export async function revealJointReviewCandidate(db: Db, ctx: Context, cipher: SensitiveCipher, reviewId: string): Promise<{ idNumber: string }> {
  const scopes = departmentScopes(ctx);
  if (scopes.length === 0) throw forbidden('查看联审人选的身份证号码（只有联审部门账号可以查看）');
  const [review] = await selectionRepository.listJointReviewsForDepartments(db, scopes, undefined, reviewId);
  if (!review) throw notFound('联审事项');
  const { idNumber } = await revealPersonOnBehalf(db, ctx, cipher, review.person_id, {
    orgCode: review.org_code,
    summary: `${review.department}为联审查看了 ${review.name}（${review.village_name}）的完整身份证号码`,
  });
  return { idNumber };
}
