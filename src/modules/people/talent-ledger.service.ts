import type { Db, Executor } from '../../db/database.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound, versionConflict } from '../../server/errors.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { loadEnabledCodes } from '../dictionaries/dictionaries.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { peopleListRepository, presentTotal, type LedgerRow } from './people-list.repository.ts';
import { peopleRepository } from './people.repository.ts';
import type { TPersonInput } from './people.schemas.ts';
import { auditView, checkPersonInput, encryptPerson, presentSummary, resolvePeopleQuery } from './people.service.ts';
import type { TLedgerEntry } from './talent-ledger.schemas.ts';
import { talentLedgerRepository } from './talent-ledger.repository.ts';

type ListQuery = Parameters<typeof resolvePeopleQuery>[3] & { page: number; pageSize: number };

function present(ctx: Context, row: LedgerRow, referenceDate: string): TLedgerEntry {
  return {
    id: row.id,
    orgCode: row.org_code,
    villageName: row.village_name,
    townshipName: row.township_name,
    sourceCategory: row.source_category,
    isAway: row.is_away,
    notes: row.notes,
    surveyedOn: row.surveyed_on,
    version: row.version,
    person: presentSummary(row, referenceDate),
    policies: { update: ctx.access.can('person.write', row.org_code) },
  };
}

/** Whether the person is in the village's talent ledger (nomination starts from the ledger). */
export async function isInTalentLedger(db: Executor, personId: string, orgCode: string): Promise<boolean> {
  return (await talentLedgerRepository.findByPersonAndUnit(db, personId, orgCode)) !== undefined;
}

export async function listLedger(db: Db, ctx: Context, cipher: SensitiveCipher, query: ListQuery) {
  const resolved = await resolvePeopleQuery(db, ctx, cipher, query, 'person.read');
  const { total, rows } = await peopleListRepository.listLedger(db, resolved, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  return { ...presentTotal(total), entries: rows.map((row) => present(ctx, row, resolved.referenceDate)), policies: { create: ctx.access.canAnywhere('person.write') } };
}

async function requireVillage(db: Db, orgCode: string): Promise<void> {
  const unit = await orgUnitLookup.findByCode(db, orgCode);
  if (!unit) throw notFound('组织单位');
  if (unit.level !== 'village' && unit.level !== 'community') throw new AppError('VALIDATION_FAILED', `人才台账按村（社区）建立，「${unit.name}」不是村或社区`);
}

/**
 * Adds a surveyed person to a village's ledger (一村一册). A person already in the system (same
 * ID number) is linked, not duplicated: one person, seen by every village that surveyed them.
 */
export async function createLedgerEntry(
  db: Db,
  ctx: Context,
  cipher: SensitiveCipher,
  input: { orgCode: string; person: TPersonInput; sourceCategory: string; isAway?: boolean | undefined; notes?: string | null | undefined; surveyedOn?: string | undefined },
): Promise<{ entry: TLedgerEntry; isNewPerson: boolean }> {
  ctx.access.require('person.write', [input.orgCode], { record: '组织单位', action: '在该村（社区）登记人才台账' });
  await requireVillage(db, input.orgCode);
  return db.transaction().execute(async (tx) => {
    const checked = await checkPersonInput(tx, input.person, ctx.today, 'body.person');
    const codes = await loadEnabledCodes(tx);
    if (!codes.sourceCategory.has(input.sourceCategory)) throw new AppError('VALIDATION_FAILED', `来源类别「${input.sourceCategory}」不在字典中，请从下拉列表中选择`);
    const columns = encryptPerson(cipher, checked, input.person);
    const [existing] = await peopleRepository.findByIdNumberHashes(tx, [columns.idNumberHash]);
    const personId = existing?.id ?? (await peopleRepository.insert(tx, columns));
    if (existing && (await talentLedgerRepository.findByPersonAndUnit(tx, existing.id, input.orgCode))) {
      throw new AppError('CONFLICT', `${existing.name}（${existing.idNumberMasked}）已在本村（社区）的人才台账中`);
    }
    const id = await talentLedgerRepository.insert(tx, {
      personId, orgCode: input.orgCode, sourceCategory: input.sourceCategory, isAway: input.isAway ?? false, notes: input.notes ?? null, surveyedOn: input.surveyedOn ?? ctx.today,
    });
    await recordAuditEvent(tx, ctx, {
      action: 'talentLedger.create',
      entityType: 'talentLedgerEntry',
      entityId: id,
      orgCode: input.orgCode,
      summary: `将 ${checked.name} 登记入人才台账${existing ? '（关联已有人员档案）' : ''}`,
      after: { person: existing ? { id: existing.id } : auditView(columns), sourceCategory: input.sourceCategory, isAway: input.isAway ?? false, notes: input.notes ?? null },
    });
    const row = await talentLedgerRepository.findRow(tx, id);
    return { entry: present(ctx, row!, ctx.today), isNewPerson: !existing };
  });
}

export async function updateLedgerEntry(
  db: Db,
  ctx: Context,
  id: string,
  input: { sourceCategory?: string | undefined; isAway?: boolean | undefined; notes?: string | null | undefined; version: number },
): Promise<TLedgerEntry> {
  return db.transaction().execute(async (tx) => {
    const before = await talentLedgerRepository.findRow(tx, id);
    if (!before) throw notFound('台账记录');
    ctx.access.require('person.write', [before.org_code], { record: '台账记录', action: '修改该台账记录' });
    if (input.sourceCategory && !(await loadEnabledCodes(tx)).sourceCategory.has(input.sourceCategory)) {
      throw new AppError('VALIDATION_FAILED', `来源类别「${input.sourceCategory}」不在字典中，请从下拉列表中选择`);
    }
    if (!(await talentLedgerRepository.update(tx, id, input.version, input))) throw versionConflict('该台账记录');
    await recordAuditEvent(tx, ctx, {
      action: 'talentLedger.update',
      entityType: 'talentLedgerEntry',
      entityId: id,
      orgCode: before.org_code,
      summary: `修改 ${before.name} 的人才台账记录`,
      before: { sourceCategory: before.source_category, isAway: before.is_away, notes: before.notes },
      after: { sourceCategory: input.sourceCategory ?? before.source_category, isAway: input.isAway ?? before.is_away, notes: input.notes === undefined ? before.notes : input.notes },
    });
    return present(ctx, (await talentLedgerRepository.findRow(tx, id))!, ctx.today);
  });
}
