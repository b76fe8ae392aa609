import { futureDateProblem } from '../../domain/dates.ts';
import type { Db, Executor } from '../../db/database.ts';
import { countyOf } from '../../db/distribution.ts';
import type { Context } from '../../server/access.ts';
import { AppError, forbidden, notFound, refuseProblem, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { findReserveBriefs, presentBrief, readableRecords, requireReserve, type ReserveBriefRow } from './cultivation-access.ts';
import { cultivationRepository } from './cultivation.repository.ts';
import { MENTOR_POST_LABELS, type MENTOR_POSTS } from './cultivation.schemas.ts';
import { presentEntry, recordEntry } from './record-entry.ts';
import { prefixOf } from './training.service.ts';

type MentorPost = (typeof MENTOR_POSTS)[number];
type AssignmentRow = NonNullable<Awaited<ReturnType<typeof cultivationRepository.findAssignment>>>;
type ContactRow = NonNullable<Awaited<ReturnType<typeof cultivationRepository.findContact>>>;
type SummaryRow = NonNullable<Awaited<ReturnType<typeof cultivationRepository.findSummary>>>;
type TalkRow = NonNullable<Awaited<ReturnType<typeof cultivationRepository.findTalk>>>;

function isActiveOn(assignment: { started_on: string; ended_on: string | null }, date: string): boolean {
  return assignment.started_on <= date && (assignment.ended_on === null || assignment.ended_on >= date);
}

/** Whether the caller is the mentor of this assignment and it is active today. */
function isOwnAssignment(ctx: Context, assignment: { mentor_user_id: string | null; started_on: string; ended_on: string | null }): boolean {
  return ctx.actor !== null && assignment.mentor_user_id === ctx.actor.userId && ctx.access.canAnywhere('mentoring.log') && isActiveOn(assignment, ctx.today);
}

/** Logs and summaries: officers who may write cultivation records of the village, or the assignment's own mentor. */
function canLog(ctx: Context, assignment: { org_code: string; mentor_user_id: string | null; started_on: string; ended_on: string | null }): boolean {
  return ctx.access.can('cultivation.write', assignment.org_code) || isOwnAssignment(ctx, assignment);
}

async function briefsFor(db: Executor, rows: readonly { reserve_id: string }[]): Promise<Map<string, ReserveBriefRow>> {
  return findReserveBriefs(db, rows.map((row) => row.reserve_id));
}

function pageOf(query: { page: number; pageSize: number }) {
  return { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
}

/** The records filter of a list: what the caller may read, narrowed to a reserve or a unit. */
export async function listFilter(db: Executor, ctx: Context, query: { reserveId?: string | undefined; orgCode?: string | undefined }, columns: { org: string; reserve: string }) {
  if (!ctx.access.canAnywhere('cultivation.read') && !ctx.access.canAnywhere('mentoring.log')) throw forbidden('查看培养教育记录');
  const reserve = query.reserveId ? await requireReserve(db, ctx, query.reserveId, 'cultivation.read', 'read', '查看该后备力量的培养记录') : undefined;
  return reserveRecordFilter(ctx, columns, reserve, query.orgCode);
}

/**
 * The filter of a list of records: what the caller may read, and, for one reserve (already
 * required), its id and county (which keeps the query on that county's shard on Citus).
 */
export function reserveRecordFilter(ctx: Context, columns: { org: string; reserve: string }, reserve: { id: string; org_code: string } | undefined, orgCode?: string) {
  return {
    readable: readableRecords(ctx, columns.org, columns.reserve), reserveId: reserve?.id, countyCode: reserve ? countyOf(reserve.org_code) : undefined,
    orgPrefix: orgCode ? prefixOf(orgCode) : undefined,
  };
}

// ---------- assignments ----------

export function presentAssignment(ctx: Context, row: AssignmentRow, brief: ReserveBriefRow) {
  const canManage = ctx.access.can('cultivation.assess', row.org_code);
  return {
    id: row.id, reserve: presentBrief(brief), mentorUserId: row.mentor_user_id, mentorName: row.mentor_name, mentorPost: row.mentor_post as MentorPost,
    mentorTitle: row.mentor_title, startedOn: row.started_on, endedOn: row.ended_on, isActive: isActiveOn(row, ctx.today), version: row.version,
    policies: { update: canManage, delete: false },
  };
}

export async function listAssignments(db: Db, ctx: Context, query: { reserveId?: string | undefined; orgCode?: string | undefined; isActive?: 'true' | 'false' | undefined; mine?: 'true' | 'false' | undefined; page: number; pageSize: number }) {
  const filter = await listFilter(db, ctx, query, { org: 'org_code', reserve: 'reserve_id' });
  const { total, rows } = await cultivationRepository.listAssignments(db, {
    ...filter, activeOn: query.isActive === 'true' ? ctx.today : undefined, mentorUserId: query.mine === 'true' ? (ctx.actor?.userId ?? '00000000-0000-4000-8000-000000000000') : undefined,
  }, pageOf(query));
  const briefs = await briefsFor(db, rows);
  return { total, assignments: rows.map((row) => presentAssignment(ctx, row, briefs.get(row.reserve_id)!)), policies: { create: ctx.access.canAnywhere('cultivation.assess') } };
}

export async function createAssignment(db: Db, ctx: Context, input: { reserveId: string; mentorUserId?: string | null | undefined; mentorName?: string | undefined; mentorPost: MentorPost; mentorTitle?: string | null | undefined; startedOn: string; endedOn?: string | null | undefined }) {
  return db.transaction().execute(async (tx) => {
    const reserve = await requireReserve(tx, ctx, input.reserveId, 'cultivation.assess', 'none', '为该后备力量指定导师');
    if (input.endedOn && input.endedOn < input.startedOn) throw new AppError('VALIDATION_FAILED', '帮带结束日期不能早于开始日期');
    let mentorName = input.mentorName ?? null;
    if (input.mentorUserId) {
      const bindings = await cultivationRepository.findUserWithRole(tx, input.mentorUserId, 'mentor');
      const binding = bindings.find((item) => reserve.org_code.startsWith(prefixOf(item.org_code)));
      if (bindings.length === 0 || bindings[0]!.is_disabled) throw new AppError('VALIDATION_FAILED', '所选用户不是帮带导师（或已停用），请先在用户管理中为其授予「帮带导师」角色');
      if (!binding) throw new AppError('VALIDATION_FAILED', `导师的所属单位不含 ${reserve.name} 所在的「${reserve.village_name}」，请选择本村、本乡镇或本县的导师`);
      mentorName = mentorName ?? bindings[0]!.display_name;
    }
    if (!mentorName) throw new AppError('VALIDATION_FAILED', '请填写导师姓名，或选择一名帮带导师用户');
    const id = await cultivationRepository.insertAssignment(tx, {
      reserveId: reserve.id, orgCode: reserve.org_code, mentorUserId: input.mentorUserId ?? null, mentorName, mentorPost: input.mentorPost,
      mentorTitle: input.mentorTitle ?? null, startedOn: input.startedOn, endedOn: input.endedOn ?? null,
    });
    await recordAuditEvent(tx, ctx, {
      action: 'mentoring.assign', entityType: 'mentoringAssignment', entityId: id, orgCode: reserve.org_code,
      summary: `为 ${reserve.name} 指定帮带导师 ${mentorName}（${MENTOR_POST_LABELS[input.mentorPost]}），自 ${input.startedOn} 起`, after: input,
    });
    return presentAssignment(ctx, (await cultivationRepository.findAssignment(tx, id))!, reserve);
  });
}

async function requireAssignment(db: Executor, ctx: Context, id: string): Promise<{ assignment: AssignmentRow; reserve: ReserveBriefRow }> {
  const assignment = await cultivationRepository.findAssignment(db, id);
  if (!assignment) throw notFound('帮带关系');
  const reserve = await requireReserve(db, ctx, assignment.reserve_id, 'cultivation.read', 'read', '查看该帮带关系');
  return { assignment, reserve };
}

export async function updateAssignment(db: Db, ctx: Context, id: string, input: { mentorPost?: MentorPost | undefined; mentorTitle?: string | null | undefined; endedOn?: string | null | undefined; version: number }) {
  return db.transaction().execute(async (tx) => {
    const { assignment, reserve } = await requireAssignment(tx, ctx, id);
    if (!ctx.access.can('cultivation.assess', assignment.org_code)) throw forbidden('修改帮带关系');
    if (input.endedOn && input.endedOn < assignment.started_on) throw new AppError('VALIDATION_FAILED', `帮带结束日期不能早于开始日期 ${assignment.started_on}`);
    const { version, ...changes } = input;
    if (!(await cultivationRepository.updateAssignment(tx, id, version, changes))) throw versionConflict('该帮带关系');
    await recordAuditEvent(tx, ctx, {
      action: 'mentoring.update', entityType: 'mentoringAssignment', entityId: id, orgCode: assignment.org_code,
      summary: `修改 ${reserve.name} 与导师 ${assignment.mentor_name} 的帮带关系${input.endedOn ? `（${input.endedOn} 结束）` : ''}`, before: assignment, after: changes,
    });
    return presentAssignment(ctx, (await cultivationRepository.findAssignment(tx, id))!, reserve);
  });
}

/** Mentor users for a reserve without one: the same village first, then the township and county, fewest active mentees first. */
export async function suggestMentors(db: Db, ctx: Context, reserveId: string) {
  const reserve = await requireReserve(db, ctx, reserveId, 'cultivation.assess', 'none', '为该后备力量指定导师');
  const today = ctx.today;
  const assignments = await cultivationRepository.listAssignmentsOfReserve(db, reserveId, countyOf(reserve.org_code));
  const countyPrefix = reserve.org_code.slice(0, 6);
  const candidates = (await cultivationRepository.listMentorCandidates(db, countyPrefix, today))
    .filter((row) => reserve.org_code.startsWith(prefixOf(row.org_code)))
    .filter((row) => !assignments.some((assignment) => assignment.mentor_user_id === row.id && isActiveOn(assignment, today)));
  const unique = new Map<string, (typeof candidates)[number]>();
  for (const row of candidates) {
    const known = unique.get(row.id);
    if (!known || row.org_code.length > known.org_code.length || prefixOf(row.org_code).length > prefixOf(known.org_code).length) unique.set(row.id, row);
  }
  const suggestions = [...unique.values()].map((row) => ({
    mentorUserId: row.id, mentorName: row.display_name, orgCode: row.org_code, orgName: row.org_name,
    isSameVillage: row.org_code === reserve.org_code, activeMenteeCount: Number(row.mentee_count ?? 0), closeness: prefixOf(row.org_code).length,
  })).sort((a, b) => b.closeness - a.closeness || a.activeMenteeCount - b.activeMenteeCount || a.mentorName.localeCompare(b.mentorName, 'zh-CN'))
    .map(({ closeness: _closeness, ...rest }) => rest);
  return { reserve: presentBrief(reserve), hasActiveMentor: assignments.some((assignment) => isActiveOn(assignment, today)), suggestions: suggestions.slice(0, 20) };
}

// ---------- contacts ----------

export function presentContact(ctx: Context, row: ContactRow, brief: ReserveBriefRow) {
  const allowed = canLog(ctx, { org_code: row.org_code, mentor_user_id: row.mentor_user_id, started_on: row.started_on, ended_on: row.ended_on });
  return {
    id: row.id, assignmentId: row.assignment_id, reserve: presentBrief(brief), mentorName: row.mentor_name, contactedOn: row.contacted_on,
    form: row.form as 'talk' | 'visit' | 'phone' | 'online', thoughts: row.thoughts, work: row.work, problems: row.problems, helpGiven: row.help_given,
    ...presentEntry(row), version: row.version, policies: { update: allowed, delete: allowed },
  };
}

/** A log or summary is the mentor's own when the assignment's mentor user enters it; anyone else enters it for them (代录). */
function mentorEntry(ctx: Context, assignment: { mentor_user_id: string | null }) {
  return recordEntry(ctx, (actor) => assignment.mentor_user_id === actor.userId);
}

/** The assignment a log or summary is written under, if the caller may write for it. */
async function requireLoggableAssignment(db: Executor, ctx: Context, assignmentId: string): Promise<{ assignment: AssignmentRow; reserve: ReserveBriefRow }> {
  const { assignment, reserve } = await requireAssignment(db, ctx, assignmentId);
  if (!canLog(ctx, assignment)) throw forbidden('填写该帮带关系的记录（只有该导师本人或村、乡镇管理人员可以填写）');
  return { assignment, reserve };
}

function checkContactDate(ctx: Context, assignment: AssignmentRow, contactedOn: string): void {
  refuseProblem(futureDateProblem('联系日期', contactedOn, ctx.today));
  if (!isActiveOn(assignment, contactedOn)) {
    throw new AppError('VALIDATION_FAILED', `联系日期 ${contactedOn} 不在帮带期内（${assignment.started_on} 至 ${assignment.ended_on ?? '今'}），请核对日期`);
  }
}

export async function listContacts(db: Db, ctx: Context, query: { reserveId?: string | undefined; assignmentId?: string | undefined; orgCode?: string | undefined; year?: number | undefined; month?: number | undefined; page: number; pageSize: number }) {
  const filter = await listFilter(db, ctx, query, { org: 'c.org_code', reserve: 'c.reserve_id' });
  if (query.month !== undefined && query.year === undefined) throw new AppError('VALIDATION_FAILED', '按月份查看时请同时指定年度');
  const from = query.year !== undefined ? `${query.year}-${String(query.month ?? 1).padStart(2, '0')}-01` : undefined;
  const to = query.year !== undefined ? (query.month ? new Date(Date.UTC(query.year, query.month, 0)).toISOString().slice(0, 10) : `${query.year}-12-31`) : undefined;
  const { total, rows } = await cultivationRepository.listContacts(db, { ...filter, assignmentId: query.assignmentId, from, to }, pageOf(query));
  const briefs = await briefsFor(db, rows);
  return { total, contacts: rows.map((row) => presentContact(ctx, row, briefs.get(row.reserve_id)!)) };
}

type ContactInput = { assignmentId: string; contactedOn: string; form: string; thoughts?: string | null | undefined; work?: string | null | undefined; problems?: string | null | undefined; helpGiven?: string | null | undefined };

export async function createContact(db: Db, ctx: Context, input: ContactInput) {
  return db.transaction().execute(async (tx) => {
    const { assignment, reserve } = await requireLoggableAssignment(tx, ctx, input.assignmentId);
    checkContactDate(ctx, assignment, input.contactedOn);
    const id = await cultivationRepository.insertContact(tx, {
      assignmentId: assignment.id, reserveId: reserve.id, orgCode: reserve.org_code, contactedOn: input.contactedOn, form: input.form,
      thoughts: input.thoughts ?? null, work: input.work ?? null, problems: input.problems ?? null, helpGiven: input.helpGiven ?? null, ...mentorEntry(ctx, assignment),
    });
    await recordAuditEvent(tx, ctx, {
      action: 'mentoring.contact', entityType: 'mentorContact', entityId: id, orgCode: reserve.org_code,
      summary: `记录导师 ${assignment.mentor_name} 于 ${input.contactedOn} 与 ${reserve.name} 的帮带联系`, after: input,
    });
    return presentContact(ctx, (await cultivationRepository.findContact(tx, id))!, reserve);
  });
}

async function requireContact(db: Executor, ctx: Context, id: string) {
  const contact = await cultivationRepository.findContact(db, id);
  if (!contact) throw notFound('帮带记录');
  const { assignment, reserve } = await requireAssignment(db, ctx, contact.assignment_id);
  return { contact, assignment, reserve };
}

export async function getContact(db: Db, ctx: Context, id: string) {
  const { contact, reserve } = await requireContact(db, ctx, id);
  return presentContact(ctx, contact, reserve);
}

export async function updateContact(db: Db, ctx: Context, id: string, input: Partial<Omit<ContactInput, 'assignmentId'>> & { version: number }) {
  return db.transaction().execute(async (tx) => {
    const { contact, assignment, reserve } = await requireContact(tx, ctx, id);
    if (!canLog(ctx, assignment)) throw forbidden('修改该帮带记录');
    if (input.contactedOn) checkContactDate(ctx, assignment, input.contactedOn);
    const { version, ...changes } = input;
    if (!(await cultivationRepository.updateContact(tx, id, version, changes))) throw versionConflict('该帮带记录');
    await recordAuditEvent(tx, ctx, { action: 'mentoring.contactUpdate', entityType: 'mentorContact', entityId: id, orgCode: reserve.org_code, summary: `修改 ${reserve.name} ${contact.contacted_on} 的帮带记录`, before: contact, after: changes });
    return presentContact(ctx, (await cultivationRepository.findContact(tx, id))!, reserve);
  });
}

export async function deleteContact(db: Db, ctx: Context, id: string, version: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { contact, assignment, reserve } = await requireContact(tx, ctx, id);
    if (!canLog(ctx, assignment)) throw forbidden('删除该帮带记录');
    if (!(await cultivationRepository.deleteContact(tx, id, version))) throw versionConflict('该帮带记录');
    await recordAuditEvent(tx, ctx, { action: 'mentoring.contactDelete', entityType: 'mentorContact', entityId: id, orgCode: reserve.org_code, summary: `删除 ${reserve.name} ${contact.contacted_on} 的帮带记录`, before: contact });
  });
}

