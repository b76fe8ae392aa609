import { percentage } from './coverage.ts';
import { birthDateRangeForAges } from './dates.ts';
import { EDUCATION_ORDER } from './eligibility.ts';

/**
 * Structure statistics of reserves and secretaries (SPEC section 6): age bands at a date, the
 * groupings of the charts and the 汇总表, the change of a figure since a snapshot, and a target's
 * progress (baseline, now, target, in the direction the campaign wants).
 */

/** Age bands of the charts and of the structure statistics (ages in full years on the date). */
export const AGE_BANDS = ['upTo30', 'from31To35', 'from36To40', 'from41To45', 'from46To50', 'over50'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  upTo30: '30 岁及以下', from31To35: '31–35 岁', from36To40: '36–40 岁', from41To45: '41–45 岁', from46To50: '46–50 岁', over50: '50 岁以上',
};

/** The inclusive age range of each band (no upper bound for the last). */
export const AGE_BAND_RANGES: Record<AgeBand, { ageMin: number | undefined; ageMax: number | undefined }> = {
  upTo30: { ageMin: undefined, ageMax: 30 },
  from31To35: { ageMin: 31, ageMax: 35 },
  from36To40: { ageMin: 36, ageMax: 40 },
  from41To45: { ageMin: 41, ageMax: 45 },
  from46To50: { ageMin: 46, ageMax: 50 },
  over50: { ageMin: 51, ageMax: undefined },
};

/** The three bands of the 汇总表 (seed 000: 35 and under, 45 and under). */
export const SUMMARY_AGE_BANDS = ['upTo35', 'from36To45', 'over45'] as const;
export type SummaryAgeBand = (typeof SUMMARY_AGE_BANDS)[number];
export const SUMMARY_AGE_BAND_LABELS: Record<SummaryAgeBand, string> = { upTo35: '35 岁及以下', from36To45: '36–45 岁', over45: '45 岁以上' };
export const SUMMARY_AGE_BAND_RANGES: Record<SummaryAgeBand, { ageMin: number | undefined; ageMax: number | undefined }> = {
  upTo35: { ageMin: undefined, ageMax: 35 },
  from36To45: { ageMin: 36, ageMax: 45 },
  over45: { ageMin: 46, ageMax: undefined },
};

/**
 * The birth dates of a band on a date: born after `bornAfter` (exclusive) and on or before
 * `bornOnOrBefore`. The same cut the people list uses for its age filter, so a band's count and
 * the list it drills down to agree.
 */
export function bandBirthDates(range: { ageMin: number | undefined; ageMax: number | undefined }, onDate: string): { bornAfter?: string; bornOnOrBefore?: string } {
  return birthDateRangeForAges(onDate, range.ageMin, range.ageMax);
}

/** The band of a birth date on a date. */
export function ageBandOf(birthDate: string, onDate: string): AgeBand {
  return bandFor(AGE_BANDS, AGE_BAND_RANGES, birthDate, onDate);
}

export function summaryAgeBandOf(birthDate: string, onDate: string): SummaryAgeBand {
  return bandFor(SUMMARY_AGE_BANDS, SUMMARY_AGE_BAND_RANGES, birthDate, onDate);
}

function bandFor<B extends string>(bands: readonly B[], ranges: Record<B, { ageMin: number | undefined; ageMax: number | undefined }>, birthDate: string, onDate: string): B {
  for (const band of bands) {
    const cut = bandBirthDates(ranges[band], onDate);
    if ((cut.bornAfter === undefined || birthDate > cut.bornAfter) && (cut.bornOnOrBefore === undefined || birthDate <= cut.bornOnOrBefore)) return band;
  }
  return bands[bands.length - 1]!;
}

/** Education of 大专 or above (the campaign's target for secretaries). */
export const COLLEGE_EDUCATIONS: readonly string[] = EDUCATION_ORDER.slice(EDUCATION_ORDER.indexOf('juniorCollege'));

export function isCollegeOrAbove(education: string): boolean {
  return COLLEGE_EDUCATIONS.includes(education);
}

/** Party members of the statistics: full and probationary members. */
export const PARTY_MEMBER_STATUSES: readonly string[] = ['fullMember', 'probationaryMember'];

export function isPartyMember(politicalStatus: string): boolean {
  return PARTY_MEMBER_STATUSES.includes(politicalStatus);
}

