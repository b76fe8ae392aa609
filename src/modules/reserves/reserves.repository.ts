import type { Executor } from '../../db/database.ts';
import { peopleListRepository, type ReserveRow } from '../people/people-list.repository.ts';

export interface ReserveColumns {
  targetPost: string;
  readiness: string;
  sourceCategory: string;
  mentorName: string | null;
  mentorPost: string | null;
  notes: string | null;
}

export const reservesRepository = {
  async insert(db: Executor, reserve: ReserveColumns & { personId: string; orgCode: string; status: string; admittedOn: string | null }): Promise<string> {
    const row = await db
      .insertInto('reserve')
      .values({
        person_id: reserve.personId, org_code: reserve.orgCode, status: reserve.status, target_post: reserve.targetPost, readiness: reserve.readiness,
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
    return peopleListRepository.findReserveRow(db, id);
  },

  async update(db: Executor, id: string, version: number, changes: Partial<ReserveColumns>): Promise<boolean> {
    const result = await db
      .updateTable('reserve')
      .set((eb) => ({
        ...(changes.targetPost !== undefined && { target_post: changes.targetPost }),
        ...(changes.readiness !== undefined && { readiness: changes.readiness }),
        ...(changes.sourceCategory !== undefined && { source_category: changes.sourceCategory }),
        ...(changes.mentorName !== undefined && { mentor_name: changes.mentorName }),
        ...(changes.mentorPost !== undefined && { mentor_post: changes.mentorPost }),
        ...(changes.notes !== undefined && { notes: changes.notes }),
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async insertStatusChange(db: Executor, change: { reserveId: string; fromStatus: string | null; toStatus: string; reason: string; actorName: string }): Promise<void> {
    await db
      .insertInto('reserve_status_change')
      .values({ reserve_id: change.reserveId, from_status: change.fromStatus, to_status: change.toStatus, reason: change.reason, actor_name: change.actorName })
      .execute();
  },

  async listStatusChanges(db: Executor, reserveId: string) {
    const rows = await db.selectFrom('reserve_status_change').select(['from_status', 'to_status', 'reason', 'actor_name', 'at']).where('reserve_id', '=', reserveId).orderBy('id').execute();
    return rows.map((row) => ({ fromStatus: row.from_status, toStatus: row.to_status, reason: row.reason, actorName: row.actor_name, at: row.at }));
  },
};