// ---------- quarterly summaries ----------

export function presentSummary(ctx: Context, row: SummaryRow, brief: ReserveBriefRow, assignment: { started_on: string; ended_on: string | null }) {
  const allowed = canLog(ctx, { org_code: row.org_code, mentor_user_id: row.mentor_user_id, ...assignment });
  return {
    id: row.id, assignmentId: row.assignment_id, reserve: presentBrief(brief), mentorName: row.mentor_name, year: row.year, quarter: row.quarter,
    periodText: row.period_text, content: row.content, opinion: row.opinion, ...presentEntry(row), version: row.version, policies: { update: allowed, delete: false },
  };
}

export async function listSummaries(db: Db, ctx: Context, query: { reserveId?: string | undefined; orgCode?: string | undefined; year?: number | undefined; page: number; pageSize: number }) {
  const filter = await listFilter(db, ctx, query, { org: 's.org_code', reserve: 's.reserve_id' });
  const { total, rows } = await cultivationRepository.listSummaries(db, { ...filter, year: query.year }, pageOf(query));
  const briefs = await briefsFor(db, rows);
  const assignments = new Map<string, AssignmentRow>();
  for (const row of rows) if (!assignments.has(row.assignment_id)) assignments.set(row.assignment_id, (await cultivationRepository.findAssignment(db, row.assignment_id))!);
  return { total, summaries: rows.map((row) => presentSummary(ctx, row, briefs.get(row.reserve_id)!, assignments.get(row.assignment_id)!)) };
}

