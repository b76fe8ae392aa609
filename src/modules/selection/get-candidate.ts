import type { Db, Executor } from '../../db/database.ts';
import {
  ACTION_RULES, SELECTION_ACTIONS, checkTransition } from '../../domain/selection-procedure.ts';

import { ancestorCodes } from '../../domain/org-code.ts';
import type { Context } from '../../server/access.ts';
import { selectionRepository } from './selection.repository.ts';
import {  type TCandidateDetail } from './selection.schemas.ts';
import { STEP_LABELS, evaluateCandidate, gatherFacts, loadCandidate, meetsPolicy } from './candidate-steps.ts';
import { presentCard, presentJointReview, presentObjection } from './candidate-presenter.ts';
import { candidatePolicies } from './candidate-policies.ts';
import { findVillageNeeds } from '../villages/village-profile.ts';

/** One candidate with the eligibility explanation, the history, the joint reviews, the notice and what the caller may do next. */

export async function getCandidate(db: Db | Executor, ctx: Context, id: string): Promise<TCandidateDetail> {
  const candidate = await loadCandidate(db, ctx, id);
  ctx.access.require('selection.read', [candidate.org_code], { record: '选拔人选', action: '查看该人选' });
  const { policy, exceptions, verdicts, isEligible } = await evaluateCandidate(db, candidate);
  const reviews = await selectionRepository.listJointReviews(db, [candidate.id]);
  const notice = candidate.public_notice_id ? await selectionRepository.findNotice(db, candidate.public_notice_id) : undefined;
  const objections = await selectionRepository.listObjections(db, { candidateIds: [candidate.id] });
  const steps = await selectionRepository.listSteps(db, candidate.id);
  const need = (await findVillageNeeds(db, [candidate.org_code])).get(candidate.org_code);
  const facts = await gatherFacts(db, candidate, ctx.today);
  const actions = Object.fromEntries(SELECTION_ACTIONS.map((action) => {
    const rule = ACTION_RULES[action];
    if (!ctx.access.can(rule.permission, candidate.org_code)) return [action, { allowed: false, reason: `由${rule.owner}办理` }];
    const verdict = checkTransition({ stage: candidate.stage, outcome: candidate.outcome }, action, facts);
    return [action, verdict.allowed ? { allowed: true, reason: null } : { allowed: false, reason: verdict.message }];
  })) as TCandidateDetail['actions'];
  return {
    ...presentCard(candidate, ctx.today),
    meetsPolicy: meetsPolicy(candidate, policy.rules),
    sourceCategory: candidate.source_category,
    eligibility: { source: policy.source, isEligible, verdicts, exclusionsFound: candidate.exclusions_found },
    villageNeed: need?.need ?? null,
    evaluation: candidate.evaluation,
    exceptions: exceptions.map((exception) => ({
      id: exception.id, rule: exception.rule, reason: exception.reason, status: exception.status as 'requested' | 'approved' | 'refused',
      requestedBy: exception.requested_by, decidedBy: exception.decided_by, decisionNote: exception.decision_note, createdAt: exception.created_at,
    })),
    jointReviews: reviews.map(presentJointReview),
    jointReviewDepartments: await selectionRepository.listJointReviewDepartments(db, [...ancestorCodes(candidate.org_code), candidate.org_code]),
    publicNotice: notice ? { id: notice.id, startsOn: notice.starts_on, endsOn: notice.ends_on, workingDays: notice.working_days } : null,
    objections: objections.map(presentObjection),
    reserveId: candidate.reserve_id,
    attachments: (await selectionRepository.listAttachments(db, candidate.id)).map((attachment) => ({
      id: attachment.id, stepAction: attachment.step_action, fileName: attachment.file_name, contentType: attachment.content_type, sizeBytes: attachment.size_bytes,
      uploadedBy: attachment.uploaded_by, createdAt: attachment.created_at,
    })),
    steps: steps.map((step) => ({
      id: step.id, action: step.action, label: STEP_LABELS[step.action] ?? step.action, fromStage: step.from_stage, toStage: step.to_stage,
      occurredOn: step.occurred_on, actorName: step.actor_name, details: step.details, recordedAt: step.recorded_at,
    })),
    actions,
    policies: candidatePolicies(ctx, candidate),
  };
}
