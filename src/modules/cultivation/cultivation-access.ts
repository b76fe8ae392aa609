import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { withinSubtrees } from '../../db/scope.ts';
import type { Permission } from '../../domain/roles.ts';
import type { Context } from '../../server/access.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import type { TReserveBrief } from './cultivation.schemas.ts';

/**
 * Who may read or write cultivation records of a reserve. Officers act in their subtrees
 * (cultivation.read / write / assess). A mentor acts only through an assignment to them that is
 * active today: they read their mentees' records and write contact logs and quarterly summaries;
 * 'mentoring.log' marks the capability and is never used as a subtree grant.
 */
export type CultivationPermission = Extract<Permission, 'cultivation.read' | 'cultivation.write' | 'cultivation.assess'>;

/** What a mentor's assignment lets them do, besides what their subtree grants. */
export type MentorReach = 'none' | 'read' | 'log';

export interface ReserveBriefRow {
  id: string;
  name: string;
  org_code: string;
  village_name: string;
  township_name: string;
  target_post: string;
  status: string;
  admitted_on: string | null;
}

export function presentBrief(row: ReserveBriefRow): TReserveBrief {
  return { id: row.id, name: row.name, orgCode: row.org_code, villageName: row.village_name, townshipName: row.township_name, targetPost: row.target_post, status: row.status };
}

/** Reserve basics for many ids (name from the person, village and township names). */
export async function findReserveBriefs(db: Executor, ids: readonly string[]): Promise<Map<string, ReserveBriefRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('reserve as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .innerJoin('org_unit as v', 'v.code', 'r.org_code')
    .leftJoin('org_unit as t', 't.code', 'v.parent_code')
    .select(['r.id', 'p.name', 'r.org_code', 'v.name as village_name', 't.name as township_name', 'r.target_post', 'r.status', 'r.admitted_on'])
    .where('r.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, { ...row, township_name: row.township_name ?? '' }]));
}

export function isMentor(ctx: Context): boolean {
  return ctx.actor !== null && ctx.access.canAnywhere('mentoring.log');
}

/** Ids of the reserves with an assignment to the user that is active on the date. */
export function activeMenteeIds(userId: string, onDate: string) {
  return (db: Executor) => db
    .selectFrom('mentoring_assignment')
    .select('reserve_id')
    .where('mentor_user_id', '=', userId)
    .where('started_on', '<=', onDate)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', onDate)]));
}

export async function hasActiveAssignment(db: Executor, userId: string, reserveId: string, onDate: string): Promise<boolean> {
  const row = await activeMenteeIds(userId, onDate)(db).where('reserve_id', '=', reserveId).executeTakeFirst();
  return row !== undefined;
}

/**
 * The reserve if the caller may act on it: `permission` in its village's subtree, or, when
 * `mentorReach` allows, an active assignment to the caller. Outside every subtree and not a
 * mentee: not found; seen but not allowed: forbidden.
 */
export async function requireReserve(db: Executor, ctx: Context, reserveId: string, permission: CultivationPermission, mentorReach: MentorReach, action: string): Promise<ReserveBriefRow> {
  const reserve = (await findReserveBriefs(db, [reserveId])).get(reserveId);
  if (!reserve) throw notFound('后备力量');
  if (ctx.access.can(permission, reserve.org_code)) return reserve;
  const isOwnMentee = ctx.actor !== null && isMentor(ctx) && (await hasActiveAssignment(db, ctx.actor.userId, reserveId, ctx.today));
  if (isOwnMentee && mentorReach !== 'none') return reserve;
  // A mentor knows their mentee exists; only others' reserves are hidden from them.
  if (isOwnMentee || (ctx.access.sees(reserve.org_code) && ctx.access.canAnywhere('cultivation.read'))) throw forbidden(action);
  throw notFound('后备力量');
}

/** Whether the caller may act on a reserve's records (for `policies`), without throwing. */
export function canAct(ctx: Context, orgCode: string, permission: CultivationPermission, isOwnMentee: boolean): boolean {
  return ctx.access.can(permission, orgCode) || isOwnMentee;
}

/**
 * The SQL condition for records of reserves the caller may read: in a subtree with
 * cultivation.read, or (for mentors) a reserve with an active assignment to them.
 */
export function readableRecords(ctx: Context, orgColumn: string, reserveColumn: string): Expression<SqlBool> {
  const subtree = withinSubtrees(orgColumn, ctx.access.prefixes('cultivation.read'));
  if (!ctx.actor || !isMentor(ctx)) return subtree;
  const today = ctx.today;
  return sql<SqlBool>`(${subtree} OR ${sql.ref(reserveColumn)} IN (SELECT reserve_id FROM mentoring_assignment WHERE mentor_user_id = ${ctx.actor.userId} AND started_on <= ${today} AND (ended_on IS NULL OR ended_on >= ${today})))`;
}

/** Ids of the caller's active mentees among the given reserves. */
export async function ownMentees(db: Executor, ctx: Context, reserveIds: readonly string[]): Promise<Set<string>> {
  if (!ctx.actor || !isMentor(ctx) || reserveIds.length === 0) return new Set();
  const rows = await activeMenteeIds(ctx.actor.userId, ctx.today)(db).where('reserve_id', 'in', [...new Set(reserveIds)]).execute();
  return new Set(rows.map((row) => row.reserve_id));
}