export async function createSummary(db: Db, ctx: Context, input: { assignmentId: string; year: number; quarter: number; periodText?: string | null | undefined; content: string; opinion: string }) {
  return db.transaction().execute(async (tx) => {
    const { assignment, reserve } = await requireLoggableAssignment(tx, ctx, input.assignmentId);
    const quarterStart = `${input.year}-${String(input.quarter * 3 - 2).padStart(2, '0')}-01`;
    const quarterEnd = new Date(Date.UTC(input.year, input.quarter * 3, 0)).toISOString().slice(0, 10);
    if (assignment.started_on > quarterEnd || (assignment.ended_on !== null && assignment.ended_on < quarterStart)) {
      throw new AppError('VALIDATION_FAILED', `${input.year} 年第 ${input.quarter} 季度不在帮带期内（${assignment.started_on} 至 ${assignment.ended_on ?? '今'}）`);
    }
    if (quarterStart > ctx.today) throw new AppError('VALIDATION_FAILED', `${input.year} 年第 ${input.quarter} 季度尚未开始，不能填写小结`);
    const id = await cultivationRepository.insertSummary(tx, {
      assignmentId: assignment.id, reserveId: reserve.id, orgCode: reserve.org_code, year: input.year, quarter: input.quarter,
      periodText: input.periodText ?? null, content: input.content, opinion: input.opinion, ...mentorEntry(ctx, assignment),
    });
    if (!id) throw new AppError('CONFLICT', `导师 ${assignment.mentor_name} 对 ${reserve.name} 的 ${input.year} 年第 ${input.quarter} 季度小结已填写，请在原记录上修改`);
    await recordAuditEvent(tx, ctx, {
      action: 'mentoring.summary', entityType: 'mentoringSummary', entityId: id, orgCode: reserve.org_code,
      summary: `填写导师 ${assignment.mentor_name} 对 ${reserve.name} 的 ${input.year} 年第 ${input.quarter} 季度帮带小结`, after: input,
    });
    return presentSummary(ctx, (await cultivationRepository.findSummary(tx, id))!, reserve, assignment);
  });
}

