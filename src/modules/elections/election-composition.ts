import type { Db } from '../../db/database.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { rollUpComposition, type VillageComposition } from '../../domain/election-procedure.ts';
import type { Context } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { electionsRepository } from './elections.repository.ts';

/** Above this many villages (a city, a province) the report gives the roll-ups without the village rows. */
const MAXIMUM_VILLAGE_ROWS = 2_000;

/**
 * The composition of the new committees against the targets (seed 000, SPEC section 6): per
 * village as filed, rolled up per township and for the whole unit, before and after.
 */
export async function getCompositionReport(db: Db, ctx: Context, query: { orgCode?: string | undefined; termYear?: number | undefined }) {
  ctx.access.requireAnywhere('election.read', '查看换届班子结构');
  let prefixes = ctx.access.prefixes('election.read');
  if (query.orgCode) {
    ctx.access.require('election.read', [query.orgCode], { record: '组织单位', action: '查看换届班子结构' });
    const unit = await orgUnitLookup.findByCode(db, query.orgCode);
    if (!unit) throw notFound('组织单位');
    prefixes = [subtreePrefix(unit.code, unit.level)];
  }
  const rows = (await electionsRepository.listCompositions(db, prefixes, query.termYear ?? null))
    .filter((row): row is typeof row & { composition: VillageComposition } => row.composition !== null);
  const byTownship = new Map<string, VillageComposition[]>();
  for (const row of rows) byTownship.set(row.township_code, [...(byTownship.get(row.township_code) ?? []), row.composition]);
  const names = new Map((await orgUnitLookup.findByCodes(db, [...byTownship.keys()])).map((unit) => [unit.code, unit.name]));
  return {
    total: rollUpComposition(rows.map((row) => row.composition)),
    townships: [...byTownship].map(([code, compositions]) => ({ code, name: names.get(code) ?? code, ...rollUpComposition(compositions) })),
    villagesOmitted: rows.length > MAXIMUM_VILLAGE_ROWS,
    villages: rows.length > MAXIMUM_VILLAGE_ROWS ? [] : rows.map((row) => ({ id: row.id, orgCode: row.org_code, villageName: row.village_name, filedOn: row.filed_on, ...row.composition })),
  };
}
