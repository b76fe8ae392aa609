import type { Db } from '../../db/database.ts';
import type { Context } from '../../server/access.ts';
import { loadCandidate, takeStep } from './candidate-steps.ts';
import { getCandidate } from './get-candidate.ts';

/** Interview (谈话考察) by the work group. */

export async function recordInterview(
  db: Db,
  ctx: Context,
  id: string,
  input: { heldOn: string; interviewer: string; presentPerformance: string; massBase: string; socialRelations: string; willingness: string; health: string; conclusion: string; version: number },
) {
  await db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, id);
    const { version, heldOn, ...record } = input;
    await takeStep(tx, ctx, candidate, { action: 'recordInterview', version, occurredOn: heldOn, details: record, summary: `谈话考察（谈话人：${input.interviewer}）` });
  });
  return getCandidate(db, ctx, id);
}
