import type { Db, Executor } from '../../db/database.ts';
import { ageOn, todayInChina } from '../../domain/dates.ts';
import { EDUCATION_LABELS, EXCLUSIONS, POLITICAL_LABELS, evaluateEligibility, type EducationLevel, type EligibilityPolicy, type ExclusionCode } from '../../domain/eligibility.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import {
  ACTION_RULES, SELECTION_ACTIONS, SELECTION_STAGES, STAGE_LABELS, checkTransition, checkVillageShortlist, summariseEvaluation,
  type CandidateProfile, type SelectionAction, type SelectionOutcome, type SelectionStage, type TransitionFacts,
} from '../../domain/selection-procedure.ts';
import { ancestorCodes } from '../../domain/org-code.ts';
import { endOfWorkingDays, UnknownYearError } from '../../domain/working-days.ts';
import type { Context } from '../../server/access.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';
import { orgUnitsRepository } from '../org-units/org-units.repository.ts';
import { presentSummary } from '../people/people.service.ts';
import { peopleRepository } from '../people/people.repository.ts';
import { talentLedgerRepository } from '../people/talent-ledger.repository.ts';
import { reservesRepository } from '../reserves/reserves.repository.ts';
import { reserveProblems } from '../reserves/reserves.service.ts';
import { loadOfficialCalendar } from './official-calendar.ts';
import { resolveEffectivePolicy } from './policy.service.ts';
import { selectionRepository, type CandidateRow } from './selection.repository.ts';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, type AttachmentType, type TCandidateCard, type TCandidateDetail } from './selection.schemas.ts';

