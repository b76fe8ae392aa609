import type { Executor } from '../../db/database.ts';
import { escapeLike } from '../../db/scope.ts';
import { updateAtVersion } from '../../db/optimistic-lock.ts';
import { countyOf } from '../../db/distribution.ts';

export const talentGridRepository = {
  /** Admitted reserves of a subtree with the person's birth date and education. */
  async listReserves(db: Executor, prefix: string) {
    return db.selectFrom('reserve as r').innerJoin('person as p', 'p.id', 'r.person_id').innerJoin('org_unit as v', 'v.code', 'r.org_code').leftJoin('org_unit as t', 't.code', 'v.parent_code')
      .select(['r.id', 'p.name', 'r.org_code', 'v.name as village_name', 't.name as township_name', 'r.target_post', 'r.status', 'r.admitted_on', 'p.birth_date', 'p.education'])
      .where('r.org_code', 'like', `${escapeLike(prefix)}%`).where('r.status', '=', 'admitted').orderBy('r.org_code').orderBy('p.name').execute();
  },

  /** Graded assessments of a subtree that the grid looks at for a year. */
  async listGrades(db: Executor, prefix: string, year: number) {
    return db.selectFrom('assessment').select(['reserve_id', 'kind', 'year', 'grade', 'assessed_on'])
      .where('org_code', 'like', `${escapeLike(prefix)}%`).where('grade', 'is not', null).where('year', '<=', year)
      .where((eb) => eb.or([eb('kind', '=', 'annual'), eb.and([eb('kind', '=', 'quarterly'), eb('year', '=', year)]), eb('kind', '=', 'preElection')]))
      .orderBy('year', 'desc').orderBy('assessed_on', 'desc').execute();
  },

  async listOverrides(db: Executor, prefix: string) {
    return db.selectFrom('talent_grid_rating').selectAll().where('org_code', 'like', `${escapeLike(prefix)}%`).execute();
  },

  async findOverride(db: Executor, reserveId: string) {
    return db.selectFrom('talent_grid_rating').selectAll().where('reserve_id', '=', reserveId).executeTakeFirst();
  },

  async insertOverride(db: Executor, values: { reserveId: string; orgCode: string; performance: number; potential: number; readiness: string; reason: string; ratedBy: string; ratedByUserId: string | null }): Promise<boolean> {
    const row = await db.insertInto('talent_grid_rating').values({
      reserve_id: values.reserveId, county_code: countyOf(values.orgCode), org_code: values.orgCode, performance: values.performance, potential: values.potential, readiness: values.readiness, reason: values.reason, rated_by: values.ratedBy, rated_by_user_id: values.ratedByUserId,
    }).onConflict((oc) => oc.columns(['county_code', 'reserve_id']).doNothing()).returning('reserve_id').executeTakeFirst();
    return row !== undefined;
  },

  async updateOverride(db: Executor, reserveId: string, version: number, values: { performance: number; potential: number; readiness: string; reason: string; ratedBy: string; ratedByUserId: string | null }): Promise<boolean> {
    return updateAtVersion(db, 'talent_grid_rating', { reserve_id: reserveId }, version, {
      performance: values.performance, potential: values.potential, readiness: values.readiness, reason: values.reason, rated_by: values.ratedBy, rated_by_user_id: values.ratedByUserId,
      updated_at: new Date(),
    });
  },
};