export async function updateSummary(db: Db, ctx: Context, id: string, input: { periodText?: string | null | undefined; content?: string | undefined; opinion?: string | undefined; version: number }) {
  return db.transaction().execute(async (tx) => {
    const summary = await cultivationRepository.findSummary(tx, id);
    if (!summary) throw notFound('帮带小结');
    const { assignment, reserve } = await requireAssignment(tx, ctx, summary.assignment_id);
    if (!canLog(ctx, assignment)) throw forbidden('修改该帮带小结');
    const { version, ...changes } = input;
    if (!(await cultivationRepository.updateSummary(tx, id, version, changes))) throw versionConflict('该帮带小结');
    await recordAuditEvent(tx, ctx, { action: 'mentoring.summaryUpdate', entityType: 'mentoringSummary', entityId: id, orgCode: reserve.org_code, summary: `修改 ${reserve.name} ${summary.year} 年第 ${summary.quarter} 季度帮带小结`, before: summary, after: changes });
    return presentSummary(ctx, (await cultivationRepository.findSummary(tx, id))!, reserve, assignment);
  });
}

// ---------- annual talks ----------

export function presentTalk(ctx: Context, row: TalkRow, brief: ReserveBriefRow) {
  return {
    id: row.id, reserve: presentBrief(brief), talkedOn: row.talked_on, talkerName: row.talker_name, content: row.content, ...presentEntry(row), version: row.version,
    policies: { update: false, delete: false },
  };
}