/** Labels of every kind of step in a candidate's history. */
const STEP_LABELS: Record<string, string> = {
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
function actorName(ctx: Context): string {
  return ctx.actor?.displayName ?? '系统';
}

/** Policies looked up once per county for a list of candidates (policies are set at county level or above). */
function policyCache(db: Executor) {
  const byCounty = new Map<string, ReturnType<typeof resolveEffectivePolicy>>();
  return (orgCode: string) => {
    const county = orgCode.slice(0, 6);
    if (!byCounty.has(county)) byCounty.set(county, resolveEffectivePolicy(db, orgCode));
    return byCounty.get(county)!;
  };
}

/** Whether the candidate meets the policy on the facts recorded so far (approved exceptions not applied). */
function meetsPolicy(row: CandidateRow, policy: EligibilityPolicy): boolean {
  return evaluateEligibility({ birthDate: row.birth_date, politicalStatus: row.political_status, education: row.education, exclusionsFound: row.exclusions_found as ExclusionCode[] }, policy).isEligible;
}

async function presentCards(db: Executor, rows: readonly CandidateRow[], referenceDate: string): Promise<TCandidateCard[]> {
  const policyFor = policyCache(db);
  return Promise.all(rows.map(async (row) => ({ ...presentCard(row, referenceDate), meetsPolicy: meetsPolicy(row, (await policyFor(row.org_code)).rules) })));
}

function presentCard(row: CandidateRow, referenceDate: string): Omit<TCandidateCard, 'meetsPolicy'> {
  return {
    id: row.id, orgCode: row.org_code, villageName: row.village_name, townshipName: row.township_name,
    stage: row.stage as SelectionStage, outcome: row.outcome as SelectionOutcome, channel: row.channel as TCandidateCard['channel'],
    profile: row.profile as CandidateProfile, targetPost: row.target_post, version: row.version, person: presentSummary(row, referenceDate),
  };
}

/** Refuses a step to a caller whose role does not own it, naming the role that does. */
function requireStepRole(ctx: Context, action: SelectionAction, orgCode: string): void {
  if (!ctx.access.sees(orgCode)) throw notFound('选拔人选');
  const rule = ACTION_RULES[action];
  if (!ctx.access.can(rule.permission, orgCode)) throw new AppError('FORBIDDEN', `「${rule.label}」由${rule.owner}进行，您的角色不能办理这一步`);
}

async function loadCandidate(db: Executor, ctx: Context, id: string): Promise<CandidateRow> {
  const candidate = await selectionRepository.findCandidate(db, id);
  if (!candidate || !ctx.access.sees(candidate.org_code)) throw notFound('选拔人选');
  return candidate;
}

function requireDateNotFuture(date: string, label: string): void {
  if (date > todayInChina()) throw new AppError('VALIDATION_FAILED', `${label}（${date}）不能晚于今天`);
}

async function requireNotBeforeLastStep(db: Executor, candidateId: string, date: string, label: string): Promise<void> {
  // Only steps that moved the candidate count: side steps (exceptions, joint-review answers) are dated when recorded.
  const steps = (await selectionRepository.listSteps(db, candidateId)).filter((step) => step.to_stage !== null);
  const last = steps.at(-1);
  if (last && date < last.occurred_on) throw new AppError('VALIDATION_FAILED', `${label}（${date}）不能早于上一步骤「${STEP_LABELS[last.action] ?? last.action}」的日期 ${last.occurred_on}`);
}

/** The eligibility of a candidate under the policy in force at its village, with approved exceptions applied. */
async function evaluateCandidate(db: Executor, candidate: CandidateRow) {
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
async function gatherFacts(db: Executor, candidate: CandidateRow, occurredOn?: string): Promise<TransitionFacts> {
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

interface StepRequest {
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
async function takeStep(tx: Executor, ctx: Context, candidate: CandidateRow, step: StepRequest): Promise<void> {
  requireStepRole(ctx, step.action, candidate.org_code);
  if (candidate.version !== step.version) throw versionConflict(`${candidate.name}的选拔记录`);
  requireDateNotFuture(step.occurredOn, '日期');
  const facts = await gatherFacts(tx, { ...candidate, ...step.candidateOverride }, step.occurredOn);
  const verdict = checkTransition({ stage: candidate.stage as SelectionStage, outcome: candidate.outcome as SelectionOutcome }, step.action, facts);
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
async function recordSideStep(tx: Executor, ctx: Context, candidate: CandidateRow, action: string, occurredOn: string, details: Record<string, unknown>, summary: string): Promise<void> {
  await selectionRepository.insertStep(tx, { candidateId: candidate.id, action, fromStage: null, toStage: null, occurredOn, actorName: actorName(ctx), details });
  await recordAuditEvent(tx, ctx, { action: `selection.${action}`, entityType: 'selectionCandidate', entityId: candidate.id, orgCode: candidate.org_code, summary: `${candidate.name}（${candidate.village_name}）${summary}`, after: details });
}

// ---- Nomination and reading ----

export async function nominateCandidate(
  db: Db,
  ctx: Context,
  input: { orgCode: string; personId: string; channel: TCandidateCard['channel']; profile: CandidateProfile; targetPost: string; sourceCategory: string; nominatedOn: string; meeting: { kind: string; heldOn: string; minutes: string } },
): Promise<TCandidateDetail> {
  ctx.access.require('selection.nominate', [input.orgCode], { record: '组织单位', action: '在该村（社区）推荐人选' });
  requireDateNotFuture(input.nominatedOn, '推荐日期');
  requireDateNotFuture(input.meeting.heldOn, '会议日期');
  if (input.meeting.heldOn > input.nominatedOn) throw new AppError('VALIDATION_FAILED', `研究推荐的会议日期（${input.meeting.heldOn}）不能晚于推荐日期（${input.nominatedOn}）`);
  const id = await db.transaction().execute(async (tx) => {
    const unit = await orgUnitsRepository.findByCode(tx, input.orgCode);
    if (!unit) throw notFound('组织单位');
    if (unit.level !== 'village' && unit.level !== 'community') throw new AppError('VALIDATION_FAILED', `人选按村（社区）推荐，「${unit.name}」不是村或社区`);
    const person = await peopleRepository.findById(tx, input.personId);
    if (!person) throw notFound('人员');
    if (!(await talentLedgerRepository.findByPersonAndUnit(tx, input.personId, input.orgCode))) {
      throw new AppError('VALIDATION_FAILED', `${person.name}不在「${unit.name}」的人才台账中：请先摸排录入台账，再推荐`);
    }
    const problems = await reserveProblems(tx, { targetPost: input.targetPost, sourceCategory: input.sourceCategory });
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `${problems.map((problem) => problem.message).join('；')}，请从下拉列表中选择`);
    if (await selectionRepository.findActiveCandidate(tx, input.personId, input.orgCode)) throw new AppError('CONFLICT', `${person.name}已是「${unit.name}」正在选拔的人选，不能重复推荐`);
    const reserve = await reservesRepository.findByPersonAndUnit(tx, input.personId, input.orgCode);
    const reserveRow = reserve ? await reservesRepository.findRow(tx, reserve.id) : undefined;
    if (reserveRow?.status === 'admitted') throw new AppError('CONFLICT', `${person.name}已是「${unit.name}」的后备力量，无需再推荐`);
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

export async function listCandidates(
  db: Db,
  ctx: Context,
  query: { orgCode?: string | undefined; stage?: SelectionStage | undefined; outcome?: SelectionOutcome | undefined; personId?: string | undefined; page: number; pageSize: number },
) {
  ctx.access.requireAnywhere('selection.read', '查看选拔工作');
  let orgPrefix: string | undefined;
  if (query.orgCode) {
    ctx.access.require('selection.read', [query.orgCode], { record: '组织单位', action: '查看该单位的选拔工作' });
    const unit = await orgUnitsRepository.findByCode(db, query.orgCode);
    if (!unit) throw notFound('组织单位');
    orgPrefix = subtreePrefix(unit.code, unit.level);
  }
  const { total, rows } = await selectionRepository.listCandidates(db, { prefixes: ctx.access.prefixes('selection.read'), orgPrefix, stage: query.stage, outcome: query.outcome, personId: query.personId }, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  const today = todayInChina();
  return { total, candidates: await presentCards(db, rows, today), policies: { nominate: ctx.access.canAnywhere('selection.nominate') } };
}

export async function getCandidate(db: Db | Executor, ctx: Context, id: string): Promise<TCandidateDetail> {
  const candidate = await loadCandidate(db, ctx, id);
  ctx.access.require('selection.read', [candidate.org_code], { record: '选拔人选', action: '查看该人选' });
  const { policy, exceptions, verdicts, isEligible } = await evaluateCandidate(db, candidate);
  const reviews = await selectionRepository.listJointReviews(db, [candidate.id]);
  const notice = candidate.public_notice_id ? await selectionRepository.findNotice(db, candidate.public_notice_id) : undefined;
  const objections = await selectionRepository.listObjections(db, { candidateIds: [candidate.id] });
  const steps = await selectionRepository.listSteps(db, candidate.id);
  const [need] = await selectionRepository.listVillageNeeds(db, [candidate.org_code]);
  const facts = await gatherFacts(db, candidate, todayInChina());
  const actions = Object.fromEntries(SELECTION_ACTIONS.map((action) => {
    const rule = ACTION_RULES[action];
    if (!ctx.access.can(rule.permission, candidate.org_code)) return [action, { allowed: false, reason: `由${rule.owner}办理` }];
    const verdict = checkTransition({ stage: candidate.stage as SelectionStage, outcome: candidate.outcome as SelectionOutcome }, action, facts);
    return [action, verdict.allowed ? { allowed: true, reason: null } : { allowed: false, reason: verdict.message }];
  })) as TCandidateDetail['actions'];
  const isRunning = candidate.outcome === 'inProgress';
  return {
    ...presentCard(candidate, todayInChina()),
    meetsPolicy: meetsPolicy(candidate, policy.rules),
    sourceCategory: candidate.source_category,
    eligibility: { source: policy.source, isEligible, verdicts, exclusionsFound: candidate.exclusions_found },
    villageNeed: (need?.need as CandidateProfile | undefined) ?? null,
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
    policies: {
      attach: mayRecordEvidence(ctx, candidate.org_code),
      requestException: isRunning && candidate.stage === 'qualificationReview' && ctx.access.can('selection.nominate', candidate.org_code),
      decideException: isRunning && ctx.access.can('selection.review', candidate.org_code),
      sendJointReview: isRunning && candidate.stage === 'jointReview' && ctx.access.can('selection.review', candidate.org_code),
      resolveConcern: isRunning && ctx.access.can('selection.review', candidate.org_code),
    },
  };
}

function presentJointReview(review: {
  id: string; candidate_id: string; department: string; status: string; comment: string | null; answered_by: string | null; answered_at: Date | null;
  resolution: string | null; resolved_by: string | null; version: number;
}) {
  return {
    id: review.id, candidateId: review.candidate_id, department: review.department, status: review.status as 'pending' | 'passed' | 'concern' | 'resolved',
    comment: review.comment, answeredBy: review.answered_by, answeredAt: review.answered_at, resolution: review.resolution, resolvedBy: review.resolved_by, version: review.version,
  };
}

function presentObjection(objection: Awaited<ReturnType<typeof selectionRepository.listObjections>>[number]) {
  return {
    id: objection.id, publicNoticeId: objection.public_notice_id, candidateId: objection.candidate_id, candidateName: objection.candidate_name, receivedOn: objection.received_on,
    content: objection.content, handling: objection.handling, isSubstantiated: objection.is_substantiated, handledBy: objection.handled_by, recordedBy: objection.recorded_by,
  };
}

// ---- Qualification review and exceptions ----

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

export async function requestException(db: Db, ctx: Context, id: string, input: { rule: string; reason: string }) {
  await db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, id);
    if (!ctx.access.can('selection.nominate', candidate.org_code)) throw forbidden('为该人选申请破格');
    if (candidate.outcome !== 'inProgress' || candidate.stage !== 'qualificationReview') throw new AppError('CONFLICT', '破格只能在资格审查环节申请');
    const { verdicts } = await evaluateCandidate(tx, candidate);
    const verdict = verdicts.find((item) => item.rule === input.rule);
    if (!verdict) throw new AppError('VALIDATION_FAILED', `资格条件中没有「${input.rule}」这一项`);
    if (verdict.passed) throw new AppError('VALIDATION_FAILED', `「${verdict.explanation}」已符合条件，无需破格`);
    if (input.rule.startsWith('exclusion.')) throw new AppError('VALIDATION_FAILED', '负面清单（十不推）情形不能破格');
    const existing = (await selectionRepository.listExceptions(tx, [candidate.id])).find((exception) => exception.rule === input.rule);
    if (existing) throw new AppError('CONFLICT', `该项已申请过破格（${existing.status === 'requested' ? '待审批' : existing.status === 'approved' ? '已批准' : '未批准'}）`);
    await selectionRepository.insertException(tx, { candidateId: candidate.id, rule: input.rule, reason: input.reason, requestedBy: actorName(ctx) });
    await recordSideStep(tx, ctx, candidate, 'requestException', todayInChina(), { rule: input.rule, explanation: verdict.explanation, reason: input.reason }, `申请破格：${verdict.explanation}`);
  });
  return getCandidate(db, ctx, id);
}

export async function decideException(db: Db, ctx: Context, exceptionId: string, input: { approve: boolean; note: string }) {
  const candidateId = await db.transaction().execute(async (tx) => {
    const exception = await selectionRepository.findException(tx, exceptionId);
    if (!exception) throw notFound('破格申请');
    const candidate = await loadCandidate(tx, ctx, exception.candidate_id);
    if (!ctx.access.can('selection.review', candidate.org_code)) throw new AppError('FORBIDDEN', '破格须经乡镇党委批准，您的角色不能审批');
    if (exception.status !== 'requested') throw new AppError('CONFLICT', '该破格申请已审批');
    if (!(await selectionRepository.decideException(tx, exceptionId, { status: input.approve ? 'approved' : 'refused', decidedBy: actorName(ctx), note: input.note }))) {
      throw new AppError('CONFLICT', '该破格申请已审批');
    }
    await recordSideStep(tx, ctx, candidate, 'decideException', todayInChina(), { rule: exception.rule, approved: input.approve, note: input.note }, `${input.approve ? '批准' : '不批准'}破格（${exception.rule}）：${input.note}`);
    return candidate.id;
  });
  return getCandidate(db, ctx, candidateId);
}

// ---- Democratic evaluation, interview, shortlist ----

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

async function requireTownship(db: Executor, orgCode: string) {
  const unit = await orgUnitsRepository.findByCode(db, orgCode);
  if (!unit) throw notFound('组织单位');
  if (unit.level !== 'township') throw new AppError('VALIDATION_FAILED', `「${unit.name}」不是乡镇（街道），请选择乡镇`);
  return unit;
}

/** The 因村选人 warnings of a township: villages short of candidates, of the profile they need, or of young ones. */
async function shortlistWarnings(db: Executor, townshipCode: string, candidates: readonly CandidateRow[]): Promise<string[]> {
  const villageCodes = [...new Set(candidates.map((candidate) => candidate.org_code))];
  const needs = new Map((await selectionRepository.listVillageNeeds(db, villageCodes)).map((need) => [need.org_code, need.need as CandidateProfile]));
  const policy = (await resolveEffectivePolicy(db, townshipCode)).rules;
  return villageCodes.flatMap((code) => {
    const ofVillage = candidates.filter((candidate) => candidate.org_code === code);
    return checkVillageShortlist(
      { name: ofVillage[0]!.village_name, need: needs.get(code) ?? null },
      ofVillage.map((candidate) => ({ profile: candidate.profile as CandidateProfile, age: ageOn(candidate.birth_date, policy.referenceDate) })),
      { minimumPerVillage: policy.minimumShortlistPerVillage, youngMaximumAge: policy.youngReserveMaximumAge },
    );
  });
}

export async function shortlistCandidates(db: Db, ctx: Context, input: { orgCode: string; meetingOn: string; minutes: string; candidateIds: string[] }) {
  ctx.access.require('selection.read', [input.orgCode], { record: '组织单位', action: '查看该乡镇的选拔工作' });
  return db.transaction().execute(async (tx) => {
    const township = await requireTownship(tx, input.orgCode);
    const prefix = subtreePrefix(township.code, township.level);
    const shortlisted: CandidateRow[] = [];
    for (const candidateId of new Set(input.candidateIds)) {
      const candidate = await loadCandidate(tx, ctx, candidateId);
      if (!candidate.org_code.startsWith(prefix)) throw new AppError('VALIDATION_FAILED', `${candidate.name}不是「${township.name}」的人选`);
      await takeStep(tx, ctx, candidate, {
        action: 'shortlist', isBatch: true, version: candidate.version, occurredOn: input.meetingOn, details: { minutes: input.minutes, townshipCode: township.code },
        summary: `列入${township.name}党委建议名单`,
      });
      shortlisted.push(candidate);
    }
    // Everyone on the township's list so far: this meeting's and those already past the shortlist.
    const onList = (await selectionRepository.listCandidates(tx, { prefixes: [prefix], outcome: 'inProgress' }, { offset: 0, limit: 5000 })).rows
      .filter((candidate) => SELECTION_STAGES.indexOf(candidate.stage as SelectionStage) > SELECTION_STAGES.indexOf('shortlist'));
    return { shortlisted: shortlisted.length, warnings: await shortlistWarnings(tx, township.code, onList) };
  });
}

// ---- Joint review (联审) ----

export async function sendJointReview(db: Db, ctx: Context, id: string, input: { departments: string[]; sentOn: string }) {
  await db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, id);
    if (!ctx.access.can('selection.review', candidate.org_code)) throw new AppError('FORBIDDEN', '送联审由乡镇党委办理，您的角色不能办理这一步');
    if (candidate.outcome !== 'inProgress' || candidate.stage !== 'jointReview') {
      throw new AppError('CONFLICT', `送联审须在「联审」环节进行，该人选当前处于「${STAGE_LABELS[candidate.stage as SelectionStage]}」环节`);
    }
    requireDateNotFuture(input.sentOn, '送审日期');
    const known = await selectionRepository.listJointReviewDepartments(tx, [...ancestorCodes(candidate.org_code), candidate.org_code]);
    const departments = [...new Set(input.departments)];
    const unknown = departments.filter((department) => !known.includes(department));
    if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', `没有「${unknown.join('、')}」的联审账号，可选部门：${known.join('、') || '（本县尚未设置联审部门账号）'}`);
    const already = new Set((await selectionRepository.listJointReviews(tx, [candidate.id])).map((review) => review.department));
    const fresh = departments.filter((department) => !already.has(department));
    if (fresh.length === 0) throw new AppError('CONFLICT', '所选部门均已送审');
    await selectionRepository.insertJointReviews(tx, candidate.id, fresh);
    await recordSideStep(tx, ctx, candidate, 'sendJointReview', input.sentOn, { departments: fresh }, `送${fresh.join('、')}联审`);
  });
  return getCandidate(db, ctx, id);
}

/** The caller's departments and where each applies: what a joint-review user may see. */
function departmentScopes(ctx: Context): { department: string; prefix: string }[] {
  return (ctx.actor?.roles ?? [])
    .filter((binding) => binding.role === 'jointReviewDepartment' && binding.department)
    .map((binding) => ({ department: binding.department!, prefix: subtreePrefix(binding.orgCode, binding.orgLevel) }));
}

export async function listJointReviewInbox(db: Db, ctx: Context, query: { status?: 'pending' | 'passed' | 'concern' | 'resolved' | undefined }) {
  const scopes = departmentScopes(ctx);
  if (scopes.length === 0) throw forbidden('办理联审（只有联审部门账号可以查看联审待办）');
  const rows = await selectionRepository.listJointReviewsForDepartments(db, scopes, query.status);
  return {
    reviews: rows.map((row) => ({
      ...presentJointReview(row),
      candidate: { name: row.name, gender: row.gender, birthDate: row.birth_date, villageName: row.village_name, townshipName: row.township_name, targetPost: row.target_post },
    })),
  };
}

export async function answerJointReview(db: Db, ctx: Context, reviewId: string, input: { verdict: 'passed' | 'concern'; comment?: string | null | undefined; version: number }) {
  return db.transaction().execute(async (tx) => {
    const review = await selectionRepository.findJointReview(tx, reviewId);
    const candidate = review ? await selectionRepository.findCandidate(tx, review.candidate_id) : undefined;
    const mayAnswer = review && candidate && departmentScopes(ctx).some((scope) => scope.department === review.department && candidate.org_code.startsWith(scope.prefix));
    if (!review || !candidate || !mayAnswer) throw notFound('联审事项');
    if (review.status !== 'pending') throw new AppError('CONFLICT', '该联审事项已回复，不能重复回复');
    if (input.verdict === 'concern' && !input.comment) throw new AppError('VALIDATION_FAILED', '有问题时请填写审查意见，写明发现的问题');
    if (candidate.outcome !== 'inProgress') throw new AppError('CONFLICT', '该人选的选拔程序已结束，无需回复');
    if (!(await selectionRepository.answerJointReview(tx, reviewId, input.version, { status: input.verdict, comment: input.comment ?? null, answeredBy: actorName(ctx) }))) {
      throw versionConflict('该联审事项');
    }
    await recordSideStep(tx, ctx, candidate, 'answerJointReview', todayInChina(), { department: review.department, verdict: input.verdict, comment: input.comment ?? null },
      `${review.department}联审${input.verdict === 'passed' ? '通过' : `提出问题：${input.comment}`}`);
    return presentJointReview((await selectionRepository.findJointReview(tx, reviewId))!);
  });
}

export async function resolveConcern(db: Db, ctx: Context, reviewId: string, input: { resolution: string; version: number }) {
  const candidateId = await db.transaction().execute(async (tx) => {
    const review = await selectionRepository.findJointReview(tx, reviewId);
    if (!review) throw notFound('联审事项');
    const candidate = await loadCandidate(tx, ctx, review.candidate_id);
    if (!ctx.access.can('selection.review', candidate.org_code)) throw new AppError('FORBIDDEN', '联审问题由乡镇党委核实处理，您的角色不能办理');
    if (review.status !== 'concern') throw new AppError('CONFLICT', '该联审事项没有待处理的问题');
    if (!(await selectionRepository.resolveJointReview(tx, reviewId, input.version, { resolution: input.resolution, resolvedBy: actorName(ctx) }))) throw versionConflict('该联审事项');
    await recordSideStep(tx, ctx, candidate, 'resolveConcern', todayInChina(), { department: review.department, resolution: input.resolution }, `核实处理${review.department}提出的问题：${input.resolution}`);
    return candidate.id;
  });
  return getCandidate(db, ctx, candidateId);
}

// ---- Public notice (公示), objections, decision, filing ----

function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

async function composeNoticeText(db: Executor, township: { name: string }, candidates: readonly CandidateRow[], period: { startsOn: string; endsOn: string; workingDays: number }, contact: string): Promise<string> {
  const dictionaries = await loadEnabledItems(db);
  const label = (items: { code: string; label: string }[], code: string) => items.find((item) => item.code === code)?.label ?? code;
  const lines = candidates.map((candidate, index) => {
    const [year, month] = candidate.birth_date.split('-').map(Number);
    const education = EDUCATION_LABELS[candidate.education as EducationLevel] ?? label(dictionaries.education, candidate.education);
    const political = POLITICAL_LABELS[candidate.political_status] ?? label(dictionaries.politicalStatus, candidate.political_status);
    return `${index + 1}. ${candidate.name}，${candidate.gender === 'female' ? '女' : '男'}，${year}年${month}月生，${education}，${political}，${candidate.village_name}，拟作为${label(dictionaries.targetPost, candidate.target_post)}后备力量培养。`;
  });
  return [
    `关于${township.name}村级后备力量人选的公示`,
    '',
    `经个人自荐、党员群众推荐和组织推荐，资格审查、民主测评、谈话考察、乡镇党委研究和有关部门联审，拟将以下 ${candidates.length} 名同志确定为村级后备力量，现予以公示：`,
    '',
    ...lines,
    '',
    `公示期：${chineseDate(period.startsOn)}至${chineseDate(period.endsOn)}（${period.workingDays} 个工作日）。`,
    `公示期间，对上述人选有不同意见的，可通过来信、来电、来访等方式向${contact}反映。反映问题应实事求是，提倡署真实姓名，并提供具体事实或线索。`,
    '',
    `中共${township.name}委员会`,
    chineseDate(period.startsOn),
  ].join('\n');
}

export async function startPublicNotice(db: Db, ctx: Context, input: { orgCode: string; startsOn: string; candidateIds: string[]; objectionContact: string }) {
  ctx.access.require('selection.read', [input.orgCode], { record: '组织单位', action: '查看该乡镇的选拔工作' });
  const noticeId = await db.transaction().execute(async (tx) => {
    const township = await requireTownship(tx, input.orgCode);
    const prefix = subtreePrefix(township.code, township.level);
    const policy = (await resolveEffectivePolicy(tx, township.code)).rules.publicNotice;
    let endsOn: string;
    try {
      endsOn = endOfWorkingDays(await loadOfficialCalendar(tx), input.startsOn, policy.workingDays, { startDayCounts: policy.postingDayCounts });
    } catch (error) {
      if (error instanceof UnknownYearError) throw new AppError('VALIDATION_FAILED', `公示期无法计算：${error.message}`);
      throw error;
    }
    const candidates: CandidateRow[] = [];
    for (const candidateId of new Set(input.candidateIds)) {
      const candidate = await loadCandidate(tx, ctx, candidateId);
      if (!candidate.org_code.startsWith(prefix)) throw new AppError('VALIDATION_FAILED', `${candidate.name}不是「${township.name}」的人选`);
      candidates.push(candidate);
    }
    const period = { startsOn: input.startsOn, endsOn, workingDays: policy.workingDays };
    const id = await selectionRepository.insertNotice(tx, {
      orgCode: township.code, ...period, postingDayCounts: policy.postingDayCounts, objectionContact: input.objectionContact,
      noticeText: await composeNoticeText(tx, township, candidates, period, input.objectionContact), createdBy: actorName(ctx),
    });
    for (const candidate of candidates) {
      await takeStep(tx, ctx, candidate, {
        action: 'startPublicNotice', isBatch: true, version: candidate.version, occurredOn: input.startsOn, changes: { publicNoticeId: id },
        details: { publicNoticeId: id, startsOn: input.startsOn, endsOn, workingDays: policy.workingDays, postingDayCounts: policy.postingDayCounts },
        summary: `公示 ${input.startsOn} 至 ${endsOn}（${policy.workingDays} 个工作日）`,
      });
    }
    return id;
  });
  return getPublicNotice(db, ctx, noticeId);
}

export async function getPublicNotice(db: Db | Executor, ctx: Context, id: string) {
  const notice = await selectionRepository.findNotice(db, id);
  if (!notice || !ctx.access.sees(notice.org_code)) throw notFound('公示');
  ctx.access.require('selection.read', [notice.org_code], { record: '公示', action: '查看该公示' });
  const prefix = notice.org_code.slice(0, 9);
  const candidates = (await selectionRepository.listCandidates(db, { prefixes: [prefix] }, { offset: 0, limit: 5000 })).rows.filter((row) => row.public_notice_id === id);
  const objections = await selectionRepository.listObjections(db, { publicNoticeId: id });
  return {
    id: notice.id, orgCode: notice.org_code, townshipName: notice.township_name, startsOn: notice.starts_on, endsOn: notice.ends_on, workingDays: notice.working_days,
    postingDayCounts: notice.posting_day_counts, objectionContact: notice.objection_contact, noticeText: notice.notice_text,
    candidates: candidates.map((row) => ({ id: row.id, name: row.name, villageName: row.village_name, stage: row.stage as SelectionStage, outcome: row.outcome as SelectionOutcome })),
    objections: objections.map(presentObjection),
  };
}

export async function recordObjection(db: Db, ctx: Context, noticeId: string, input: { candidateId: string; receivedOn: string; content: string }) {
  await db.transaction().execute(async (tx) => {
    const notice = await selectionRepository.findNotice(tx, noticeId);
    if (!notice || !ctx.access.sees(notice.org_code)) throw notFound('公示');
    if (!ctx.access.can('selection.review', notice.org_code)) throw new AppError('FORBIDDEN', '公示异议由乡镇党委登记办理，您的角色不能登记');
    const candidate = await loadCandidate(tx, ctx, input.candidateId);
    if (candidate.public_notice_id !== noticeId) throw new AppError('VALIDATION_FAILED', `${candidate.name}不在这次公示的名单中`);
    requireDateNotFuture(input.receivedOn, '收到日期');
    if (input.receivedOn < notice.starts_on) throw new AppError('VALIDATION_FAILED', `收到日期（${input.receivedOn}）早于公示开始日期 ${notice.starts_on}`);
    await selectionRepository.insertObjection(tx, { publicNoticeId: noticeId, candidateId: candidate.id, receivedOn: input.receivedOn, content: input.content, recordedBy: actorName(ctx) });
    await recordSideStep(tx, ctx, candidate, 'recordObjection', input.receivedOn, { content: input.content }, '公示期间收到异议');
  });
  return getPublicNotice(db, ctx, noticeId);
}

export async function handleObjection(db: Db, ctx: Context, objectionId: string, input: { handling: string; isSubstantiated: boolean }) {
  const noticeId = await db.transaction().execute(async (tx) => {
    const objection = await selectionRepository.findObjection(tx, objectionId);
    if (!objection) throw notFound('公示异议');
    const candidate = await loadCandidate(tx, ctx, objection.candidate_id);
    if (!ctx.access.can('selection.review', candidate.org_code)) throw new AppError('FORBIDDEN', '公示异议由乡镇党委办理，您的角色不能办理');
    if (!(await selectionRepository.handleObjection(tx, objectionId, { handling: input.handling, isSubstantiated: input.isSubstantiated, handledBy: actorName(ctx) }))) {
      throw new AppError('CONFLICT', '该异议已办结');
    }
    await recordSideStep(tx, ctx, candidate, 'handleObjection', todayInChina(), { handling: input.handling, isSubstantiated: input.isSubstantiated },
      `办结公示异议（${input.isSubstantiated ? '反映属实' : '反映不属实'}）：${input.handling}`);
    return objection.public_notice_id;
  });
  return getPublicNotice(db, ctx, noticeId);
}

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
    const existing = await reservesRepository.findByPersonAndUnit(tx, candidate.person_id, candidate.org_code);
    let reserveId: string;
    if (existing) {
      reserveId = existing.id;
      const before = await reservesRepository.findRow(tx, existing.id);
      await selectionRepository.admitExistingReserve(tx, existing.id, { readiness: input.readiness, targetPost: candidate.target_post, admittedOn: input.decidedOn });
      await reservesRepository.insertStatusChange(tx, { reserveId, fromStatus: before?.status ?? null, toStatus: 'admitted', reason: '经选拔程序，乡镇党委研究决定入库', actorName: actorName(ctx) });
    } else {
      reserveId = await reservesRepository.insert(tx, {
        personId: candidate.person_id, orgCode: candidate.org_code, status: 'admitted', targetPost: candidate.target_post, readiness: input.readiness,
        sourceCategory: candidate.source_category, mentorName: null, mentorPost: null, notes: null, admittedOn: input.decidedOn,
      });
      await reservesRepository.insertStatusChange(tx, { reserveId, fromStatus: null, toStatus: 'admitted', reason: '经选拔程序，乡镇党委研究决定入库', actorName: actorName(ctx) });
    }
    await selectionRepository.linkReserve(tx, candidate.id, reserveId);
  });
  return getCandidate(db, ctx, id);
}

