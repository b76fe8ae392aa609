import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { LedgerRow } from './people-list.repository.ts';

export const talentLedgerRepository = {
  async insert(db: Executor, entry: { personId: string; orgCode: string; sourceCategory: string; isAway: boolean; notes: string | null; surveyedOn: string }): Promise<string> {
    const row = await db
      .insertInto('talent_ledger_entry')
      .values({ person_id: entry.personId, org_code: entry.orgCode, source_category: entry.sourceCategory, is_away: entry.isAway, notes: entry.notes, surveyed_on: entry.surveyedOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async findByPersonAndUnit(db: Executor, personId: string, orgCode: string): Promise<{ id: string } | undefined> {
    return db.selectFrom('talent_ledger_entry').select('id').where('person_id', '=', personId).where('org_code', '=', orgCode).executeTakeFirst();
  },

  async findRow(db: Executor, id: string): Promise<LedgerRow | undefined> {
    const result = await sql<LedgerRow>`SELECT x.id, x.org_code, v.name AS village_name, coalesce(t.name, '') AS township_name, x.source_category, x.is_away,
        x.notes, to_char(x.surveyed_on, 'YYYY-MM-DD') AS surveyed_on, x.version, p.id AS person_id, p.name, p.gender,
        to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.id_number_masked, p.phone_masked, p.political_status,
        to_char(p.party_join_date, 'YYYY-MM-DD') AS party_join_date, p.education, p.is_living_away
      FROM talent_ledger_entry x JOIN person p ON p.id = x.person_id JOIN org_unit v ON v.code = x.org_code LEFT JOIN org_unit t ON t.code = v.parent_code
      WHERE x.id = ${id}`.execute(db);
    return result.rows[0];
  },

  async update(db: Executor, id: string, version: number, changes: { sourceCategory?: string | undefined; isAway?: boolean | undefined; notes?: string | null | undefined }): Promise<boolean> {
    const result = await db
      .updateTable('talent_ledger_entry')
      .set((eb) => ({
        ...(changes.sourceCategory !== undefined && { source_category: changes.sourceCategory }),
        ...(changes.isAway !== undefined && { is_away: changes.isAway }),
        ...(changes.notes !== undefined && { notes: changes.notes }),
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
