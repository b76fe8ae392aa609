import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { escapeLike } from '../../db/scope.ts';

export interface ReserveFactRow {
  id: string;
  org_code: string;
  name: string;
  admitted_on: string;
  days_this_year: number | null;
  /** Attended sessions up to the date, 'YYYY-MM-DD|method|days' joined by ','. */
  sessions: string | null;
  village_quarters: number | null;
  township_quarters: number | null;
  has_talk: boolean;
  has_mentor: boolean;
}

/** A reserve's figures of one year, from the roll-up. */
export interface YearFiguresRow {
  reserve_id: string;
  village_quarters: number;
  township_quarters: number;
  training_days: number;
  talks: number;
}

export interface AssignmentFactRow {
  id: string;
  reserve_id: string;
  mentor_user_id: string | null;
  mentor_name: string;
  started_on: string;
  ended_on: string | null;
  contact_months: number | null;
  summary_quarters: number | null;
}

/**
 * Runs a query with random page reads priced as what they cost here (memory or SSD) instead of the
 * default's spinning disk: with the default, a county's list reads all 100,000 people of a
 * province to avoid 2,000 index look-ups (2–3× slower, bench/README.md). Only these queries are
 * tuned: filtered roster pages are faster with the default. Inside a caller's transaction the
 * setting holds until that transaction ends.
 */
/**
 * `AND <alias>.county_code = …` when the prefix lies within one county: on Citus the query then goes
 * to that county's shard only (src/db/distribution.ts); the rows are the same.
 */
function inCountyOf(prefix: string) {
  return (alias: string) => (prefix.length >= 6 ? sql`AND ${sql.ref(alias ? `${alias}.county_code` : 'county_code')} = ${prefix.slice(0, 6)}` : sql``);
}

