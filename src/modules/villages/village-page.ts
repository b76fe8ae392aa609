import type { Db } from '../../db/database.ts';
import type { Context } from '../../server/access.ts';
import { getVillageCoverage, refreshCoverage } from '../coverage/coverage.service.ts';
import { getRoster } from './committee-roster.ts';
import { getVillageProfile, saveVillageProfile } from './village-profile.ts';
import type { ProfileColumns } from './villages.repository.ts';

/** The village page: profile and need, the 两委 roster with terms and vacancies, coverage and bench strength. */
export async function getVillagePage(db: Db, ctx: Context, orgCode: string) {
  const profile = await getVillageProfile(db, ctx, orgCode);
  const roster = await getRoster(db, ctx, orgCode, { includePast: true });
  const coverage = await getVillageCoverage(db, orgCode, ctx.today);
  return { profile, roster, coverage };
}

/** Saves the profile and brings the village's coverage up to date (the needed kind may change). */
export async function updateVillageProfile(db: Db, ctx: Context, orgCode: string, input: ProfileColumns & { version: number | null }) {
  return db.transaction().execute(async (tx) => {
    const profile = await saveVillageProfile(tx, ctx, orgCode, input);
    await refreshCoverage(tx, [orgCode], ctx.today);
    return profile;
  });
}
