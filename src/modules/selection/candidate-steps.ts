import type {  Executor } from '../../db/database.ts';
import {  evaluateEligibility, type EligibilityPolicy, type ExclusionCode } from '../../domain/eligibility.ts';
import {
  ACTION_RULES, SELECTION_ACTIONS, checkTransition, type SelectionAction, type TransitionFacts } from '../../domain/selection-procedure.ts';


import type { Context } from '../../server/access.ts';
import { AppError, notFound, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { resolveEffectivePolicy } from './policy.service.ts';
import { selectionRepository, type CandidateRow } from './selection.repository.ts';

/** The steps of the selection procedure shared by its use cases: the candidate within the caller's scope, the owning role's check, date checks, the facts for the state machine, recording a step (with its audit event) and a side step. */

/** Labels of every kind of step in a candidate's history. */
export const STEP_LABELS: Record<string, string> = {
  nominate: '推荐',
  requestException: '申请破格',
  decideException: '审批破格',
  sendJointReview: '送联审',
  answerJointReview: '联审回复',
  resolveConcern: '核实处理联审问题',
  recordObjection: '收到公示异议',
  handleObjection: '办理公示异议',
  ...Object.fromEntries(SELECTION_ACTIONS.map((action) => [action, ACTION_RULES[action].label])),
};

/** The name recorded on steps and answers: the person's display name, as the paper forms sign. */
export function actorName(ctx: Context): string {
  return ctx.actor?.displayName ?? '系统';
}

/** Policies looked up once per county for a list of candidates (policies are set at county level or above). */
export function policyCache(db: Executor) {
  const byCounty = new Map<string, ReturnType<typeof resolveEffectivePolicy>>();
  return (orgCode: string) => {
    const county = orgCode.slice(0, 6);
    if (!byCounty.has(county)) byCounty.set(county, resolveEffectivePolicy(db, orgCode));
    return byCounty.get(county)!;
  };
}

/** Whether the candidate meets the policy on the facts recorded so far (approved exceptions not applied). */
export function meetsPolicy(row: CandidateRow, policy: EligibilityPolicy): boolean {
  return evaluateEligibility({ birthDate: row.birth_date, politicalStatus: row.political_status, education: row.education, exclusionsFound: row.exclusions_found as ExclusionCode[] }, policy).isEligible;
}
export function requireStepRole(ctx: Context, action: SelectionAction, orgCode: string): void {
  if (!ctx.access.sees(orgCode)) throw notFound('选拔人选');
  const rule = ACTION_RULES[action];
  if (!ctx.access.can(rule.permission, orgCode)) throw new AppError('FORBIDDEN', `「${rule.label}」由${rule.owner}进行，您的角色不能办理这一步`);
}

export async function loadCandidate(db: Executor, ctx: Context, id: string): Promise<CandidateRow> {
  const candidate = await selectionRepository.findCandidate(db, id);
  if (!candidate || !ctx.access.sees(candidate.org_code)) throw notFound('选拔人选');
  return candidate;
}

export function requireDateNotFuture(ctx: Context, date: string, label: string): void {
  if (date > ctx.today) throw new AppError('VALIDATION_FAILED', `${label}（${date}）不能晚于今天`);
}

export async function requireNotBeforeLastStep(db: Executor, candidateId: string, date: string, label: string): Promise<void> {
  // Only steps that moved the candidate count: side steps (exceptions, joint-review answers) are dated when recorded.
  const steps = (await selectionRepository.listSteps(db, candidateId)).filter((step) => step.to_stage !== null);
  const last = steps.at(-1);
  if (last && date < last.occurred_on) throw new AppError('VALIDATION_FAILED', `${label}（${date}）不能早于上一步骤「${STEP_LABELS[last.action] ?? last.action}」的日期 ${last.occurred_on}`);
}

/**
 * A date may not precede the answers it follows: the latest of the candidate's side steps of the
 * given kinds (the sending of a joint review, a department's answer, a concern's resolution).
 */
export async function requireNotBeforeSideSteps(db: Executor, candidateId: string, date: string, label: string, actions: readonly string[]): Promise<void> {
  const steps = (await selectionRepository.listSteps(db, candidateId)).filter((step) => actions.includes(step.action));
  const latest = steps.reduce<(typeof steps)[number] | undefined>((found, step) => (found && found.occurred_on >= step.occurred_on ? found : step), undefined);
  if (latest && date < latest.occurred_on) {
    const who = typeof latest.details === 'object' && latest.details !== null && 'department' in latest.details ? `（${String(latest.details.department)}）` : '';
    throw new AppError('VALIDATION_FAILED', `${label}（${date}）不能早于「${STEP_LABELS[latest.action] ?? latest.action}」${who}的日期 ${latest.occurred_on}`);
  }
}

/** The eligibility of a candidate under the policy in force at its village, with approved exceptions applied. */
export async function evaluateCandidate(db: Executor, candidate: CandidateRow) {
  const policy = await resolveEffectivePolicy(db, candidate.org_code);
  const exceptions = await selectionRepository.listExceptions(db, [candidate.id]);
  const waived = new Set(exceptions.filter((exception) => exception.status === 'approved').map((exception) => exception.rule));
  const result = evaluateEligibility(
    { birthDate: candidate.birth_date, politicalStatus: candidate.political_status, education: candidate.education, exclusionsFound: candidate.exclusions_found as ExclusionCode[] },
    policy.rules,
  );
  const verdicts = result.verdicts.map((verdict) => ({ ...verdict, isWaived: !verdict.passed && waived.has(verdict.rule) }));
  return { policy, exceptions, verdicts, isEligible: verdicts.every((verdict) => verdict.passed || verdict.isWaived) };
}

/** Everything the state machine needs to know about a candidate. */
export async function gatherFacts(db: Executor, candidate: CandidateRow, occurredOn?: string): Promise<TransitionFacts> {
  const { verdicts, exceptions } = await evaluateCandidate(db, candidate);
  const reviews = await selectionRepository.listJointReviews(db, [candidate.id]);
  const notice = candidate.public_notice_id ? await selectionRepository.findNotice(db, candidate.public_notice_id) : undefined;
  const objections = await selectionRepository.listObjections(db, { candidateIds: [candidate.id] });
  return {
    unwaivedFailedRules: verdicts.filter((verdict) => !verdict.passed && !verdict.isWaived).map((verdict) => verdict.explanation),
    undecidedExceptions: exceptions.filter((exception) => exception.status === 'requested').length,
    jointReviewsSent: reviews.length,
    pendingJointReviews: reviews.filter((review) => review.status === 'pending').map((review) => review.department),
    unresolvedConcerns: reviews.filter((review) => review.status === 'concern').map((review) => review.department),
    ...(notice && { noticeEndsOn: notice.ends_on }),
    ...(occurredOn !== undefined && { occurredOn }),
    openObjections: objections.filter((objection) => objection.handling === null).length,
  };
}

export interface StepRequest {
  action: SelectionAction;
  /** One of several candidates handled together: refusals name the candidate. */
  isBatch?: boolean;
  version: number;
  occurredOn: string;
  details: Record<string, unknown>;
  /** Facts the checks need beyond what is stored (e.g. the exclusions this review finds). */
  candidateOverride?: Partial<CandidateRow>;
  changes?: Parameters<typeof selectionRepository.updateCandidate>[3];
  summary: string;
}

/**
 * One step of the procedure: role, version and transition checked, the candidate moved on, the
 * step and an audit event written, all in the caller's transaction.
 */
export async function takeStep(tx: Executor, ctx: Context, candidate: CandidateRow, step: StepRequest): Promise<void> {
  requireStepRole(ctx, step.action, candidate.org_code);
  if (candidate.version !== step.version) throw versionConflict(`${candidate.name}的选拔记录`);
  requireDateNotFuture(ctx, step.occurredOn, '日期');
  const facts = await gatherFacts(tx, { ...candidate, ...step.candidateOverride }, step.occurredOn);
  const verdict = checkTransition({ stage: candidate.stage, outcome: candidate.outcome }, step.action, facts);
  if (!verdict.allowed) throw new AppError('CONFLICT', step.isBatch ? `${candidate.name}（${candidate.village_name}）：${verdict.message}` : verdict.message);
  await requireNotBeforeLastStep(tx, candidate.id, step.occurredOn, '日期');
  const changes = { ...step.changes, ...(verdict.to !== null && { stage: verdict.to }) };
  if (!(await selectionRepository.updateCandidate(tx, candidate.id, { version: candidate.version, stage: candidate.stage }, changes))) {
    throw versionConflict(`${candidate.name}的选拔记录`);
  }
  await selectionRepository.insertStep(tx, {
    candidateId: candidate.id, action: step.action, fromStage: candidate.stage, toStage: verdict.to ?? candidate.stage,
    occurredOn: step.occurredOn, actorName: actorName(ctx), details: step.details,
  });
  await recordAuditEvent(tx, ctx, {
    action: `selection.${step.action}`, entityType: 'selectionCandidate', entityId: candidate.id, orgCode: candidate.org_code,
    summary: `${candidate.name}（${candidate.village_name}）${step.summary}`, before: { stage: candidate.stage, outcome: candidate.outcome }, after: { ...changes, details: step.details },
  });
}

/** A step recorded in the history that does not move the candidate (exceptions, joint review, objections). */
export async function recordSideStep(tx: Executor, ctx: Context, candidate: CandidateRow, action: string, occurredOn: string, details: Record<string, unknown>, summary: string): Promise<void> {
  await selectionRepository.insertStep(tx, { candidateId: candidate.id, action, fromStage: null, toStage: null, occurredOn, actorName: actorName(ctx), details });
  await recordAuditEvent(tx, ctx, { action: `selection.${action}`, entityType: 'selectionCandidate', entityId: candidate.id, orgCode: candidate.org_code, summary: `${candidate.name}（${candidate.village_name}）${summary}`, after: details });
}
