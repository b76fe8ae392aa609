import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { escapeLike } from '../../db/scope.ts';

export interface ReserveFactRow {
  id: string;
  org_code: string;
  village_name: string;
  name: string;
  admitted_on: string;
  days_this_year: number | null;
  /** 'YYYY-MM-DD|method|days' of sessions long enough to qualify under some rule set. */
  long_sessions: string[] | null;
  village_quarters: number | null;
  township_quarters: number | null;
  has_talk: boolean;
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
 * Set-based queries that sum a year of cultivation records per admitted reserve and per
 * mentoring assignment in one subtree (every table is filtered by its own org_code prefix and
 * date, then grouped and joined by hash): one row per reserve, one per assignment. Months and
 * quarters come back as bit masks (bit 0 = January / first quarter).
 */
export const remindersRepository = {
  /**
   * With `useRollup` (onDate is today: no record lies after it), the yearly masks and training
   * days come from the trigger-kept roll-ups; otherwise they are summed from the records up to
   * onDate. Both give the same facts for today (tested).
   */
  async listReserveFacts(db: Executor, options: { prefix: string; onDate: string; minimumQualifyingDays: number; qualifyingMethods: readonly string[]; mentorUserId?: string | undefined; useRollup: boolean }): Promise<ReserveFactRow[]> {
    const like = `${escapeLike(options.prefix)}%`;
    const yearStart = `${options.onDate.slice(0, 4)}-01-01`;
    const year = Number(options.onDate.slice(0, 4));
    const mentees = options.mentorUserId
      ? sql`AND r.id IN (SELECT reserve_id FROM mentoring_assignment WHERE mentor_user_id = ${options.mentorUserId} AND started_on <= ${options.onDate} AND (ended_on IS NULL OR ended_on >= ${yearStart}))`
      : sql``;
    const methods = options.qualifyingMethods.length > 0 ? sql.join(options.qualifyingMethods.map((method) => sql`${method}`)) : sql`NULL`;
    if (options.useRollup) {
      const rolled = await sql<ReserveFactRow>`
        WITH r AS (
          SELECT r.id, r.org_code, coalesce(r.admitted_on, r.created_at::date) AS admitted_on, p.name, v.name AS village_name
          FROM reserve r JOIN person p ON p.id = r.person_id JOIN org_unit v ON v.code = r.org_code AND v.code LIKE ${like}
          WHERE r.status = 'admitted' AND r.org_code LIKE ${like} AND coalesce(r.admitted_on, r.created_at::date) <= ${options.onDate} ${mentees}
        ), y AS (
          SELECT reserve_id, training_days, village_quarters, township_quarters FROM cultivation_reserve_year WHERE year = ${year} AND org_code LIKE ${like}
        ), l AS (
          SELECT a.reserve_id, array_agg(a.end_date::text || '|' || a.method || '|' || a.days_attended::text) AS long_sessions
          FROM training_attendance a
          WHERE a.org_code LIKE ${like} AND a.attended AND a.days_attended >= ${options.minimumQualifyingDays} AND a.method IN (${methods}) AND a.end_date <= ${options.onDate}
          GROUP BY a.reserve_id
        ), k AS (
          SELECT DISTINCT reserve_id FROM annual_talk WHERE org_code LIKE ${like} AND talked_on >= ${yearStart} AND talked_on <= ${options.onDate}
        )
        SELECT r.id, r.org_code, r.village_name, r.name, r.admitted_on::text AS admitted_on, y.training_days AS days_this_year, l.long_sessions,
          y.village_quarters, y.township_quarters, (k.reserve_id IS NOT NULL) AS has_talk
        FROM r LEFT JOIN y ON y.reserve_id = r.id LEFT JOIN l ON l.reserve_id = r.id LEFT JOIN k ON k.reserve_id = r.id
      `.execute(db);
      return rolled.rows;
    }
    const result = await sql<ReserveFactRow>`
      WITH r AS (
        SELECT r.id, r.org_code, coalesce(r.admitted_on, r.created_at::date) AS admitted_on, p.name, v.name AS village_name
        FROM reserve r JOIN person p ON p.id = r.person_id JOIN org_unit v ON v.code = r.org_code
        WHERE r.status = 'admitted' AND r.org_code LIKE ${like} AND coalesce(r.admitted_on, r.created_at::date) <= ${options.onDate} ${mentees}
      ), t AS (
        SELECT a.reserve_id,
          sum(a.days_attended) FILTER (WHERE a.end_date >= ${yearStart}) AS days_this_year,
          array_agg(a.end_date::text || '|' || a.method || '|' || a.days_attended::text) FILTER (WHERE a.days_attended >= ${options.minimumQualifyingDays} AND a.method IN (${methods})) AS long_sessions
        FROM training_attendance a
        WHERE a.org_code LIKE ${like} AND a.attended AND a.end_date <= ${options.onDate}
        GROUP BY a.reserve_id
      ), q AS (
        SELECT reserve_id,
          bit_or(1 << (quarter - 1)) FILTER (WHERE assessor = 'village') AS village_quarters,
          bit_or(1 << (quarter - 1)) FILTER (WHERE assessor = 'township') AS township_quarters
        FROM assessment
        WHERE org_code LIKE ${like} AND year = ${year} AND kind = 'quarterly'
        GROUP BY reserve_id
      ), k AS (
        SELECT DISTINCT reserve_id FROM annual_talk WHERE org_code LIKE ${like} AND talked_on >= ${yearStart} AND talked_on <= ${options.onDate}
      )
      SELECT r.id, r.org_code, r.village_name, r.name, r.admitted_on::text AS admitted_on, t.days_this_year, t.long_sessions,
        q.village_quarters, q.township_quarters, (k.reserve_id IS NOT NULL) AS has_talk
      FROM r LEFT JOIN t ON t.reserve_id = r.id LEFT JOIN q ON q.reserve_id = r.id LEFT JOIN k ON k.reserve_id = r.id
    `.execute(db);
    return result.rows;
  },

  async listAssignmentFacts(db: Executor, options: { prefix: string; onDate: string; mentorUserId?: string | undefined; useRollup: boolean }): Promise<AssignmentFactRow[]> {
    const like = `${escapeLike(options.prefix)}%`;
    const yearStart = `${options.onDate.slice(0, 4)}-01-01`;
    const year = Number(options.onDate.slice(0, 4));
    const mentor = options.mentorUserId ? sql`AND m.mentor_user_id = ${options.mentorUserId}` : sql``;
    if (options.useRollup) {
      const rolled = await sql<AssignmentFactRow>`
        WITH y AS (
          SELECT assignment_id, contact_months, summary_quarters FROM cultivation_assignment_year WHERE year = ${year} AND org_code LIKE ${like}
        )
        SELECT m.id, m.reserve_id, m.mentor_user_id, m.mentor_name, m.started_on::text AS started_on, m.ended_on::text AS ended_on, y.contact_months, y.summary_quarters
        FROM mentoring_assignment m JOIN reserve r ON r.id = m.reserve_id AND r.org_code LIKE ${like} AND r.status = 'admitted'
        LEFT JOIN y ON y.assignment_id = m.id
        WHERE m.org_code LIKE ${like} AND m.started_on <= ${options.onDate} AND (m.ended_on IS NULL OR m.ended_on >= ${yearStart}) ${mentor}
      `.execute(db);
      return rolled.rows;
    }
    const result = await sql<AssignmentFactRow>`
      WITH m AS (
        SELECT m.id, m.reserve_id, m.mentor_user_id, m.mentor_name, m.started_on::text AS started_on, m.ended_on::text AS ended_on
        FROM mentoring_assignment m JOIN reserve r ON r.id = m.reserve_id
        WHERE m.org_code LIKE ${like} AND r.status = 'admitted' AND m.started_on <= ${options.onDate} AND (m.ended_on IS NULL OR m.ended_on >= ${yearStart}) ${mentor}
      ), c AS (
        SELECT assignment_id, bit_or(1 << (extract(month FROM contacted_on)::int - 1)) AS contact_months
        FROM mentor_contact
        WHERE org_code LIKE ${like} AND contacted_on >= ${yearStart} AND contacted_on <= ${options.onDate}
        GROUP BY assignment_id
      ), s AS (
        SELECT assignment_id, bit_or(1 << (quarter - 1)) AS summary_quarters
        FROM mentoring_summary
        WHERE org_code LIKE ${like} AND year = ${year}
        GROUP BY assignment_id
      )
      SELECT m.*, c.contact_months, s.summary_quarters
      FROM m LEFT JOIN c ON c.assignment_id = m.id LEFT JOIN s ON s.assignment_id = m.id
    `.execute(db);
    return result.rows;
  },

  async listRuleSets(db: Executor) {
    return db.selectFrom('training_rule_set').select(['org_prefix', 'minimum_days_per_year', 'centralised_minimum_days', 'centralised_window_years', 'centralised_methods']).execute();
  },
};
