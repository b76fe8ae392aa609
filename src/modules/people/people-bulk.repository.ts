import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { PersonColumns } from './people.repository.ts';

/** A person not yet stored, with the ids made for them and their ledger entry. */
export interface NewPersonWithLedgerEntry {
  id: string;
  person: PersonColumns;
  ledgerEntry: { orgCode: string; sourceCategory: string; isAway: boolean };
}

/** Rows per statement of the bulk inserts below (every value travels in one array parameter per column). */
const BULK_ROWS = 5000;

/** Bulk reads and writes of people and ledger entries (for imports): one statement per chunk, not per row. */
export const peopleBulkRepository = {
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
        INSERT INTO talent_ledger_entry (county_code, person_id, org_code, source_category, is_away, surveyed_on)
        SELECT substr(org_code, 1, 6), person_id, org_code, source_category, is_away, surveyed_on FROM unnest(
          ${chunk.map((entry) => entry.personId)}::uuid[], ${chunk.map((entry) => entry.orgCode)}::text[], ${chunk.map((entry) => entry.sourceCategory)}::text[],
          ${chunk.map((entry) => entry.isAway ?? false)}::boolean[], ${chunk.map((entry) => entry.surveyedOn)}::date[]
        ) AS t(person_id, org_code, source_category, is_away, surveyed_on)`.execute(db);
    }
  },

  /** Inserts new people with their ledger entries, one statement per chunk; the ids are the caller's. */
  async insertPeopleWithLedgerEntries(db: Executor, rows: readonly NewPersonWithLedgerEntry[], surveyedOn: string): Promise<void> {
    for (let start = 0; start < rows.length; start += BULK_ROWS) {
      const chunk = rows.slice(start, start + BULK_ROWS);
      const column = <T>(pick: (person: PersonColumns) => T) => chunk.map((row) => pick(row.person));
      const entry = <T>(pick: (row: NewPersonWithLedgerEntry['ledgerEntry']) => T) => chunk.map((row) => pick(row.ledgerEntry));
      await sql`
        WITH input AS (
          SELECT * FROM unnest(
            ${chunk.map((row) => row.id)}::uuid[], ${column((p) => p.name)}::text[], ${column((p) => p.gender)}::text[], ${column((p) => p.ethnicity)}::text[], ${column((p) => p.birthDate)}::date[],
            ${column((p) => p.idNumberCipher)}::text[], ${column((p) => p.idNumberHash)}::text[], ${column((p) => p.idNumberMasked)}::text[],
            ${column((p) => p.phoneCipher)}::text[], ${column((p) => p.phoneMasked)}::text[], ${column((p) => p.nativePlace)}::text[],
            ${column((p) => p.politicalStatus)}::text[], ${column((p) => p.partyJoinDate)}::date[], ${column((p) => p.education)}::text[],
            ${column((p) => p.school)}::text[], ${column((p) => p.major)}::text[], ${column((p) => p.health)}::text[], ${column((p) => p.occupation)}::text[],
            ${column((p) => p.specialties)}::text[], ${column((p) => p.workStartDate)}::date[], ${column((p) => p.presentPosition)}::text[],
            ${column((p) => p.isLivingAway)}::boolean[], ${column((p) => JSON.stringify(p.educationHistory ?? []))}::jsonb[],
            ${column((p) => JSON.stringify(p.workHistory ?? []))}::jsonb[], ${column((p) => JSON.stringify(p.familyMembers ?? []))}::jsonb[],
            ${entry((e) => e.orgCode)}::text[], ${entry((e) => e.sourceCategory)}::text[], ${entry((e) => e.isAway)}::boolean[]
          ) AS t(
            id, name, gender, ethnicity, birth_date, id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_masked, native_place,
            political_status, party_join_date, education, school, major, health, occupation, specialties, work_start_date, present_position,
            is_living_away, education_history, work_history, family_members, org_code, source_category, is_away
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
        )
        INSERT INTO talent_ledger_entry (county_code, person_id, org_code, source_category, is_away, surveyed_on)
        SELECT substr(org_code, 1, 6), id, org_code, source_category, is_away, ${surveyedOn}::date FROM input`.execute(db);
    }
  },
};
