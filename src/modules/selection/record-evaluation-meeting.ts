import type { Db } from '../../db/database.ts';
import {  summariseEvaluation } from '../../domain/selection-procedure.ts';



import type { Context } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { loadCandidate, takeStep } from './candidate-steps.ts';

/** Democratic evaluation (民主测评): a village's meeting with the votes per candidate. */

export async function recordEvaluationMeeting(
  db: Db,
  ctx: Context,
  input: { orgCode: string; heldOn: string; attendeeCount: number; attendees: string; minutes?: string | null | undefined; tallies: { candidateId: string; excellent: number; competent: number; basicallyCompetent: number; incompetent: number; version: number }[] },
) {
  ctx.access.require('selection.read', [input.orgCode], { record: '组织单位', action: '查看该村的选拔工作' });
  return db.transaction().execute(async (tx) => {
    const results: { candidateId: string; name: string; validVotes: number; approvalRate: number }[] = [];
    if (new Set(input.tallies.map((tally) => tally.candidateId)).size !== input.tallies.length) throw new AppError('VALIDATION_FAILED', '同一人选的测评票数填写了多次');
    for (const tally of input.tallies) {
      const candidate = await loadCandidate(tx, ctx, tally.candidateId);
      if (candidate.org_code !== input.orgCode) throw new AppError('VALIDATION_FAILED', `${candidate.name}不是本村（社区）的人选，不能在本次测评会上测评`);
      const summary = summariseEvaluation(tally, input.attendeeCount);
      if ('error' in summary) throw new AppError('VALIDATION_FAILED', `${candidate.name}：${summary.error}`);
      const evaluation = {
        heldOn: input.heldOn, attendeeCount: input.attendeeCount, attendees: input.attendees,
        excellent: tally.excellent, competent: tally.competent, basicallyCompetent: tally.basicallyCompetent, incompetent: tally.incompetent, ...summary,
      };
      await takeStep(tx, ctx, candidate, {
        action: 'recordEvaluation', isBatch: input.tallies.length > 1, version: tally.version, occurredOn: input.heldOn, changes: { evaluation },
        details: { ...evaluation, minutes: input.minutes ?? null },
        summary: `民主测评：有效票 ${summary.validVotes} 张，好评率 ${summary.approvalRate}%`,
      });
      results.push({ candidateId: candidate.id, name: candidate.name, ...summary });
    }
    return { candidates: results };
  });
}
