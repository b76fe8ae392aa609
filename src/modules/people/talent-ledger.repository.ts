import type { Executor } from '../../db/database.ts';
import { peopleListRepository, type LedgerRow } from './people-list.repository.ts';
import { updateAtVersion } from '../../db/optimistic-lock.ts';
import { countyOf } from '../../db/distribution.ts';

export const talentLedgerRepository = {
  async insert(db: Executor, entry: { personId: string; orgCode: string; sourceCategory: string; isAway: boolean; notes: string | null; surveyedOn: string }): Promise<string> {
    const row = await db
      .insertInto('talent_ledger_entry')
      .values({ person_id: entry.personId, county_code: countyOf(entry.orgCode), org_code: entry.orgCode, source_category: entry.sourceCategory, is_away: entry.isAway, notes: entry.notes, surveyed_on: entry.surveyedOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async findByPersonAndUnit(db: Executor, personId: string, orgCode: string): Promise<{ id: string } | undefined> {
    return db.selectFrom('talent_ledger_entry').select('id').where('person_id', '=', personId).where('org_code', '=', orgCode).executeTakeFirst();
  },

  findRow(db: Executor, id: string): Promise<LedgerRow | undefined> {
    return peopleListRepository.findLedgerRow(db, id);
  },

  async update(db: Executor, id: string, version: number, changes: { sourceCategory?: string | undefined; isAway?: boolean | undefined; notes?: string | null | undefined }): Promise<boolean> {
    return updateAtVersion(db, 'talent_ledger_entry', { id }, version, {
        ...(changes.sourceCategory !== undefined && { source_category: changes.sourceCategory }),
        ...(changes.isAway !== undefined && { is_away: changes.isAway }),
        ...(changes.notes !== undefined && { notes: changes.notes }),
      updated_at: new Date(),
    });
  },
};
