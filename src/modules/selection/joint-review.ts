import type { Db } from '../../db/database.ts';



import { ancestorCodes } from '../../domain/org-code.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound, versionConflict } from '../../server/errors.ts';
import { selectionRepository } from './selection.repository.ts';
import { actorName, loadCandidate, recordSideStep, requireDateNotFuture, requireNotBeforeSideSteps } from './candidate-steps.ts';
import { presentJointReview } from './candidate-presenter.ts';
import { getCandidate } from './get-candidate.ts';
import { departmentScopes } from './joint-review-inbox.ts';
import { requireSideAction } from './candidate-policies.ts';

/** Joint review (联审): sending a candidate to departments, a department's answer, the township's resolution of a concern. */

export async function sendJointReview(db: Db, ctx: Context, id: string, input: { departments: string[]; sentOn: string }) {
  await db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, id);
    requireSideAction(ctx, candidate, 'sendJointReview');
    requireDateNotFuture(ctx, input.sentOn, '送审日期');
    const known = await selectionRepository.listJointReviewDepartments(tx, [...ancestorCodes(candidate.org_code), candidate.org_code]);
    const departments = [...new Set(input.departments)];
    const unknown = departments.filter((department) => !known.includes(department));
    if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', `没有「${unknown.join('、')}」的联审账号，可选部门：${known.join('、') || '（本县尚未设置联审部门账号）'}`);
    const already = new Set((await selectionRepository.listJointReviews(tx, [candidate.id])).map((review) => review.department));
    const fresh = departments.filter((department) => !already.has(department));
    if (fresh.length === 0) throw new AppError('CONFLICT', '所选部门均已送审');
    await selectionRepository.insertJointReviews(tx, candidate.id, fresh);
    await recordSideStep(tx, ctx, candidate, 'sendJointReview', input.sentOn, { departments: fresh }, `送${fresh.join('、')}联审`);
  });
  return getCandidate(db, ctx, id);
}

/** The caller's departments and where each applies: what a joint-review user may see. */
export async function answerJointReview(db: Db, ctx: Context, reviewId: string, input: { verdict: 'passed' | 'concern'; comment?: string | null | undefined; answeredOn?: string | undefined; version: number }) {
  return db.transaction().execute(async (tx) => {
    const review = await selectionRepository.findJointReview(tx, reviewId);
    const candidate = review ? await selectionRepository.findCandidate(tx, review.candidate_id) : undefined;
    const mayAnswer = review && candidate && departmentScopes(ctx).some((scope) => scope.department === review.department && candidate.org_code.startsWith(scope.prefix));
    if (!review || !candidate || !mayAnswer) throw notFound('联审事项');
    if (review.status !== 'pending') throw new AppError('CONFLICT', '该联审事项已回复，不能重复回复');
    if (input.verdict === 'concern' && !input.comment) throw new AppError('VALIDATION_FAILED', '有问题时请填写审查意见，写明发现的问题');
    if (candidate.outcome !== 'inProgress') throw new AppError('CONFLICT', '该人选的选拔程序已结束，无需回复');
    const answeredOn = input.answeredOn ?? ctx.today;
    requireDateNotFuture(ctx, answeredOn, '答复日期');
    await requireNotBeforeSideSteps(tx, candidate.id, answeredOn, '答复日期', ['sendJointReview']);
    if (!(await selectionRepository.answerJointReview(tx, reviewId, input.version, { status: input.verdict, comment: input.comment ?? null, answeredBy: actorName(ctx) }))) {
      throw versionConflict('该联审事项');
    }
    await recordSideStep(tx, ctx, candidate, 'answerJointReview', answeredOn, { department: review.department, verdict: input.verdict, comment: input.comment ?? null },
      `${review.department}联审${input.verdict === 'passed' ? '通过' : `提出问题：${input.comment}`}`);
    return presentJointReview((await selectionRepository.findJointReview(tx, reviewId))!);
  });
}

export async function resolveConcern(db: Db, ctx: Context, reviewId: string, input: { resolution: string; resolvedOn?: string | undefined; version: number }) {
  const candidateId = await db.transaction().execute(async (tx) => {
    const review = await selectionRepository.findJointReview(tx, reviewId);
    if (!review) throw notFound('联审事项');
    const candidate = await loadCandidate(tx, ctx, review.candidate_id);
    requireSideAction(ctx, candidate, 'resolveConcern');
    if (review.status !== 'concern') throw new AppError('CONFLICT', '该联审事项没有待处理的问题');
    const resolvedOn = input.resolvedOn ?? ctx.today;
    requireDateNotFuture(ctx, resolvedOn, '核实处理日期');
    await requireNotBeforeSideSteps(tx, candidate.id, resolvedOn, '核实处理日期', ['answerJointReview']);
    if (!(await selectionRepository.resolveJointReview(tx, reviewId, input.version, { resolution: input.resolution, resolvedBy: actorName(ctx) }))) throw versionConflict('该联审事项');
    await recordSideStep(tx, ctx, candidate, 'resolveConcern', resolvedOn, { department: review.department, resolution: input.resolution }, `核实处理${review.department}提出的问题：${input.resolution}`);
    return candidate.id;
  });
  return getCandidate(db, ctx, candidateId);
}
