import type { Db } from '../../db/database.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { selectionRepository } from './selection.repository.ts';
import { actorName, evaluateCandidate, loadCandidate, recordSideStep } from './candidate-steps.ts';
import { getCandidate } from './get-candidate.ts';
import { requireSideAction } from './candidate-policies.ts';

/** Exceptions (破格): requested by the village or township for a failed rule, decided by the township. */

export async function requestException(db: Db, ctx: Context, id: string, input: { rule: string; reason: string }) {
  await db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, id);
    requireSideAction(ctx, candidate, 'requestException');
    const { verdicts } = await evaluateCandidate(tx, candidate);
    const verdict = verdicts.find((item) => item.rule === input.rule);
    if (!verdict) throw new AppError('VALIDATION_FAILED', `资格条件中没有「${input.rule}」这一项`);
    if (verdict.passed) throw new AppError('VALIDATION_FAILED', `「${verdict.explanation}」已符合条件，无需破格`);
    if (input.rule.startsWith('exclusion.')) throw new AppError('VALIDATION_FAILED', '负面清单（十不推）情形不能破格');
    const existing = (await selectionRepository.listExceptions(tx, [candidate.id])).find((exception) => exception.rule === input.rule);
    if (existing) throw new AppError('CONFLICT', `该项已申请过破格（${existing.status === 'requested' ? '待审批' : existing.status === 'approved' ? '已批准' : '未批准'}）`);
    await selectionRepository.insertException(tx, { candidateId: candidate.id, rule: input.rule, reason: input.reason, requestedBy: actorName(ctx) });
    await recordSideStep(tx, ctx, candidate, 'requestException', ctx.today, { rule: input.rule, explanation: verdict.explanation, reason: input.reason }, `申请破格：${verdict.explanation}`);
  });
  return getCandidate(db, ctx, id);
}

export async function decideException(db: Db, ctx: Context, exceptionId: string, input: { approve: boolean; note: string }) {
  const candidateId = await db.transaction().execute(async (tx) => {
    const exception = await selectionRepository.findException(tx, exceptionId);
    if (!exception) throw notFound('破格申请');
    const candidate = await loadCandidate(tx, ctx, exception.candidate_id);
    requireSideAction(ctx, candidate, 'decideException');
    if (exception.status !== 'requested') throw new AppError('CONFLICT', '该破格申请已审批');
    if (!(await selectionRepository.decideException(tx, exceptionId, { status: input.approve ? 'approved' : 'refused', decidedBy: actorName(ctx), note: input.note }))) {
      throw new AppError('CONFLICT', '该破格申请已审批');
    }
    await recordSideStep(tx, ctx, candidate, 'decideException', ctx.today, { rule: exception.rule, approved: input.approve, note: input.note }, `${input.approve ? '批准' : '不批准'}破格（${exception.rule}）：${input.note}`);
    return candidate.id;
  });
  return getCandidate(db, ctx, candidateId);
}
