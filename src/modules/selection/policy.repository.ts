import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { withinSubtrees } from '../../db/scope.ts';

export interface PolicyVersionRow {
  id: string;
  org_code: string;
  version_number: number;
  rules: unknown;
  note: string;
  created_by: string;
  created_at: Date;
}

/** A reserve or an in-progress candidate, with the facts the eligibility engine reads. */
export interface EvaluatedPersonRow {
  kind: 'reserve' | 'candidate';
  person_id: string;
  name: string;
  org_code: string;
  village_name: string;
  birth_date: string;
  political_status: string;
  education: string;
  exclusions_found: string[];
}

export const policyRepository = {
  async listVersions(db: Executor, orgCode: string): Promise<PolicyVersionRow[]> {
    return db.selectFrom('eligibility_policy').selectAll().where('org_code', '=', orgCode).orderBy('version_number', 'desc').execute();
  },

  /** The newest version of each of the given units that has one. */
  async findLatest(db: Executor, orgCodes: readonly string[]): Promise<PolicyVersionRow[]> {
    if (orgCodes.length === 0) return [];
    const { rows } = await sql<PolicyVersionRow>`SELECT DISTINCT ON (org_code) id, org_code, version_number, rules, note, created_by, created_at
      FROM eligibility_policy WHERE org_code IN (${sql.join(orgCodes)}) ORDER BY org_code, version_number DESC`.execute(db);
    return rows;
  },

  async insertVersion(db: Executor, version: { orgCode: string; versionNumber: number; rules: unknown; note: string; createdBy: string }): Promise<PolicyVersionRow> {
    return db
      .insertInto('eligibility_policy')
      .values({ org_code: version.orgCode, version_number: version.versionNumber, rules: JSON.stringify(version.rules), note: version.note, created_by: version.createdBy })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Units below `prefix` (not the unit itself) that have a policy of their own. */
  async listJurisdictionsBelow(db: Executor, prefix: string, ownCode: string): Promise<string[]> {
    const rows = await db.selectFrom('eligibility_policy').select('org_code').distinct().where(withinSubtrees('org_code', [prefix])).where('org_code', '<>', ownCode).execute();
    return rows.map((row) => row.org_code);
  },

  /** Admitted reserves and in-progress candidates of a subtree, with their eligibility facts. */
  async listEvaluatedPeople(db: Executor, prefix: string): Promise<EvaluatedPersonRow[]> {
    const { rows } = await sql<EvaluatedPersonRow>`
      SELECT 'reserve' AS kind, p.id AS person_id, p.name, x.org_code, v.name AS village_name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date,
        p.political_status, p.education, '[]'::jsonb AS exclusions_found
      FROM reserve x JOIN person p ON p.id = x.person_id JOIN org_unit v ON v.code = x.org_code
      WHERE x.status = 'admitted' AND ${withinSubtrees('x.org_code', [prefix], { countyColumn: 'x.county_code' })}
      UNION ALL
      SELECT 'candidate', p.id, p.name, x.org_code, v.name, to_char(p.birth_date, 'YYYY-MM-DD'), p.political_status, p.education, x.exclusions_found
      FROM selection_candidate x JOIN person p ON p.id = x.person_id JOIN org_unit v ON v.code = x.org_code
      WHERE x.outcome = 'inProgress' AND ${withinSubtrees('x.org_code', [prefix], { countyColumn: 'x.county_code' })}
      ORDER BY 4, 3`.execute(db);
    return rows;
  },
};
