import { toStatisticalCode } from '../../domain/org-code.ts';
import type { Actor, Context } from '../../server/access.ts';

/**
 * Who entered a cultivation record: the caller's display name and user id, and whether they
 * entered it for someone else (代录) — a log or summary not by the assignment's mentor, an opinion
 * not by a user of the assessing village or township, a talk not by the talker.
 */
export interface RecordEntry {
  recordedBy: string;
  recordedByUserId: string | null;
  isProxy: boolean;
}

const SYSTEM_NAME = '系统';

/** The entry of the caller; `isOwn` says whether the record is the caller's own. */
export function recordEntry(ctx: Context, isOwn: (actor: Actor) => boolean): RecordEntry {
  if (ctx.actor === null) return { recordedBy: SYSTEM_NAME, recordedByUserId: null, isProxy: false };
  return { recordedBy: ctx.actor.displayName, recordedByUserId: ctx.actor.userId, isProxy: !isOwn(ctx.actor) };
}

/** Who enters a record that belongs to no one person (practice, observer attendance, a grid rating): no 代录. */
export function plainEntry(ctx: Context): Omit<RecordEntry, 'isProxy'> {
  const { recordedBy, recordedByUserId } = recordEntry(ctx, () => true);
  return { recordedBy, recordedByUserId };
}

/** The unit whose opinion an assessment is: the reserve's village, or its township. */
export function assessingUnitCode(assessor: string, villageCode: string): string {
  return assessor === 'village' ? villageCode : toStatisticalCode(villageCode.slice(0, 9));
}

/** An actor with a role bound to the assessing unit gives that unit's opinion; anyone else enters it for the unit. */
export function isOfAssessingUnit(actor: Actor, assessor: string, villageCode: string): boolean {
  const unit = assessingUnitCode(assessor, villageCode);
  return actor.roles.some((binding) => binding.orgCode === unit);
}

export function presentEntry(row: { recorded_by: string; created_at: Date | string; is_proxy: boolean }) {
  return { recordedBy: row.recorded_by, recordedAt: new Date(row.created_at).toISOString(), isProxy: row.is_proxy };
}

/** Practice and observer records: who entered them, without an owner to enter them for. */
export function presentPlainEntry(row: { recorded_by: string | null; created_at: Date | string }) {
  return { recordedBy: row.recorded_by, recordedAt: new Date(row.created_at).toISOString() };
}
