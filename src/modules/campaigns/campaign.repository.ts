import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { countyOf, countyOfRow } from '../../db/distribution.ts';
import { withinSubtrees } from '../../db/scope.ts';
import type { MilestoneTemplateItem } from '../../domain/campaign.ts';

/** The facts the milestone rules read, per village of a subtree on a date. */
export interface VillageFactsRow {
  org_code: string;
  township_code: string;
  ledger_entries: number;
  nomination_meetings: number;
  reserves: number;
  shortlisted: number;
  mentored: number;
}

const SHORTLISTED_STAGES = ['shortlist', 'jointReview', 'publicNotice', 'filing', 'filed'];

/** SQL of the campaign, its milestones and confirmations, and the facts its rules read. */
export const campaignRepository = {
  async insertCampaign(db: Executor, row: { orgCode: string; name: string; startYear: number; startedOn: string; matureReservesDeadline: string; secretaryCollegeShare: number | null; secretaryAverageAge: number | null }) {
    return db.insertInto('campaign').values({
      county_code: countyOf(row.orgCode), org_code: row.orgCode, name: row.name, start_year: row.startYear, started_on: row.startedOn, mature_reserves_deadline: row.matureReservesDeadline,
      secretary_college_share: row.secretaryCollegeShare, secretary_average_age: row.secretaryAverageAge,
    }).returningAll().executeTakeFirstOrThrow();
  },

  async insertMilestones(db: Executor, campaignId: string, items: readonly MilestoneTemplateItem[]): Promise<void> {
    const countyCode = await countyOfRow(db, 'campaign', campaignId);
    await db.insertInto('campaign_milestone').values(items.map((item) => ({
      campaign_id: campaignId, county_code: countyCode, code: item.code, label: item.label, applies_to: item.appliesTo, rule: item.rule, deadline: item.deadline,
    }))).execute();
  },

  async findCampaign(db: Executor, id: string) {
    return db.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Campaigns made by the unit or above it (the ones that apply to it), and those made below it within the subtrees. */
  async listCampaigns(db: Executor, options: { prefixes: readonly string[]; ancestors: readonly string[] }) {
    return db.selectFrom('campaign').selectAll()
      .where((eb) => eb.or([withinSubtrees('org_code', options.prefixes), eb('org_code', 'in', options.ancestors.length > 0 ? [...options.ancestors] : [''])]))
      .orderBy('start_year', 'desc').orderBy('created_at', 'desc').execute();
  },

  async listMilestones(db: Executor, campaignId: string) {
    return db.selectFrom('campaign_milestone').selectAll().where('campaign_id', '=', campaignId).orderBy('deadline').orderBy('code').execute();
  },

  async findMilestone(db: Executor, id: string) {
    return db.selectFrom('campaign_milestone').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async listConfirmations(db: Executor, milestoneIds: readonly string[], prefix: string) {
    if (milestoneIds.length === 0) return [];
    return db.selectFrom('milestone_confirmation').selectAll().where('milestone_id', 'in', [...milestoneIds]).where(withinSubtrees('org_code', [prefix])).execute();
  },

  async findConfirmation(db: Executor, milestoneId: string, orgCode: string) {
    return db.selectFrom('milestone_confirmation').selectAll().where('milestone_id', '=', milestoneId).where('org_code', '=', orgCode).executeTakeFirst();
  },

  async insertConfirmation(db: Executor, row: { milestoneId: string; orgCode: string; confirmedOn: string; evidence: string; actorName: string }) {
    // The campaign's county (a confirmation lies beside its milestone), not the confirming unit's.
    return db.insertInto('milestone_confirmation').values({
      milestone_id: row.milestoneId, county_code: await countyOfRow(db, 'campaign_milestone', row.milestoneId), org_code: row.orgCode, confirmed_on: row.confirmedOn, evidence: row.evidence, actor_name: row.actorName,
    }).returningAll().executeTakeFirstOrThrow();
  },

  /**
   * Per village of the subtree: ledger entries, nomination meetings, admitted reserves, shortlisted
   * candidates not yet reserves, reserves with a mentor. Counted per unit code in each table (each
   * table's rows of the subtree, on Citus the county's shard), then joined to the villages.
   */
  async villageFacts(db: Executor, prefix: string, onDate: string): Promise<VillageFactsRow[]> {
    const within = (alias: string) => withinSubtrees(`${alias}.org_code`, [prefix], { countyColumn: `${alias}.county_code` });
    const { rows } = await sql<VillageFactsRow>`
      WITH ledger AS (
        SELECT l.org_code, count(*) AS n FROM talent_ledger_entry l WHERE ${within('l')} GROUP BY l.org_code
      ), nominations AS (
        SELECT c.org_code, count(*) AS n FROM selection_step s JOIN selection_candidate c ON c.county_code = s.county_code AND c.id = s.candidate_id
        WHERE ${within('c')} AND s.action = 'nominate' GROUP BY c.org_code
      ), reserves AS (
        SELECT r.org_code, count(*) AS n, count(*) FILTER (WHERE r.mentor_name IS NOT NULL OR EXISTS (
          SELECT 1 FROM mentoring_assignment a WHERE a.county_code = r.county_code AND a.reserve_id = r.id
            AND a.started_on <= ${onDate}::date AND (a.ended_on IS NULL OR a.ended_on >= ${onDate}::date))) AS mentored
        FROM reserve r WHERE ${within('r')} AND r.status = 'admitted' GROUP BY r.org_code
      ), shortlisted AS (
        SELECT c.org_code, count(*) AS n FROM selection_candidate c
        WHERE ${within('c')} AND c.reserve_id IS NULL AND c.outcome = 'inProgress' AND c.stage = ANY(${SHORTLISTED_STAGES}::text[]) GROUP BY c.org_code
      )
      SELECT u.code AS org_code, u.parent_code AS township_code,
        coalesce(l.n, 0)::int AS ledger_entries, coalesce(m.n, 0)::int AS nomination_meetings, coalesce(r.n, 0)::int AS reserves,
        coalesce(c.n, 0)::int AS shortlisted, coalesce(r.mentored, 0)::int AS mentored
      FROM org_unit u
      LEFT JOIN ledger l ON l.org_code = u.code LEFT JOIN nominations m ON m.org_code = u.code
      LEFT JOIN reserves r ON r.org_code = u.code LEFT JOIN shortlisted c ON c.org_code = u.code
      WHERE u.level IN ('village', 'community') AND ${withinSubtrees('u.code', [prefix])}
      ORDER BY u.code`.execute(db);
    return rows;
  },

  /** Townships of the subtree (the units township milestones apply to) with the years they filed the 汇总表. */
  async townshipFacts(db: Executor, prefix: string): Promise<{ code: string; name: string; filed_years: number[] }[]> {
    const { rows } = await sql<{ code: string; name: string; filed_years: number[] }>`
      WITH filed AS (
        SELECT f.org_code, array_agg(f.year ORDER BY f.year) AS years FROM summary_table_filing f
        WHERE ${withinSubtrees('f.org_code', [prefix], { countyColumn: 'f.county_code' })} GROUP BY f.county_code, f.org_code
      )
      SELECT t.code, t.name, coalesce(f.years, '{}') AS filed_years
      FROM org_unit t LEFT JOIN filed f ON f.org_code = t.code
      WHERE t.level = 'township' AND ${withinSubtrees('t.code', [prefix])} ORDER BY t.sort_order, t.code`.execute(db);
    return rows;
  },
};
