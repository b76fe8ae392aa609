import type { ReserveStatus } from '../../domain/reserve-status.ts';
import type { Db, Executor, Tx } from '../../db/database.ts';
import { actorName, type Context } from '../../server/access.ts';
import { AppError, notFound, versionConflict } from '../../server/errors.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { refreshCoverage } from '../coverage/coverage.service.ts';
import { loadEnabledCodes } from '../dictionaries/dictionaries.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { peopleLists, personLookup, presentSummary, presentTotal, resolvePeopleQuery, type ReserveRow } from '../people/people.service.ts';
import { evaluateEligibility } from '../../domain/eligibility.ts';
import { resolveEffectivePolicy } from '../selection/policy.service.ts';
import { reservesRepository, type NewReserve, type ReserveColumns, type StoredReserve } from './reserves.repository.ts';
import type { TReserve } from './reserves.schemas.ts';

export type { NewReserve, ReserveColumns, StoredReserve } from './reserves.repository.ts';

const findReserveRow = (db: Executor, id: string): Promise<ReserveRow | undefined> => peopleLists.findReserveRow(db, id);


// ---- What other modules use to change reserves (selection decision, imports, later removal, appointment, election) ----

/** The status of the person's reserve record in a village; null when there is none. */
export async function findReserveStatusOfPersonIn(db: Executor, personId: string, orgCode: string): Promise<string | null> {
  const reserve = await reservesRepository.findByPersonAndUnit(db, personId, orgCode);
  return reserve ? ((await findReserveRow(db, reserve.id))?.status ?? null) : null;
}

/** The people's reserve records by "personId/orgCode". */
export function findReservesOfPeople(db: Executor, personIds: readonly string[]): Promise<Map<string, StoredReserve>> {
  return reservesRepository.findByPeople(db, personIds);
}

/**
 * Admits a person as a reserve of a village in the caller's transaction: a new record, or the
 * person's existing record there brought back to admitted; writes the status change (with its
 * reason) and the audit event. Returns the reserve's id.
 */
export async function admitReserve(
  tx: Tx,
  ctx: Context,
  input: NewReserve & { admittedOn: string; reason: string; summary: string },
): Promise<string> {
  const existing = await reservesRepository.findByPersonAndUnit(tx, input.personId, input.orgCode);
  let reserveId: string;
  let fromStatus: ReserveStatus | null = null;
  if (existing) {
    reserveId = existing.id;
    fromStatus = (await findReserveRow(tx, existing.id))?.status ?? null;
    await reservesRepository.readmit(tx, existing.id, { readiness: input.readiness, targetPost: input.targetPost, admittedOn: input.admittedOn });
  } else {
    reserveId = await reservesRepository.insert(tx, { ...input, status: 'admitted' });
  }
  await reservesRepository.insertStatusChange(tx, { reserveId, fromStatus, toStatus: 'admitted', reason: input.reason, actorName: actorName(ctx) });
  await recordAuditEvent(tx, ctx, {
    action: existing ? 'reserve.readmit' : 'reserve.create',
    entityType: 'reserve',
    entityId: reserveId,
    orgCode: input.orgCode,
    summary: input.summary,
    after: { personId: input.personId, targetPost: input.targetPost, readiness: input.readiness, sourceCategory: input.sourceCategory, reason: input.reason },
  });
  await refreshCoverage(tx, [input.orgCode], ctx.today);
  return reserveId;
}

/**
 * Moves a reserve to another status in the caller's transaction (removal, appointment): the
 * versioned update, the status change with its reason, the audit event and the village's coverage.
 * Throws the 409 when the reserve changed since it was read.
 */
export async function changeReserveStatus(
  tx: Tx,
  ctx: Context,
  change: { reserveId: string; version: number; toStatus: ReserveStatus; reason: string; action: string; summary: string },
): Promise<void> {
  const before = await findReserveRow(tx, change.reserveId);
  if (!before) throw notFound('后备力量');
  if (!(await reservesRepository.updateStatus(tx, change.reserveId, change.version, change.toStatus))) throw versionConflict(`${before.name}的后备力量记录`);
  await reservesRepository.insertStatusChange(tx, { reserveId: change.reserveId, fromStatus: before.status, toStatus: change.toStatus, reason: change.reason, actorName: actorName(ctx) });
  await recordAuditEvent(tx, ctx, {
    action: change.action, entityType: 'reserve', entityId: change.reserveId, orgCode: before.org_code, summary: change.summary,
    before: { status: before.status }, after: { status: change.toStatus, reason: change.reason },
  });
  await refreshCoverage(tx, [before.org_code], ctx.today);
}

