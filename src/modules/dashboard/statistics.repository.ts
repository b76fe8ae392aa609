import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { countyOf } from '../../db/distribution.ts';
import { withinSubtrees } from '../../db/scope.ts';
import { AGE_BANDS, AGE_BAND_RANGES, bandBirthDates, COLLEGE_EDUCATIONS, type Breakdown, type UnitTotals } from '../../domain/statistics.ts';

/**
 * The SQL of the statistics: counts over the admitted reserves and the sitting secretaries of a
 * subtree, each grouping in one pass (GROUPING SETS), and the snapshots. Read-only over the
 * reserves', people's, villages' and cultivation's tables.
 */

export type BreakdownCounts = Record<Breakdown, Map<string, number>>;

/** Breakdown counts as stored in a snapshot: per grouping, count per code. */
export interface StoredStructure {
  reserves: Record<string, Record<string, number>>;
  secretaries: Record<string, Record<string, number>>;
}

/** Breakdown counts to their stored form and back. */
export function storeBreakdowns(counts: BreakdownCounts): Record<string, Record<string, number>> {
  return Object.fromEntries(Object.entries(counts).map(([breakdown, map]) => [breakdown, Object.fromEntries(map)]));
}

export function readStoredBreakdowns(stored: Record<string, Record<string, number>>): BreakdownCounts {
  return Object.fromEntries(SET_ORDER.map((breakdown) => [breakdown, new Map(Object.entries(stored[breakdown] ?? {}))])) as BreakdownCounts;
}

/** The CASE that gives a birth date its age band on a date (the bands' own birth-date cuts). */
function ageBandCase(column: string, onDate: string): RawBuilder<string> {
  const whens = AGE_BANDS.filter((band) => AGE_BAND_RANGES[band].ageMax !== undefined).map((band) => {
    const { bornAfter } = bandBirthDates(AGE_BAND_RANGES[band], onDate);
    return sql`WHEN ${sql.ref(column)} > ${bornAfter!}::date THEN ${band}`;
  });
  return sql<string>`CASE ${sql.join(whens, sql` `)} ELSE ${AGE_BANDS[AGE_BANDS.length - 1]!} END`;
}

interface GroupingRow {
  age_band: string | null;
  education: string | null;
  gender: string | null;
  source_category: string | null;
  political_status: string | null;
  readiness: string | null;
  set_id: number;
  n: number;
}

const SET_ORDER: readonly Breakdown[] = ['ageBand', 'education', 'gender', 'sourceCategory', 'politicalStatus', 'readiness'];
const SET_COLUMN: Record<Breakdown, keyof GroupingRow> = {
  ageBand: 'age_band', education: 'education', gender: 'gender', sourceCategory: 'source_category', politicalStatus: 'political_status', readiness: 'readiness',
};

function toBreakdowns(rows: readonly GroupingRow[]): BreakdownCounts {
  const result = Object.fromEntries(SET_ORDER.map((breakdown) => [breakdown, new Map<string, number>()])) as BreakdownCounts;
  for (const row of rows) {
    const breakdown = SET_ORDER[row.set_id];
    if (!breakdown) continue;
    const code = row[SET_COLUMN[breakdown]];
    if (typeof code === 'string') result[breakdown].set(code, row.n);
  }
  return result;
}

/**
 * The one GROUPING SETS pass over rows of (age_band, education, gender, source_category, political_status, readiness).
 * The rows are gathered first (MATERIALIZED): Citus groups by sets only where the rows are, so on a
 * cluster the shards send their rows and the coordinator groups them.
 */
function groupingSets(source: RawBuilder<unknown>): RawBuilder<GroupingRow> {
  return sql<GroupingRow>`
    WITH x AS MATERIALIZED (${source})
    SELECT age_band, education, gender, source_category, political_status, readiness, count(*)::int AS n,
      CASE WHEN GROUPING(age_band) = 0 THEN 0 WHEN GROUPING(education) = 0 THEN 1 WHEN GROUPING(gender) = 0 THEN 2
        WHEN GROUPING(source_category) = 0 THEN 3 WHEN GROUPING(political_status) = 0 THEN 4 ELSE 5 END AS set_id
    FROM x
    GROUP BY GROUPING SETS ((age_band), (education), (gender), (source_category), (political_status), (readiness))`;
}


/** Sitting secretaries of village Party organisations on a date. */
function sittingSecretaries(prefix: string, onDate: string) {
  return sql`cm.committee = 'party' AND cm.post = 'secretary' AND cm.started_on <= ${onDate}::date
    AND (cm.ended_on IS NULL OR cm.ended_on > ${onDate}::date) AND ${withinSubtrees('cm.org_code', [prefix], { countyColumn: 'cm.county_code' })}`;
}

export interface SecretaryFigures {
  secretaries: number;
  college: number;
  ageSum: number;
}

export interface MentoringFigures {
  mentored: number;
  contactedThisMonth: number;
  contactsThisMonth: number;
}

