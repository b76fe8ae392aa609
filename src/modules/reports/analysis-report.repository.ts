import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { withinSubtrees } from '../../db/scope.ts';
import type { Committee, Post } from '../../domain/committee.ts';

/**
 * SQL of the analysis report: the half year's events in a subtree — removals decided, reserves
 * admitted (replenishment), appointments that took effect or are under way. Read-only over the
 * reserves' and appointments' tables, in aggregate (as the dashboard reads them).
 */

export interface PeriodRange {
  from: string;
  to: string;
}

export interface AppointmentLine {
  village_name: string;
  township_name: string | null;
  committee: Committee;
  post: Post;
  person_name: string;
  home_village_name: string;
  effective_on: string;
}

/** Appointments listed at most in the report; the rest are counted. */
export const APPOINTMENT_LIST_LIMIT = 100;

export const analysisReportRepository = {
  /** Removals approved (or filed) in the period, by reason; and those still awaiting the township. */
  async removals(db: Executor, prefix: string, period: PeriodRange): Promise<{ byReason: Map<string, number>; pending: number }> {
    const { rows } = await sql<{ reason_code: string | null; n: number }>`
      SELECT reason_code, count(*)::int AS n FROM reserve_removal
      WHERE status IN ('approved', 'filed') AND decided_on BETWEEN ${period.from}::date AND ${period.to}::date AND ${withinSubtrees('org_code', [prefix])}
      GROUP BY reason_code
      UNION ALL
      SELECT NULL, count(*)::int FROM reserve_removal WHERE status = 'proposed' AND ${withinSubtrees('org_code', [prefix])}`.execute(db);
    const byReason = new Map<string, number>();
    let pending = 0;
    for (const row of rows) {
      if (row.reason_code === null) pending = row.n;
      else byReason.set(row.reason_code, row.n);
    }
    return { byReason, pending };
  },

  /** Reserves admitted in the period (补充), and how many of them are young on the period's last day. */
  async admissions(db: Executor, prefix: string, period: PeriodRange, youngBornAfter: string): Promise<{ admitted: number; young: number; villages: number }> {
    const { rows } = await sql<{ admitted: number; young: number; villages: number }>`
      SELECT count(*)::int AS admitted, (count(*) FILTER (WHERE p.birth_date > ${youngBornAfter}::date))::int AS young, count(DISTINCT r.org_code)::int AS villages
      FROM reserve r JOIN person p ON p.id = r.person_id
      WHERE r.admitted_on BETWEEN ${period.from}::date AND ${period.to}::date AND ${withinSubtrees('r.org_code', [prefix])}`.execute(db);
    return rows[0]!;
  },

  /** Appointments that took effect in the period (the first ones, by date), their number, and those under way now. */
  async appointments(db: Executor, prefix: string, period: PeriodRange): Promise<{ lines: AppointmentLine[]; effective: number; crossVillage: number; inProgress: number }> {
    const [lines, counts] = await Promise.all([
      sql<AppointmentLine>`
        SELECT v.name AS village_name, t.name AS township_name, a.committee, a.post, p.name AS person_name, h.name AS home_village_name, a.effective_on
        FROM appointment a JOIN org_unit v ON v.code = a.org_code LEFT JOIN org_unit t ON t.code = v.parent_code
          JOIN org_unit h ON h.code = a.home_org_code JOIN person p ON p.id = a.person_id
        WHERE a.outcome = 'effective' AND a.effective_on BETWEEN ${period.from}::date AND ${period.to}::date AND ${withinSubtrees('a.org_code', [prefix])}
        ORDER BY a.effective_on, v.code LIMIT ${APPOINTMENT_LIST_LIMIT}`.execute(db),
      sql<{ effective: number; cross_village: number; in_progress: number }>`
        SELECT (count(*) FILTER (WHERE outcome = 'effective' AND effective_on BETWEEN ${period.from}::date AND ${period.to}::date))::int AS effective,
          (count(*) FILTER (WHERE outcome = 'effective' AND effective_on BETWEEN ${period.from}::date AND ${period.to}::date AND home_org_code <> org_code))::int AS cross_village,
          (count(*) FILTER (WHERE outcome = 'inProgress'))::int AS in_progress
        FROM appointment WHERE ${withinSubtrees('org_code', [prefix])}`.execute(db),
    ]);
    const count = counts.rows[0]!;
    return { lines: lines.rows, effective: count.effective, crossVillage: count.cross_village, inProgress: count.in_progress };
  },
};
