import type { Db } from '../../db/database.ts';
import type { Context } from '../../server/access.ts';
import { loadCandidate, takeStep } from './candidate-steps.ts';
import { getCandidate } from './get-candidate.ts';

/** Filing (备案) with the organisation department. */

export async function fileCandidate(db: Db, ctx: Context, id: string, input: { filedOn: string; notes?: string | null | undefined; version: number }) {
  await db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, id);
    await takeStep(tx, ctx, candidate, { action: 'file', version: input.version, occurredOn: input.filedOn, changes: { outcome: 'filed' }, details: { notes: input.notes ?? null }, summary: '报组织部备案' });
  });
  return getCandidate(db, ctx, id);
}