export async function listTalks(db: Db, ctx: Context, query: { reserveId?: string | undefined; orgCode?: string | undefined; year?: number | undefined; page: number; pageSize: number }) {
  const filter = await listFilter(db, ctx, query, { org: 'org_code', reserve: 'reserve_id' });
  const { total, rows } = await cultivationRepository.listTalks(db, { ...filter, year: query.year }, pageOf(query));
  const briefs = await briefsFor(db, rows);
  return { total, talks: rows.map((row) => presentTalk(ctx, row, briefs.get(row.reserve_id)!)) };
}

export async function createTalk(db: Db, ctx: Context, input: { reserveId: string; talkedOn: string; talkerName: string; content: string }) {
  return db.transaction().execute(async (tx) => {
    const reserve = await requireReserve(tx, ctx, input.reserveId, 'cultivation.assess', 'none', '记录乡镇党委书记谈心谈话');
    refuseProblem(futureDateProblem('谈话日期', input.talkedOn, ctx.today));
    const id = await cultivationRepository.insertTalk(tx, { ...input, orgCode: reserve.org_code, ...recordEntry(ctx, (actor) => actor.displayName === input.talkerName) });
    await recordAuditEvent(tx, ctx, { action: 'mentoring.talk', entityType: 'annualTalk', entityId: id, orgCode: reserve.org_code, summary: `记录 ${input.talkerName} 于 ${input.talkedOn} 与 ${reserve.name} 的谈心谈话`, after: input });
    return presentTalk(ctx, (await cultivationRepository.findTalk(tx, id))!, reserve);
  });
}
