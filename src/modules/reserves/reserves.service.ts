import type { Db, Executor } from '../../db/database.ts';
import { todayInChina } from '../../domain/dates.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound, versionConflict } from '../../server/errors.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { loadEnabledCodes } from '../dictionaries/dictionaries.service.ts';
import { orgUnitsRepository } from '../org-units/org-units.repository.ts';
import { peopleListRepository, presentTotal, type ReserveRow } from '../people/people-list.repository.ts';
import { peopleRepository } from '../people/people.repository.ts';
import { presentSummary, resolvePeopleQuery } from '../people/people.service.ts';
import { reservesRepository, type ReserveColumns } from './reserves.repository.ts';
import type { TReserve } from './reserves.schemas.ts';

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
  const { total, rows } = await peopleListRepository.listReserves(db, resolved, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
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

/** Enters an existing reserve directly into the pool (as admitted), e.g. one already on a paper roster. */
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
  },
): Promise<TReserve> {
  ctx.access.require('reserve.write', [input.orgCode], { record: '组织单位', action: '在该村（社区）登记后备力量' });
  return db.transaction().execute(async (tx) => {
    const unit = await orgUnitsRepository.findByCode(tx, input.orgCode);
    if (!unit) throw notFound('组织单位');
    if (unit.level !== 'village' && unit.level !== 'community') throw new AppError('VALIDATION_FAILED', `后备力量按村（社区）登记，「${unit.name}」不是村或社区`);
    const person = await peopleRepository.findById(tx, input.personId);
    const personUnits = person ? ((await peopleRepository.listOrgCodes(tx, [person.id])).get(person.id) ?? []) : [];
    if (!person || !personUnits.some((code) => ctx.access.can('person.read', code))) throw notFound('人员');
    await requireValidReserve(tx, input);
    if (await reservesRepository.findByPersonAndUnit(tx, input.personId, input.orgCode)) {
      throw new AppError('CONFLICT', `${person.name} 已是「${unit.name}」的后备力量`);
    }
    const id = await reservesRepository.insert(tx, { ...input, mentorName: input.mentorName ?? null, mentorPost: input.mentorPost ?? null, notes: input.notes ?? null, status: 'admitted', admittedOn: input.admittedOn ?? todayInChina() });
    await reservesRepository.insertStatusChange(tx, { reserveId: id, fromStatus: null, toStatus: 'admitted', reason: '直接登记入库', actorName: ctx.actor?.username ?? 'system' });
    await recordAuditEvent(tx, ctx, {
      action: 'reserve.create',
      entityType: 'reserve',
      entityId: id,
      orgCode: input.orgCode,
      summary: `将 ${person.name} 登记为「${unit.name}」的后备力量`,
      after: { personId: input.personId, targetPost: input.targetPost, readiness: input.readiness, sourceCategory: input.sourceCategory, mentorName: input.mentorName ?? null, mentorPost: input.mentorPost ?? null },
    });
    return presentReserve(ctx, (await reservesRepository.findRow(tx, id))!, todayInChina());
  });
}

export async function updateReserve(db: Db, ctx: Context, id: string, input: Partial<ReserveColumns> & { version: number }): Promise<TReserve> {
  return db.transaction().execute(async (tx) => {
    const before = await reservesRepository.findRow(tx, id);
    if (!before) throw notFound('后备力量');
    ctx.access.require('reserve.write', [before.org_code], { record: '后备力量', action: '修改该后备力量' });
    await requireValidReserve(tx, input);
    const { version, ...changes } = input;
    if (!(await reservesRepository.update(tx, id, version, changes))) throw versionConflict('该后备力量记录');
    await recordAuditEvent(tx, ctx, {
      action: 'reserve.update',
      entityType: 'reserve',
      entityId: id,
      orgCode: before.org_code,
      summary: `修改后备力量 ${before.name} 的信息`,
      before: { targetPost: before.target_post, readiness: before.readiness, sourceCategory: before.source_category, mentorName: before.mentor_name, mentorPost: before.mentor_post, notes: before.notes },
      after: changes,
    });
    return presentReserve(ctx, (await reservesRepository.findRow(tx, id))!, todayInChina());
  });
}

export async function listReserveHistory(db: Db, ctx: Context, id: string) {
  const reserve = await reservesRepository.findRow(db, id);
  if (!reserve) throw notFound('后备力量');
  ctx.access.require('person.read', [reserve.org_code], { record: '后备力量', action: '查看该后备力量' });
  return reservesRepository.listStatusChanges(db, id);
}
