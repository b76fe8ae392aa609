import type { Db } from '../../db/database.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import type { Context } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { isKnownRegion } from '../people/people.service.ts';
import { createRosterChecker, type ImportKind, type RosterSheet } from './roster-sheet-checker.ts';
import type { SheetCheckFacts } from './sheet-rows.ts';
import { loadGrid } from './spreadsheet.ts';

/**
 * Reads a roster workbook for the target unit (a county, township or village) and prepares the
 * check of every row and cell: the caller's right to import there, the villages under the target
 * and the dictionaries come from the database, the check itself is pure (roster-sheet-checker.ts).
 * `hashOf` gives the blind index of an ID number.
 */
export async function openRoster(db: Db, ctx: Context, hashOf: (idNumber: string) => string, orgCode: string, file: Buffer, kind: ImportKind): Promise<RosterSheet> {
  ctx.access.require(kind === 'roster' ? 'reserve.write' : 'person.write', [orgCode], { record: '组织单位', action: kind === 'roster' ? '向该单位导入名册' : '向该单位导入人才台账' });
  return createRosterChecker(await loadGrid(file), await loadSheetFacts(db, ctx, hashOf, orgCode));
}

/** What the check of an imported sheet needs from the database: the target unit (checked by the caller), the villages under it, the dictionaries. */
export async function loadSheetFacts(db: Db, ctx: Context, hashOf: (idNumber: string) => string, orgCode: string): Promise<SheetCheckFacts> {
  const target = await orgUnitLookup.findByCode(db, orgCode);
  if (!target) throw notFound('组织单位');
  const villages = await orgUnitLookup.listVillagesWithin(db, subtreePrefix(target.code, target.level));
  const items = await loadEnabledItems(db);
  return { target, villages, items, today: ctx.today, isKnownRegion, hashOf };
}
