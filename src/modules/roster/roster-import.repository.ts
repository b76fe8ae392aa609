import type { Executor } from '../../db/database.ts';
import { withinSubtrees } from '../../db/scope.ts';

export interface StoredReserve {
  id: string; version: number; targetPost: string; readiness: string; sourceCategory: string; mentorName: string | null; mentorPost: string | null; notes: string | null;
}

/** Bulk reads and writes of the roster import (one query per table, not per row). */
export const rosterImportRepository = {
  async listVillagesWithin(db: Executor, prefix: string): Promise<{ code: string; name: string; townshipName: string }[]> {
    const rows = await db
      .selectFrom('org_unit as v')
      .leftJoin('org_unit as t', 't.code', 'v.parent_code')
      .select(['v.code', 'v.name', 't.name as township_name'])
      .where(withinSubtrees('v.code', [prefix]))
      .where('v.level', 'in', ['village', 'community'])
      .execute();
    return rows.map((row) => ({ code: row.code, name: row.name, townshipName: row.township_name ?? '' }));
  },

  async findLedgerPairs(db: Executor, personIds: readonly string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await db.selectFrom('talent_ledger_entry').select(['person_id', 'org_code']).where('person_id', 'in', personIds).execute();
    return new Set(rows.map((row) => `${row.person_id}/${row.org_code}`));
  },

  async insertLedgerEntries(db: Executor, entries: readonly { personId: string; orgCode: string; sourceCategory: string; isAway?: boolean; surveyedOn: string }[]): Promise<void> {
    for (let start = 0; start < entries.length; start += 1000) {
      await db
        .insertInto('talent_ledger_entry')
        .values(entries.slice(start, start + 1000).map((entry) => ({
          person_id: entry.personId, org_code: entry.orgCode, source_category: entry.sourceCategory, is_away: entry.isAway ?? false, surveyed_on: entry.surveyedOn,
        })))
        .execute();
    }
  },

  async findReserves(db: Executor, personIds: readonly string[]): Promise<Map<string, StoredReserve>> {
    if (personIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('reserve')
      .select(['id', 'person_id', 'org_code', 'version', 'target_post', 'readiness', 'source_category', 'mentor_name', 'mentor_post', 'notes'])
      .where('person_id', 'in', personIds)
      .execute();
    return new Map(rows.map((row) => [`${row.person_id}/${row.org_code}`, {
      id: row.id, version: row.version, targetPost: row.target_post, readiness: row.readiness, sourceCategory: row.source_category,
      mentorName: row.mentor_name, mentorPost: row.mentor_post, notes: row.notes,
    }]));
  },

  /** Inserts admitted reserves with their first status change; returns the new ids. */
  async insertReserves(
    db: Executor,
    reserves: readonly { personId: string; orgCode: string; targetPost: string; readiness: string; sourceCategory: string; mentorName: string | null; mentorPost: string | null; notes: string | null }[],
    actorName: string,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < reserves.length; start += 500) {
      const rows = await db
        .insertInto('reserve')
        .values(reserves.slice(start, start + 500).map((reserve) => ({
          person_id: reserve.personId, org_code: reserve.orgCode, status: 'admitted', target_post: reserve.targetPost, readiness: reserve.readiness,
          source_category: reserve.sourceCategory, mentor_name: reserve.mentorName, mentor_post: reserve.mentorPost, notes: reserve.notes,
        })))
        .returning('id')
        .execute();
      ids.push(...rows.map((row) => row.id));
      await db
        .insertInto('reserve_status_change')
        .values(rows.map((row) => ({ reserve_id: row.id, from_status: null, to_status: 'admitted', reason: '名册导入', actor_name: actorName })))
        .execute();
    }
    return ids;
  },
};
