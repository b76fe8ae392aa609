import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { updateAtVersion } from '../../db/optimistic-lock.ts';
import { withinSubtrees } from '../../db/scope.ts';
import type { AppointmentNotice, AppointmentTable, ByElection } from '../../db/schema-management.ts';
import type { AppointmentOutcome, AppointmentStage } from '../../domain/appointment-procedure.ts';
import type { Committee, Post } from '../../domain/committee.ts';
import { countyOf, countyOfRow } from '../../db/distribution.ts';

/** An appointment with the names its pages show; the columns' types come from the schema. */
export type AppointmentRow = Omit<Selectable<AppointmentTable>, 'created_at' | 'updated_at'> & {
  person_name: string; village_name: string; home_village_name: string; township_code: string; home_township_code: string;
};

/** A reserve as the suggestions rank it. */
export interface SuggestionRow {
  reserve_id: string;
  name: string;
  org_code: string;
  village_name: string;
  township_code: string;
  birth_date: string;
  education: string;
  political_status: string;
  target_post: string;
  readiness: string;
  version: number;
  last_annual_grade: string | null;
  recent_opinions: number;
  grid_performance: number | null;
  grid_potential: number | null;
}

const COLUMNS = sql`a.id, a.vacancy_id, a.org_code, a.committee, a.post, a.reserve_id, a.person_id, a.home_org_code, a.stage, a.outcome, a.term_year, a.notices, a.by_election,
  to_char(a.effective_on, 'YYYY-MM-DD') AS effective_on, a.member_id, a.version, p.name AS person_name, v.name AS village_name, h.name AS home_village_name,
  coalesce(v.parent_code, '') AS township_code, coalesce(h.parent_code, '') AS home_township_code`;
const FROM = sql`appointment a JOIN person p ON p.id = a.person_id JOIN org_unit v ON v.code = a.org_code JOIN org_unit h ON h.code = a.home_org_code`;

