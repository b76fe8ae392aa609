import { futureDateProblem } from '../../domain/dates.ts';
import type { Db, Executor } from '../../db/database.ts';
import { countyOf } from '../../db/distribution.ts';
import { assessmentDateProblem, describeAssessmentPeriod, type AssessmentPeriod } from '../../domain/assessment-period.ts';
import { evaluateTraining, type TrainingMethod } from '../../domain/training-rules.ts';
import type { Context } from '../../server/access.ts';
import { AppError, forbidden, notFound, refuseProblem, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { findReserveBriefs, presentBrief, requireReserve, type CultivationPermission, type ReserveBriefRow } from './cultivation-access.ts';
import { cultivationRepository } from './cultivation.repository.ts';
import { GRADE_LABELS, MEETING_TYPE_LABELS, PARTY_STAGE_LABELS, PARTY_STAGES, PRACTICE_CATEGORIES, PRACTICE_CATEGORY_LABELS, type GRADES, type MEETING_TYPES } from './cultivation.schemas.ts';
import { listFilter, presentAssignment, presentContact, presentSummary, presentTalk, reserveRecordFilter } from './mentoring.service.ts';
import { isOfAssessingUnit, plainEntry, presentEntry, presentPlainEntry, recordEntry } from './record-entry.ts';
import { effectiveTrainingRules } from './training.service.ts';
import { trainingRepository } from './training.repository.ts';

type PracticeRow = NonNullable<Awaited<ReturnType<typeof cultivationRepository.findPractice>>>;
type ObserverRow = NonNullable<Awaited<ReturnType<typeof cultivationRepository.findObserver>>>;
type AssessmentRow = NonNullable<Awaited<ReturnType<typeof cultivationRepository.findAssessment>>>;
type Grade = (typeof GRADES)[number];

function pageOf(query: { page: number; pageSize: number }) {
  return { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
}

async function briefsFor(db: Executor, rows: readonly { reserve_id: string }[]): Promise<Map<string, ReserveBriefRow>> {
  return findReserveBriefs(db, rows.map((row) => row.reserve_id));
}

/** A record of a reserve by id, if the caller may at least read the reserve's records. */
async function requireRecord<T extends { reserve_id: string }>(db: Executor, ctx: Context, record: T | undefined, what: string): Promise<{ record: T; reserve: ReserveBriefRow }> {
  if (!record) throw notFound(what);
  const reserve = await requireReserve(db, ctx, record.reserve_id, 'cultivation.read', 'read', `查看该${what}`);
  return { record, reserve };
}

function requireWrite(ctx: Context, reserve: ReserveBriefRow, permission: CultivationPermission, action: string): void {
  if (!ctx.access.can(permission, reserve.org_code)) throw forbidden(action);
}

// ---------- practice ----------

export function presentPractice(ctx: Context, row: PracticeRow, brief: ReserveBriefRow) {
  const canWrite = ctx.access.can('cultivation.write', row.org_code);
  return {
    id: row.id, reserve: presentBrief(brief), kind: row.kind as 'post' | 'task', category: row.category, startedOn: row.started_on, endedOn: row.ended_on,
    content: row.content, performance: row.performance, opinion: row.opinion, ...presentPlainEntry(row), version: row.version, policies: { update: canWrite, delete: canWrite },
  };
}

function checkPractice(kind: 'post' | 'task', category: string, startedOn: string, endedOn: string | null | undefined): void {
  const allowed: readonly string[] = PRACTICE_CATEGORIES[kind];
  if (!allowed.includes(category)) {
    throw new AppError('VALIDATION_FAILED', `${kind === 'post' ? '岗位锻炼' : '专项任务'}的类别应为：${allowed.map((code) => `${code}（${PRACTICE_CATEGORY_LABELS[code]}）`).join('、')}`);
  }
  if (endedOn && endedOn < startedOn) throw new AppError('VALIDATION_FAILED', `结束日期 ${endedOn} 早于开始日期 ${startedOn}`);
}

export async function listPractice(db: Db, ctx: Context, query: { reserveId?: string | undefined; orgCode?: string | undefined; year?: number | undefined; kind?: 'post' | 'task' | undefined; page: number; pageSize: number }) {
  const filter = await listFilter(db, ctx, query, { org: 'org_code', reserve: 'reserve_id' });
  const { total, rows } = await cultivationRepository.listPractice(db, { ...filter, year: query.year, kind: query.kind }, pageOf(query));
  const briefs = await briefsFor(db, rows);
  return { total, records: rows.map((row) => presentPractice(ctx, row, briefs.get(row.reserve_id)!)) };
}

type PracticeInput = { reserveId: string; kind: 'post' | 'task'; category: string; startedOn: string; endedOn?: string | null | undefined; content: string; performance?: string | null | undefined; opinion?: string | null | undefined };

export async function createPractice(db: Db, ctx: Context, input: PracticeInput) {
  checkPractice(input.kind, input.category, input.startedOn, input.endedOn);
  return db.transaction().execute(async (tx) => {
    const reserve = await requireReserve(tx, ctx, input.reserveId, 'cultivation.write', 'none', '登记该后备力量的实践锻炼');
    const id = await cultivationRepository.insertPractice(tx, { ...input, orgCode: reserve.org_code, endedOn: input.endedOn ?? null, performance: input.performance ?? null, opinion: input.opinion ?? null, ...plainEntry(ctx) });
    await recordAuditEvent(tx, ctx, {
      action: 'practice.create', entityType: 'practiceRecord', entityId: id, orgCode: reserve.org_code,
      summary: `登记 ${reserve.name} 的实践锻炼：${PRACTICE_CATEGORY_LABELS[input.category] ?? input.category}（自 ${input.startedOn}）`, after: input,
    });
    return presentPractice(ctx, (await cultivationRepository.findPractice(tx, id))!, reserve);
  });
}

export async function updatePractice(db: Db, ctx: Context, id: string, input: Partial<Omit<PracticeInput, 'reserveId' | 'kind'>> & { version: number }) {
  return db.transaction().execute(async (tx) => {
    const { record, reserve } = await requireRecord(tx, ctx, await cultivationRepository.findPractice(tx, id), '实践锻炼记录');
    requireWrite(ctx, reserve, 'cultivation.write', '修改该实践锻炼记录');
    checkPractice(record.kind as 'post' | 'task', input.category ?? record.category, input.startedOn ?? record.started_on, input.endedOn !== undefined ? input.endedOn : record.ended_on);
    const { version, ...changes } = input;
    if (!(await cultivationRepository.updatePractice(tx, id, version, changes))) throw versionConflict('该实践锻炼记录');
    await recordAuditEvent(tx, ctx, { action: 'practice.update', entityType: 'practiceRecord', entityId: id, orgCode: reserve.org_code, summary: `修改 ${reserve.name} 的实践锻炼记录`, before: record, after: changes });
    return presentPractice(ctx, (await cultivationRepository.findPractice(tx, id))!, reserve);
  });
}

export async function deletePractice(db: Db, ctx: Context, id: string, version: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { record, reserve } = await requireRecord(tx, ctx, await cultivationRepository.findPractice(tx, id), '实践锻炼记录');
    requireWrite(ctx, reserve, 'cultivation.write', '删除该实践锻炼记录');
    if (!(await cultivationRepository.deletePractice(tx, id, version))) throw versionConflict('该实践锻炼记录');
    await recordAuditEvent(tx, ctx, { action: 'practice.delete', entityType: 'practiceRecord', entityId: id, orgCode: reserve.org_code, summary: `删除 ${reserve.name} 的实践锻炼记录`, before: record });
  });
}