export async function fileCandidate(db: Db, ctx: Context, id: string, input: { filedOn: string; notes?: string | null | undefined; version: number }) {
  await db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, id);
    await takeStep(tx, ctx, candidate, { action: 'file', version: input.version, occurredOn: input.filedOn, changes: { outcome: 'filed' }, details: { notes: input.notes ?? null }, summary: '报组织部备案' });
  });
  return getCandidate(db, ctx, id);
}

export async function endProcedure(db: Db, ctx: Context, id: string, action: 'reject' | 'withdraw', input: { occurredOn: string; reason: string; version: number }) {
  await db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, id);
    await takeStep(tx, ctx, candidate, {
      action, version: input.version, occurredOn: input.occurredOn, changes: { outcome: action === 'reject' ? 'rejected' : 'withdrawn' },
      details: { reason: input.reason, atStage: candidate.stage }, summary: `${action === 'reject' ? '不予通过' : '本人退出'}（${STAGE_LABELS[candidate.stage as SelectionStage]}环节）：${input.reason}`,
    });
  });
  return getCandidate(db, ctx, id);
}

// ---- Board and village needs (因村选人) ----

/**
 * The pipeline board of a township; a village (for the village's own officers) gets the same board
 * narrowed to itself.
 */
export async function getBoard(db: Db, ctx: Context, orgCode: string) {
  ctx.access.require('selection.read', [orgCode], { record: '组织单位', action: '查看该单位的选拔工作' });
  const unit = await orgUnitsRepository.findByCode(db, orgCode);
  if (!unit) throw notFound('组织单位');
  const isVillage = unit.level === 'village' || unit.level === 'community';
  const township = await requireTownship(db, isVillage ? unit.parentCode ?? '' : orgCode);
  const prefix = subtreePrefix(unit.code, unit.level);
  const today = todayInChina();
  const rows = (await selectionRepository.listCandidates(db, { prefixes: [prefix] }, { offset: 0, limit: 5000 })).rows.filter((row) => row.outcome === 'inProgress' || row.outcome === 'filed');
  const cards = await presentCards(db, rows, today);
  const villages = isVillage ? [unit] : (await orgUnitsRepository.listChildren(db, township.code)).filter((child) => child.level === 'village' || child.level === 'community');
  const needs = new Map((await selectionRepository.listVillageNeeds(db, villages.map((village) => village.code))).map((need) => [need.org_code, need]));
  const admitted = await selectionRepository.countAdmittedReserves(db, prefix);
  const policy = (await resolveEffectivePolicy(db, township.code)).rules;
  const listed = rows.filter((row) => row.outcome === 'inProgress' && SELECTION_STAGES.indexOf(row.stage as SelectionStage) > SELECTION_STAGES.indexOf('shortlist'));
  return {
    orgCode: unit.code,
    columns: SELECTION_STAGES.map((stage) => ({ stage, label: STAGE_LABELS[stage], candidates: cards.filter((card) => card.stage === stage) })),
    villages: villages.map((village) => {
      const need = needs.get(village.code);
      const onList = listed.filter((row) => row.org_code === village.code);
      const warnings = onList.length > 0
        ? checkVillageShortlist({ name: village.name, need: (need?.need as CandidateProfile | undefined) ?? null },
          onList.map((row) => ({ profile: row.profile as CandidateProfile, age: ageOn(row.birth_date, policy.referenceDate) })),
          { minimumPerVillage: policy.minimumShortlistPerVillage, youngMaximumAge: policy.youngReserveMaximumAge })
        : [];
      return {
        orgCode: village.code, name: village.name, need: (need?.need as CandidateProfile | undefined) ?? null, condition: need?.condition ?? null, needVersion: need?.version ?? null,
        inProgress: rows.filter((row) => row.org_code === village.code && row.outcome === 'inProgress').length, admitted: admitted.get(village.code) ?? 0, warnings,
      };
    }),
    policies: {
      nominate: villages.some((village) => ctx.access.can('selection.nominate', village.code)),
      review: ctx.access.can('selection.review', township.code),
    },
  };
}

