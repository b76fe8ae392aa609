import type { Db } from '../../db/database.ts';
import { coverageSummary } from '../../domain/coverage.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { addGroupedCounts, addUnitTotals, UNIT_TOTALS, type UnitTotals } from '../../domain/statistics.ts';
import { systemContext, type Context } from '../../server/access.ts';
import { orgUnitLookup, type OrgUnitRecord } from '../org-units/org-units.service.ts';
import { statisticsRepository, storeBreakdowns, type StoredStructure } from './statistics.repository.ts';
import { computeUnitStatistics } from './unit-statistics.ts';

/**
 * County statistics (县级统计): the counts of each county stored, so that a city, a province or the
 * nation reads its figures, charts and coverage lines as its counties' counts added up instead of
 * counting every reserve of its subtree at each view. A county and the units below it are always
 * counted live. The server counts a county again when its row is older than the refresh interval;
 * a reading counts at once the counties with no row or a row of another day.
 */

/** Levels whose dashboard adds up its counties' stored counts. */
export function readsCountyStatistics(level: OrgUnitRecord['level']): boolean {
  return level === 'nation' || level === 'province' || level === 'city';
}

/** Counts a unit live on the caller's date: its totals and its groupings (a county's are what is stored). */
export async function countUnit(db: Db, ctx: Context, unit: Pick<OrgUnitRecord, 'code' | 'level'>): Promise<{ totals: UnitTotals; structure: StoredStructure }> {
  const prefix = subtreePrefix(unit.code, unit.level);
  const [{ totals }, reserves, secretaries] = await Promise.all([
    computeUnitStatistics(db, ctx, unit),
    statisticsRepository.reserveBreakdowns(db, prefix, ctx.today),
    statisticsRepository.secretaryBreakdowns(db, prefix, ctx.today),
  ]);
  return { totals, structure: { reserves: storeBreakdowns(reserves), secretaries: storeBreakdowns(secretaries) } };
}

/** Stores a county's counts as of `today`. */
export async function saveCountyStatistics(db: Db, countyCode: string, today: string, counted: { totals: UnitTotals; structure: StoredStructure }): Promise<void> {
  await statisticsRepository.saveCountyStatistics(db, countyCode, today, counted.totals, counted.structure);
}

/**
 * Counts the counties of the subtree whose row is missing, of another day than `today`, or (with
 * `countedBefore`) counted before that time, and stores them. Answers how many were counted.
 */
export async function refreshCountyStatistics(db: Db, prefix: string, today: string, countedBefore?: Date): Promise<number> {
  const codes = await statisticsRepository.listCountiesToCount(db, prefix, today, countedBefore);
  const ctx = systemContext(today);
  for (const code of codes) await saveCountyStatistics(db, code, today, await countUnit(db, ctx, { code, level: 'county' }));
  return codes.length;
}

/** Stored totals as counts (keys a newer version added are zero until the county is counted again). */
function readTotals(stored: Readonly<Record<string, number>>): UnitTotals {
  return Object.fromEntries(UNIT_TOTALS.map((key) => [key, stored[key] ?? 0])) as UnitTotals;
}

/**
 * The counts of a unit above the county as its counties' stored counts added up (a county without
 * counts of today counted first, and stored), with one line per unit below it — its counties, or
 * for the nation its provinces — and the time of the oldest count.
 */
export async function addUpCounties(db: Db, unit: OrgUnitRecord, today: string) {
  const rows = await statisticsRepository.listCountiesWithStatistics(db, subtreePrefix(unit.code, unit.level));
  const ctx = systemContext(today);
  const counties: { code: string; name: string; totals: UnitTotals; structure: StoredStructure; countedAt: Date }[] = [];
  for (const row of rows) {
    if (row.totals && row.structure && row.counted_at && row.counted_on === today) {
      counties.push({ code: row.code, name: row.name, totals: readTotals(row.totals), structure: row.structure, countedAt: new Date(row.counted_at) });
      continue;
    }
    const counted = await countUnit(db, ctx, { code: row.code, level: 'county' });
    await saveCountyStatistics(db, row.code, today, counted);
    counties.push({ code: row.code, name: row.name, ...counted, countedAt: new Date() });
  }
  const subunitLevel = unit.level === 'nation' ? 'province' as const : 'county' as const;
  const lineCode = (countyCode: string) => (subunitLevel === 'province' ? `${countyCode.slice(0, 2)}0000000000` : countyCode);
  const lineCodes = [...new Set(counties.map((county) => lineCode(county.code)))];
  if (subunitLevel === 'province') lineCodes.sort();
  const names = subunitLevel === 'county'
    ? new Map(counties.map((county) => [county.code, county.name]))
    : new Map((await orgUnitLookup.findByCodes(db, lineCodes)).map((line) => [line.code, line.name]));
  const subunits = lineCodes.map((code) => {
    const totals = addUnitTotals(counties.filter((county) => lineCode(county.code) === code).map((county) => county.totals));
    return { code, name: names.get(code) ?? code, ...coverageOf(totals) };
  });
  const totals = addUnitTotals(counties.map((county) => county.totals));
  const countedAt = counties.map((county) => county.countedAt).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  return {
    totals,
    coverage: coverageOf(totals),
    structure: {
      reserves: addGroupedCounts(counties.map((county) => county.structure.reserves)),
      secretaries: addGroupedCounts(counties.map((county) => county.structure.secretaries)),
    },
    subunitLevel, subunits, countedAt,
  };
}

function coverageOf(totals: UnitTotals) {
  return coverageSummary({
    villages: totals.villages, shortVillages: totals.shortVillages, reserves: totals.reserves,
    withMinimum: totals.villagesWithTwo, withYoung: totals.villagesWithYoung, withSuccessor: totals.villagesWithSuccessor,
    byRule: { minimumReserves: totals.shortMinimumReserves, youngReserve: totals.shortYoungReserve, neededKind: totals.shortNeededKind },
  });
}