export const appointmentsRepository = {
  /**
   * Admitted reserves in the subtrees to rank for a post: every one of the post's township, and of
   * the rest the `othersLimit` likeliest (ready soonest, best annual result), so a province stays bounded.
   */
  async listSuggestionCandidates(db: Executor, filter: { prefixes: readonly string[]; townshipCode: string; since: string; othersLimit: number }): Promise<SuggestionRow[]> {
    const { rows } = await sql<SuggestionRow>`
      WITH pool AS (
        SELECT r.id AS reserve_id, p.name, r.org_code, v.name AS village_name, coalesce(v.parent_code, '') AS township_code,
          to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.education, p.political_status, r.target_post, r.readiness, r.version,
          (SELECT s.grade FROM assessment s WHERE s.county_code = r.county_code AND s.reserve_id = r.id AND s.kind = 'annual' AND s.grade IS NOT NULL ORDER BY s.year DESC, s.assessed_on DESC LIMIT 1) AS last_annual_grade,
          (SELECT count(*) FROM assessment s WHERE s.county_code = r.county_code AND s.reserve_id = r.id AND s.kind = 'quarterly' AND s.assessor = 'township' AND s.assessed_on >= ${filter.since})::int AS recent_opinions,
          g.performance AS grid_performance, g.potential AS grid_potential
        FROM reserve r JOIN person p ON p.id = r.person_id JOIN org_unit v ON v.code = r.org_code
          LEFT JOIN talent_grid_rating g ON g.county_code = r.county_code AND g.reserve_id = r.id
        WHERE r.status = 'admitted' AND ${withinSubtrees('r.org_code', filter.prefixes, { countyColumn: 'r.county_code' })}
          -- An appointment lies in its village's county, which may not be the reserve's: not joined on the county.
          AND r.id NOT IN (SELECT x.reserve_id FROM appointment x WHERE x.outcome = 'inProgress')
      )
      (SELECT * FROM pool WHERE township_code = ${filter.townshipCode})
      UNION ALL
      (SELECT * FROM pool WHERE township_code <> ${filter.townshipCode}
        ORDER BY array_position(ARRAY['readyNow', 'withinTwoYears', 'longer'], readiness),
          array_position(ARRAY['excellent', 'competent', 'basicallyCompetent', 'incompetent'], last_annual_grade) NULLS LAST, birth_date DESC, reserve_id
        LIMIT ${filter.othersLimit})`.execute(db);
    return rows;
  },

  async insert(db: Executor, appointment: {
    vacancyId: string | null; orgCode: string; committee: Committee; post: Post; reserveId: string; personId: string; homeOrgCode: string; termYear: number;
  }): Promise<string> {
    const row = await db.insertInto('appointment').values({
      vacancy_id: appointment.vacancyId, county_code: countyOf(appointment.orgCode), org_code: appointment.orgCode, committee: appointment.committee, post: appointment.post, reserve_id: appointment.reserveId,
      person_id: appointment.personId, home_org_code: appointment.homeOrgCode, term_year: appointment.termYear, stage: 'approval',
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async find(db: Executor, id: string): Promise<AppointmentRow | undefined> {
    const { rows } = await sql<AppointmentRow>`SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = ${id}`.execute(db);
    return rows[0];
  },

  /** The reserve's appointment under way, or else the latest that took effect: the post it names. */
  async findCurrentPostOfReserve(db: Executor, reserveId: string): Promise<{ committee: Committee; post: Post; village_name: string; outcome: AppointmentOutcome } | undefined> {
    return db.selectFrom('appointment as a').innerJoin('org_unit as v', 'v.code', 'a.org_code')
      .select(['a.committee', 'a.post', 'v.name as village_name', 'a.outcome'])
      .where('a.reserve_id', '=', reserveId).where('a.outcome', 'in', ['inProgress', 'effective'])
      .orderBy(sql`a.outcome = 'inProgress'`, 'desc').orderBy('a.created_at', 'desc').limit(1).executeTakeFirst();
  },

  async findOpenOfReserve(db: Executor, reserveId: string): Promise<{ id: string } | undefined> {
    return db.selectFrom('appointment').select('id').where('reserve_id', '=', reserveId).where('outcome', '=', 'inProgress').executeTakeFirst();
  },

  async list(db: Executor, filter: { prefixes: readonly string[]; outcome?: AppointmentOutcome | undefined }): Promise<AppointmentRow[]> {
    const { rows } = await sql<AppointmentRow>`SELECT ${COLUMNS} FROM ${FROM}
      WHERE (${withinSubtrees('a.org_code', filter.prefixes, { countyColumn: 'a.county_code' })} OR ${withinSubtrees('a.home_org_code', filter.prefixes)})
        ${filter.outcome ? sql`AND a.outcome = ${filter.outcome}` : sql``}
      ORDER BY a.outcome = 'inProgress' DESC, a.created_at DESC, a.id LIMIT 2000`.execute(db);
    return rows;
  },

  async update(db: Executor, id: string, expected: { version: number; stage: AppointmentStage }, changes: {
    stage?: AppointmentStage; outcome?: AppointmentOutcome; notices?: AppointmentNotice[]; byElection?: ByElection; effectiveOn?: string; memberId?: string;
  }): Promise<boolean> {
    return updateAtVersion(db, 'appointment', { id, stage: expected.stage }, expected.version, {
      ...(changes.stage !== undefined && { stage: changes.stage }),
      ...(changes.outcome !== undefined && { outcome: changes.outcome }),
      ...(changes.notices !== undefined && { notices: JSON.stringify(changes.notices) }),
      ...(changes.byElection !== undefined && { by_election: JSON.stringify(changes.byElection) }),
      ...(changes.effectiveOn !== undefined && { effective_on: changes.effectiveOn }),
      ...(changes.memberId !== undefined && { member_id: changes.memberId }),
      updated_at: new Date(),
    });
  },

  async insertStep(db: Executor, step: { appointmentId: string; action: string; occurredOn: string; actorName: string; details: Record<string, unknown> }): Promise<void> {
    await db.insertInto('appointment_step').values({
      county_code: await countyOfRow(db, 'appointment', step.appointmentId), appointment_id: step.appointmentId, action: step.action, occurred_on: step.occurredOn, actor_name: step.actorName, details: JSON.stringify(step.details),
    }).execute();
  },

  async listSteps(db: Executor, appointmentId: string) {
    return db.selectFrom('appointment_step').select(['action', 'occurred_on', 'actor_name', 'details', 'recorded_at']).where('appointment_id', '=', appointmentId).orderBy('id').execute();
  },

  async insertObjection(db: Executor, objection: { appointmentId: string; receivedOn: string; content: string }): Promise<string> {
    const row = await db.insertInto('appointment_objection').values({ county_code: await countyOfRow(db, 'appointment', objection.appointmentId), appointment_id: objection.appointmentId, received_on: objection.receivedOn, content: objection.content })
      .returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async findObjection(db: Executor, id: string) {
    return db.selectFrom('appointment_objection').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async listObjections(db: Executor, appointmentId: string) {
    return db.selectFrom('appointment_objection').selectAll().where('appointment_id', '=', appointmentId).orderBy('received_on').orderBy('created_at').execute();
  },

  async handleObjection(db: Executor, id: string, handling: { handling: string; isSubstantiated: boolean; handledOn: string; handledBy: string }): Promise<boolean> {
    const result = await db.updateTable('appointment_objection')
      .set({ handling: handling.handling, is_substantiated: handling.isSubstantiated, handled_on: handling.handledOn, handled_by: handling.handledBy })
      .where('id', '=', id).where('handling', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
