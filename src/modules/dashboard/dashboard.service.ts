import type { Db } from '../../db/database.ts';
import type { DictionaryName } from '../../domain/dictionaries.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import {
  AGE_BAND_LABELS, AGE_BAND_RANGES, AGE_BANDS, BREAKDOWN_LABELS, BREAKDOWNS, changeSince, countBy, FIGURE_KEYS, FIGURES, figuresOf,
  type AgeBand, type Breakdown, type FigureKey, type Figures, type UnitTotals,
} from '../../domain/statistics.ts';
import type { Context } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';
import { orgUnitLookup, type OrgUnitRecord } from '../org-units/org-units.service.ts';
import { addUpCounties, readsCountyStatistics } from './county-statistics.ts';
import { readStoredBreakdowns, statisticsRepository, type BreakdownCounts } from './statistics.repository.ts';
import { computeUnitStatistics } from './unit-statistics.ts';

/** The dictionary that names the codes of each grouping (age bands are named by the domain). */
const BREAKDOWN_DICTIONARY: Record<Exclude<Breakdown, 'ageBand'>, DictionaryName> = {
  education: 'education', gender: 'gender', sourceCategory: 'sourceCategory', politicalStatus: 'politicalStatus', readiness: 'readiness',
};

/** The reserve list's filter that shows the people a breakdown item counts (gender has no list filter). */
function reserveListFilter(breakdown: Breakdown, code: string, today: string): Record<string, string> | null {
  switch (breakdown) {
    case 'ageBand': {
      const range = AGE_BAND_RANGES[code as AgeBand];
      if (!range) return null;
      return { ...(range.ageMin !== undefined && { ageMin: String(range.ageMin) }), ...(range.ageMax !== undefined && { ageMax: String(range.ageMax) }), referenceDate: today };
    }
    case 'gender': return null;
    default: return { [breakdown]: code };
  }
}

type Labels = Awaited<ReturnType<typeof loadEnabledItems>>;

/** Counts of each grouping named and in the dictionary's order, each item with the list filter it drills down to. */
export function presentBreakdowns(counts: BreakdownCounts, labels: Labels, today: string, options: { withFilters: boolean; only?: readonly Breakdown[] }) {
  return BREAKDOWNS.filter((breakdown) => options.only?.includes(breakdown) ?? true).map((breakdown) => {
    const items = breakdown === 'ageBand' ? AGE_BANDS.map((band) => ({ code: band as string, label: AGE_BAND_LABELS[band] })) : labels[BREAKDOWN_DICTIONARY[breakdown]];
    const names = new Map(items.map((item) => [item.code, item.label]));
    return {
      breakdown, label: BREAKDOWN_LABELS[breakdown],
      items: countBy(counts[breakdown], items.map((item) => item.code)).map(({ code, count }) => ({
        code, label: names.get(code) ?? code, count, filter: options.withFilters ? reserveListFilter(breakdown, code, today) : null,
      })),
    };
  });
}

export async function requireUnit(db: Db, ctx: Context, orgCode: string, action: string): Promise<OrgUnitRecord> {
  ctx.access.require('person.read', [orgCode], { record: '组织单位', action });
  const unit = await orgUnitLookup.findByCode(db, orgCode);
  if (!unit) throw notFound('组织单位');
  return unit;
}

/** The groupings shown for secretaries (source category and readiness belong to reserves). */
export const SECRETARY_BREAKDOWNS: readonly Breakdown[] = ['ageBand', 'education', 'gender', 'politicalStatus'];

