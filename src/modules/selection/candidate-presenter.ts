import type {  Executor } from '../../db/database.ts';
import { 
  type CandidateProfile } from '../../domain/selection-procedure.ts';


import { presentSummary } from '../people/people.service.ts';
import { selectionRepository, type CandidateRow } from './selection.repository.ts';
import {  type TCandidateCard } from './selection.schemas.ts';
import { meetsPolicy, policyCache } from './candidate-steps.ts';

/** How candidates are shown: cards for lists and boards (with whether they meet the policy in force), joint-review answers and objections. */

export async function presentCards(db: Executor, rows: readonly CandidateRow[], referenceDate: string): Promise<TCandidateCard[]> {
  const policyFor = policyCache(db);
  return Promise.all(rows.map(async (row) => ({ ...presentCard(row, referenceDate), meetsPolicy: meetsPolicy(row, (await policyFor(row.org_code)).rules) })));
}

export function presentCard(row: CandidateRow, referenceDate: string): Omit<TCandidateCard, 'meetsPolicy'> {
  return {
    id: row.id, orgCode: row.org_code, villageName: row.village_name, townshipName: row.township_name,
    stage: row.stage, outcome: row.outcome, channel: row.channel as TCandidateCard['channel'],
    profile: row.profile as CandidateProfile, targetPost: row.target_post, version: row.version, person: presentSummary(row, referenceDate),
  };
}

/** Refuses a step to a caller whose role does not own it, naming the role that does. */
export function presentJointReview(review: {
  id: string; candidate_id: string; department: string; status: string; comment: string | null; answered_by: string | null; answered_at: Date | null;
  resolution: string | null; resolved_by: string | null; version: number;
}) {
  return {
    id: review.id, candidateId: review.candidate_id, department: review.department, status: review.status as 'pending' | 'passed' | 'concern' | 'resolved',
    comment: review.comment, answeredBy: review.answered_by, answeredAt: review.answered_at, resolution: review.resolution, resolvedBy: review.resolved_by, version: review.version,
  };
}

export function presentObjection(objection: Awaited<ReturnType<typeof selectionRepository.listObjections>>[number]) {
  return {
    id: objection.id, publicNoticeId: objection.public_notice_id, candidateId: objection.candidate_id, candidateName: objection.candidate_name, receivedOn: objection.received_on,
    content: objection.content, handling: objection.handling, isSubstantiated: objection.is_substantiated, handledBy: objection.handled_by, recordedBy: objection.recorded_by,
  };
}
