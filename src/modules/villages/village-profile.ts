import type { Db, Executor, Tx } from '../../db/database.ts';
import { deriveVillageNeed, type DerivedNeed } from '../../domain/village-need.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { loadEnabledCodes } from '../dictionaries/dictionaries.service.ts';
import { orgUnitLookup, type OrgUnitRecord } from '../org-units/org-units.service.ts';
import { villagesRepository, type ProfileColumns, type ProfileRecord } from './villages.repository.ts';

/** The village profile (村情) and the reserve need that follows from it (因村选人). */

const EMPTY_PROFILE: ProfileColumns = {
  villageType: null, households: null, population: null, collectiveIncome: null, incomeYear: null, condition: null,
  hasProminentProblems: false, secretaryNeedsAdjustment: false, needOverride: null, needOverrideReason: null,
};

export function needOf(profile: ProfileColumns | undefined): DerivedNeed {
  const facts = profile ?? EMPTY_PROFILE;
  return deriveVillageNeed({
    condition: facts.condition, hasProminentProblems: facts.hasProminentProblems, secretaryNeedsAdjustment: facts.secretaryNeedsAdjustment,
    override: facts.needOverride && facts.needOverrideReason ? { need: facts.needOverride, reason: facts.needOverrideReason } : null,
  });
}

/** The derived need of each village (for the selection board, coverage and suggestions). */
export async function findVillageNeeds(db: Executor, orgCodes: readonly string[]): Promise<Map<string, DerivedNeed>> {
  const profiles = await villagesRepository.findProfiles(db, orgCodes);
  return new Map(orgCodes.map((code) => [code, needOf(profiles.get(code))]));
}

export function presentProfile(ctx: Context, unit: OrgUnitRecord, profile: ProfileRecord | undefined) {
  const { orgCode: _orgCode, version: _version, ...columns } = profile ?? { ...EMPTY_PROFILE, orgCode: unit.code, version: null };
  return {
    orgCode: unit.code, name: unit.name, level: unit.level, ...columns,
    derivedNeed: needOf(profile), version: profile?.version ?? null,
    policies: { update: ctx.access.can('village.manage', unit.code) },
  };
}

export async function requireVillage(db: Executor, ctx: Context, orgCode: string): Promise<OrgUnitRecord> {
  if (!ctx.access.sees(orgCode)) throw notFound('村（社区）');
  const unit = await orgUnitLookup.findByCode(db, orgCode);
  if (!unit) throw notFound('村（社区）');
  if (unit.level !== 'village' && unit.level !== 'community') throw new AppError('VALIDATION_FAILED', `「${unit.name}」不是村或社区`);
  return unit;
}

export async function getVillageProfile(db: Db, ctx: Context, orgCode: string) {
  ctx.access.require('orgUnit.read', [orgCode], { record: '村（社区）', action: '查看村情' });
  const unit = await requireVillage(db, ctx, orgCode);
  return presentProfile(ctx, unit, (await villagesRepository.findProfiles(db, [orgCode])).get(orgCode));
}

/**
 * Saves the profile (the township or the county). A need override needs its reason; a change of
 * the need is followed by the caller's coverage refresh (the needed kind may change).
 */
export async function saveVillageProfile(tx: Tx, ctx: Context, orgCode: string, input: ProfileColumns & { version: number | null }) {
  ctx.access.require('village.manage', [orgCode], { record: '村（社区）', action: '维护村情' });
  const unit = await requireVillage(tx, ctx, orgCode);
  if ((input.needOverride === null) !== (input.needOverrideReason === null)) {
    throw new AppError('VALIDATION_FAILED', input.needOverride === null ? '未调整需要的类型时不填写调整理由' : '调整需要的后备力量类型须填写理由', [{ field: 'needOverrideReason', message: '调整需要的后备力量类型须填写理由' }]);
  }
  if (input.condition !== null && !(await loadEnabledCodes(tx)).villageCondition.has(input.condition)) {
    throw new AppError('VALIDATION_FAILED', `村（社区）状况「${input.condition}」不在字典中，请从下拉列表中选择`);
  }
  const before = (await villagesRepository.findProfiles(tx, [orgCode])).get(orgCode);
  const { version, ...columns } = input;
  if (before) {
    if (version === null || !(await villagesRepository.updateProfile(tx, orgCode, version, columns))) throw versionConflict(`「${unit.name}」的村情`);
  } else {
    if (version !== null) throw versionConflict(`「${unit.name}」的村情`);
    await villagesRepository.insertProfile(tx, orgCode, columns);
  }
  const need = needOf(columns);
  await recordAuditEvent(tx, ctx, {
    action: 'villageProfile.update', entityType: 'orgUnit', entityId: orgCode, orgCode,
    summary: `维护「${unit.name}」的村情（需要：${need.need === null ? '不限' : need.need === 'mature' ? '成熟型' : '潜力型'}）`,
    before: before ?? null, after: columns,
  });
  return presentProfile(ctx, unit, (await villagesRepository.findProfiles(tx, [orgCode])).get(orgCode));
}

/** Sets (or clears) the override of a village's need, keeping the rest of its profile (the selection board's setting). */
export async function overrideVillageNeed(tx: Tx, ctx: Context, orgCode: string, input: { need: ProfileColumns['needOverride']; reason: string | null; version: number | null }) {
  const current = (await villagesRepository.findProfiles(tx, [orgCode])).get(orgCode);
  const columns: ProfileColumns = current ? { ...current } : { ...EMPTY_PROFILE };
  return saveVillageProfile(tx, ctx, orgCode, { ...columns, needOverride: input.need, needOverrideReason: input.need === null ? null : input.reason, version: input.version });
}

/** The profiles' versions, for pages that offer to change them. */
export async function findProfileVersions(db: Executor, orgCodes: readonly string[]): Promise<Map<string, number>> {
  return new Map([...(await villagesRepository.findProfiles(db, orgCodes))].map(([code, profile]) => [code, profile.version]));
}
