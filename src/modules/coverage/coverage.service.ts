import type { Db, Executor } from '../../db/database.ts';
import { COVERAGE_RULE_LABELS, COVERAGE_RULES, coverageSummary, DEFAULT_COVERAGE_TARGETS, lastDayAtMostAge, reconcileShortfalls, shortfalls, villageCoverage, youngBornAfter, type CoverageRule, type RuleResult } from '../../domain/coverage.ts';
import { EDUCATION_ORDER } from '../../domain/eligibility.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import type { CandidateProfile } from '../../domain/selection-procedure.ts';
import type { Context } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { resolveEffectivePolicies } from '../selection/policy.service.ts';
import { findVillageNeeds } from '../villages/village-profile.ts';
import { coverageRepository, type StoredGroupRow, type StoredVillage, type StoredVillageRow, type TownshipCutoffs, type VillageCountRow } from './coverage.repository.ts';

/**
 * Coverage and replenishment (补充) and bench strength: per village, whether its reserves meet the
 * rules of src/domain/coverage.ts, since when it is short, and whether its secretary seat has a
 * successor ready now. Young age and the new-secretary rules come from each township's policy.
 */

type VillageFilter = { prefixes: readonly string[] } | { villageCodes: readonly string[] };

async function cutoffsFor(db: Executor, filter: VillageFilter, today: string): Promise<{ cutoffs: TownshipCutoffs[]; youngAge: Map<string, number>; secretaryAge: Map<string, number> }> {
  const townships = await coverageRepository.listTownshipsOf(db, filter);
  const policies = await resolveEffectivePolicies(db, townships);
  const youngAge = new Map<string, number>();
  const secretaryAge = new Map<string, number>();
  const cutoffs = townships.map((townshipCode) => {
    const rules = policies.get(townshipCode)!.rules;
    youngAge.set(townshipCode, rules.youngReserveMaximumAge);
    secretaryAge.set(townshipCode, rules.secretary.newMaximumAge);
    return {
      townshipCode,
      youngAfter: youngBornAfter(today, rules.youngReserveMaximumAge),
      secretaryAfter: youngBornAfter(today, rules.secretary.newMaximumAge),
      secretaryEducationRank: EDUCATION_ORDER.indexOf(rules.secretary.newMinimumEducation) + 1,
    };
  });
  return { cutoffs, youngAge, secretaryAge };
}

async function evaluate(db: Executor, filter: VillageFilter, today: string) {
  const { cutoffs, youngAge, secretaryAge } = await cutoffsFor(db, filter, today);
  const rows = await coverageRepository.countVillages(db, filter, cutoffs);
  const needs = await findVillageNeeds(db, rows.map((row) => row.org_code));
  return rows.map((row) => {
    const need = needs.get(row.org_code)!;
    const youngMaximumAge = youngAge.get(row.township_code) ?? DEFAULT_COVERAGE_TARGETS.youngMaximumAge;
    const results = villageCoverage(row, need.need, today, { ...DEFAULT_COVERAGE_TARGETS, youngMaximumAge });
    // The figures hold until the first counted reserve ages out of the young or the secretary age.
    const agesOut = [
      row.oldest_young_birth && lastDayAtMostAge(row.oldest_young_birth, youngMaximumAge),
      row.oldest_successor_birth && lastDayAtMostAge(row.oldest_successor_birth, secretaryAge.get(row.township_code) ?? youngMaximumAge),
    ].filter((day): day is string => Boolean(day)).sort();
    return { row, need, results, youngMaximumAge, validThrough: agesOut[0] ?? null, short: shortfalls(results) };
  });
}

function storedRow(village: Awaited<ReturnType<typeof evaluate>>[number], today: string): StoredVillage {
  const { row } = village;
  return {
    org_code: row.org_code, township_code: row.township_code, reserves: row.reserves, young: row.young, mature: row.mature, potential: row.potential, successors: row.successors,
    need: village.need.need, need_explanation: village.need.explanation, young_maximum_age: village.youngMaximumAge,
    short_rules: village.short, evaluated_on: today, valid_through: village.validThrough,
  };
}

