import { sql, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { countyOf, countyOfRow } from '../../db/distribution.ts';
import { updateAtVersion } from '../../db/optimistic-lock.ts';
import { withinSubtrees } from '../../db/scope.ts';
import type {
  ElectionCandidateTable, ElectionCitizenReporterTable, ElectionObjectionTable, ElectionPlanTable, ElectionRiskPointTable, ElectionStepTable,
  ElectionViolationReportTable, ElectionVoteTable, VillageElectionTable,
} from '../../db/schema-elections.ts';
import type { CandidateStatus, CompositionMember, ElectionStage } from '../../domain/election-procedure.ts';

/** SQL of the village 换届; its tables are private to this module. */

export type PlanRow = Omit<Selectable<ElectionPlanTable>, 'created_at' | 'updated_at'> & { township_name: string };
export type VillageElectionRow = Omit<Selectable<VillageElectionTable>, 'created_at' | 'updated_at'> & { village_name: string; township_code: string };
export type CandidateRow = Omit<Selectable<ElectionCandidateTable>, 'created_at' | 'updated_at'> & {
  name: string; gender: string; birth_date: string; education: string; political_status: string;
};
export type VoteRow = Selectable<ElectionVoteTable>;
export type ObjectionRow = Selectable<ElectionObjectionTable>;
export type ViolationRow = Selectable<ElectionViolationReportTable>;
export type StepRow = Selectable<ElectionStepTable>;
export type SummaryRow = Pick<VillageElectionRow, 'id' | 'org_code' | 'village_name' | 'township_code' | 'stage' | 'party_seats' | 'villagers_seats' | 'composition' | 'approved_on'> & {
  township_name: string; elected: CompositionMember[];
};

const json = (value: unknown): string => JSON.stringify(value);

const ELECTION_COLUMNS = sql`e.id, e.plan_id, e.org_code, e.term_year, e.stage, e.guidance_officer, e.responsibilities, e.secretary_mode, e.party_seats,
  e.villagers_seats, e.seats_basis, e.seats_approval, to_char(e.candidates_approved_on, 'YYYY-MM-DD') AS candidates_approved_on, e.voter_register,
  e.election_committee, e.posts, e.notice, to_char(e.approved_on, 'YYYY-MM-DD') AS approved_on, to_char(e.filed_on, 'YYYY-MM-DD') AS filed_on,
  e.composition, e.handover, e.version, v.name AS village_name, coalesce(v.parent_code, '') AS township_code`;

const CANDIDATE_COLUMNS = sql`c.id, c.village_election_id, c.org_code, c.committee, c.person_id, c.is_secretary_candidate, c.is_continuing, c.recommendations,
  c.proposed_on, c.status, c.qualification, c.sign_offs, to_char(c.talked_on, 'YYYY-MM-DD') AS talked_on, to_char(c.pledged_on, 'YYYY-MM-DD') AS pledged_on,
  c.elected_post, c.version, p.name, p.gender, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.education, p.political_status`;

export const electionsRepository = {
  async insertPlan(db: Executor, plan: {
    orgCode: string; termYear: number; startsOn: string; endsOn: string; leadingGroup: string; standardPartySeats: number; standardVillagersSeats: number; createdBy: string;
  }): Promise<string> {
    const row = await db.insertInto('election_plan').values({
      county_code: countyOf(plan.orgCode), org_code: plan.orgCode, term_year: plan.termYear, starts_on: plan.startsOn, ends_on: plan.endsOn, leading_group: plan.leadingGroup,
      standard_party_seats: plan.standardPartySeats, standard_villagers_seats: plan.standardVillagersSeats, created_by: plan.createdBy,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async findPlan(db: Executor, id: string): Promise<PlanRow | undefined> {
    const { rows } = await sql<PlanRow>`SELECT pl.id, pl.org_code, pl.term_year, pl.starts_on, pl.ends_on, pl.leading_group, pl.standard_party_seats,
      pl.standard_villagers_seats, pl.created_by, pl.version, t.name AS township_name
      FROM election_plan pl JOIN org_unit t ON t.code = pl.org_code WHERE pl.id = ${id}`.execute(db);
    return rows[0];
  },

  async listPlans(db: Executor, prefixes: readonly string[]): Promise<PlanRow[]> {
    const { rows } = await sql<PlanRow>`SELECT pl.id, pl.org_code, pl.term_year, pl.starts_on, pl.ends_on, pl.leading_group, pl.standard_party_seats,
      pl.standard_villagers_seats, pl.created_by, pl.version, t.name AS township_name
      FROM election_plan pl JOIN org_unit t ON t.code = pl.org_code WHERE ${withinSubtrees('pl.org_code', prefixes, { countyColumn: 'pl.county_code' })}
      ORDER BY pl.term_year DESC, pl.org_code`.execute(db);
    return rows;
  },

  async insertVillageElections(db: Executor, planId: string, termYear: number, orgCodes: readonly string[]): Promise<void> {
    if (orgCodes.length === 0) return;
    await db.insertInto('village_election').values(orgCodes.map((orgCode) => ({ plan_id: planId, county_code: countyOf(orgCode), org_code: orgCode, term_year: termYear }))).execute();
  },

  async find(db: Executor, id: string): Promise<VillageElectionRow | undefined> {
    const { rows } = await sql<VillageElectionRow>`SELECT ${ELECTION_COLUMNS} FROM village_election e JOIN org_unit v ON v.code = e.org_code WHERE e.id = ${id}`.execute(db);
    return rows[0];
  },

  async listOfPlan(db: Executor, planId: string): Promise<VillageElectionRow[]> {
    const { rows } = await sql<VillageElectionRow>`SELECT ${ELECTION_COLUMNS} FROM village_election e JOIN org_unit v ON v.code = e.org_code
      WHERE e.plan_id = ${planId} ORDER BY v.sort_order, e.org_code`.execute(db);
    return rows;
  },

  async update(db: Executor, id: string, match: { version: number; stage?: ElectionStage }, changes: Updateable<VillageElectionTable>): Promise<boolean> {
    return updateAtVersion(db, 'village_election', { id, ...(match.stage && { stage: match.stage }) }, match.version, { ...changes, updated_at: new Date() });
  },

  /** Villages per township and stage in the subtrees: the 换届 board of a county or province. */
  async countStages(db: Executor, prefixes: readonly string[], termYear: number | null): Promise<{ township_code: string; township_name: string; stage: ElectionStage; villages: number }[]> {
    const { rows } = await sql<{ township_code: string; township_name: string; stage: ElectionStage; villages: number }>`
      SELECT pl.org_code AS township_code, t.name AS township_name, e.stage, count(*)::int AS villages
      FROM village_election e JOIN election_plan pl ON pl.county_code = e.county_code AND pl.id = e.plan_id JOIN org_unit t ON t.code = pl.org_code
      WHERE ${withinSubtrees('e.org_code', prefixes, { countyColumn: 'e.county_code' })} ${termYear === null ? sql`` : sql`AND e.term_year = ${termYear}`}
      GROUP BY pl.org_code, t.name, e.stage ORDER BY pl.org_code`.execute(db);
    return rows;
  },

  /** Compositions stored at filing, in the subtrees. */
  async listCompositions(db: Executor, prefixes: readonly string[], termYear: number | null): Promise<Pick<VillageElectionRow, 'id' | 'org_code' | 'village_name' | 'township_code' | 'composition' | 'filed_on'>[]> {
    const { rows } = await sql<Pick<VillageElectionRow, 'id' | 'org_code' | 'village_name' | 'township_code' | 'composition' | 'filed_on'>>`
      SELECT e.id, e.org_code, v.name AS village_name, coalesce(v.parent_code, '') AS township_code, e.composition, to_char(e.filed_on, 'YYYY-MM-DD') AS filed_on
      FROM village_election e JOIN org_unit v ON v.code = e.org_code
      WHERE e.stage = 'filed' AND ${withinSubtrees('e.org_code', prefixes, { countyColumn: 'e.county_code' })} ${termYear === null ? sql`` : sql`AND e.term_year = ${termYear}`}
      ORDER BY e.org_code`.execute(db);
    return rows;
  },

  /** The latest term of the plans in the subtree (the summary table's default). */
  async findLatestTermYear(db: Executor, prefix: string): Promise<number | null> {
    const { rows } = await sql<{ term_year: number | null }>`SELECT max(term_year) AS term_year FROM election_plan WHERE ${withinSubtrees('org_code', [prefix])}`.execute(db);
    return rows[0]?.term_year ?? null;
  },

  /** Every village election of the term in the subtree with the people elected so far and their posts: the 换届 summary table's rows. */
  async listSummaryRows(db: Executor, prefix: string, termYear: number): Promise<SummaryRow[]> {
    const { rows } = await sql<SummaryRow>`
      SELECT e.id, e.org_code, v.name AS village_name, pl.org_code AS township_code, t.name AS township_name, e.stage, e.party_seats, e.villagers_seats, e.composition,
        to_char(e.approved_on, 'YYYY-MM-DD') AS approved_on,
        coalesce((SELECT jsonb_agg(jsonb_build_object(
            'personId', c.person_id, 'committee', c.committee, 'gender', p.gender, 'birthDate', to_char(p.birth_date, 'YYYY-MM-DD'), 'education', p.education,
            'post', coalesce((SELECT a->>'post' FROM jsonb_array_elements(e.posts) a WHERE a->>'candidateId' = c.id::text LIMIT 1), 'member')) ORDER BY c.committee, c.id)
          FROM election_candidate c JOIN person p ON p.id = c.person_id
          WHERE c.county_code = e.county_code AND c.village_election_id = e.id AND c.status = 'elected'), '[]'::jsonb) AS elected
      FROM village_election e JOIN election_plan pl ON pl.county_code = e.county_code AND pl.id = e.plan_id JOIN org_unit t ON t.code = pl.org_code JOIN org_unit v ON v.code = e.org_code
      WHERE e.term_year = ${termYear} AND ${withinSubtrees('e.org_code', [prefix], { countyColumn: 'e.county_code' })}
      ORDER BY t.sort_order, pl.org_code, v.sort_order, e.org_code`.execute(db);
    return rows;
  },

  async insertCandidate(db: Executor, candidate: {
    villageElectionId: string; orgCode: string; committee: 'party' | 'villagers'; personId: string; isSecretaryCandidate: boolean; isContinuing: boolean;
    recommendations: { membersAndMasses: number; higherOrganisation: number }; proposedOn: string;
  }): Promise<string> {
    const row = await db.insertInto('election_candidate').values({
      village_election_id: candidate.villageElectionId, county_code: countyOf(candidate.orgCode), org_code: candidate.orgCode, committee: candidate.committee, person_id: candidate.personId,
      is_secretary_candidate: candidate.isSecretaryCandidate, is_continuing: candidate.isContinuing, recommendations: json(candidate.recommendations), proposed_on: candidate.proposedOn,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async findCandidate(db: Executor, id: string): Promise<CandidateRow | undefined> {
    const { rows } = await sql<CandidateRow>`SELECT ${CANDIDATE_COLUMNS} FROM election_candidate c JOIN person p ON p.id = c.person_id WHERE c.id = ${id}`.execute(db);
    return rows[0];
  },

  async listCandidates(db: Executor, villageElectionId: string): Promise<CandidateRow[]> {
    const { rows } = await sql<CandidateRow>`SELECT ${CANDIDATE_COLUMNS} FROM election_candidate c JOIN person p ON p.id = c.person_id
      WHERE c.village_election_id = ${villageElectionId} ORDER BY c.committee, c.created_at, c.id`.execute(db);
    return rows;
  },

  /** Ages of secretary candidates approved in the township's villages, for the young share. */
  async listSecretaryCandidateBirthDates(db: Executor, planId: string): Promise<string[]> {
    const { rows } = await sql<{ birth_date: string }>`SELECT to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date
      FROM election_candidate c JOIN village_election e ON e.county_code = c.county_code AND e.id = c.village_election_id JOIN person p ON p.id = c.person_id
      WHERE e.plan_id = ${planId} AND c.committee = 'party' AND c.is_secretary_candidate AND c.status IN ('qualified', 'formal', 'elected', 'notElected')`.execute(db);
    return rows.map((row) => row.birth_date);
  },

  async updateCandidate(db: Executor, id: string, version: number, changes: Updateable<ElectionCandidateTable>): Promise<boolean> {
    return updateAtVersion(db, 'election_candidate', { id }, version, { ...changes, updated_at: new Date() });
  },

  async setCandidateStatus(db: Executor, ids: readonly string[], status: CandidateStatus, electedPost?: string): Promise<void> {
    if (ids.length === 0) return;
    await db.updateTable('election_candidate').set((eb) => ({ status, ...(electedPost && { elected_post: electedPost }), version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', 'in', ids).execute();
  },

  async insertVote(db: Executor, vote: Omit<ElectionVoteTable, 'id' | 'county_code' | 'created_at' | 'counts' | 'tallies' | 'result'> & { counts: unknown; tallies: unknown; result: unknown }): Promise<string> {
    const row = await db.insertInto('election_vote').values({ ...vote, county_code: countyOf(vote.org_code), counts: json(vote.counts), tallies: json(vote.tallies), result: json(vote.result) })
      .returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async listVotes(db: Executor, villageElectionId: string): Promise<VoteRow[]> {
    return db.selectFrom('election_vote').selectAll().where('village_election_id', '=', villageElectionId).orderBy('created_at').orderBy('id').execute();
  },

  async insertRiskPoint(db: Executor, risk: Omit<ElectionRiskPointTable, 'id' | 'county_code' | 'created_at'>): Promise<string> {
    return (await db.insertInto('election_risk_point').values({ ...risk, county_code: countyOf(risk.org_code) }).returning('id').executeTakeFirstOrThrow()).id;
  },

  async listRiskPoints(db: Executor, villageElectionId: string): Promise<Selectable<ElectionRiskPointTable>[]> {
    return db.selectFrom('election_risk_point').selectAll().where('village_election_id', '=', villageElectionId).orderBy('created_at').execute();
  },

  async insertReporter(db: Executor, reporter: Omit<ElectionCitizenReporterTable, 'id' | 'county_code' | 'created_at'>): Promise<string> {
    return (await db.insertInto('election_citizen_reporter').values({ ...reporter, county_code: countyOf(reporter.org_code) }).returning('id').executeTakeFirstOrThrow()).id;
  },

  async listReporters(db: Executor, villageElectionId: string): Promise<Selectable<ElectionCitizenReporterTable>[]> {
    return db.selectFrom('election_citizen_reporter').selectAll().where('village_election_id', '=', villageElectionId).orderBy('group_code').orderBy('created_at').execute();
  },

  async insertViolation(db: Executor, report: Pick<ElectionViolationReportTable, 'village_election_id' | 'org_code' | 'candidate_id' | 'kind' | 'received_on' | 'content'>): Promise<string> {
    return (await db.insertInto('election_violation_report').values({ ...report, county_code: countyOf(report.org_code) }).returning('id').executeTakeFirstOrThrow()).id;
  },

  async findViolation(db: Executor, id: string): Promise<ViolationRow | undefined> {
    return db.selectFrom('election_violation_report').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async listViolations(db: Executor, villageElectionId: string): Promise<ViolationRow[]> {
    return db.selectFrom('election_violation_report').selectAll().where('village_election_id', '=', villageElectionId).orderBy('received_on').orderBy('created_at').execute();
  },

  async handleViolation(db: Executor, id: string, handling: { verification: string; isSubstantiated: boolean; handledOn: string; handledBy: string }): Promise<boolean> {
    const result = await db.updateTable('election_violation_report')
      .set({ verification: handling.verification, is_substantiated: handling.isSubstantiated, handled_on: handling.handledOn, handled_by: handling.handledBy })
      .where('id', '=', id).where('handled_on', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async insertObjection(db: Executor, objection: Pick<ElectionObjectionTable, 'village_election_id' | 'org_code' | 'kind' | 'received_on' | 'content'>): Promise<string> {
    return (await db.insertInto('election_objection').values({ ...objection, county_code: countyOf(objection.org_code) }).returning('id').executeTakeFirstOrThrow()).id;
  },

  async findObjection(db: Executor, id: string): Promise<ObjectionRow | undefined> {
    return db.selectFrom('election_objection').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async listObjections(db: Executor, villageElectionId: string): Promise<ObjectionRow[]> {
    return db.selectFrom('election_objection').selectAll().where('village_election_id', '=', villageElectionId).orderBy('received_on').orderBy('created_at').execute();
  },

  async handleObjection(db: Executor, id: string, handling: { handling: string; isUpheld: boolean; handledOn: string; handledBy: string }): Promise<boolean> {
    const result = await db.updateTable('election_objection')
      .set({ handling: handling.handling, is_upheld: handling.isUpheld, handled_on: handling.handledOn, handled_by: handling.handledBy })
      .where('id', '=', id).where('handled_on', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async insertStep(db: Executor, step: { villageElectionId: string; action: string; occurredOn: string; actorName: string; details?: Record<string, unknown> }): Promise<void> {
    await db.insertInto('election_step').values({
      village_election_id: step.villageElectionId, county_code: await countyOfRow(db, 'village_election', step.villageElectionId), action: step.action, occurred_on: step.occurredOn, actor_name: step.actorName, details: json(step.details ?? {}),
    }).execute();
  },

  async listSteps(db: Executor, villageElectionId: string): Promise<StepRow[]> {
    return db.selectFrom('election_step').selectAll().where('village_election_id', '=', villageElectionId).orderBy('created_at').orderBy('id').execute();
  },
};
