import type { Db } from '../../db/database.ts';
import { 
  type CandidateProfile } from '../../domain/selection-procedure.ts';


import type { Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { personLookup } from '../people/people.service.ts';
import { isInTalentLedger } from '../people/talent-ledger.service.ts';
import {  findReserveStatusOfPersonIn, reserveProblems } from '../reserves/reserves.service.ts';
import { selectionRepository } from './selection.repository.ts';
import {  type TCandidateCard, type TCandidateDetail } from './selection.schemas.ts';
import { actorName, requireDateNotFuture } from './candidate-steps.ts';
import { getCandidate } from './get-candidate.ts';

/** Nomination (三推): a person of the village's talent ledger proposed as a candidate, with the meeting that discussed the list. */

export async function nominateCandidate(
  db: Db,
  ctx: Context,
  input: { orgCode: string; personId: string; channel: TCandidateCard['channel']; profile: CandidateProfile; targetPost: string; sourceCategory: string; nominatedOn: string; meeting: { kind: string; heldOn: string; minutes: string } },
): Promise<TCandidateDetail> {
  ctx.access.require('selection.nominate', [input.orgCode], { record: '组织单位', action: '在该村（社区）推荐人选' });
  requireDateNotFuture(ctx, input.nominatedOn, '推荐日期');
  requireDateNotFuture(ctx, input.meeting.heldOn, '会议日期');
  if (input.meeting.heldOn > input.nominatedOn) throw new AppError('VALIDATION_FAILED', `研究推荐的会议日期（${input.meeting.heldOn}）不能晚于推荐日期（${input.nominatedOn}）`);
  const id = await db.transaction().execute(async (tx) => {
    const unit = await orgUnitLookup.findByCode(tx, input.orgCode);
    if (!unit) throw notFound('组织单位');
    if (unit.level !== 'village' && unit.level !== 'community') throw new AppError('VALIDATION_FAILED', `人选按村（社区）推荐，「${unit.name}」不是村或社区`);
    const person = await personLookup.findById(tx, input.personId);
    if (!person) throw notFound('人员');
    if (!(await isInTalentLedger(tx, input.personId, input.orgCode))) {
      throw new AppError('VALIDATION_FAILED', `${person.name}不在「${unit.name}」的人才台账中：请先摸排录入台账，再推荐`);
    }
    const problems = await reserveProblems(tx, { targetPost: input.targetPost, sourceCategory: input.sourceCategory });
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `${problems.map((problem) => problem.message).join('；')}，请从下拉列表中选择`);
    if (await selectionRepository.findActiveCandidate(tx, input.personId, input.orgCode)) throw new AppError('CONFLICT', `${person.name}已是「${unit.name}」正在选拔的人选，不能重复推荐`);
    if ((await findReserveStatusOfPersonIn(tx, input.personId, input.orgCode)) === 'admitted') throw new AppError('CONFLICT', `${person.name}已是「${unit.name}」的后备力量，无需再推荐`);
    const candidateId = await selectionRepository.insertCandidate(tx, { ...input, stage: 'qualificationReview' });
    const channelLabel = { organization: '组织推荐', masses: '党员群众推荐', self: '个人自荐' }[input.channel];
    await selectionRepository.insertStep(tx, {
      candidateId, action: 'nominate', fromStage: null, toStage: 'qualificationReview', occurredOn: input.nominatedOn, actorName: actorName(ctx),
      details: { channel: input.channel, profile: input.profile, targetPost: input.targetPost, meeting: input.meeting },
    });
    await recordAuditEvent(tx, ctx, {
      action: 'selection.nominate', entityType: 'selectionCandidate', entityId: candidateId, orgCode: input.orgCode,
      summary: `${channelLabel}${person.name}为「${unit.name}」后备力量人选`, after: { personId: input.personId, channel: input.channel, profile: input.profile, targetPost: input.targetPost },
    });
    return candidateId;
  });
  return getCandidate(db, ctx, id);
}
