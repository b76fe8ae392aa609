import type { Db } from '../../db/database.ts';
import type { Context } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { admitReserve, reserveProblems } from '../reserves/reserves.service.ts';
import { selectionRepository } from './selection.repository.ts';
import { loadCandidate, takeStep } from './candidate-steps.ts';
import { getCandidate } from './get-candidate.ts';

/** The township's collective decision (入库): the candidate becomes an admitted reserve through the reserves module. */

/** The township's collective decision (入库): the candidate becomes an admitted reserve. */
export async function decideAdmission(db: Db, ctx: Context, id: string, input: { decidedOn: string; minutes: string; readiness: string; version: number }) {
  await db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, id);
    const problems = await reserveProblems(tx, { readiness: input.readiness });
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `${problems.map((problem) => problem.message).join('；')}，请从下拉列表中选择`);
    // The reserve is written after the step's checks, so a refused decision leaves no reserve behind.
    await takeStep(tx, ctx, candidate, {
      action: 'decide', version: input.version, occurredOn: input.decidedOn, details: { minutes: input.minutes, readiness: input.readiness },
      summary: '经乡镇党委研究决定，确定为后备力量（入库）',
    });
    const reserveId = await admitReserve(tx, ctx, {
      personId: candidate.person_id, orgCode: candidate.org_code, targetPost: candidate.target_post, readiness: input.readiness,
      sourceCategory: candidate.source_category, mentorName: null, mentorPost: null, notes: null, admittedOn: input.decidedOn,
      reason: '经选拔程序，乡镇党委研究决定入库', summary: `经选拔程序，乡镇党委研究决定将 ${candidate.name} 确定为后备力量（入库）`,
    });
    await selectionRepository.linkReserve(tx, candidate.id, reserveId);
  });
  return getCandidate(db, ctx, id);
}