// ---------- observer attendance ----------

export function presentObserver(ctx: Context, row: ObserverRow, brief: ReserveBriefRow) {
  const canWrite = ctx.access.can('cultivation.write', row.org_code);
  return {
    id: row.id, reserve: presentBrief(brief), meetingType: row.meeting_type as (typeof MEETING_TYPES)[number], meetingDate: row.meeting_date, topic: row.topic,
    ...presentPlainEntry(row), version: row.version, policies: { update: false, delete: canWrite },
  };
}

export async function listObservers(db: Db, ctx: Context, query: { reserveId?: string | undefined; orgCode?: string | undefined; year?: number | undefined; page: number; pageSize: number }) {
  const filter = await listFilter(db, ctx, query, { org: 'org_code', reserve: 'reserve_id' });
  const { total, rows } = await cultivationRepository.listObservers(db, { ...filter, year: query.year }, pageOf(query));
  const briefs = await briefsFor(db, rows);
  return { total, attendances: rows.map((row) => presentObserver(ctx, row, briefs.get(row.reserve_id)!)) };
}

export async function createObserver(db: Db, ctx: Context, input: { reserveId: string; meetingType: (typeof MEETING_TYPES)[number]; meetingDate: string; topic?: string | null | undefined }) {
  return db.transaction().execute(async (tx) => {
    const reserve = await requireReserve(tx, ctx, input.reserveId, 'cultivation.write', 'none', '登记该后备力量列席会议');
    const id = await cultivationRepository.insertObserver(tx, { ...input, orgCode: reserve.org_code, topic: input.topic ?? null, ...plainEntry(ctx) });
    await recordAuditEvent(tx, ctx, {
      action: 'practice.observer', entityType: 'observerAttendance', entityId: id, orgCode: reserve.org_code,
      summary: `登记 ${reserve.name} 于 ${input.meetingDate} 列席${MEETING_TYPE_LABELS[input.meetingType]}`, after: input,
    });
    return presentObserver(ctx, (await cultivationRepository.findObserver(tx, id))!, reserve);
  });
}

