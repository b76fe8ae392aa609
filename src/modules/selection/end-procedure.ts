import type { Db } from '../../db/database.ts';
import { STAGE_LABELS } from '../../domain/selection-procedure.ts';



import type { Context } from '../../server/access.ts';
import { loadCandidate, takeStep } from './candidate-steps.ts';
import { getCandidate } from './get-candidate.ts';

/** Rejection or withdrawal at any stage before the decision. */

export async function endProcedure(db: Db, ctx: Context, id: string, action: 'reject' | 'withdraw', input: { occurredOn: string; reason: string; version: number }) {
  await db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, id);
    await takeStep(tx, ctx, candidate, {
      action, version: input.version, occurredOn: input.occurredOn, changes: { outcome: action === 'reject' ? 'rejected' : 'withdrawn' },
      details: { reason: input.reason, atStage: candidate.stage }, summary: `${action === 'reject' ? '不予通过' : '本人退出'}（${STAGE_LABELS[candidate.stage]}环节）：${input.reason}`,
    });
  });
  return getCandidate(db, ctx, id);
}