/** The groupings of the charts and of the structure statistics. */
export const BREAKDOWNS = ['ageBand', 'education', 'gender', 'sourceCategory', 'politicalStatus', 'readiness'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const BREAKDOWN_LABELS: Record<Breakdown, string> = {
  ageBand: '年龄结构', education: '学历结构', gender: '性别结构', sourceCategory: '来源结构', politicalStatus: '政治面貌', readiness: '成熟度',
};

/** One grouping as counts per code, in the given order, codes with no one included (0). */
export function countBy(counts: ReadonlyMap<string, number> | Readonly<Record<string, number>>, order: readonly string[]): { code: string; count: number }[] {
  const get = (code: string) => (counts instanceof Map ? counts.get(code) : (counts as Record<string, number>)[code]) ?? 0;
  const listed = order.map((code) => ({ code, count: get(code) }));
  const entries = counts instanceof Map ? [...counts.entries()] : Object.entries(counts);
  const others = entries.filter(([code]) => !order.includes(code)).map(([code, count]) => ({ code, count }));
  return [...listed, ...others];
}

/** A figure's change since the last snapshot: null without a snapshot or a figure to compare. */
export function changeSince(now: number | null, previous: number | null | undefined): number | null {
  if (now === null || previous === null || previous === undefined) return null;
  return Math.round((now - previous) * 10) / 10;
}

/** Which way a target wants its figure to move: up to at least the target, or down to at most it. */
export type TargetDirection = 'rise' | 'fall';

export interface TargetProgress {
  baseline: number | null;
  now: number | null;
  target: number;
  direction: TargetDirection;
  /** The figure has reached the target (at least it when rising, at most it when falling). */
  isMet: boolean;
  /** Since the baseline the figure moved the wanted way (null without a baseline). */
  isImproving: boolean | null;
  /** What remains between now and the target, in the figure's unit (0 once met). */
  gap: number | null;
}

/** A target's progress from its baseline to now, judged in its direction. */
export function targetProgress(input: { baseline: number | null; now: number | null; target: number; direction: TargetDirection }): TargetProgress {
  const { baseline, now, target, direction } = input;
  const isMet = now !== null && (direction === 'rise' ? now >= target : now <= target);
  const isImproving = baseline === null || now === null ? null : direction === 'rise' ? now > baseline : now < baseline;
  const gap = now === null ? null : isMet ? 0 : Math.round(Math.abs(target - now) * 10) / 10;
  return { baseline, now, target, direction, isMet, isImproving, gap };
}

/** The half year a date lies in, and its first and last day: '2026H1' → 2026-01-01 … 2026-06-30. */
export function halfYearOf(date: string): { year: number; half: 1 | 2 } {
  return { year: Number(date.slice(0, 4)), half: Number(date.slice(5, 7)) <= 6 ? 1 : 2 };
}

export function halfYearRange(year: number, half: 1 | 2): { from: string; to: string } {
  return half === 1 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

export function halfYearLabel(year: number, half: 1 | 2): string {
  return `${year} 年${half === 1 ? '上' : '下'}半年`;
}

/** The day snapshots of a month are taken on: the first of the month. */
export function monthlySnapshotDate(today: string): string {
  return `${today.slice(0, 7)}-01`;
}

/** The figures of a unit kept in a snapshot and shown on the dashboard, with their unit of measure. */
export const FIGURES = {
  reserves: { label: '后备力量', unit: '人' },
  villages: { label: '村（社区）', unit: '个' },
  villagesWithTwo: { label: '储备不少于 2 名的村', unit: '个' },
  villagesWithTwoMature: { label: '有 2 名以上成熟后备力量的村', unit: '个' },
  villagesWithYoung: { label: '有 35 岁以下后备力量的村', unit: '个' },
  villagesWithSuccessor: { label: '书记有成熟接任人选的村', unit: '个' },
  trainingCompliance: { label: '本年度培训达标率', unit: '%' },
  mentoringThisMonth: { label: '本月已记录帮带的比例', unit: '%' },
  mentorContactsThisMonth: { label: '本月帮带记录', unit: '条' },
  secretaries: { label: '在任村党组织书记', unit: '人' },
  secretaryCollegeShare: { label: '书记大专及以上学历占比', unit: '%' },
  secretaryAverageAge: { label: '书记平均年龄', unit: '岁' },
  villagesWithYoungMember: { label: '“两委”有 35 岁以下成员的村', unit: '个' },
  campaignProgress: { label: '行动方案进度', unit: '%' },
} as const;
export type FigureKey = keyof typeof FIGURES;
export const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[];
export type Figures = Record<FigureKey, number | null>;

/**
 * The counts behind a unit's figures, all of them additive: a county's are counted from its
 * records, a city's, a province's or the nation's are its counties' added up.
 */
export const UNIT_TOTALS = [
  'reserves', 'villages', 'villagesWithTwo', 'villagesWithTwoMature', 'villagesWithYoung', 'villagesWithSuccessor',
  'shortVillages', 'shortMinimumReserves', 'shortYoungReserve', 'shortNeededKind',
  'trained', 'mentored', 'mentoredContactedThisMonth', 'mentorContactsThisMonth',
  'secretaries', 'collegeSecretaries', 'secretaryAgeSum', 'villagesWithYoungMember',
] as const;
export type UnitTotal = (typeof UNIT_TOTALS)[number];
export type UnitTotals = Record<UnitTotal, number>;

export function addUnitTotals(list: readonly Readonly<Partial<UnitTotals>>[]): UnitTotals {
  const total = Object.fromEntries(UNIT_TOTALS.map((key) => [key, 0])) as UnitTotals;
  for (const item of list) for (const key of UNIT_TOTALS) total[key] += item[key] ?? 0;
  return total;
}

/** A unit's figures from its counts (the campaign's progress is not a count: it is left empty here). */
export function figuresOf(totals: UnitTotals): Figures {
  return {
    reserves: totals.reserves,
    villages: totals.villages,
    villagesWithTwo: totals.villagesWithTwo,
    villagesWithTwoMature: totals.villagesWithTwoMature,
    villagesWithYoung: totals.villagesWithYoung,
    villagesWithSuccessor: totals.villagesWithSuccessor,
    trainingCompliance: percentage(totals.trained, totals.reserves),
    mentoringThisMonth: percentage(totals.mentoredContactedThisMonth, totals.mentored),
    mentorContactsThisMonth: totals.mentorContactsThisMonth,
    secretaries: totals.secretaries,
    secretaryCollegeShare: percentage(totals.collegeSecretaries, totals.secretaries),
    secretaryAverageAge: totals.secretaries === 0 ? null : Math.round((totals.secretaryAgeSum / totals.secretaries) * 10) / 10,
    villagesWithYoungMember: totals.villagesWithYoungMember,
    campaignProgress: null,
  };
}

/** Grouped counts (per grouping, count per code) added up, as the charts of several units together. */
export function addGroupedCounts(list: readonly Readonly<Record<string, Readonly<Record<string, number>>>>[]): Record<string, Record<string, number>> {
  const total: Record<string, Record<string, number>> = {};
  for (const grouped of list) {
    for (const [group, counts] of Object.entries(grouped)) {
      const into = (total[group] ??= {});
      for (const [code, count] of Object.entries(counts)) into[code] = (into[code] ?? 0) + count;
    }
  }
  return total;
}

/** The counted columns of the 汇总表 (seed 000), per village and totalled. */
export const SUMMARY_COUNTS = ['reserves', 'women', 'upTo35', 'from36To45', 'over45', 'college', 'partyMembers', 'withMentor', 'trainedThisYear'] as const;
export type SummaryCount = (typeof SUMMARY_COUNTS)[number];
export const SUMMARY_COUNT_LABELS: Record<SummaryCount, string> = {
  reserves: '后备力量人数', women: '其中女性', upTo35: '35 岁及以下', from36To45: '36–45 岁', over45: '45 岁以上', college: '大专及以上学历',
  partyMembers: '中共党员', withMentor: '已落实导师', trainedThisYear: '本年度参加培训',
};

/** One line of the 汇总表: the counts and the reserves by source category. */
export interface SummaryLine {
  counts: Record<SummaryCount, number>;
  bySource: Record<string, number>;
}

/** Adds up lines of the 汇总表 (villages into a township, townships into the county). */
export function addSummaryLines(lines: readonly SummaryLine[]): SummaryLine {
  const counts = Object.fromEntries(SUMMARY_COUNTS.map((key) => [key, 0])) as Record<SummaryCount, number>;
  const bySource: Record<string, number> = {};
  for (const line of lines) {
    for (const key of SUMMARY_COUNTS) counts[key] += line.counts[key];
    for (const [code, count] of Object.entries(line.bySource)) bySource[code] = (bySource[code] ?? 0) + count;
  }
  return { counts, bySource };
}