export async function deleteObserver(db: Db, ctx: Context, id: string, version: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { record, reserve } = await requireRecord(tx, ctx, await cultivationRepository.findObserver(tx, id), '列席记录');
    requireWrite(ctx, reserve, 'cultivation.write', '删除该列席记录');
    if (!(await cultivationRepository.deleteObserver(tx, id, version))) throw versionConflict('该列席记录');
    await recordAuditEvent(tx, ctx, { action: 'practice.observerDelete', entityType: 'observerAttendance', entityId: id, orgCode: reserve.org_code, summary: `删除 ${reserve.name} ${record.meeting_date} 的列席记录`, before: record });
  });
}

// ---------- assessments ----------

/** Village opinions are the village's (cultivation.write); the township's opinions, annual results and re-evaluations need cultivation.assess. */
function assessmentPermission(assessor: string): CultivationPermission {
  return assessor === 'village' ? 'cultivation.write' : 'cultivation.assess';
}

export function presentAssessment(ctx: Context, row: AssessmentRow, brief: ReserveBriefRow) {
  const canWrite = ctx.access.can(assessmentPermission(row.assessor), row.org_code);
  return {
    id: row.id, reserve: presentBrief(brief), kind: row.kind as 'quarterly' | 'annual' | 'preElection', assessor: row.assessor as 'village' | 'township',
    year: row.year, quarter: row.quarter, grade: row.grade as Grade | null, opinion: row.opinion, assessedOn: row.assessed_on, ...presentEntry(row),
    version: row.version, policies: { update: canWrite, delete: false },
  };
}

export async function listAssessments(db: Db, ctx: Context, query: { reserveId?: string | undefined; orgCode?: string | undefined; year?: number | undefined; kind?: string | undefined; page: number; pageSize: number }) {
  const filter = await listFilter(db, ctx, query, { org: 'org_code', reserve: 'reserve_id' });
  const { total, rows } = await cultivationRepository.listAssessments(db, { ...filter, year: query.year, kind: query.kind }, pageOf(query));
  const briefs = await briefsFor(db, rows);
  return { total, assessments: rows.map((row) => presentAssessment(ctx, row, briefs.get(row.reserve_id)!)) };
}

