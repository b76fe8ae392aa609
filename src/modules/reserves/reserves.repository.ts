import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ImportedReserveFields } from '../../domain/import-changes.ts';
import type { ReserveStatus } from '../../domain/reserve-status.ts';
import { peopleLists, type ReserveRow } from '../people/people.service.ts';
import { updateAtVersion } from '../../db/optimistic-lock.ts';
import { countyOf, countyOfRow } from '../../db/distribution.ts';

/** A reserve as the import compares it with a row. */
export interface StoredReserve {
  id: string; version: number; targetPost: string; readiness: string; sourceCategory: string; mentorName: string | null; mentorPost: string | null; notes: string | null;
}

export interface NewReserve {
  personId: string; orgCode: string; targetPost: string; readiness: string; sourceCategory: string; mentorName: string | null; mentorPost: string | null; notes: string | null;
}

/** Rows per statement of the bulk insert (every value travels in one array parameter per column). */
const BULK_ROWS = 5000;

/** A reserve's own columns: the same fields a roster row sets. */
export type ReserveColumns = ImportedReserveFields;

export const reservesRepository = {
  async insert(db: Executor, reserve: ReserveColumns & { personId: string; orgCode: string; status: ReserveStatus; admittedOn: string | null }): Promise<string> {
    const row = await db
      .insertInto('reserve')
      .values({
        person_id: reserve.personId, county_code: countyOf(reserve.orgCode), org_code: reserve.orgCode, status: reserve.status, target_post: reserve.targetPost, readiness: reserve.readiness,
        source_category: reserve.sourceCategory, mentor_name: reserve.mentorName, mentor_post: reserve.mentorPost, notes: reserve.notes, admitted_on: reserve.admittedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async findByPersonAndUnit(db: Executor, personId: string, orgCode: string): Promise<{ id: string; version: number } | undefined> {
    return db.selectFrom('reserve').select(['id', 'version']).where('person_id', '=', personId).where('org_code', '=', orgCode).executeTakeFirst();
  },

  findRow(db: Executor, id: string): Promise<ReserveRow | undefined> {
    return peopleLists.findReserveRow(db, id);
  },

  async update(db: Executor, id: string, version: number, changes: Partial<ReserveColumns>): Promise<boolean> {
    return updateAtVersion(db, 'reserve', { id }, version, {
        ...(changes.targetPost !== undefined && { target_post: changes.targetPost }),
        ...(changes.readiness !== undefined && { readiness: changes.readiness }),
        ...(changes.sourceCategory !== undefined && { source_category: changes.sourceCategory }),
        ...(changes.mentorName !== undefined && { mentor_name: changes.mentorName }),
        ...(changes.mentorPost !== undefined && { mentor_post: changes.mentorPost }),
        ...(changes.notes !== undefined && { notes: changes.notes }),
      updated_at: new Date(),
    });
  },

  /** Brings an existing record of the person in the village back into the pool as admitted. */
  async readmit(db: Executor, reserveId: string, admission: { readiness: string; targetPost: string; admittedOn: string }): Promise<void> {
    await db
      .updateTable('reserve')
      .set((eb) => ({ status: 'admitted', readiness: admission.readiness, target_post: admission.targetPost, admitted_on: admission.admittedOn, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', reserveId)
      .execute();
  },

  /** Sets a reserve's status when its version matches; false when someone else changed it first. */
  async updateStatus(db: Executor, reserveId: string, version: number, status: ReserveStatus): Promise<boolean> {
    return updateAtVersion(db, 'reserve', { id: reserveId }, version, { status, updated_at: new Date() });
  },

  /** The people's reserve records by "personId/orgCode". */
  async findByPeople(db: Executor, personIds: readonly string[]): Promise<Map<string, StoredReserve>> {
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

  /**
   * Inserts admitted reserves with their first status change, in one statement per chunk; the ids
   * are given by the caller (so the statement needs no RETURNING and no join).
   */
  async insertAdmitted(db: Executor, reserves: readonly (NewReserve & { id: string })[], change: { reason: string; actorName: string }): Promise<void> {
    for (let start = 0; start < reserves.length; start += BULK_ROWS) {
      const chunk = reserves.slice(start, start + BULK_ROWS);
      const column = <T>(pick: (reserve: NewReserve & { id: string }) => T) => chunk.map(pick);
      await sql`
        WITH input AS (
          SELECT * FROM unnest(
            ${column((r) => r.id)}::uuid[], ${column((r) => r.personId)}::uuid[], ${column((r) => r.orgCode)}::text[], ${column((r) => r.targetPost)}::text[],
            ${column((r) => r.readiness)}::text[], ${column((r) => r.sourceCategory)}::text[], ${column((r) => r.mentorName)}::text[],
            ${column((r) => r.mentorPost)}::text[], ${column((r) => r.notes)}::text[]
          ) AS t(id, person_id, org_code, target_post, readiness, source_category, mentor_name, mentor_post, notes)
        ),
        inserted AS (
          INSERT INTO reserve (id, county_code, person_id, org_code, status, target_post, readiness, source_category, mentor_name, mentor_post, notes)
          SELECT id, substr(org_code, 1, 6), person_id, org_code, 'admitted', target_post, readiness, source_category, mentor_name, mentor_post, notes FROM input
        )
        INSERT INTO reserve_status_change (county_code, reserve_id, from_status, to_status, reason, actor_name)
        SELECT substr(org_code, 1, 6), id, NULL, 'admitted', ${change.reason}, ${change.actorName} FROM input`.execute(db);
    }
  },

  async insertStatusChange(db: Executor, change: { reserveId: string; fromStatus: ReserveStatus | null; toStatus: ReserveStatus; reason: string; actorName: string }): Promise<void> {
    await db
      .insertInto('reserve_status_change')
      .values({ county_code: await countyOfRow(db, 'reserve', change.reserveId), reserve_id: change.reserveId, from_status: change.fromStatus, to_status: change.toStatus, reason: change.reason, actor_name: change.actorName })
      .execute();
  },

  async listStatusChanges(db: Executor, reserveId: string) {
    const rows = await db.selectFrom('reserve_status_change').select(['from_status', 'to_status', 'reason', 'actor_name', 'at']).where('reserve_id', '=', reserveId).orderBy('id').execute();
    return rows.map((row) => ({ fromStatus: row.from_status, toStatus: row.to_status, reason: row.reason, actorName: row.actor_name, at: row.at }));
  },
};