/** The figure's drill-down: the list it counts, with its filter. */
function figureLink(key: FigureKey, unit: OrgUnitRecord): { path: string; query: Record<string, string> } | null {
  const orgCode = unit.code;
  switch (key) {
    case 'reserves': return { path: '/reserves', query: { orgCode, status: 'admitted' } };
    case 'villages': return { path: '/dashboard/villages', query: { orgCode } };
    case 'villagesWithTwoMature': return { path: '/reserves', query: { orgCode, status: 'admitted', readiness: 'readyNow' } };
    case 'villagesWithTwo': return { path: '/dashboard/villages', query: { orgCode, rule: 'minimumReserves', met: 'false' } };
    case 'villagesWithYoung': return { path: '/dashboard/villages', query: { orgCode, rule: 'youngReserve', met: 'false' } };
    case 'villagesWithSuccessor': return { path: '/dashboard/villages', query: { orgCode, rule: 'readySuccessor', met: 'false' } };
    case 'trainingCompliance': return { path: '/training', query: { orgCode } };
    case 'mentoringThisMonth': case 'mentorContactsThisMonth': return { path: '/mentoring', query: { orgCode } };
    case 'secretaries': case 'secretaryCollegeShare': case 'secretaryAverageAge': case 'villagesWithYoungMember': return { path: '/secretaries', query: { orgCode } };
    case 'campaignProgress': return { path: '/campaign', query: { unit: orgCode } };
  }
}

/** The figures' denominators, where a figure is a count of villages or a share. */
function figureTotal(key: FigureKey, figures: Figures, totals: UnitTotals): number | null {
  if (key === 'villagesWithTwo' || key === 'villagesWithTwoMature' || key === 'villagesWithYoung' || key === 'villagesWithSuccessor' || key === 'villagesWithYoungMember') return figures.villages;
  if (key === 'trainingCompliance') return figures.reserves;
  if (key === 'mentoringThisMonth') return totals.mentored;
  if (key === 'secretaryCollegeShare' || key === 'secretaryAverageAge') return figures.secretaries;
  return null;
}

/**
 * The dashboard of a unit in the caller's scope: its figures with their change since the last
 * snapshot, the structure of its reserves and secretaries, coverage per unit below (townships of a
 * county, counties of a city or province, provinces of the nation), and (for a township) the grid
 * of its villages. Every figure and chart item names the list it counts. A county and the units
 * below it are counted live; a city, a province and the nation add up their counties' stored
 * counts (county-statistics.ts), and say when those were counted.
 */
export async function getDashboard(db: Db, ctx: Context, orgCode: string, extra: { campaignProgress?: (unit: OrgUnitRecord) => Promise<number | null> } = {}) {
  const unit = await requireUnit(db, ctx, orgCode, '查看工作台');
  const [counted, previous, children] = await Promise.all([
    readsCountyStatistics(unit.level) ? countFromCounties(db, ctx, unit) : countLive(db, ctx, unit),
    statisticsRepository.snapshotBefore(db, unit.code, ctx.today),
    unit.childCount > 0 && unit.level !== 'township' ? orgUnitLookup.listChildren(db, unit.code) : Promise.resolve([]),
  ]);
  const { figures, totals } = counted;
  if (extra.campaignProgress) figures.campaignProgress = await extra.campaignProgress(unit);
  const before = previous?.figures ?? null;
  return {
    orgCode: unit.code, name: unit.name, level: unit.level, today: ctx.today,
    countedAt: counted.countedAt?.toISOString() ?? null,
    snapshotOn: previous?.taken_on ?? null,
    figures: FIGURE_KEYS.map((key) => ({
      key, label: FIGURES[key].label, unit: FIGURES[key].unit, value: figures[key],
      total: figureTotal(key, figures, totals),
      change: changeSince(figures[key], before?.[key]),
      link: figureLink(key, unit),
    })),
    reserves: counted.reserves,
    secretaries: counted.secretaries,
    subunitLevel: counted.subunitLevel,
    subunits: counted.subunits,
    villages: counted.villages,
    children: children.filter((child) => child.level !== 'villagerGroup').map((child) => ({ code: child.code, name: child.name, level: child.level })),
  };
}