type AssessmentInput = { reserveId: string; kind: 'quarterly' | 'annual' | 'preElection'; assessor: 'village' | 'township'; year: number; quarter?: number | undefined; grade?: Grade | undefined; opinion: string; assessedOn: string };

export async function createAssessment(db: Db, ctx: Context, input: AssessmentInput) {
  if (input.kind === 'quarterly' && input.quarter === undefined) throw new AppError('VALIDATION_FAILED', '季度评定请选择季度（1–4）');
  if (input.kind !== 'quarterly' && input.quarter !== undefined) throw new AppError('VALIDATION_FAILED', '只有季度评定填写季度');
  if (input.kind !== 'quarterly' && input.assessor === 'village') throw new AppError('VALIDATION_FAILED', '年度考核和换届前再评估由乡镇作出，评定单位请选「乡镇」');
  if (input.kind === 'annual' && !input.grade) throw new AppError('VALIDATION_FAILED', '年度考核请选择考核结果（优秀、合格、基本合格、不合格）');
  const dateProblem = assessmentDateProblem(input, input.assessedOn, ctx.today);
  if (dateProblem) throw new AppError('VALIDATION_FAILED', dateProblem);
  return db.transaction().execute(async (tx) => {
    const reserve = await requireReserve(tx, ctx, input.reserveId, assessmentPermission(input.assessor), 'none', input.assessor === 'village' ? '填写村（社区）评定意见' : '填写乡镇评定意见和考核结果');
    const key = { reserveId: reserve.id, kind: input.kind, assessor: input.assessor, year: input.year, quarter: input.quarter ?? null };
    if (input.kind !== 'preElection' && (await cultivationRepository.findAssessmentFor(tx, key))) {
      throw new AppError('CONFLICT', `${reserve.name} 的${describeAssessmentPeriod(input)}（${input.assessor === 'village' ? '村' : '乡镇'}）已填写，请在原记录上修改`);
    }
    const id = await cultivationRepository.insertAssessment(tx, { ...key, grade: input.grade ?? null, orgCode: reserve.org_code, opinion: input.opinion, assessedOn: input.assessedOn, ...recordEntry(ctx, (actor) => isOfAssessingUnit(actor, input.assessor, reserve.org_code)) });
    await recordAuditEvent(tx, ctx, {
      action: 'assessment.create', entityType: 'assessment', entityId: id, orgCode: reserve.org_code,
      summary: `填写 ${reserve.name} 的${describeAssessmentPeriod(input)}（${input.assessor === 'village' ? '村（社区）' : '乡镇'}）${input.grade ? `：${GRADE_LABELS[input.grade]}` : ''}`, after: input,
    });
    return presentAssessment(ctx, (await cultivationRepository.findAssessment(tx, id))!, reserve);
  });
}

export async function updateAssessment(db: Db, ctx: Context, id: string, input: { grade?: Grade | null | undefined; opinion?: string | undefined; assessedOn?: string | undefined; version: number }) {
  return db.transaction().execute(async (tx) => {
    const { record, reserve } = await requireRecord(tx, ctx, await cultivationRepository.findAssessment(tx, id), '考核记录');
    requireWrite(ctx, reserve, assessmentPermission(record.assessor), '修改该考核记录');
    if (record.kind === 'annual' && input.grade === null) throw new AppError('VALIDATION_FAILED', '年度考核结果不能为空');
    const period: AssessmentPeriod = { kind: record.kind as AssessmentPeriod['kind'], year: record.year, quarter: record.quarter };
    const dateProblem = input.assessedOn ? assessmentDateProblem(period, input.assessedOn, ctx.today) : null;
    if (dateProblem) throw new AppError('VALIDATION_FAILED', dateProblem);
    const { version, ...changes } = input;
    if (!(await cultivationRepository.updateAssessment(tx, id, version, changes))) throw versionConflict('该考核记录');
    await recordAuditEvent(tx, ctx, { action: 'assessment.update', entityType: 'assessment', entityId: id, orgCode: reserve.org_code, summary: `修改 ${reserve.name} 的${describeAssessmentPeriod(period)}`, before: record, after: changes });
    return presentAssessment(ctx, (await cultivationRepository.findAssessment(tx, id))!, reserve);
  });
}

