import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { countyOf } from '../../db/distribution.ts';
import { withinSubtrees } from '../../db/scope.ts';
import { bandBirthDates, COLLEGE_EDUCATIONS, PARTY_MEMBER_STATUSES, SUMMARY_AGE_BAND_RANGES } from '../../domain/statistics.ts';

export interface SummaryVillageRow {
  township_code: string;
  township_name: string;
  org_code: string;
  name: string;
  reserves: number;
  women: number;
  up_to35: number;
  from36_to45: number;
  over45: number;
  college: number;
  party_members: number;
  with_mentor: number;
  trained_this_year: number;
  by_source: Record<string, number> | null;
}


/** SQL of the 汇总表 and of its filings. */
export const summaryTableRepository = {
  /** Every village of the subtree with the counts of its admitted reserves on the date (villages without reserves included). */
  async countVillages(db: Executor, prefix: string, onDate: string): Promise<SummaryVillageRow[]> {
    const young = bandBirthDates(SUMMARY_AGE_BAND_RANGES.upTo35, onDate).bornAfter!;
    const middle = bandBirthDates(SUMMARY_AGE_BAND_RANGES.from36To45, onDate).bornAfter!;
    const year = Number(onDate.slice(0, 4));
    const { rows } = await sql<SummaryVillageRow>`
      WITH counted AS (
        SELECT r.org_code, p.gender, p.birth_date, p.education, p.political_status, r.source_category,
          (r.mentor_name IS NOT NULL OR EXISTS (SELECT 1 FROM mentoring_assignment a WHERE a.county_code = r.county_code AND a.reserve_id = r.id AND a.started_on <= ${onDate}::date
            AND (a.ended_on IS NULL OR a.ended_on >= ${onDate}::date))) AS has_mentor,
          coalesce((SELECT y.training_days FROM cultivation_reserve_year y WHERE y.county_code = r.county_code AND y.reserve_id = r.id AND y.year = ${year}), 0) > 0 AS is_trained
        FROM reserve r JOIN person p ON p.id = r.person_id
        WHERE r.status = 'admitted' AND ${withinSubtrees('r.org_code', [prefix], { countyColumn: 'r.county_code' })}
      ), per_village AS (
        SELECT org_code, count(*)::int AS reserves,
          (count(*) FILTER (WHERE gender = 'female'))::int AS women,
          (count(*) FILTER (WHERE birth_date > ${young}::date))::int AS up_to35,
          (count(*) FILTER (WHERE birth_date <= ${young}::date AND birth_date > ${middle}::date))::int AS from36_to45,
          (count(*) FILTER (WHERE birth_date <= ${middle}::date))::int AS over45,
          (count(*) FILTER (WHERE education = ANY(${[...COLLEGE_EDUCATIONS]}::text[])))::int AS college,
          (count(*) FILTER (WHERE political_status = ANY(${[...PARTY_MEMBER_STATUSES]}::text[])))::int AS party_members,
          (count(*) FILTER (WHERE has_mentor))::int AS with_mentor,
          (count(*) FILTER (WHERE is_trained))::int AS trained_this_year
        FROM counted GROUP BY org_code
      ), per_source AS (
        SELECT org_code, jsonb_object_agg(source_category, n) AS by_source
        FROM (SELECT org_code, source_category, count(*)::int AS n FROM counted GROUP BY org_code, source_category) s GROUP BY org_code
      )
      SELECT t.code AS township_code, t.name AS township_name, u.code AS org_code, u.name,
        coalesce(v.reserves, 0) AS reserves, coalesce(v.women, 0) AS women, coalesce(v.up_to35, 0) AS up_to35,
        coalesce(v.from36_to45, 0) AS from36_to45, coalesce(v.over45, 0) AS over45, coalesce(v.college, 0) AS college,
        coalesce(v.party_members, 0) AS party_members, coalesce(v.with_mentor, 0) AS with_mentor,
        coalesce(v.trained_this_year, 0) AS trained_this_year, s.by_source
      FROM org_unit u JOIN org_unit t ON t.code = u.parent_code
        LEFT JOIN per_village v ON v.org_code = u.code LEFT JOIN per_source s ON s.org_code = u.code
      WHERE u.level IN ('village', 'community') AND ${withinSubtrees('u.code', [prefix])}
      ORDER BY t.sort_order, t.code, u.sort_order, u.code`.execute(db);
    return rows;
  },

  async findFiling(db: Executor, orgCode: string, year: number) {
    return db.selectFrom('summary_table_filing').selectAll().where('county_code', '=', countyOf(orgCode)).where('org_code', '=', orgCode).where('year', '=', year).executeTakeFirst();
  },

  async insertFiling(db: Executor, row: { orgCode: string; year: number; filedOn: string; actorName: string; totals: Record<string, number> }) {
    return db.insertInto('summary_table_filing').values({ county_code: countyOf(row.orgCode), org_code: row.orgCode, year: row.year, filed_on: row.filedOn, actor_name: row.actorName, totals: JSON.stringify(row.totals) })
      .returningAll().executeTakeFirstOrThrow();
  },

  /** Filings of the year by the subtree's units. */
  async listFilings(db: Executor, prefix: string, year: number) {
    return db.selectFrom('summary_table_filing').selectAll().where(withinSubtrees('org_code', [prefix], { countyColumn: 'county_code' })).where('year', '=', year).execute();
  },
};