/**
 * Brings the stored shortfalls of the villages up to date in the caller's transaction: called by
 * every change of reserves (admission, removal, appointment) and of a village's need, so a village
 * losing its second reserve is flagged at once, with the date it became short.
 */
export async function refreshCoverage(tx: Executor, villageCodes: readonly string[], today: string): Promise<void> {
  if (villageCodes.length === 0) return;
  const evaluated = await evaluate(tx, { villageCodes: [...new Set(villageCodes)] }, today);
  const open: { orgCode: string; rule: CoverageRule; since: string }[] = [];
  const close: { orgCode: string; rule: CoverageRule }[] = [];
  for (const village of evaluated) {
    const stored = new Map(Object.entries(village.row.short_since ?? {}) as [CoverageRule, string][]);
    const change = reconcileShortfalls(stored, village.short, today);
    open.push(...change.open.map((item) => ({ orgCode: village.row.org_code, ...item })));
    close.push(...change.close.map((rule) => ({ orgCode: village.row.org_code, rule })));
  }
  await coverageRepository.openShortfalls(tx, open);
  await coverageRepository.closeShortfalls(tx, close);
  await coverageRepository.storeVillages(tx, evaluated.map((village) => storedRow(village, today)));
}

/** After changes to people: the coverage of the villages where they are reserves (age, education). */
export async function refreshCoverageOfPeople(tx: Executor, personIds: readonly string[], today: string): Promise<void> {
  await refreshCoverage(tx, await coverageRepository.villagesOfReservePeople(tx, personIds), today);
}


interface EvaluatedVillage {
  row: Omit<VillageCountRow, 'oldest_young_birth' | 'oldest_successor_birth'>;
  need: { need: CandidateProfile | null; explanation: string };
  results: RuleResult[];
  short: CoverageRule[];
}

function presentVillage(village: EvaluatedVillage, today: string) {
  const { row } = village;
  return {
    orgCode: row.org_code, name: row.name, townshipCode: row.township_code, townshipName: row.township_name,
    reserves: row.reserves, young: row.young, mature: row.mature, successors: row.successors,
    need: village.need.need, needExplanation: village.need.explanation,
    rules: village.results.map((result) => ({ ...result, label: COVERAGE_RULE_LABELS[result.rule], shortSince: result.met ? null : (row.short_since?.[result.rule] ?? today) })),
    isShort: village.short.length > 0,
    hasReadySuccessor: row.successors > 0,
  };
}

function summariseStored(row: StoredGroupRow) {
  return coverageSummary({
    villages: row.villages, shortVillages: row.short_villages, reserves: row.reserves,
    withMinimum: row.with_minimum, withYoung: row.with_young, withSuccessor: row.with_successor,
    byRule: { minimumReserves: row.short_minimum_reserves, youngReserve: row.short_young_reserve, neededKind: row.short_needed_kind },
  });
}

function addUp(rows: readonly StoredGroupRow[]): StoredGroupRow {
  const total: StoredGroupRow = { code: '', name: '', villages: 0, short_villages: 0, reserves: 0, with_minimum: 0, with_young: 0, with_successor: 0, short_minimum_reserves: 0, short_young_reserve: 0, short_needed_kind: 0 };
  for (const row of rows) {
    for (const key of ['villages', 'short_villages', 'reserves', 'with_minimum', 'with_young', 'with_successor', 'short_minimum_reserves', 'short_young_reserve', 'short_needed_kind'] as const) total[key] += row[key];
  }
  return total;
}

function presentStoredVillage(row: StoredVillageRow, today: string) {
  const results = villageCoverage(row, row.need, today, { ...DEFAULT_COVERAGE_TARGETS, youngMaximumAge: row.young_maximum_age });
  return presentVillage({ row, need: { need: row.need, explanation: row.need_explanation }, results, short: shortfalls(results) }, today);
}

/**
 * Above a county the figures come from the stored coverage of every village, first brought up to
 * date for the villages whose stored figures no longer hold (none at a first reading, aged out).
 */