export const statisticsRepository = {
  /** The admitted reserves of the subtree by every grouping of the charts. */
  async reserveBreakdowns(db: Executor, prefix: string, onDate: string): Promise<BreakdownCounts> {
    const source = sql`SELECT ${ageBandCase('p.birth_date', onDate)} AS age_band, p.education, p.gender, r.source_category, p.political_status, r.readiness
      FROM reserve r JOIN person p ON p.id = r.person_id
      WHERE r.status = 'admitted' AND ${withinSubtrees('r.org_code', [prefix], { countyColumn: 'r.county_code' })}`;
    const { rows } = await groupingSets(source).execute(db);
    return toBreakdowns(rows);
  },

  /** The sitting secretaries of the subtree by the same groupings (source and readiness stay empty). */
  async secretaryBreakdowns(db: Executor, prefix: string, onDate: string): Promise<BreakdownCounts> {
    const source = sql`SELECT ${ageBandCase('p.birth_date', onDate)} AS age_band, p.education, p.gender, NULL::text AS source_category, p.political_status, NULL::text AS readiness
      FROM committee_member cm JOIN person p ON p.id = cm.person_id WHERE ${sittingSecretaries(prefix, onDate)}`;
    const { rows } = await groupingSets(source).execute(db);
    const breakdowns = toBreakdowns(rows);
    breakdowns.sourceCategory.clear();
    breakdowns.readiness.clear();
    return breakdowns;
  },

  /** How many secretaries sit, how many have 大专+, and the sum of their ages on the date. */
  async secretaryFigures(db: Executor, prefix: string, onDate: string): Promise<SecretaryFigures> {
    const { rows } = await sql<SecretaryFigures>`
      SELECT count(*)::int AS secretaries, (count(*) FILTER (WHERE p.education = ANY(${[...COLLEGE_EDUCATIONS]}::text[])))::int AS college,
        coalesce(sum(extract(year FROM age(${onDate}::date, p.birth_date))), 0)::int AS "ageSum"
      FROM committee_member cm JOIN person p ON p.id = cm.person_id WHERE ${sittingSecretaries(prefix, onDate)}`.execute(db);
    return rows[0]!;
  },

  /** Villages of the subtree with a sitting member of either committee born after `youngAfter`. */
  async villagesWithYoungMember(db: Executor, prefix: string, onDate: string, youngAfter: string): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      SELECT count(DISTINCT cm.org_code)::int AS n FROM committee_member cm JOIN person p ON p.id = cm.person_id
      WHERE cm.committee IN ('party', 'villagers') AND cm.started_on <= ${onDate}::date AND (cm.ended_on IS NULL OR cm.ended_on > ${onDate}::date)
        AND p.birth_date > ${youngAfter}::date AND ${withinSubtrees('cm.org_code', [prefix])}`.execute(db);
    return rows[0]!.n;
  },

  /** Admitted reserves of the subtree with at least `minimumDays` of training in the year. */
  async trainedReserves(db: Executor, prefix: string, year: number, minimumDays: number): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM reserve r JOIN cultivation_reserve_year y ON y.county_code = r.county_code AND y.reserve_id = r.id AND y.year = ${year}
      WHERE r.status = 'admitted' AND y.training_days >= ${minimumDays} AND ${withinSubtrees('r.org_code', [prefix])}`.execute(db);
    return rows[0]!.n;
  },

  /** Admitted reserves with a mentor on the date, how many of them have a contact log in the month, and the logs. */
  async mentoring(db: Executor, prefix: string, onDate: string): Promise<MentoringFigures> {
    const monthStart = `${onDate.slice(0, 7)}-01`;
    const { rows } = await sql<MentoringFigures>`
      WITH mentored AS (
        SELECT DISTINCT r.id FROM reserve r JOIN mentoring_assignment a ON a.county_code = r.county_code AND a.reserve_id = r.id
        WHERE r.status = 'admitted' AND a.started_on <= ${onDate}::date AND (a.ended_on IS NULL OR a.ended_on >= ${onDate}::date)
          AND ${withinSubtrees('r.org_code', [prefix])}
      ), contacts AS (
        SELECT c.reserve_id FROM mentor_contact c
        WHERE c.contacted_on >= ${monthStart}::date AND c.contacted_on <= ${onDate}::date AND ${withinSubtrees('c.org_code', [prefix])}
      )
      SELECT (SELECT count(*) FROM mentored)::int AS mentored,
        (SELECT count(*) FROM mentored m WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.reserve_id = m.id))::int AS "contactedThisMonth",
        (SELECT count(*) FROM contacts)::int AS "contactsThisMonth"`.execute(db);
    return rows[0]!;
  },

  /** Villages of the subtree with at least two admitted reserves ready now (成熟): the campaign's target for the 换届. */
  async villagesWithTwoMature(db: Executor, prefix: string): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (SELECT r.org_code FROM reserve r WHERE r.status = 'admitted' AND r.readiness = 'readyNow' AND ${withinSubtrees('r.org_code', [prefix])}
        GROUP BY r.org_code HAVING count(*) >= 2) v`.execute(db);
    return rows[0]!.n;
  },

  async saveSnapshot(db: Executor, orgCode: string, takenOn: string, figures: Record<string, number | null>, structure: StoredStructure): Promise<void> {
    // The update takes the inserted row's values: Citus evaluates no function (now()) in an upsert's update.
    await db.insertInto('statistics_snapshot').values({ county_code: countyOf(orgCode), org_code: orgCode, taken_on: takenOn, figures: JSON.stringify(figures), structure: JSON.stringify(structure) })
      .onConflict((oc) => oc.columns(['county_code', 'org_code', 'taken_on']).doUpdateSet((eb) => ({
        figures: eb.ref('excluded.figures'), structure: eb.ref('excluded.structure'), taken_at: eb.ref('excluded.taken_at'),
      }))).execute();
  },

  /** The unit's latest snapshot on or before the date that holds the structure statistics. */
  async structureOnOrBefore(db: Executor, orgCode: string, onDate: string) {
    return db.selectFrom('statistics_snapshot').select(['taken_on', 'structure']).where('county_code', '=', countyOf(orgCode)).where('org_code', '=', orgCode).where('taken_on', '<=', onDate)
      .where('structure', 'is not', null).orderBy('taken_on', 'desc').limit(1).executeTakeFirst();
  },

  /** The unit's latest snapshot taken before the date. */
  async snapshotBefore(db: Executor, orgCode: string, before: string) {
    return db.selectFrom('statistics_snapshot').select(['taken_on', 'figures']).where('county_code', '=', countyOf(orgCode)).where('org_code', '=', orgCode).where('taken_on', '<', before)
      .orderBy('taken_on', 'desc').limit(1).executeTakeFirst();
  },

  /** The unit's snapshot on or before the date (a baseline). */
  async snapshotOnOrBefore(db: Executor, orgCode: string, onDate: string) {
    return db.selectFrom('statistics_snapshot').select(['taken_on', 'figures']).where('county_code', '=', countyOf(orgCode)).where('org_code', '=', orgCode).where('taken_on', '<=', onDate)
      .orderBy('taken_on', 'desc').limit(1).executeTakeFirst();
  },

  async listSnapshots(db: Executor, orgCode: string, limit: number) {
    return db.selectFrom('statistics_snapshot').select(['taken_on', 'figures']).where('county_code', '=', countyOf(orgCode)).where('org_code', '=', orgCode).orderBy('taken_on', 'desc').limit(limit).execute();
  },

  async saveCountyStatistics(db: Executor, countyCode: string, countedOn: string, totals: UnitTotals, structure: StoredStructure): Promise<void> {
    const values = { counted_on: countedOn, totals: JSON.stringify(totals), structure: JSON.stringify(structure) };
    await db.insertInto('county_statistics').values({ county_code: countyCode, ...values })
      .onConflict((oc) => oc.column('county_code').doUpdateSet((eb) => ({ ...values, counted_at: eb.ref('excluded.counted_at') }))).execute();
  },

  /** The counties of the subtree in the tree's order, each with its stored counts (null when never counted). */
  async listCountiesWithStatistics(db: Executor, prefix: string) {
    return db.selectFrom('org_unit as u').leftJoin('county_statistics as s', 's.county_code', 'u.code')
      .select(['u.code', 'u.name', 's.counted_on', 's.counted_at', 's.totals', 's.structure'])
      .where('u.level', '=', 'county').where(withinSubtrees('u.code', [prefix]))
      .orderBy('u.sort_order').orderBy('u.code').execute();
  },

  /**
   * Counties of the subtree whose counts are not stored, were counted on another day than
   * `today`, or (with `countedBefore`) were counted before that time.
   */
  async listCountiesToCount(db: Executor, prefix: string, today: string, countedBefore?: Date): Promise<string[]> {
    const rows = await db.selectFrom('org_unit as u').leftJoin('county_statistics as s', 's.county_code', 'u.code').select('u.code')
      .where('u.level', '=', 'county').where(withinSubtrees('u.code', [prefix]))
      .where((eb) => eb.or([
        eb('s.county_code', 'is', null), eb('s.counted_on', '<>', today),
        ...(countedBefore ? [eb('s.counted_at', '<', countedBefore)] : []),
      ]))
      .orderBy('u.code').execute();
    return rows.map((row) => row.code);
  },

  /** Units a snapshot is taken of: the subtree's units from province down to township. */
  async listSnapshotUnits(db: Executor, prefix: string): Promise<{ code: string; level: string }[]> {
    return db.selectFrom('org_unit').select(['code', 'level']).where('level', 'in', ['province', 'city', 'county', 'township'])
      .where(withinSubtrees('code', [prefix])).orderBy('code').execute();
  },
};
