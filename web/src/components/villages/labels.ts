import { COMMITTEE_LABELS, COMMITTEE_POSTS, COMMITTEES, LEAVE_REASON_LABELS, LEAVE_REASONS, POST_LABELS } from '../../../../src/domain/committee.ts';
import { NEED_LABELS } from '../../../../src/domain/village-need.ts';

/** Chinese names of the management-and-use codes, from the server's own domain tables. */
export { APPOINTMENT_ACTION_RULES, APPOINTMENT_STAGE_LABELS } from '../../../../src/domain/appointment-procedure.ts';
export { COMMITTEE_LABELS, LEAVE_REASON_LABELS, NEED_LABELS, POST_LABELS };

export const COMMITTEE_OPTIONS = COMMITTEES.map((committee) => ({ value: committee, label: COMMITTEE_LABELS[committee] }));
export const LEAVE_REASON_OPTIONS = LEAVE_REASONS.map((reason) => ({ value: reason, label: LEAVE_REASON_LABELS[reason] }));
export const NEED_OPTIONS = (['mature', 'youngPotential'] as const).map((need) => ({ value: need, label: NEED_LABELS[need] }));
export const postOptions = (committee: keyof typeof COMMITTEE_POSTS | undefined) =>
  (committee ? COMMITTEE_POSTS[committee] : []).map((post) => ({ value: post, label: POST_LABELS[post] }));

export const OUTCOME_LABELS = { inProgress: { label: '办理中', color: 'processing' }, effective: { label: '已任职', color: 'success' }, refused: { label: '未同意', color: 'error' }, withdrawn: { label: '已撤回', color: 'default' } } as const;
export const PROXIMITY_LABELS = { ownVillage: '本村', township: '本乡镇', county: '全县统筹' } as const;
export const REASON_COLORS = { plus: 'green', minus: 'red', info: 'default' } as const;

/** Today in China (UTC+8) as YYYY-MM-DD: the default of a date field (the server checks the date against its own today). */
export function todayText(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function shareText(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}
