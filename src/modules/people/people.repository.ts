import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { updateAtVersion } from '../../db/optimistic-lock.ts';
import type { PersonTable } from '../../db/schema.ts';

/** The columns written from a checked person (sensitive fields already encrypted). */
export interface PersonColumns {
  name: string;
  gender: string;
  ethnicity: string | null;
  birthDate: string;
  idNumberCipher: string;
  idNumberHash: string;
  idNumberMasked: string;
  phoneCipher: string | null;
  phoneMasked: string | null;
  nativePlace: string | null;
  /** Undefined when not entered: an update leaves the stored one. */
  birthplace?: string | null | undefined;
  politicalStatus: string;
  partyJoinDate: string | null;
  education: string;
  school: string | null;
  major: string | null;
  health: string | null;
  occupation: string | null;
  specialties: string | null;
  workStartDate: string | null;
  presentPosition: string | null;
  isLivingAway: boolean;
  educationHistory: unknown;
  workHistory: unknown;
  familyMembers: unknown;
}

/** A person row with sensitive fields still encrypted. */
export interface PersonRecord extends PersonColumns {
  id: string;
  hasPhoto: boolean;
  version: number;
}

const COLUMNS = [
  'id', 'name', 'gender', 'ethnicity', 'birth_date', 'id_number_cipher', 'id_number_hash', 'id_number_masked', 'phone_cipher', 'phone_masked',
  'native_place', 'birthplace', 'political_status', 'party_join_date', 'education', 'school', 'major', 'health', 'occupation', 'specialties', 'work_start_date',
  'present_position', 'is_living_away', 'education_history', 'work_history', 'family_members', 'has_photo', 'version',
] as const;

/** The stored person row: its types come from the schema (src/db/schema.ts), written once. */
type PersonRow = Pick<Selectable<PersonTable>, (typeof COLUMNS)[number]>;

function toRecord(row: PersonRow): PersonRecord {
  return {
    id: row.id, name: row.name, gender: row.gender, ethnicity: row.ethnicity, birthDate: row.birth_date, idNumberCipher: row.id_number_cipher,
    idNumberHash: row.id_number_hash, idNumberMasked: row.id_number_masked, phoneCipher: row.phone_cipher, phoneMasked: row.phone_masked,
    nativePlace: row.native_place, birthplace: row.birthplace, politicalStatus: row.political_status, partyJoinDate: row.party_join_date, education: row.education,
    school: row.school, major: row.major, health: row.health, occupation: row.occupation, specialties: row.specialties,
    workStartDate: row.work_start_date, presentPosition: row.present_position, isLivingAway: row.is_living_away,
    educationHistory: row.education_history, workHistory: row.work_history, familyMembers: row.family_members, hasPhoto: row.has_photo, version: row.version,
  };
}

function toRow(columns: PersonColumns) {
  return {
    name: columns.name, gender: columns.gender, ethnicity: columns.ethnicity, birth_date: columns.birthDate, id_number_cipher: columns.idNumberCipher,
    id_number_hash: columns.idNumberHash, id_number_masked: columns.idNumberMasked, phone_cipher: columns.phoneCipher, phone_masked: columns.phoneMasked,
    native_place: columns.nativePlace, political_status: columns.politicalStatus, party_join_date: columns.partyJoinDate, education: columns.education,
    school: columns.school, major: columns.major, health: columns.health, occupation: columns.occupation, specialties: columns.specialties,
    work_start_date: columns.workStartDate, present_position: columns.presentPosition, is_living_away: columns.isLivingAway,
    education_history: JSON.stringify(columns.educationHistory ?? []), work_history: JSON.stringify(columns.workHistory ?? []),
    family_members: JSON.stringify(columns.familyMembers ?? []),
    ...(columns.birthplace !== undefined && { birthplace: columns.birthplace }),
  };
}

export const peopleRepository = {
  async findById(db: Executor, id: string): Promise<PersonRecord | undefined> {
    const row = await db.selectFrom('person').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  },

  async findByIdNumberHashes(db: Executor, hashes: readonly string[]): Promise<PersonRecord[]> {
    if (hashes.length === 0) return [];
    const rows = await db.selectFrom('person').select(COLUMNS).where('id_number_hash', 'in', hashes).execute();
    return rows.map(toRecord);
  },

  /** The same as findByIdNumberHashes for thousands of hashes: one array parameter instead of one parameter each. */
  async findByIdNumberHashList(db: Executor, hashes: readonly string[]): Promise<PersonRecord[]> {
    if (hashes.length === 0) return [];
    const rows = await db.selectFrom('person').select(COLUMNS).where(sql<boolean>`id_number_hash = ANY(${[...hashes]}::text[])`).execute();
    return rows.map(toRecord);
  },

  async insert(db: Executor, columns: PersonColumns): Promise<string> {
    const row = await db.insertInto('person').values(toRow(columns)).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async insertMany(db: Executor, people: readonly PersonColumns[]): Promise<{ id: string; idNumberHash: string }[]> {
    const inserted: { id: string; idNumberHash: string }[] = [];
    for (let start = 0; start < people.length; start += 500) {
      const rows = await db.insertInto('person').values(people.slice(start, start + 500).map(toRow)).returning(['id', 'id_number_hash']).execute();
      inserted.push(...rows.map((row) => ({ id: row.id, idNumberHash: row.id_number_hash })));
    }
    return inserted;
  },

  /** Writes the columns when the version matches; false when someone else changed the person first. */
  async update(db: Executor, id: string, version: number, columns: PersonColumns): Promise<boolean> {
    return updateAtVersion(db, 'person', { id }, version, { ...toRow(columns), updated_at: new Date() });
  },

  /** The units through which a person is seen: their ledger entries and reserve records. */
  async listOrgCodes(db: Executor, personIds: readonly string[]): Promise<Map<string, string[]>> {
    const byPerson = new Map<string, string[]>();
    if (personIds.length === 0) return byPerson;
    const rows = await db
      .selectFrom('talent_ledger_entry')
      .select(['person_id', 'org_code'])
      .where('person_id', 'in', personIds)
      .union(db.selectFrom('reserve').select(['person_id', 'org_code']).where('person_id', 'in', personIds))
      .execute();
    for (const row of rows) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row.org_code]);
    return byPerson;
  },

  async savePhoto(db: Executor, personId: string, photo: { contentType: string; data: Buffer }): Promise<void> {
    await db
      .insertInto('person_photo')
      .values({ person_id: personId, content_type: photo.contentType, data: photo.data })
      .onConflict((conflict) => conflict.column('person_id').doUpdateSet({ content_type: photo.contentType, data: photo.data }))
      .execute();
    await db.updateTable('person').set((eb) => ({ has_photo: true, version: eb('version', '+', 1), updated_at: new Date() })).where('id', '=', personId).execute();
  },

  async findPhoto(db: Executor, personId: string): Promise<{ contentType: string; data: Buffer } | undefined> {
    const row = await db.selectFrom('person_photo').select(['content_type', 'data']).where('person_id', '=', personId).executeTakeFirst();
    return row && { contentType: row.content_type, data: Buffer.from(row.data) };
  },
};