async function withCheapRandomReads<T>(db: Executor, run: (executor: Executor) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    await sql`SET LOCAL random_page_cost = 1.1`.execute(db);
    return run(db);
  }
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL random_page_cost = 1.1`.execute(tx);
    return run(tx);
  });
}

/**
 * Set-based queries that give a year of cultivation records per admitted reserve and per
 * mentoring assignment in one subtree: for today from the roll-ups, joined by reserve or
 * assignment id; for a past date summed from the records, each table filtered by its own org_code
 * prefix and date, then grouped and joined by hash. One row per reserve, one per assignment;
 * months and quarters come back as bit masks (bit 0 = January / first quarter).
 */
export const remindersRepository = {
  /**
   * With `useRollup` (onDate is today: no record lies after it), the yearly figures and the
   * sessions come from the trigger-kept roll-ups, one row each per reserve; otherwise they are
   * summed from the records up to onDate. Both give the same facts for today (tested). Village
   * names are left to the page shown.
   */
  async listReserveFacts(db: Executor, options: { prefix: string; onDate: string; mentorUserId?: string | undefined; useRollup: boolean }): Promise<ReserveFactRow[]> {
    const like = `${escapeLike(options.prefix)}%`;
    const county = inCountyOf(options.prefix);
    const yearStart = `${options.onDate.slice(0, 4)}-01-01`;
    const year = Number(options.onDate.slice(0, 4));
    const mentees = options.mentorUserId
      ? sql`AND r.id IN (SELECT reserve_id FROM mentoring_assignment WHERE mentor_user_id = ${options.mentorUserId} AND started_on <= ${options.onDate} AND (ended_on IS NULL OR ended_on >= ${yearStart}))`
      : sql``;
    // Admission after onDate is left to the computation: this filter is almost never selective, and
    // would only mislead the planner's row estimate.
    // The assignment's own org_code filter lets the planner read only the subtree's assignments.
    const hasMentor = sql`EXISTS (SELECT 1 FROM mentoring_assignment m WHERE m.reserve_id = r.id AND m.county_code = r.county_code ${county('m')} AND m.org_code LIKE ${like} AND m.started_on <= ${options.onDate} AND (m.ended_on IS NULL OR m.ended_on >= ${options.onDate}))`;
    if (options.useRollup) {
      const rolled = await withCheapRandomReads(db, (executor) => sql<ReserveFactRow>`
        SELECT r.id, r.org_code, p.name, coalesce(r.admitted_on, r.created_at::date)::text AS admitted_on, y.training_days AS days_this_year, t.sessions,
          y.village_quarters, y.township_quarters, coalesce(y.talks, 0) > 0 AS has_talk, ${hasMentor} AS has_mentor
        FROM reserve r JOIN person p ON p.id = r.person_id
        LEFT JOIN cultivation_reserve_year y ON y.reserve_id = r.id AND y.county_code = r.county_code AND y.year = ${year}
        LEFT JOIN cultivation_reserve_training t ON t.reserve_id = r.id AND t.county_code = r.county_code
        WHERE r.status = 'admitted' AND r.org_code LIKE ${like} ${county('r')} ${mentees}
      `.execute(executor));
      return rolled.rows;
    }
    const result = await withCheapRandomReads(db, (executor) => sql<ReserveFactRow>`
      WITH r AS (
        SELECT r.id, r.org_code, coalesce(r.admitted_on, r.created_at::date) AS admitted_on, p.name, ${hasMentor} AS has_mentor
        FROM reserve r JOIN person p ON p.id = r.person_id
        WHERE r.status = 'admitted' AND r.org_code LIKE ${like} ${county('r')} ${mentees}
      ), t AS (
        SELECT a.reserve_id,
          sum(a.days_attended) FILTER (WHERE a.end_date >= ${yearStart}) AS days_this_year,
          string_agg(a.end_date::text || '|' || a.method || '|' || a.days_attended::text, ',' ORDER BY a.end_date, a.method) AS sessions
        FROM training_attendance a
        WHERE a.org_code LIKE ${like} ${county('a')} AND a.attended AND a.end_date <= ${options.onDate}
        GROUP BY a.reserve_id
      ), q AS (
        SELECT reserve_id,
          bit_or(1 << (quarter - 1)) FILTER (WHERE assessor = 'village') AS village_quarters,
          bit_or(1 << (quarter - 1)) FILTER (WHERE assessor = 'township') AS township_quarters
        FROM assessment
        WHERE org_code LIKE ${like} ${county('')} AND year = ${year} AND kind = 'quarterly'
        GROUP BY reserve_id
      ), k AS (
        SELECT DISTINCT reserve_id FROM annual_talk WHERE org_code LIKE ${like} ${county('')} AND talked_on >= ${yearStart} AND talked_on <= ${options.onDate}
      )
      SELECT r.id, r.org_code, r.name, r.admitted_on::text AS admitted_on, t.days_this_year, t.sessions,
        q.village_quarters, q.township_quarters, (k.reserve_id IS NOT NULL) AS has_talk, r.has_mentor
      FROM r LEFT JOIN t ON t.reserve_id = r.id LEFT JOIN q ON q.reserve_id = r.id LEFT JOIN k ON k.reserve_id = r.id
    `.execute(executor));
    return result.rows;
  },

  /**
   * The reserves whose past year may end with something missing, with that year's figures from
   * the roll-ups (exact for a whole year): a quarter-4 opinion, the secretary's talk, or fewer
   * training days than `minimumDays`; a reserve with nothing recorded that year has zeros. For
   * the reserves of a subtree, or for the reserves given.
   */
  async listYearEndShortfalls(db: Executor, options: { year: number; minimumDays: number } & ({ prefix: string } | { reserveIds: readonly string[] })): Promise<YearFiguresRow[]> {
    const which = 'reserveIds' in options ? sql`r.id = ANY (${[...options.reserveIds]}::uuid[])` : sql`r.org_code LIKE ${`${escapeLike(options.prefix)}%`} ${inCountyOf(options.prefix)('r')}`;
    const result = await sql<YearFiguresRow>`
      SELECT r.id AS reserve_id, coalesce(y.village_quarters, 0) AS village_quarters, coalesce(y.township_quarters, 0) AS township_quarters,
        coalesce(y.training_days, 0) AS training_days, coalesce(y.talks, 0) AS talks
      FROM reserve r LEFT JOIN cultivation_reserve_year y ON y.reserve_id = r.id AND y.county_code = r.county_code AND y.year = ${options.year}
      WHERE r.status = 'admitted' AND ${which}
        AND (y.reserve_id IS NULL OR y.village_quarters & 8 = 0 OR y.township_quarters & 8 = 0 OR y.talks = 0 OR y.training_days < ${options.minimumDays})
    `.execute(db);
    return result.rows;
  },

  /** The names of units, for the page of a list. */
  async unitNames(db: Executor, codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await db.selectFrom('org_unit').select(['code', 'name']).where('code', 'in', [...codes]).execute();
    return new Map(rows.map((row) => [row.code, row.name]));
  },

  /**
   * The assignments overlapping the year up to onDate, except those with every month and quarter
   * of `asked` recorded (they give no reminder).
   */
  async listAssignmentFacts(db: Executor, options: { prefix: string; onDate: string; mentorUserId?: string | undefined; useRollup: boolean; asked: { months: number; quarters: number } }): Promise<AssignmentFactRow[]> {
    const like = `${escapeLike(options.prefix)}%`;
    const county = inCountyOf(options.prefix);
    const { months, quarters } = options.asked;
    const isIncomplete = (contacts: RawBuilder<unknown>, summaries: RawBuilder<unknown>) =>
      sql`(coalesce(${contacts}, 0) & ${months}) <> ${months} OR (coalesce(${summaries}, 0) & ${quarters}) <> ${quarters}`;
    const yearStart = `${options.onDate.slice(0, 4)}-01-01`;
    const year = Number(options.onDate.slice(0, 4));
    const mentor = options.mentorUserId ? sql`AND m.mentor_user_id = ${options.mentorUserId}` : sql``;
    if (options.useRollup) {
      const rolled = await withCheapRandomReads(db, (executor) => sql<AssignmentFactRow>`
        WITH y AS (
          SELECT county_code, assignment_id, contact_months, summary_quarters FROM cultivation_assignment_year WHERE year = ${year} AND org_code LIKE ${like} ${county('')}
        )
        SELECT m.id, m.reserve_id, m.mentor_user_id, m.mentor_name, m.started_on::text AS started_on, m.ended_on::text AS ended_on, y.contact_months, y.summary_quarters
        FROM mentoring_assignment m JOIN reserve r ON r.id = m.reserve_id AND r.county_code = m.county_code AND r.org_code LIKE ${like} AND r.status = 'admitted'
        LEFT JOIN y ON y.assignment_id = m.id AND y.county_code = m.county_code
        WHERE m.org_code LIKE ${like} ${county('m')} AND m.started_on <= ${options.onDate} AND (m.ended_on IS NULL OR m.ended_on >= ${yearStart}) ${mentor}
          AND (${isIncomplete(sql`y.contact_months`, sql`y.summary_quarters`)})
      `.execute(executor));
      return rolled.rows;
    }
    const result = await withCheapRandomReads(db, (executor) => sql<AssignmentFactRow>`
      WITH m AS (
        SELECT m.id, m.reserve_id, m.mentor_user_id, m.mentor_name, m.started_on::text AS started_on, m.ended_on::text AS ended_on
        FROM mentoring_assignment m JOIN reserve r ON r.id = m.reserve_id AND r.county_code = m.county_code
        WHERE m.org_code LIKE ${like} ${county('m')} AND r.status = 'admitted' AND m.started_on <= ${options.onDate} AND (m.ended_on IS NULL OR m.ended_on >= ${yearStart}) ${mentor}
      ), c AS (
        SELECT assignment_id, bit_or(1 << (extract(month FROM contacted_on)::int - 1)) AS contact_months
        FROM mentor_contact
        WHERE org_code LIKE ${like} ${county('')} AND contacted_on >= ${yearStart} AND contacted_on <= ${options.onDate}
        GROUP BY assignment_id
      ), s AS (
        SELECT assignment_id, bit_or(1 << (quarter - 1)) AS summary_quarters
        FROM mentoring_summary
        WHERE org_code LIKE ${like} ${county('')} AND year = ${year}
        GROUP BY assignment_id
      )
      SELECT m.*, c.contact_months, s.summary_quarters
      FROM m LEFT JOIN c ON c.assignment_id = m.id LEFT JOIN s ON s.assignment_id = m.id
      WHERE ${isIncomplete(sql`c.contact_months`, sql`s.summary_quarters`)}
    `.execute(executor));
    return result.rows;
  },

  async listRuleSets(db: Executor) {
    return db.selectFrom('training_rule_set').select(['org_prefix', 'minimum_days_per_year', 'centralised_minimum_days', 'centralised_window_years', 'centralised_methods']).execute();
  },
};
