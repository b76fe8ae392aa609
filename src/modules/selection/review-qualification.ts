import type { Db } from '../../db/database.ts';
import {  EXCLUSIONS, type ExclusionCode } from '../../domain/eligibility.ts';
import type { Context } from '../../server/access.ts';
import { loadCandidate, takeStep } from './candidate-steps.ts';
import { getCandidate } from './get-candidate.ts';

/** Qualification review (资格审查) with the exclusions found. */

export async function reviewQualification(db: Db, ctx: Context, id: string, input: { reviewedOn: string; exclusionsFound: ExclusionCode[]; notes?: string | null | undefined; version: number }) {
  await db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, id);
    const exclusionsFound = [...new Set(input.exclusionsFound)];
    const found = exclusionsFound.map((code) => EXCLUSIONS[code]).join('、');
    await takeStep(tx, ctx, candidate, {
      action: 'reviewQualification', version: input.version, occurredOn: input.reviewedOn,
      candidateOverride: { exclusions_found: exclusionsFound }, changes: { exclusionsFound },
      details: { exclusionsFound, notes: input.notes ?? null },
      summary: `通过资格审查${found ? `（存在：${found}）` : ''}`,
    });
  });
  return getCandidate(db, ctx, id);
}
