import { birthDateRangeForAges } from './dates.ts';
import type { CandidateProfile } from './selection-procedure.ts';

/**
 * Coverage of a village by its reserves (补充): at least two reserves (seeds 000, 002), at least
 * one of them young (seed 000: 35 or under), and at least one of the kind the village needs.
 */
export const COVERAGE_RULES = ['minimumReserves', 'youngReserve', 'neededKind'] as const;
export type CoverageRule = (typeof COVERAGE_RULES)[number];

export const COVERAGE_RULE_LABELS: Record<CoverageRule, string> = {
  minimumReserves: '后备力量不少于 2 名',
  youngReserve: '至少 1 名 35 岁以下',
  neededKind: '至少 1 名村里需要的类型',
};

export interface CoverageTargets {
  minimumReserves: number;
  youngMaximumAge: number;
}

export const DEFAULT_COVERAGE_TARGETS: CoverageTargets = { minimumReserves: 2, youngMaximumAge: 35 };

/** A reserve of the village as coverage sees it: admitted, with the kind it is being prepared as. */
export interface CoveringReserve {
  birthDate: string;
  /** mature: readiness 成熟可用 (see coverageProfile); youngPotential: the others. */
  profile: CandidateProfile;
}

/** What coverage counts of a village's admitted reserves (the database counts the same for many villages). */
export interface VillageCounts {
  reserves: number;
  /** Reserves born after youngBornAfter(today, …): at most the young age today. */
  young: number;
  mature: number;
  potential: number;
}

/** Reserves born after this date are at most `maximumAge` years old on `today`. */
export function youngBornAfter(today: string, maximumAge: number): string {
  return birthDateRangeForAges(today, undefined, maximumAge).bornAfter!;
}

/**
 * The last day on which a person born on `birthDate` is at most `maximumAge` years old (the day
 * before the birthday that takes them over it; born on 29 February, the birthday of a common
 * year falls on 1 March).
 */
export function lastDayAtMostAge(birthDate: string, maximumAge: number): string {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const overAgeOn = new Date(Date.UTC(year + maximumAge + 1, month - 1, day));
  const dayBefore = new Date(overAgeOn.getTime() - 86_400_000).toISOString().slice(0, 10);
  return dayBefore;
}

export function countReserves(reserves: readonly CoveringReserve[], today: string, targets: CoverageTargets = DEFAULT_COVERAGE_TARGETS): VillageCounts {
  const cutoff = youngBornAfter(today, targets.youngMaximumAge);
  return {
    reserves: reserves.length,
    young: reserves.filter((reserve) => reserve.birthDate > cutoff).length,
    mature: reserves.filter((reserve) => reserve.profile === 'mature').length,
    potential: reserves.filter((reserve) => reserve.profile === 'youngPotential').length,
  };
}

export interface RuleResult {
  rule: CoverageRule;
  met: boolean;
  explanation: string;
}

/** The village's coverage, rule by rule, each explained in Chinese. */
export function villageCoverage(counts: VillageCounts, need: CandidateProfile | null, today: string, targets: CoverageTargets = DEFAULT_COVERAGE_TARGETS): RuleResult[] {
  const ofKind = need === null ? counts.reserves : need === 'mature' ? counts.mature : counts.potential;
  return [
    {
      rule: 'minimumReserves', met: counts.reserves >= targets.minimumReserves,
      explanation: `现有后备力量 ${counts.reserves} 名，要求不少于 ${targets.minimumReserves} 名`,
    },
    {
      rule: 'youngReserve', met: counts.young >= 1,
      explanation: `${targets.youngMaximumAge} 岁以下 ${counts.young} 名（以 ${today} 计），要求至少 1 名`,
    },
    {
      rule: 'neededKind', met: need === null ? true : ofKind >= 1,
      explanation: need === null ? '村情未要求特定类型' : `需要${need === 'mature' ? '成熟型' : '潜力型'}，现有 ${ofKind} 名`,
    },
  ];
}

/** The rules a village fails. */
export function shortfalls(results: readonly RuleResult[]): CoverageRule[] {
  return results.filter((result) => !result.met).map((result) => result.rule);
}

/**
 * How the stored shortfalls must change: rules newly short are opened on `today`, rules met again
 * are closed; rules still short keep the date they became short.
 */
export function reconcileShortfalls(stored: ReadonlyMap<CoverageRule, string>, now: readonly CoverageRule[], today: string): { open: { rule: CoverageRule; since: string }[]; close: CoverageRule[] } {
  return {
    open: now.filter((rule) => !stored.has(rule)).map((rule) => ({ rule, since: today })),
    close: [...stored.keys()].filter((rule) => !now.includes(rule)),
  };
}

/** A reserve counts as mature (成熟型) when it is ready to serve now; the others are young potential. */
export function coverageProfile(reserve: { readiness: string }): CandidateProfile {
  return reserve.readiness === 'readyNow' ? 'mature' : 'youngPotential';
}

/** Bench strength: a reserve ready now for the secretary's post and passing the new-secretary rules. */
export interface SuccessorFacts {
  targetPost: string;
  readiness: string;
  passesNewSecretaryRules: boolean;
}

export function isReadyNowSuccessor(reserve: SuccessorFacts): boolean {
  return reserve.targetPost === 'secretary' && reserve.readiness === 'readyNow' && reserve.passesNewSecretaryRules;
}

/** The coverage of a unit's villages as counted: how many, how many short (in all and by rule), how many meet each target. */
export interface CoverageCounts {
  villages: number;
  shortVillages: number;
  reserves: number;
  withMinimum: number;
  withYoung: number;
  withSuccessor: number;
  byRule: Record<CoverageRule, number>;
}

/** A unit's line of the coverage page: the counts and the share of villages that meet each target. */
export function coverageSummary(counts: CoverageCounts) {
  const { villages } = counts;
  return {
    villages, shortVillages: counts.shortVillages, reserves: counts.reserves,
    counts: { atLeastTwo: counts.withMinimum, young: counts.withYoung, readySuccessor: counts.withSuccessor },
    shares: { atLeastTwo: percentage(counts.withMinimum, villages), young: percentage(counts.withYoung, villages), readySuccessor: percentage(counts.withSuccessor, villages) },
    byRule: counts.byRule,
  };
}

/** A share as a percentage with one decimal; null when there is nothing to count. */
export function percentage(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