/** A reserve's row (person's facts, status, version) for other modules' use cases. */
export const findReserve = findReserveRow;

/**
 * Admits many reserves at once (imports), each with its first status change; the ids are the
 * caller's. The caller records one audit event for the whole import.
 */
export async function admitReservesInBulk(tx: Tx, ctx: Context, reserves: readonly (NewReserve & { id: string })[], reason: string): Promise<void> {
  await reservesRepository.insertAdmitted(tx, reserves, { reason, actorName: actorName(ctx) });
  await refreshCoverage(tx, reserves.map((reserve) => reserve.orgCode), ctx.today);
}

/**
 * Writes changed columns over stored reserves (imports; the import records the audit event), and
 * brings their villages' coverage up to date. Throws the 409 when someone changed a reserve since
 * it was read.
 */
export async function overwriteReserves(tx: Tx, ctx: Context, changes: readonly { stored: StoredReserve; orgCode: string; columns: ReserveColumns }[]): Promise<void> {
  for (const { stored, columns } of changes) {
    if (!(await reservesRepository.update(tx, stored.id, stored.version, columns))) throw versionConflict('后备力量记录');
  }
  await refreshCoverage(tx, changes.map((change) => change.orgCode), ctx.today);
}

type ListQuery = Parameters<typeof resolvePeopleQuery>[3] & { page: number; pageSize: number };

export function presentReserve(ctx: Context, row: ReserveRow, referenceDate: string): TReserve {
  return {
    id: row.id,
    orgCode: row.org_code,
    villageName: row.village_name,
    townshipName: row.township_name,
    status: row.status as TReserve['status'],
    targetPost: row.target_post,
    readiness: row.readiness,
    sourceCategory: row.source_category,
    mentorName: row.mentor_name,
    mentorPost: row.mentor_post,
    notes: row.notes,
    admittedOn: row.admitted_on,
    version: row.version,
    person: presentSummary(row, referenceDate),
    policies: { update: ctx.access.can('reserve.write', row.org_code) },
  };
}

export async function listReserves(db: Db, ctx: Context, cipher: SensitiveCipher, query: ListQuery) {
  const resolved = await resolvePeopleQuery(db, ctx, cipher, query, 'person.read');
  const { total, rows } = await peopleLists.listReserves(db, resolved, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  return { ...presentTotal(total), reserves: rows.map((row) => presentReserve(ctx, row, resolved.referenceDate)), policies: { create: ctx.access.canAnywhere('reserve.write') } };
}

/** Checks the dictionary-coded fields of a reserve; returns a Chinese message per bad field. */
export async function reserveProblems(db: Executor, columns: Partial<ReserveColumns>): Promise<{ field: keyof ReserveColumns; message: string }[]> {
  const codes = await loadEnabledCodes(db);
  const problems: { field: keyof ReserveColumns; message: string }[] = [];
  if (columns.targetPost !== undefined && !codes.targetPost.has(columns.targetPost)) problems.push({ field: 'targetPost', message: `拟任岗位「${columns.targetPost}」不在字典中` });
  if (columns.readiness !== undefined && !codes.readiness.has(columns.readiness)) problems.push({ field: 'readiness', message: `成熟度「${columns.readiness}」不在字典中` });
  if (columns.sourceCategory !== undefined && !codes.sourceCategory.has(columns.sourceCategory)) problems.push({ field: 'sourceCategory', message: `身份（来源类别）「${columns.sourceCategory}」不在字典中` });
  return problems;
}

async function requireValidReserve(db: Executor, columns: Partial<ReserveColumns>): Promise<void> {
  const problems = await reserveProblems(db, columns);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `${problems.map((problem) => problem.message).join('；')}，请从下拉列表中选择`);
}

/**
 * Registers a reserve already on a paper roster (存量登记) directly into the pool: only the township
 * and above, with the roster or minutes it comes from, and through the eligibility engine — a
 * person who fails the policy in force at the village needs an exception, approved by the township
 * with its reason (the ten exclusions are never waived). New people go through selection.
 */
