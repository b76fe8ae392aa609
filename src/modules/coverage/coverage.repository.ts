import { sql, type Insertable, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { withinSubtrees } from '../../db/scope.ts';
import { EDUCATION_ORDER } from '../../domain/eligibility.ts';
import type { CoverageRule } from '../../domain/coverage.ts';
import type { CandidateProfile } from '../../domain/selection-procedure.ts';
import type { VillageCoverageTable } from '../../db/schema-management.ts';
import { countyOf } from '../../db/distribution.ts';

/** Per township: reserves born after `youngAfter` are young; a successor is born after `secretaryAfter` with at least `secretaryEducationRank`. */
export interface TownshipCutoffs {
  townshipCode: string;
  youngAfter: string;
  secretaryAfter: string;
  secretaryEducationRank: number;
}

export interface VillageCountRow {
  org_code: string;
  name: string;
  township_code: string;
  township_name: string;
  reserves: number;
  young: number;
  mature: number;
  potential: number;
  successors: number;
  /** The earliest birth date among the young reserves and among the successors (the first to age out). */
  oldest_young_birth: string | null;
  oldest_successor_birth: string | null;
  short_since: Record<string, string> | null;
}

/** A village's coverage to store; the repository adds its county. */
export type StoredVillage = Omit<Insertable<VillageCoverageTable>, 'county_code'>;

export interface StoredGroupRow {
  code: string;
  name: string;
  villages: number;
  short_villages: number;
  reserves: number;
  with_minimum: number;
  with_young: number;
  with_successor: number;
  short_minimum_reserves: number;
  short_young_reserve: number;
  short_needed_kind: number;
}

export interface StoredVillageRow extends Omit<VillageCountRow, 'oldest_young_birth' | 'oldest_successor_birth'> {
  need: CandidateProfile | null;
  need_explanation: string;
  young_maximum_age: number;
}

/** Rows per insert when storing the coverage of many villages (a province at its first reading). */
const STORE_BATCH = 2000;

const EDUCATIONS = sql.raw(`ARRAY[${EDUCATION_ORDER.map((level) => `'${level}'`).join(', ')}]`);

export const coverageRepository = {
  /** Townships (and the county-level units without townships) whose villages lie in the subtrees or in the given villages. */
  async listTownshipsOf(db: Executor, filter: { prefixes: readonly string[] } | { villageCodes: readonly string[] }): Promise<string[]> {
    const condition = 'prefixes' in filter ? withinSubtrees('u.code', filter.prefixes) : sql<boolean>`u.code = ANY(${[...filter.villageCodes]}::text[])`;
    const { rows } = await sql<{ code: string }>`SELECT DISTINCT u.parent_code AS code FROM org_unit u
      WHERE u.level IN ('village', 'community') AND u.parent_code IS NOT NULL AND ${condition}`.execute(db);
    return rows.map((row) => row.code);
  },

  /** Counts of the admitted reserves of every village in the subtrees (or the given villages), with the stored shortfalls. */
  async countVillages(db: Executor, filter: { prefixes: readonly string[] } | { villageCodes: readonly string[] }, cutoffs: readonly TownshipCutoffs[]): Promise<VillageCountRow[]> {
    const within = (column: string) => ('prefixes' in filter ? withinSubtrees(column, filter.prefixes) : sql<boolean>`${sql.ref(column)} = ANY(${[...filter.villageCodes]}::text[])`);
    // The counties of the villages, when known: on Citus the query then stays on their shards.
    const codes = 'prefixes' in filter ? filter.prefixes : filter.villageCodes;
    const counties = codes.every((code) => code.length >= 6) ? [...new Set(codes.map(countyOf))] : null;
    const inCounties = (column: string) => (counties ? sql`AND ${sql.ref(column)} = ANY(${counties}::text[])` : sql``);
    const { rows } = await sql<VillageCountRow>`
      WITH cutoff AS (
        SELECT * FROM unnest(${cutoffs.map((c) => c.townshipCode)}::text[], ${cutoffs.map((c) => c.youngAfter)}::date[],
          ${cutoffs.map((c) => c.secretaryAfter)}::date[], ${cutoffs.map((c) => c.secretaryEducationRank)}::int[]) AS c(township, young_after, secretary_after, education_rank)
      ), shortfall AS (
        -- Gathered per village here, not by a subquery per unit (Citus refuses that from a reference table).
        SELECT s.org_code, jsonb_object_agg(s.rule, to_char(s.short_since, 'YYYY-MM-DD')) AS short_since
        FROM coverage_shortfall s WHERE ${within('s.org_code')} ${inCounties('s.county_code')} GROUP BY s.org_code
      )
      SELECT u.code AS org_code, u.name, u.parent_code AS township_code, t.name AS township_name,
        count(r.id)::int AS reserves,
        (count(r.id) FILTER (WHERE p.birth_date > c.young_after))::int AS young,
        (count(r.id) FILTER (WHERE r.readiness = 'readyNow'))::int AS mature,
        (count(r.id) FILTER (WHERE r.readiness <> 'readyNow'))::int AS potential,
        (count(r.id) FILTER (WHERE r.target_post = 'secretary' AND r.readiness = 'readyNow' AND p.birth_date > c.secretary_after
          AND array_position(${EDUCATIONS}, p.education) >= c.education_rank))::int AS successors,
        to_char(min(p.birth_date) FILTER (WHERE p.birth_date > c.young_after), 'YYYY-MM-DD') AS oldest_young_birth,
        to_char(min(p.birth_date) FILTER (WHERE r.target_post = 'secretary' AND r.readiness = 'readyNow' AND p.birth_date > c.secretary_after
          AND array_position(${EDUCATIONS}, p.education) >= c.education_rank), 'YYYY-MM-DD') AS oldest_successor_birth,
        min(sf.short_since::text)::jsonb AS short_since
      FROM org_unit u
        JOIN org_unit t ON t.code = u.parent_code
        JOIN cutoff c ON c.township = u.parent_code
        LEFT JOIN reserve r ON r.org_code = u.code AND r.status = 'admitted' ${inCounties('r.county_code')}
        LEFT JOIN person p ON p.id = r.person_id
        LEFT JOIN shortfall sf ON sf.org_code = u.code
      WHERE u.level IN ('village', 'community') AND ${within('u.code')}
      GROUP BY u.code, u.name, u.parent_code, t.name, t.sort_order, u.sort_order
      ORDER BY t.sort_order, u.parent_code, u.sort_order, u.code`.execute(db);
    return rows;
  },

  /**
   * Villages in the subtrees whose stored coverage does not hold on `today`: aged out since (or
   * evaluated on a later day), or never stored — looked for only when the counts differ.
   */
  async listStaleVillages(db: Executor, prefixes: readonly string[], today: string): Promise<string[]> {
    const villagesHere = sql<SqlBool>`u.level IN ('village', 'community') AND u.parent_code IS NOT NULL AND ${withinSubtrees('u.code', prefixes)}`;
    const stored = withinSubtrees('v.org_code', prefixes, { countyColumn: 'v.county_code' });
    const { rows: aged } = await sql<{ code: string }>`SELECT v.org_code AS code FROM village_coverage v
      WHERE ${stored} AND (v.evaluated_on > ${today}::date OR v.valid_through < ${today}::date)`.execute(db);
    const { rows: [counts] } = await sql<{ villages: number; stored: number }>`SELECT
      (SELECT count(*) FROM org_unit u WHERE ${villagesHere})::int AS villages,
      (SELECT count(*) FROM village_coverage v WHERE ${stored})::int AS stored`.execute(db);
    if (counts!.villages === counts!.stored) return aged.map((row) => row.code);
    const { rows: missing } = await sql<{ code: string }>`SELECT u.code FROM org_unit u
      WHERE ${villagesHere} AND u.code NOT IN (SELECT v.org_code FROM village_coverage v WHERE ${stored})`.execute(db);
    return [...aged, ...missing].map((row) => row.code);
  },

  async storeVillages(db: Executor, rows: readonly StoredVillage[]): Promise<void> {
    for (let start = 0; start < rows.length; start += STORE_BATCH) {
      const batch = rows.slice(start, start + STORE_BATCH).map((row) => ({ ...row, county_code: countyOf(row.org_code) }));
      await db.insertInto('village_coverage').values(batch).onConflict((oc) => oc.columns(['county_code', 'org_code']).doUpdateSet((eb) => ({
        reserves: eb.ref('excluded.reserves'), young: eb.ref('excluded.young'), mature: eb.ref('excluded.mature'), potential: eb.ref('excluded.potential'),
        successors: eb.ref('excluded.successors'), need: eb.ref('excluded.need'), need_explanation: eb.ref('excluded.need_explanation'),
        young_maximum_age: eb.ref('excluded.young_maximum_age'), short_rules: eb.ref('excluded.short_rules'),
        evaluated_on: eb.ref('excluded.evaluated_on'), valid_through: eb.ref('excluded.valid_through'), evaluated_at: eb.ref('excluded.evaluated_at'),
      }))).execute();
    }
  },

  /** Forgets the stored coverage of the subtree (its rules changed); it is evaluated again when next read. */
  async forgetStored(db: Executor, prefix: string): Promise<void> {
    await db.deleteFrom('village_coverage').where(withinSubtrees('org_code', [prefix])).execute();
  },

  /** The villages in which the people are admitted reserves. */
  async villagesOfReservePeople(db: Executor, personIds: readonly string[]): Promise<string[]> {
    if (personIds.length === 0) return [];
    const rows = await db.selectFrom('reserve').select('org_code').distinct().where('person_id', 'in', personIds).where('status', '=', 'admitted').execute();
    return rows.map((row) => row.org_code);
  },

  /**
   * Per unit of the subtrees whose code begins with `groupDigits` digits (6: the counties, 2: the
   * provinces): what the stored coverage of its villages adds up to.
   */
  async summariseStored(db: Executor, prefixes: readonly string[], groupDigits: number, minimumReserves: number): Promise<StoredGroupRow[]> {
    const { rows } = await sql<StoredGroupRow>`
      WITH per_unit AS (
        SELECT rpad(substr(v.org_code, 1, ${groupDigits}), 12, '0') AS unit_code, count(*)::int AS villages,
          (count(*) FILTER (WHERE cardinality(v.short_rules) > 0))::int AS short_villages,
          coalesce(sum(v.reserves), 0)::int AS reserves,
          (count(*) FILTER (WHERE v.reserves >= ${minimumReserves}))::int AS with_minimum,
          (count(*) FILTER (WHERE v.young >= 1))::int AS with_young,
          (count(*) FILTER (WHERE v.successors >= 1))::int AS with_successor,
          (count(*) FILTER (WHERE 'minimumReserves' = ANY(v.short_rules)))::int AS short_minimum_reserves,
          (count(*) FILTER (WHERE 'youngReserve' = ANY(v.short_rules)))::int AS short_young_reserve,
          (count(*) FILTER (WHERE 'neededKind' = ANY(v.short_rules)))::int AS short_needed_kind
        FROM village_coverage v WHERE ${withinSubtrees('v.org_code', prefixes, { countyColumn: 'v.county_code' })} GROUP BY 1
      )
      SELECT t.code, t.name, p.villages, p.short_villages, p.reserves, p.with_minimum, p.with_young, p.with_successor,
        p.short_minimum_reserves, p.short_young_reserve, p.short_needed_kind
      FROM per_unit p JOIN org_unit t ON t.code = p.unit_code ORDER BY t.sort_order, t.code`.execute(db);
    return rows;
  },

  /** The short villages of the subtrees from the stored coverage, in code order, at most `limit`. */
  async listStoredShort(db: Executor, prefixes: readonly string[], limit: number): Promise<StoredVillageRow[]> {
    const { rows } = await sql<StoredVillageRow>`
      WITH short AS (
        SELECT * FROM village_coverage v WHERE cardinality(v.short_rules) > 0 AND ${withinSubtrees('v.org_code', prefixes, { countyColumn: 'v.county_code' })}
        ORDER BY v.org_code LIMIT ${limit}
      ), since AS (
        SELECT s.org_code, jsonb_object_agg(s.rule, to_char(s.short_since, 'YYYY-MM-DD')) AS short_since FROM coverage_shortfall s
        WHERE ${withinSubtrees('s.org_code', prefixes, { countyColumn: 's.county_code' })} AND s.org_code IN (SELECT org_code FROM short)
        GROUP BY s.county_code, s.org_code
      )
      SELECT u.code AS org_code, u.name, v.township_code, t.name AS township_name,
        v.reserves, v.young, v.mature, v.potential, v.successors, v.need, v.need_explanation, v.young_maximum_age, since.short_since
      FROM short v JOIN org_unit u ON u.code = v.org_code JOIN org_unit t ON t.code = v.township_code LEFT JOIN since ON since.org_code = v.org_code
      ORDER BY v.org_code`.execute(db);
    return rows;
  },

  async openShortfalls(db: Executor, rows: readonly { orgCode: string; rule: CoverageRule; since: string }[]): Promise<void> {
    if (rows.length === 0) return;
    await db.insertInto('coverage_shortfall').values(rows.map((row) => ({ county_code: countyOf(row.orgCode), org_code: row.orgCode, rule: row.rule, short_since: row.since })))
      .onConflict((oc) => oc.columns(['county_code', 'org_code', 'rule']).doNothing()).execute();
  },

  async closeShortfalls(db: Executor, rows: readonly { orgCode: string; rule: CoverageRule }[]): Promise<void> {
    for (const row of rows) await db.deleteFrom('coverage_shortfall').where('org_code', '=', row.orgCode).where('rule', '=', row.rule).execute();
  },
};
