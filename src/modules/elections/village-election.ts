import type { Db, Executor, Tx } from '../../db/database.ts';
import { ageOn, futureDateProblem } from '../../domain/dates.ts';
import { CLOSE_RELATIVE_LABELS, competitiveMarginProblem, handoverCheck, villagersCandidatesProblem, womanMemberProblem } from '../../domain/election-arithmetic.ts';
import {
  CANDIDATE_STATUS_LABELS, ELECTION_COMMITTEE_LABELS, ELECTION_STAGE_LABELS, ELECTION_STEP_RULES, RISK_KIND_LABELS, SECRETARY_MODE_LABELS, VIOLATION_KIND_LABELS, VOTE_KIND_LABELS,
  HANDOVER_DAYS, isDualSigned, type ElectionRecord, type ElectionStep,
} from '../../domain/election-procedure.ts';
import { EDUCATION_LABELS, POLITICAL_LABELS, type EducationLevel } from '../../domain/eligibility.ts';
import { actorName, type Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { electionsRepository, type CandidateRow, type VillageElectionRow } from './elections.repository.ts';

/** One village's 换届: loading it within the caller's scope, the owner of each step, and the page that presents it. */

export async function loadElection(db: Executor, ctx: Context, id: string): Promise<VillageElectionRow> {
  const row = await electionsRepository.find(db, id);
  if (!row || !ctx.access.sees(row.org_code)) throw notFound('村级换届');
  return row;
}

/** Refuses a step by the wrong role, or in the wrong stage, with the sentence that says why. */
export function requireStep(ctx: Context, row: VillageElectionRow, step: ElectionStep): void {
  const rule = ELECTION_STEP_RULES[step];
  if (!ctx.access.can(rule.permission, row.org_code)) throw new AppError('FORBIDDEN', `「${rule.label}」由${rule.owner}办理，您的角色不能办理这一步`);
  if (!rule.stages.includes(row.stage)) throw new AppError('CONFLICT', `「${row.village_name}」换届处于「${ELECTION_STAGE_LABELS[row.stage]}」阶段，不能${rule.label}`);
}

export function canTakeStep(ctx: Context, row: VillageElectionRow, step: ElectionStep): boolean {
  const rule = ELECTION_STEP_RULES[step];
  return ctx.access.can(rule.permission, row.org_code) && rule.stages.includes(row.stage);
}

export function requireNotAfterToday(ctx: Context, date: string, label: string): void {
  const problem = futureDateProblem(label, date, ctx.today);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
}

/** The step's history row and its audit event, in the caller's transaction. */
export async function recordElectionStep(tx: Tx, ctx: Context, row: VillageElectionRow, step: {
  action: ElectionRecord; occurredOn: string; summary: string; details?: Record<string, unknown>; before?: unknown; entity?: { type: string; id: string };
}): Promise<void> {
  await electionsRepository.insertStep(tx, { villageElectionId: row.id, action: step.action, occurredOn: step.occurredOn, actorName: actorName(ctx), details: step.details ?? {} });
  await recordAuditEvent(tx, ctx, {
    action: `election.${step.action}`, entityType: step.entity?.type ?? 'villageElection', entityId: step.entity?.id ?? row.id, orgCode: row.org_code,
    summary: `「${row.village_name}」换届：${step.summary}`, before: step.before ?? null, after: step.details ?? {},
  });
}

export function presentCandidate(row: CandidateRow, today: string) {
  return {
    id: row.id, committee: row.committee, committeeLabel: ELECTION_COMMITTEE_LABELS[row.committee], personId: row.person_id, name: row.name, gender: row.gender,
    age: ageOn(row.birth_date, today), educationLabel: EDUCATION_LABELS[row.education as EducationLevel] ?? row.education,
    politicalLabel: POLITICAL_LABELS[row.political_status] ?? row.political_status,
    isSecretaryCandidate: row.is_secretary_candidate, isContinuing: row.is_continuing, recommendations: row.recommendations, proposedOn: row.proposed_on,
    status: row.status, statusLabel: CANDIDATE_STATUS_LABELS[row.status], qualification: row.qualification, signOffs: row.sign_offs,
    isDualSigned: isDualSigned(row.sign_offs), talkedOn: row.talked_on, pledgedOn: row.pledged_on, electedPost: row.elected_post, version: row.version,
  };
}

const ON_BALLOT = new Set(['formal', 'elected', 'notElected']);

/** The village's 换届 page: plan, seats, candidates with the 差额 check, votes, discipline, result and what the caller may do. */
export async function presentElection(db: Executor, ctx: Context, row: VillageElectionRow) {
  const [candidates, votes, risks, reporters, violations, objections, steps, groups] = await Promise.all([
    electionsRepository.listCandidates(db, row.id), electionsRepository.listVotes(db, row.id), electionsRepository.listRiskPoints(db, row.id),
    electionsRepository.listReporters(db, row.id), electionsRepository.listViolations(db, row.id), electionsRepository.listObjections(db, row.id),
    electionsRepository.listSteps(db, row.id), orgUnitLookup.listChildren(db, row.org_code),
  ]);
  const party = candidates.filter((candidate) => candidate.committee === 'party');
  const villagers = candidates.filter((candidate) => candidate.committee === 'villagers');
  const partyFormal = party.filter((candidate) => ON_BALLOT.has(candidate.status) || candidate.status === 'qualified');
  const secretaryFormal = partyFormal.filter((candidate) => candidate.is_secretary_candidate);
  const villagersQualified = villagers.filter((candidate) => ['qualified', 'elected', 'notElected'].includes(candidate.status));
  const villagersElected = villagers.filter((candidate) => candidate.status === 'elected');
  const villagerGroups = groups.filter((unit) => unit.level === 'villagerGroup');
  const coveredGroups = new Set(reporters.map((reporter) => reporter.group_code));
  const candidatesOnBallot = candidates.filter((candidate) => candidate.status !== 'notQualified' && candidate.status !== 'disqualified' && candidate.status !== 'proposed');
  return {
    id: row.id, planId: row.plan_id, orgCode: row.org_code, villageName: row.village_name, townshipCode: row.township_code, termYear: row.term_year,
    stage: row.stage, stageLabel: ELECTION_STAGE_LABELS[row.stage], guidanceOfficer: row.guidance_officer, responsibilities: row.responsibilities,
    secretaryMode: row.secretary_mode, secretaryModeLabel: SECRETARY_MODE_LABELS[row.secretary_mode],
    seats: { party: row.party_seats, villagers: row.villagers_seats, basis: row.seats_basis, countyApproval: row.seats_approval },
    candidatesApprovedOn: row.candidates_approved_on,
    checks: {
      partyMargin: row.party_seats === null || row.stage !== 'partyNomination' ? null : competitiveMarginProblem({ seats: row.party_seats, candidates: partyFormal.length }),
      secretaryMargin: row.secretary_mode === 'direct' && row.stage === 'partyNomination' ? competitiveMarginProblem({ seats: 1, candidates: secretaryFormal.length, what: '书记' }) : null,
      secretariesWithoutDualSignOff: party.filter((candidate) => candidate.is_secretary_candidate && candidate.status !== 'notQualified' && !isDualSigned(candidate.sign_offs)).map((candidate) => candidate.name),
      villagersCandidates: row.villagers_seats === null || row.stage !== 'villagersElection' ? null : villagersCandidatesProblem({ seats: row.villagers_seats, candidates: villagersQualified.length }),
      womanOnVillagersCommittee: villagersElected.length === 0 ? null : womanMemberProblem(villagersElected),
      pledges: { candidates: candidatesOnBallot.length, pledged: candidatesOnBallot.filter((candidate) => candidate.pledged_on !== null).length,
        talked: candidatesOnBallot.filter((candidate) => candidate.talked_on !== null).length },
      citizenReporters: { groups: villagerGroups.length, covered: villagerGroups.filter((group) => coveredGroups.has(group.code)).length,
        uncovered: villagerGroups.filter((group) => !coveredGroups.has(group.code)).map((group) => group.name) },
      handover: row.stage !== 'filed' || row.approved_on === null ? null : handoverCheck({
        approvedOn: row.approved_on, leaving: row.composition?.leaving?.map((member) => member.name) ?? [], talks: row.handover?.talks ?? [],
        handedOverOn: row.handover?.handedOverOn ?? null, today: ctx.today, days: HANDOVER_DAYS,
      }),
    },
    villagerGroups: villagerGroups.map((group) => ({ code: group.code, name: group.name })),
    candidates: candidates.map((candidate) => presentCandidate(candidate, ctx.today)),
    votes: votes.map((vote) => ({
      id: vote.id, committee: vote.committee, committeeLabel: ELECTION_COMMITTEE_LABELS[vote.committee], kind: vote.kind, kindLabel: VOTE_KIND_LABELS[vote.kind],
      heldOn: vote.held_on, seats: vote.seats, counts: vote.counts, result: vote.result, recordedBy: vote.recorded_by,
    })),
    voterRegister: row.voter_register && {
      ...row.voter_register, proxies: (row.voter_register.proxies ?? []).map((proxy) => ({ ...proxy, relationshipLabel: CLOSE_RELATIVE_LABELS[proxy.relationship] })),
    },
    electionCommittee: row.election_committee, posts: row.posts,
    riskPoints: risks.map((risk) => ({ id: risk.id, kind: risk.kind, kindLabel: RISK_KIND_LABELS[risk.kind], description: risk.description, measures: risk.measures, owner: risk.owner })),
    citizenReporters: reporters.map((reporter) => ({ id: reporter.id, groupCode: reporter.group_code, groupName: villagerGroups.find((group) => group.code === reporter.group_code)?.name ?? reporter.group_code, name: reporter.name })),
    violationReports: violations.map((report) => ({
      id: report.id, candidateId: report.candidate_id, candidateName: candidates.find((candidate) => candidate.id === report.candidate_id)?.name ?? null,
      kind: report.kind, kindLabel: VIOLATION_KIND_LABELS[report.kind], receivedOn: report.received_on, content: report.content,
      verification: report.verification, isSubstantiated: report.is_substantiated, handledOn: report.handled_on, handledBy: report.handled_by,
    })),
    objections: objections.map((objection) => ({
      id: objection.id, kind: objection.kind, receivedOn: objection.received_on, content: objection.content, handling: objection.handling,
      isUpheld: objection.is_upheld, handledOn: objection.handled_on, handledBy: objection.handled_by,
    })),
    notice: row.notice, approvedOn: row.approved_on, filedOn: row.filed_on, composition: row.composition, handover: row.handover,
    steps: steps.map((step) => ({ action: step.action, occurredOn: step.occurred_on, actorName: step.actor_name, details: step.details })),
    version: row.version,
    policies: Object.fromEntries((Object.keys(ELECTION_STEP_RULES) as ElectionStep[]).map((step) => [step, canTakeStep(ctx, row, step)])) as Record<ElectionStep, boolean>,
  };
}

export async function getVillageElection(db: Db, ctx: Context, id: string) {
  ctx.access.requireAnywhere('election.read', '查看村级换届');
  const row = await loadElection(db, ctx, id);
  ctx.access.require('election.read', [row.org_code], { record: '村级换届', action: '查看村级换届' });
  return presentElection(db, ctx, row);
}

/** Reloads and presents after a change, in the same transaction. */
export async function presentAfter(tx: Tx, ctx: Context, id: string) {
  return presentElection(tx, ctx, (await electionsRepository.find(tx, id))!);
}