export async function createReserve(
  db: Db,
  ctx: Context,
  input: Omit<ReserveColumns, 'mentorName' | 'mentorPost' | 'notes'> & {
    orgCode: string;
    personId: string;
    mentorName?: string | null | undefined;
    mentorPost?: string | null | undefined;
    notes?: string | null | undefined;
    admittedOn?: string | null | undefined;
    registration: { sourceDocument: string; exceptionReason?: string | null | undefined };
  },
): Promise<TReserve> {
  ctx.access.require('reserve.write', [input.orgCode], { record: '组织单位', action: '在该村（社区）登记后备力量' });
  return db.transaction().execute(async (tx) => {
    const unit = await orgUnitLookup.findByCode(tx, input.orgCode);
    if (!unit) throw notFound('组织单位');
    if (unit.level !== 'village' && unit.level !== 'community') throw new AppError('VALIDATION_FAILED', `后备力量按村（社区）登记，「${unit.name}」不是村或社区`);
    if (!unit.parentCode || !ctx.access.can('reserve.write', unit.parentCode)) {
      throw new AppError('FORBIDDEN', '存量后备力量由乡镇党委或组织部直接登记；村（社区）请通过选拔程序推荐人选');
    }
    const person = await personLookup.findById(tx, input.personId);
    const personUnits = person ? ((await personLookup.listOrgCodes(tx, [person.id])).get(person.id) ?? []) : [];
    if (!person || !personUnits.some((code) => ctx.access.can('person.read', code))) throw notFound('人员');
    await requireValidReserve(tx, input);
    if ((await findReserveStatusOfPersonIn(tx, input.personId, input.orgCode)) !== null) {
      throw new AppError('CONFLICT', `${person.name} 已是「${unit.name}」的后备力量`);
    }
    const policy = await resolveEffectivePolicy(tx, input.orgCode);
    const { verdicts } = evaluateEligibility({ birthDate: person.birthDate, politicalStatus: person.politicalStatus, education: person.education, exclusionsFound: [] }, policy.rules);
    const failed = verdicts.filter((verdict) => !verdict.passed);
    const exceptionReason = input.registration.exceptionReason ?? null;
    if (failed.length > 0 && !exceptionReason) {
      throw new AppError('CONFLICT', `${person.name}不符合资格条件：${failed.map((verdict) => verdict.explanation).join('；')}。存量登记须经乡镇党委批准破格，请填写破格理由；否则请通过选拔程序推荐`);
    }
    const waived = failed.map((verdict) => verdict.explanation);
    const reason = `存量登记：${input.registration.sourceDocument}${waived.length > 0 ? `；经乡镇党委批准破格（${waived.join('；')}）：${exceptionReason}` : ''}`;
    const id = await admitReserve(tx, ctx, {
      personId: input.personId, orgCode: input.orgCode, targetPost: input.targetPost, readiness: input.readiness, sourceCategory: input.sourceCategory,
      mentorName: input.mentorName ?? null, mentorPost: input.mentorPost ?? null, notes: input.notes ?? null, admittedOn: input.admittedOn ?? ctx.today,
      reason, summary: `将 ${person.name} 登记为「${unit.name}」的后备力量（存量登记）`,
    });
    return presentReserve(ctx, (await findReserveRow(tx, id))!, ctx.today);
  });
}

export async function updateReserve(db: Db, ctx: Context, id: string, input: Partial<ReserveColumns> & { version: number }): Promise<TReserve> {
  return db.transaction().execute(async (tx) => {
    const before = await findReserveRow(tx, id);
    if (!before) throw notFound('后备力量');
    ctx.access.require('reserve.write', [before.org_code], { record: '后备力量', action: '修改该后备力量' });
    await requireValidReserve(tx, input);
    const { version, ...changes } = input;
    if (!(await reservesRepository.update(tx, id, version, changes))) throw versionConflict('该后备力量记录');
    await refreshCoverage(tx, [before.org_code], ctx.today);
    await recordAuditEvent(tx, ctx, {
      action: 'reserve.update',
      entityType: 'reserve',
      entityId: id,
      orgCode: before.org_code,
      summary: `修改后备力量 ${before.name} 的信息`,
      before: { targetPost: before.target_post, readiness: before.readiness, sourceCategory: before.source_category, mentorName: before.mentor_name, mentorPost: before.mentor_post, notes: before.notes },
      after: changes,
    });
    return presentReserve(ctx, (await findReserveRow(tx, id))!, ctx.today);
  });
}

export async function listReserveHistory(db: Db, ctx: Context, id: string) {
  const reserve = await findReserveRow(db, id);
  if (!reserve) throw notFound('后备力量');
  ctx.access.require('person.read', [reserve.org_code], { record: '后备力量', action: '查看该后备力量' });
  return reservesRepository.listStatusChanges(db, id);
}