export async function setVillageNeed(db: Db, ctx: Context, orgCode: string, input: { need: CandidateProfile; condition?: string | null | undefined; version: number | null }) {
  ctx.access.require('selection.review', [orgCode], { record: '组织单位', action: '设置该村的后备力量需求' });
  return db.transaction().execute(async (tx) => {
    const unit = await orgUnitsRepository.findByCode(tx, orgCode);
    if (!unit) throw notFound('组织单位');
    if (unit.level !== 'village' && unit.level !== 'community') throw new AppError('VALIDATION_FAILED', `「${unit.name}」不是村或社区`);
    const [existing] = await selectionRepository.listVillageNeeds(tx, [orgCode]);
    const need = { orgCode, need: input.need, condition: input.condition ?? null };
    if (existing) {
      if (input.version === null || !(await selectionRepository.updateVillageNeed(tx, need, input.version))) throw versionConflict(`「${unit.name}」的后备力量需求`);
    } else {
      if (input.version !== null) throw versionConflict(`「${unit.name}」的后备力量需求`);
      await selectionRepository.insertVillageNeed(tx, need);
    }
    await recordAuditEvent(tx, ctx, {
      action: 'villageReserveNeed.update', entityType: 'orgUnit', entityId: orgCode, orgCode, summary: `设置「${unit.name}」需要${input.need === 'mature' ? '成熟型' : '潜力型'}后备力量`,
      before: existing ? { need: existing.need, condition: existing.condition } : null, after: { need: input.need, condition: need.condition },
    });
    const [saved] = await selectionRepository.listVillageNeeds(tx, [orgCode]);
    return { orgCode, need: saved!.need as CandidateProfile, condition: saved!.condition, version: saved!.version };
  });
}

