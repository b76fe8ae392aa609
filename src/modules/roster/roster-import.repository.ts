import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { withinSubtrees } from '../../db/scope.ts';
import type { PersonColumns } from '../people/people.repository.ts';

export interface StoredReserve {
  id: string; version: number; targetPost: string; readiness: string; sourceCategory: string; mentorName: string | null; mentorPost: string | null; notes: string | null;
}

export interface NewReserve {
  personId: string; orgCode: string; targetPost: string; readiness: string; sourceCategory: string; mentorName: string | null; mentorPost: string | null; notes: string | null;
}

/** A person not yet in the database, with the ledger entry (and for a roster, the reserve) the import gives them. */
export interface NewPersonPlacement {
  person: PersonColumns;
  orgCode: string;
  sourceCategory: string;
  isAway: boolean;
  reserve: { targetPost: string; readiness: string; mentorName: string | null; mentorPost: string | null; notes: string | null } | null;
}

/** Rows per statement of the bulk inserts below (every value travels in one array parameter per column). */
const BULK_ROWS = 5000;

/** Bulk reads and writes of the roster import: one statement per table (or per chunk), not per row. */
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

  /** The "personId/orgCode" pairs of the people's ledger entries. */
  async findLedgerPairs(db: Executor, personIds: readonly string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await db.selectFrom('talent_ledger_entry').select(['person_id', 'org_code']).where(sql<boolean>`person_id = ANY(${[...personIds]}::uuid[])`).execute();
    return new Set(rows.map((row) => `${row.person_id}/${row.org_code}`));
  },

  async insertLedgerEntries(db: Executor, entries: readonly { personId: string; orgCode: string; sourceCategory: string; isAway?: boolean; surveyedOn: string }[]): Promise<void> {
    for (let start = 0; start < entries.length; start += BULK_ROWS) {
      const chunk = entries.slice(start, start + BULK_ROWS);
      await sql`
        INSERT INTO talent_ledger_entry (person_id, org_code, source_category, is_away, surveyed_on)
        SELECT * FROM unnest(
          ${chunk.map((entry) => entry.personId)}::uuid[], ${chunk.map((entry) => entry.orgCode)}::text[], ${chunk.map((entry) => entry.sourceCategory)}::text[],
          ${chunk.map((entry) => entry.isAway ?? false)}::boolean[], ${chunk.map((entry) => entry.surveyedOn)}::date[]
        )`.execute(db);
    }
  },

  /** The people's reserve records by "personId/orgCode". */
  async findReserves(db: Executor, personIds: readonly string[]): Promise<Map<string, StoredReserve>> {
    if (personIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('reserve')
      .select(['id', 'person_id', 'org_code', 'version', 'target_post', 'readiness', 'source_category', 'mentor_name', 'mentor_post', 'notes'])
      .where(sql<boolean>`person_id = ANY(${[...personIds]}::uuid[])`)
      .execute();
    return new Map(rows.map((row) => [`${row.person_id}/${row.org_code}`, {
      id: row.id, version: row.version, targetPost: row.target_post, readiness: row.readiness, sourceCategory: row.source_category,
      mentorName: row.mentor_name, mentorPost: row.mentor_post, notes: row.notes,
    }]));
  },

  /** Inserts admitted reserves with their first status change; returns the new ids, in the order given. */
  async insertReserves(db: Executor, reserves: readonly NewReserve[], actorName: string): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < reserves.length; start += BULK_ROWS) {
      const chunk = reserves.slice(start, start + BULK_ROWS);
      const result = await sql<{ id: string }>`
        WITH input AS (
          SELECT * FROM unnest(
            ${chunk.map((reserve) => reserve.personId)}::uuid[], ${chunk.map((reserve) => reserve.orgCode)}::text[], ${chunk.map((reserve) => reserve.targetPost)}::text[],
            ${chunk.map((reserve) => reserve.readiness)}::text[], ${chunk.map((reserve) => reserve.sourceCategory)}::text[], ${chunk.map((reserve) => reserve.mentorName)}::text[],
            ${chunk.map((reserve) => reserve.mentorPost)}::text[], ${chunk.map((reserve) => reserve.notes)}::text[]
          ) WITH ORDINALITY AS t(person_id, org_code, target_post, readiness, source_category, mentor_name, mentor_post, notes, position)
        ),
        inserted AS (
          INSERT INTO reserve (person_id, org_code, status, target_post, readiness, source_category, mentor_name, mentor_post, notes)
          SELECT person_id, org_code, 'admitted', target_post, readiness, source_category, mentor_name, mentor_post, notes FROM input ORDER BY position
          RETURNING id, person_id, org_code
        ),
        status_change AS (
          INSERT INTO reserve_status_change (reserve_id, from_status, to_status, reason, actor_name)
          SELECT id, NULL, 'admitted', '名册导入', ${actorName} FROM inserted
        )
        SELECT inserted.id::text AS id FROM inserted JOIN input USING (person_id, org_code) ORDER BY input.position`.execute(db);
      ids.push(...result.rows.map((row) => row.id));
    }
    return ids;
  },

  /**
   * Inserts new people with their ledger entry and, for a roster, their admitted reserve and its
   * first status change, all in one statement per chunk. The ids are made here, so the statement
   * needs no RETURNING and no join to tie the rows together; returns the new person and reserve ids.
   */
  async insertPeopleWithPlacements(db: Executor, rows: readonly NewPersonPlacement[], options: { surveyedOn: string; actorName: string }): Promise<{ personIds: string[]; reserveIds: string[] }> {
    const personIds: string[] = [];
    const reserveIds: string[] = [];
    for (let start = 0; start < rows.length; start += BULK_ROWS) {
      const chunk = rows.slice(start, start + BULK_ROWS);
      const ids = chunk.map(() => crypto.randomUUID());
      const ledgerIds = chunk.map(() => crypto.randomUUID());
      const reserveIdOf = chunk.map((row) => (row.reserve === null ? null : crypto.randomUUID()));
      const people = chunk.map((row) => row.person);
      const column = <T>(pick: (person: PersonColumns) => T) => people.map(pick);
      const placement = <T>(pick: (row: NewPersonPlacement) => T) => chunk.map(pick);
      await sql`
        WITH input AS (
          SELECT * FROM unnest(
            ${ids}::uuid[], ${column((p) => p.name)}::text[], ${column((p) => p.gender)}::text[], ${column((p) => p.ethnicity)}::text[], ${column((p) => p.birthDate)}::date[],
            ${column((p) => p.idNumberCipher)}::text[], ${column((p) => p.idNumberHash)}::text[], ${column((p) => p.idNumberMasked)}::text[],
            ${column((p) => p.phoneCipher)}::text[], ${column((p) => p.phoneMasked)}::text[], ${column((p) => p.nativePlace)}::text[],
            ${column((p) => p.politicalStatus)}::text[], ${column((p) => p.partyJoinDate)}::date[], ${column((p) => p.education)}::text[],
            ${column((p) => p.school)}::text[], ${column((p) => p.major)}::text[], ${column((p) => p.health)}::text[], ${column((p) => p.occupation)}::text[],
            ${column((p) => p.specialties)}::text[], ${column((p) => p.workStartDate)}::date[], ${column((p) => p.presentPosition)}::text[],
            ${column((p) => p.isLivingAway)}::boolean[], ${column((p) => JSON.stringify(p.educationHistory ?? []))}::jsonb[],
            ${column((p) => JSON.stringify(p.workHistory ?? []))}::jsonb[], ${column((p) => JSON.stringify(p.familyMembers ?? []))}::jsonb[],
            ${ledgerIds}::uuid[], ${placement((row) => row.orgCode)}::text[], ${placement((row) => row.sourceCategory)}::text[], ${placement((row) => row.isAway)}::boolean[],
            ${reserveIdOf}::uuid[], ${placement((row) => row.reserve?.targetPost ?? null)}::text[],
            ${placement((row) => row.reserve?.readiness ?? null)}::text[], ${placement((row) => row.reserve?.mentorName ?? null)}::text[],
            ${placement((row) => row.reserve?.mentorPost ?? null)}::text[], ${placement((row) => row.reserve?.notes ?? null)}::text[]
          ) AS t(
            id, name, gender, ethnicity, birth_date, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_masked, native_place,
            political_status, party_join_date, education, school, major, health, occupation, specialties, work_start_date, present_position,
            is_living_away, education_history, work_history, family_members,
            ledger_id, org_code, source_category, is_away, reserve_id, target_post, readiness, mentor_name, mentor_post, notes
          )
        ),
        person_inserted AS (
          INSERT INTO person (
            id, name, gender, ethnicity, birth_date, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_masked, native_place,
            political_status, party_join_date, education, school, major, health, occupation, specialties, work_start_date, present_position,
            is_living_away, education_history, work_history, family_members
          )
          SELECT
            id, name, gender, ethnicity, birth_date, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_masked, native_place,
            political_status, party_join_date, education, school, major, health, occupation, specialties, work_start_date, present_position,
            is_living_away, education_history, work_history, family_members
          FROM input
        ),
        ledger_inserted AS (
          INSERT INTO talent_ledger_entry (id, person_id, org_code, source_category, is_away, surveyed_on)
          SELECT ledger_id, id, org_code, source_category, is_away, ${options.surveyedOn}::date FROM input
        ),
        reserve_inserted AS (
          INSERT INTO reserve (id, person_id, org_code, status, target_post, readiness, source_category, mentor_name, mentor_post, notes)
          SELECT reserve_id, id, org_code, 'admitted', target_post, readiness, source_category, mentor_name, mentor_post, notes FROM input WHERE reserve_id IS NOT NULL
        )
        INSERT INTO reserve_status_change (reserve_id, from_status, to_status, reason, actor_name)
        SELECT reserve_id, NULL, 'admitted', '名册导入', ${options.actorName} FROM input WHERE reserve_id IS NOT NULL`.execute(db);
      personIds.push(...ids);
      for (const id of reserveIdOf) if (id !== null) reserveIds.push(id);
    }
    return { personIds, reserveIds };
  },
};