async function storedCoverage(db: Db, prefix: string, subunitLevel: 'province' | 'county', today: string) {
  const stale = await coverageRepository.listStaleVillages(db, [prefix], today);
  if (stale.length > 0) await db.transaction().execute((tx) => refreshCoverage(tx, stale, today));
  const subunits = await coverageRepository.summariseStored(db, [prefix], subunitLevel === 'province' ? 2 : 6, DEFAULT_COVERAGE_TARGETS.minimumReserves);
  const total = addUp(subunits);
  const villages = (await coverageRepository.listStoredShort(db, [prefix], STORED_VILLAGE_LIST_LIMIT)).map((row) => presentStoredVillage(row, today));
  return {
    summary: summariseStored(total),
    subunitLevel,
    subunits: subunits.map((row) => ({ code: row.code, name: row.name, ...summariseStored(row) })),
    villages,
    villagesTotal: total.short_villages,
  };
}

function summarise(villages: readonly ReturnType<typeof presentVillage>[]) {
  return coverageSummary({
    villages: villages.length, shortVillages: villages.filter((village) => village.isShort).length,
    reserves: villages.reduce((sum, village) => sum + village.reserves, 0),
    withMinimum: villages.filter((village) => village.reserves >= DEFAULT_COVERAGE_TARGETS.minimumReserves).length,
    withYoung: villages.filter((village) => village.young >= 1).length,
    withSuccessor: villages.filter((village) => village.hasReadySuccessor).length,
    byRule: Object.fromEntries(COVERAGE_RULES.map((rule) => [rule, villages.filter((village) => village.rules.some((result) => result.rule === rule && !result.met)).length])) as Record<CoverageRule, number>,
  });
}

/** Villages listed at most for a unit above a township (the short ones first). */
const VILLAGE_LIST_LIMIT = 2000;
/** Short villages listed at most for a city or a province (in code order; the counties' lines count them all). */
const STORED_VILLAGE_LIST_LIMIT = 500;

/**
 * The coverage page of a unit: totals, one line per unit below (the townships of a county or
 * township, the counties of a city or province, the provinces of the nation), and its villages
 * (above a township: the short ones).
 */
export async function getCoverage(db: Db, ctx: Context, orgCode: string, options: { shortOnly?: boolean | undefined } = {}) {
  ctx.access.require('person.read', [orgCode], { record: '组织单位', action: '查看后备力量覆盖情况' });
  const unit = await orgUnitLookup.findByCode(db, orgCode);
  if (!unit) throw notFound('组织单位');
  const prefix = subtreePrefix(unit.code, unit.level);
  if (unit.level === 'nation' || unit.level === 'province' || unit.level === 'city') {
    return { orgCode: unit.code, name: unit.name, level: unit.level, today: ctx.today, ...(await storedCoverage(db, prefix, unit.level === 'nation' ? 'province' : 'county', ctx.today)) };
  }
  const villages = (await evaluate(db, { prefixes: [prefix] }, ctx.today)).map((village) => presentVillage(village, ctx.today));
  const townships = new Map<string, { code: string; name: string; villages: ReturnType<typeof presentVillage>[] }>();
  for (const village of villages) {
    const entry = townships.get(village.townshipCode) ?? { code: village.townshipCode, name: village.townshipName, villages: [] };
    entry.villages.push(village);
    townships.set(village.townshipCode, entry);
  }
  const isTownshipOrBelow = unit.level === 'township' || unit.level === 'village' || unit.level === 'community';
  const listed = isTownshipOrBelow && !options.shortOnly ? villages : villages.filter((village) => village.isShort);
  return {
    orgCode: unit.code, name: unit.name, level: unit.level, today: ctx.today,
    summary: summarise(villages),
    subunitLevel: 'township' as const,
    subunits: [...townships.values()].map((township) => ({ code: township.code, name: township.name, ...summarise(township.villages) })),
    villages: listed.slice(0, VILLAGE_LIST_LIMIT),
    villagesTotal: listed.length,
  };
}

/** One village's coverage and bench strength (the village page). */
export async function getVillageCoverage(db: Executor, orgCode: string, today: string) {
  const [village] = await evaluate(db, { villageCodes: [orgCode] }, today);
  return village ? presentVillage(village, today) : null;
}
