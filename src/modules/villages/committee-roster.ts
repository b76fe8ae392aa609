import type { Db, Executor, Tx } from '../../db/database.ts';
import {
  COMMITTEE_LABELS, LEAVE_REASON_LABELS, POST_LABELS, holdingMarks, opensVacancy, postLabel, postProblem, seatingProblem,
  type SeatHolder,
  type Committee, type LeaveReason, type Post,
} from '../../domain/committee.ts';
import { ageOn, futureDateProblem } from '../../domain/dates.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound, refuseProblem, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { listingPrefixes, orgUnitLookup } from '../org-units/org-units.service.ts';
import { personLookup } from '../people/people.service.ts';
import { requireVillage } from './village-profile.ts';
import { villagesRepository, type MemberRow, type VacancyRow } from './villages.repository.ts';

/** The 两委 roster of a village: members with their terms, how they left, and the vacancies that opened. */

export function presentMember(row: MemberRow, marks: ReturnType<typeof holdingMarks>, today: string) {
  const mark = marks.get(row.person_id);
  return {
    id: row.id, orgCode: row.org_code, personId: row.person_id, name: row.name, gender: row.gender, age: ageOn(row.birth_date, today),
    education: row.education, politicalStatus: row.political_status,
    committee: row.committee, committeeLabel: COMMITTEE_LABELS[row.committee], post: row.post, postLabel: POST_LABELS[row.post],
    termYear: row.term_year, startedOn: row.started_on, endedOn: row.ended_on, leaveReason: row.leave_reason,
    leaveReasonLabel: row.leave_reason ? LEAVE_REASON_LABELS[row.leave_reason] : null,
    isSecretaryAndDirector: row.ended_on === null && (mark?.isSecretaryAndDirector ?? false),
    isCrossHolding: row.ended_on === null && (mark?.isCrossHolding ?? false),
    version: row.version,
  };
}

export function presentVacancy(ctx: Context, row: VacancyRow) {
  return {
    id: row.id, orgCode: row.org_code, villageName: row.village_name, committee: row.committee, post: row.post, postLabel: postLabel(row.committee, row.post),
    openedOn: row.opened_on, cause: row.cause, closedOn: row.closed_on, version: row.version,
    policies: { appoint: row.closed_on === null && ctx.access.can('appointment.recommend', row.org_code) },
  };
}

export function toSeatHolder(row: MemberRow): SeatHolder {
  return { personId: row.person_id, name: row.name, committee: row.committee, post: row.post };
}

function marksOf(rows: readonly MemberRow[]) {
  return holdingMarks(rows.filter((row) => row.ended_on === null).map((row) => ({ personId: row.person_id, committee: row.committee, post: row.post })));
}

export async function getRoster(db: Db, ctx: Context, orgCode: string, options: { includePast?: boolean | undefined } = {}) {
  ctx.access.require('person.read', [orgCode], { record: '村（社区）', action: '查看“两委”名册' });
  const unit = await requireVillage(db, ctx, orgCode);
  const rows = await villagesRepository.listMembers(db, { prefixes: [orgCode], orgCode, sittingOnly: !options.includePast });
  const marks = marksOf(rows);
  const vacancies = await villagesRepository.listVacancies(db, { prefixes: [unit.code], openOnly: false });
  return {
    orgCode: unit.code, name: unit.name,
    members: rows.map((row) => presentMember(row, marks, ctx.today)),
    vacancies: vacancies.filter((vacancy) => vacancy.org_code === unit.code).map((vacancy) => presentVacancy(ctx, vacancy)),
    policies: { manage: ctx.access.can('village.manage', unit.code) },
  };
}

/**
 * Seats a member (the township or the county: rosters after an election, or an import). One
 * sitting holder of each head post (书记, 主任) per committee; the same person not twice in one committee.
 */
export async function seatMember(tx: Tx, ctx: Context, input: { orgCode: string; personId: string; committee: Committee; post: Post; termYear: number; startedOn: string }): Promise<string> {
  const problem = postProblem(input.committee, input.post);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ field: 'post', message: problem }]);
  const unit = await requireVillage(tx, ctx, input.orgCode);
  const person = await personLookup.findById(tx, input.personId);
  const personUnits = person ? ((await personLookup.listOrgCodes(tx, [person.id])).get(person.id) ?? []) : [];
  if (!person || !personUnits.some((code) => ctx.access.sees(code))) throw notFound('人员');
  refuseProblem(futureDateProblem('任职日期', input.startedOn, ctx.today));
  const sitting = await villagesRepository.listMembers(tx, { prefixes: [unit.code], orgCode: unit.code, sittingOnly: true, committee: input.committee });
  const seatProblem = seatingProblem(sitting.map(toSeatHolder), { personId: person.id, name: person.name, committee: input.committee, post: input.post }, unit.name);
  if (seatProblem) throw new AppError('CONFLICT', seatProblem.message);
  const id = await villagesRepository.insertMember(tx, input);
  await recordAuditEvent(tx, ctx, {
    action: 'committeeMember.create', entityType: 'committeeMember', entityId: id, orgCode: unit.code,
    summary: `${person.name}任「${unit.name}」${postLabel(input.committee, input.post)}（${input.termYear} 年届，${input.startedOn} 起）`, after: input,
  });
  return id;
}

export async function addMember(db: Db, ctx: Context, input: Parameters<typeof seatMember>[2]) {
  ctx.access.require('village.manage', [input.orgCode], { record: '村（社区）', action: '维护“两委”名册' });
  return db.transaction().execute(async (tx) => {
    const id = await seatMember(tx, ctx, input);
    const rows = await villagesRepository.listMembers(tx, { prefixes: [input.orgCode], orgCode: input.orgCode, sittingOnly: true });
    return presentMember(rows.find((row) => row.id === id)!, marksOf(rows), ctx.today);
  });
}