/** A county's, a township's or a village's dashboard counted from its records. */
async function countLive(db: Db, ctx: Context, unit: OrgUnitRecord) {
  const isTownshipOrBelow = unit.level === 'township' || unit.level === 'village' || unit.level === 'community';
  const [statistics, structure] = await Promise.all([
    computeUnitStatistics(db, ctx, unit, { villages: isTownshipOrBelow }),
    computeStructure(db, ctx, unit, { withFilters: true }),
  ]);
  const { coverage } = statistics;
  return {
    figures: statistics.figures, totals: statistics.totals, countedAt: null,
    reserves: structure.reserves, secretaries: structure.secretaries,
    subunitLevel: coverage.subunitLevel, subunits: coverage.subunits,
    villages: isTownshipOrBelow ? coverage.villages.map((village) => ({
      orgCode: village.orgCode, name: village.name, reserves: village.reserves, young: village.young,
      isShort: village.isShort, hasReadySuccessor: village.hasReadySuccessor, shortRules: village.rules.filter((rule) => !rule.met).map((rule) => rule.label),
    })) : [],
  };
}

/** A city's, a province's or the nation's dashboard as its counties' stored counts added up. */
async function countFromCounties(db: Db, ctx: Context, unit: OrgUnitRecord) {
  const [added, labels] = await Promise.all([addUpCounties(db, unit, ctx.today), loadEnabledItems(db)]);
  return {
    figures: figuresOf(added.totals), totals: added.totals, countedAt: added.countedAt,
    reserves: presentBreakdowns(readStoredBreakdowns(added.structure.reserves), labels, ctx.today, { withFilters: true }),
    secretaries: presentBreakdowns(readStoredBreakdowns(added.structure.secretaries), labels, ctx.today, { withFilters: false, only: SECRETARY_BREAKDOWNS }),
    subunitLevel: added.subunitLevel, subunits: added.subunits, villages: [],
  };
}

/** The groupings of the admitted reserves and of the sitting secretaries of a unit on the caller's date (the charts, the structure statistics). */
export async function computeStructure(db: Db, ctx: Context, unit: OrgUnitRecord, options: { withFilters: boolean }) {
  const prefix = subtreePrefix(unit.code, unit.level);
  const [reserves, secretaries, labels] = await Promise.all([
    statisticsRepository.reserveBreakdowns(db, prefix, ctx.today),
    statisticsRepository.secretaryBreakdowns(db, prefix, ctx.today),
    loadEnabledItems(db),
  ]);
  return {
    reserves: presentBreakdowns(reserves, labels, ctx.today, { withFilters: options.withFilters }),
    secretaries: presentBreakdowns(secretaries, labels, ctx.today, { withFilters: false, only: SECRETARY_BREAKDOWNS }),
  };
}

/**
 * The structure statistics of a unit as of a date: today's are counted live; an earlier date's are
 * those of the unit's latest snapshot on or before it (null when there is none that holds them).
 */
export async function structureOn(db: Db, ctx: Context, unit: OrgUnitRecord, onDate: string) {
  if (onDate >= ctx.today) return { takenOn: ctx.today, isLive: true, ...(await computeStructure(db, ctx, unit, { withFilters: false })) };
  const [row, labels] = await Promise.all([statisticsRepository.structureOnOrBefore(db, unit.code, onDate), loadEnabledItems(db)]);
  if (!row?.structure) return null;
  return {
    takenOn: row.taken_on, isLive: false,
    reserves: presentBreakdowns(readStoredBreakdowns(row.structure.reserves), labels, row.taken_on, { withFilters: false }),
    secretaries: presentBreakdowns(readStoredBreakdowns(row.structure.secretaries), labels, row.taken_on, { withFilters: false, only: SECRETARY_BREAKDOWNS }),
  };
}

/** The stored snapshots of a unit, newest first (a trend). */
export async function listSnapshots(db: Db, ctx: Context, orgCode: string) {
  const unit = await requireUnit(db, ctx, orgCode, '查看统计快照');
  const rows = await statisticsRepository.listSnapshots(db, unit.code, 36);
  return { orgCode: unit.code, snapshots: rows.map((row) => ({ takenOn: row.taken_on, figures: row.figures })) };
}