// ---- Evidence attachments ----

/** Who records steps for a village may attach their evidence: the village clerk and the township. */
function mayRecordEvidence(ctx: Context, orgCode: string): boolean {
  return ctx.access.can('selection.nominate', orgCode) || ctx.access.can('selection.review', orgCode);
}

const MAGIC: Record<AttachmentType, (data: Buffer) => boolean> = {
  'application/pdf': (data) => data.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/jpeg': (data) => data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff,
  'image/png': (data) => data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (data) => data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
};

export async function attachEvidence(db: Db, ctx: Context, id: string, file: { fileName: string; step?: string | undefined; contentType: string; data: Buffer }) {
  if (!(file.contentType in ATTACHMENT_TYPES)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `佐证材料只能是 ${Object.values(ATTACHMENT_TYPES).join('、')}，请转换后上传`);
  }
  const contentType = file.contentType as AttachmentType;
  if (file.data.length === 0) throw new AppError('VALIDATION_FAILED', '文件为空，请重新选择文件');
  if (file.data.length > MAX_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '佐证材料不能超过 10 MB');
  if (!MAGIC[contentType](file.data)) throw new AppError('VALIDATION_FAILED', `文件内容不是${ATTACHMENT_TYPES[contentType]}，请检查文件是否损坏或扩展名是否正确`);
  await db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, id);
    if (!mayRecordEvidence(ctx, candidate.org_code)) throw forbidden('为该人选上传佐证材料');
    const attachmentId = await selectionRepository.insertAttachment(tx, { candidateId: candidate.id, stepAction: file.step ?? null, fileName: file.fileName, contentType, data: file.data, uploadedBy: actorName(ctx) });
    await recordAuditEvent(tx, ctx, {
      action: 'selection.attach', entityType: 'selectionCandidate', entityId: candidate.id, orgCode: candidate.org_code,
      summary: `${candidate.name}（${candidate.village_name}）上传佐证材料「${file.fileName}」`, after: { attachmentId, fileName: file.fileName, contentType, sizeBytes: file.data.length, step: file.step ?? null },
    });
  });
  return getCandidate(db, ctx, id);
}

export async function getEvidence(db: Db, ctx: Context, id: string, attachmentId: string) {
  const candidate = await loadCandidate(db, ctx, id);
  ctx.access.require('selection.read', [candidate.org_code], { record: '选拔人选', action: '查看该人选的佐证材料' });
  const attachment = await selectionRepository.findAttachment(db, attachmentId);
  if (!attachment || attachment.candidate_id !== candidate.id) throw notFound('佐证材料');
  return attachment;
}