// ---------- Party-joining track ----------

type PartyStage = (typeof PARTY_STAGES)[number];

function nextStage(steps: readonly { stage: string }[]): PartyStage | null {
  const reached = new Set(steps.map((step) => step.stage));
  return PARTY_STAGES.find((stage) => !reached.has(stage)) ?? null;
}

export async function getPartyJoining(db: Db, ctx: Context, reserveId: string) {
  const reserve = await requireReserve(db, ctx, reserveId, 'cultivation.read', 'read', '查看该后备力量的入党培养情况');
  const steps = (await cultivationRepository.listPartySteps(db, reserveId, countyOf(reserve.org_code))).map((step) => ({ stage: step.stage as PartyStage, reachedOn: step.reached_on, notes: step.notes }));
  return { reserve: presentBrief(reserve), steps, nextStage: nextStage(steps), policies: { update: ctx.access.can('cultivation.write', reserve.org_code) } };
}

/** Replaces the track: stages in order from the first, each no earlier than the one before. */
export async function savePartyJoining(db: Db, ctx: Context, reserveId: string, input: { steps: readonly { stage: PartyStage; reachedOn: string; notes?: string | null | undefined }[] }) {
  const steps = [...input.steps].sort((a, b) => PARTY_STAGES.indexOf(a.stage) - PARTY_STAGES.indexOf(b.stage));
  steps.forEach((step, index) => {
    if (step.stage !== PARTY_STAGES[index]) throw new AppError('VALIDATION_FAILED', `入党培养须按「${PARTY_STAGES.map((stage) => PARTY_STAGE_LABELS[stage]).join(' → ')}」依次填写，缺少「${PARTY_STAGE_LABELS[PARTY_STAGES[index]!]}」`);
    const previous = steps[index - 1];
    if (previous && step.reachedOn < previous.reachedOn) throw new AppError('VALIDATION_FAILED', `「${PARTY_STAGE_LABELS[step.stage]}」的日期 ${step.reachedOn} 早于「${PARTY_STAGE_LABELS[previous.stage]}」的日期 ${previous.reachedOn}`);
    refuseProblem(futureDateProblem(`「${PARTY_STAGE_LABELS[step.stage]}」的日期`, step.reachedOn, ctx.today));
  });
  await db.transaction().execute(async (tx) => {
    const reserve = await requireReserve(tx, ctx, reserveId, 'cultivation.write', 'none', '维护该后备力量的入党培养情况');
    const before = await cultivationRepository.listPartySteps(tx, reserveId, countyOf(reserve.org_code));
    await cultivationRepository.replacePartySteps(tx, reserveId, reserve.org_code, steps.map((step) => ({ stage: step.stage, reachedOn: step.reachedOn, notes: step.notes ?? null })));
    await recordAuditEvent(tx, ctx, {
      action: 'assessment.partyJoining', entityType: 'reserve', entityId: reserveId, orgCode: reserve.org_code,
      summary: `更新 ${reserve.name} 的入党培养进程：${steps.length === 0 ? '清空' : steps.map((step) => `${PARTY_STAGE_LABELS[step.stage]} ${step.reachedOn}`).join('，')}`, before, after: steps,
    });
  });
  return getPartyJoining(db, ctx, reserveId);
}

