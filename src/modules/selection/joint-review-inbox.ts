import type { Db } from '../../db/database.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import type { Context } from '../../server/access.ts';
import {  forbidden } from '../../server/errors.ts';
import { selectionRepository } from './selection.repository.ts';
import { presentJointReview } from './candidate-presenter.ts';

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
  return {
    reviews: rows.map((row) => ({
      ...presentJointReview(row),
      candidate: { name: row.name, gender: row.gender, birthDate: row.birth_date, villageName: row.village_name, townshipName: row.township_name, targetPost: row.target_post },
    })),
  };
}