/**
 * A member leaves: 届满 ends the seat; any other way (辞职, 调整撤换, 罢免, 去世, 调离) before the end
 * of the term opens a vacancy on the post (届中出缺).
 */
export async function memberLeaves(db: Db, ctx: Context, memberId: string, input: { endedOn: string; reason: LeaveReason; version: number }) {
  return db.transaction().execute(async (tx) => {
    const member = await villagesRepository.findMember(tx, memberId);
    if (!member || !ctx.access.sees(member.org_code)) throw notFound('“两委”成员');
    ctx.access.require('village.manage', [member.org_code], { record: '“两委”成员', action: '登记“两委”成员离任' });
    if (member.ended_on !== null) throw new AppError('CONFLICT', `${member.name}已于 ${member.ended_on} 离任`);
    refuseProblem(futureDateProblem('离任日期', input.endedOn, ctx.today));
    if (input.endedOn < member.started_on) throw new AppError('VALIDATION_FAILED', `离任日期（${input.endedOn}）不能早于任职日期（${member.started_on}）`);
    if (!(await villagesRepository.endMember(tx, memberId, input.version, { endedOn: input.endedOn, reason: input.reason }))) throw versionConflict(`${member.name}的任职记录`);
    const label = postLabel(member.committee, member.post);
    let vacancyId: string | null = null;
    if (opensVacancy(input.reason)) {
      vacancyId = await villagesRepository.insertVacancy(tx, {
        orgCode: member.org_code, committee: member.committee, post: member.post, openedOn: input.endedOn,
        cause: `${member.name}${LEAVE_REASON_LABELS[input.reason]}`, leftMemberId: member.id,
      });
    }
    const unit = await orgUnitLookup.findByCode(tx, member.org_code);
    await recordAuditEvent(tx, ctx, {
      action: 'committeeMember.leave', entityType: 'committeeMember', entityId: memberId, orgCode: member.org_code,
      summary: `${member.name}离任「${unit?.name ?? member.org_code}」${label}（${LEAVE_REASON_LABELS[input.reason]}）${vacancyId ? '，该职务出缺' : ''}`,
      before: { endedOn: null }, after: { ...input, vacancyId },
    });
    return { memberId, vacancyId };
  });
}

/** The members sitting in a village's committees (the election module's "before"). */
export async function listSittingMembers(db: Executor, orgCode: string): Promise<MemberRow[]> {
  return villagesRepository.listMembers(db, { prefixes: [orgCode], orgCode, sittingOnly: true });
}

/** Ends a sitting member's term at the 换届 (届满, no vacancy) in the caller's transaction, with its audit event. */
export async function endMemberTerm(tx: Tx, ctx: Context, member: MemberRow, endedOn: string, villageName: string): Promise<void> {
  if (endedOn < member.started_on) throw new AppError('VALIDATION_FAILED', `${member.name}的离任日期（${endedOn}）不能早于任职日期（${member.started_on}）`);
  if (!(await villagesRepository.endMember(tx, member.id, member.version, { endedOn, reason: 'termEnded' }))) throw versionConflict(`${member.name}的任职记录`);
  await recordAuditEvent(tx, ctx, {
    action: 'committeeMember.leave', entityType: 'committeeMember', entityId: member.id, orgCode: member.org_code,
    summary: `${member.name}离任「${villageName}」${postLabel(member.committee, member.post)}（${LEAVE_REASON_LABELS.termEnded}）`,
    before: { endedOn: null }, after: { endedOn, reason: 'termEnded' },
  });
}

/** A post planned before an election, or a vacancy the township records by hand. */
export async function openVacancy(db: Db, ctx: Context, input: { orgCode: string; committee: Committee; post: Post; openedOn: string; cause: string }) {
  ctx.access.require('village.manage', [input.orgCode], { record: '村（社区）', action: '登记空缺职务' });
  const problem = postProblem(input.committee, input.post);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, [{ field: 'post', message: problem }]);
  return db.transaction().execute(async (tx) => {
    const unit = await requireVillage(tx, ctx, input.orgCode);
    const id = await villagesRepository.insertVacancy(tx, { ...input, leftMemberId: null });
    await recordAuditEvent(tx, ctx, {
      action: 'postVacancy.create', entityType: 'postVacancy', entityId: id, orgCode: unit.code,
      summary: `登记「${unit.name}」${postLabel(input.committee, input.post)}空缺：${input.cause}`, after: input,
    });
    return presentVacancy(ctx, (await villagesRepository.findVacancy(tx, id))!);
  });
}

export async function listVacancies(db: Db, ctx: Context, query: { orgCode?: string | undefined; openOnly?: boolean | undefined }) {
  const prefixes = await listingPrefixes(db, ctx, query.orgCode, '查看空缺职务');
  const rows = await villagesRepository.listVacancies(db, { prefixes, openOnly: query.openOnly ?? true });
  return { vacancies: rows.map((row) => presentVacancy(ctx, row)) };
}

/** A vacancy the caller sees, for the appointment module. */
export async function findVacancy(db: Executor, ctx: Context, id: string): Promise<VacancyRow> {
  const vacancy = await villagesRepository.findVacancy(db, id);
  if (!vacancy || !ctx.access.sees(vacancy.org_code)) throw notFound('空缺职务');
  return vacancy;
}

/** Closes a vacancy filled by an appointment, in the caller's transaction. */
export async function closeVacancy(tx: Tx, vacancy: VacancyRow, closedOn: string): Promise<void> {
  if (!(await villagesRepository.closeVacancy(tx, vacancy.id, vacancy.version, closedOn))) throw versionConflict(`「${vacancy.village_name}」${postLabel(vacancy.committee, vacancy.post)}空缺`);
}