// ---------- everything about one reserve for a year ----------

export async function getReserveCultivation(db: Db, ctx: Context, reserveId: string, year: number = Number(ctx.today.slice(0, 4))) {
  const reserve = await requireReserve(db, ctx, reserveId, 'cultivation.read', 'read', '查看该后备力量的培养记录');
  const inYear = (date: string | null | undefined) => date !== null && date !== undefined && date.startsWith(`${year}-`);
  const all = { offset: 0, limit: 10_000 };
  // Every read names the reserve's county: on Citus each goes to that county's shard alone.
  const county = countyOf(reserve.org_code);
  const filter = reserveRecordFilter(ctx, { org: 'org_code', reserve: 'reserve_id' }, reserve);
  const contactFilter = reserveRecordFilter(ctx, { org: 'c.org_code', reserve: 'c.reserve_id' }, reserve);
  const summaryFilter = reserveRecordFilter(ctx, { org: 's.org_code', reserve: 's.reserve_id' }, reserve);
  const attendance = await trainingRepository.listReserveAttendance(db, reserveId, county);
  const assignments = await cultivationRepository.listAssignmentsOfReserve(db, reserveId, county);
  const contacts = (await cultivationRepository.listContacts(db, { ...contactFilter, from: `${year}-01-01`, to: `${year}-12-31` }, all)).rows;
  const summaries = (await cultivationRepository.listSummaries(db, { ...summaryFilter, year }, all)).rows;
  const talks = (await cultivationRepository.listTalks(db, { ...filter, year }, all)).rows;
  const practice = (await cultivationRepository.listPractice(db, { ...filter, year }, all)).rows;
  const observers = (await cultivationRepository.listObservers(db, { ...filter, year }, all)).rows;
  const assessments = (await cultivationRepository.listAssessments(db, { ...filter, year }, all)).rows;
  const party = await cultivationRepository.listPartySteps(db, reserveId, county);
  const today = ctx.today;
  const onDate = `${year}-12-31` < today ? `${year}-12-31` : today;
  const { rules } = await effectiveTrainingRules(db, reserve.org_code);
  const compliance = evaluateTraining(
    attendance.filter((row) => row.attended).map((row) => ({ method: row.method as TrainingMethod, startDate: row.start_date, endDate: row.end_date, daysAttended: row.days_attended })),
    rules, { onDate, admittedOn: reserve.admitted_on ?? onDate },
  );
  const assignmentById = new Map(assignments.map((row) => [row.id, row]));
  return {
    reserve: presentBrief(reserve),
    year,
    admittedOn: reserve.admitted_on,
    compliance,
    training: attendance.filter((row) => inYear(row.end_date)).map((row) => ({
      sessionId: row.session_id, name: row.name, method: row.method as TrainingMethod, organiser: row.organiser, startDate: row.start_date, endDate: row.end_date,
      days: row.days, content: row.content, attended: row.attended, daysAttended: row.days_attended, result: row.result,
    })),
    assignments: assignments.filter((row) => row.started_on <= `${year}-12-31` && (row.ended_on === null || row.ended_on >= `${year}-01-01`)).map((row) => presentAssignment(ctx, row, reserve)),
    contacts: contacts.map((row) => presentContact(ctx, row, reserve)).reverse(),
    summaries: summaries.map((row) => presentSummary(ctx, row, reserve, assignmentById.get(row.assignment_id)!)),
    talks: talks.map((row) => presentTalk(ctx, row, reserve)),
    practice: practice.map((row) => presentPractice(ctx, row, reserve)),
    observerAttendances: observers.map((row) => presentObserver(ctx, row, reserve)),
    assessments: assessments.map((row) => presentAssessment(ctx, row, reserve)),
    partyJoining: party.map((step) => ({ stage: step.stage as PartyStage, reachedOn: step.reached_on, notes: step.notes })),
  };
}
