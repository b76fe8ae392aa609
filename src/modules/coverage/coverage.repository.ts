import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { withinSubtrees } from '../../db/scope.ts';
import { EDUCATION_ORDER } from '../../domain/eligibility.ts';
import type { CoverageRule } from '../../domain/coverage.ts';
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
  short_since: Record<string, string> | null;
}

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
    const condition = 'prefixes' in filter ? withinSubtrees('u.code', filter.prefixes) : sql<boolean>`u.code = ANY(${[...filter.villageCodes]}::text[])`;
    // The counties of the villages, when known: on Citus the query then stays on their shards.
    const codes = 'prefixes' in filter ? filter.prefixes : filter.villageCodes;
    const counties = codes.every((code) => code.length >= 6) ? [...new Set(codes.map(countyOf))] : null;
    const inCounties = (column: string) => (counties ? sql`AND ${sql.ref(column)} = ANY(${counties}::text[])` : sql``);
    const { rows } = await sql<VillageCountRow>`
      WITH cutoff AS (
        SELECT * FROM unnest(${cutoffs.map((c) => c.townshipCode)}::text[], ${cutoffs.map((c) => c.youngAfter)}::date[],
          ${cutoffs.map((c) => c.secretaryAfter)}::date[], ${cutoffs.map((c) => c.secretaryEducationRank)}::int[]) AS c(township, young_after, secretary_after, education_rank)
      )
      SELECT u.code AS org_code, u.name, u.parent_code AS township_code, t.name AS township_name,
        count(r.id)::int AS reserves,
        (count(r.id) FILTER (WHERE p.birth_date > c.young_after))::int AS young,
        (count(r.id) FILTER (WHERE r.readiness = 'readyNow'))::int AS mature,
        (count(r.id) FILTER (WHERE r.readiness <> 'readyNow'))::int AS potential,
        (count(r.id) FILTER (WHERE r.target_post = 'secretary' AND r.readiness = 'readyNow' AND p.birth_date > c.secretary_after
          AND array_position(${EDUCATIONS}, p.education) >= c.education_rank))::int AS successors,
        (SELECT jsonb_object_agg(s.rule, to_char(s.short_since, 'YYYY-MM-DD')) FROM coverage_shortfall s WHERE s.org_code = u.code ${inCounties('s.county_code')}) AS short_since
      FROM org_unit u
        JOIN org_unit t ON t.code = u.parent_code
        JOIN cutoff c ON c.township = u.parent_code
        LEFT JOIN reserve r ON r.org_code = u.code AND r.status = 'admitted' ${inCounties('r.county_code')}
        LEFT JOIN person p ON p.id = r.person_id
      WHERE u.level IN ('village', 'community') AND ${condition}
      GROUP BY u.code, u.name, u.parent_code, t.name, t.sort_order, u.sort_order
      ORDER BY t.sort_order, u.parent_code, u.sort_order, u.code`.execute(db);
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
