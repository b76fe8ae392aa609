import { LOGIN_OUTCOME_LABELS as LOGIN_OUTCOME_NAMES } from '../../../src/domain/audit-labels.ts';
import { ROLE_LABELS } from '../../../src/domain/roles.ts';
import type { LoginOutcome, ReserveStatus, Role } from './types.ts';

/** Chinese names the UI shows for codes the API returns; role names come from the server's own table. */
export { ROLE_LABELS };

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((role) => ({ value: role, label: ROLE_LABELS[role] }));

const LOGIN_OUTCOME_COLORS: Record<LoginOutcome, string> = { success: 'green', wrongPassword: 'orange', unknownUser: 'orange', locked: 'red', disabled: 'red' };

/** The names from src/domain/audit-labels.ts (also used by the login log's export), with a colour each. */
export const LOGIN_OUTCOME_LABELS = Object.fromEntries(
  (Object.keys(LOGIN_OUTCOME_COLORS) as LoginOutcome[]).map((outcome) => [outcome, { label: LOGIN_OUTCOME_NAMES[outcome], color: LOGIN_OUTCOME_COLORS[outcome] }]),
) as Record<LoginOutcome, { label: string; color: string }>;

export { AUDIT_ACTION_LABELS, auditActionLabel, ENTITY_TYPE_LABELS } from '../../../src/domain/audit-labels.ts';

/** The same names as RESERVE_STATUS_LABELS in src/modules/reserves/reserves.schemas.ts (kept here so the client does not bundle zod). */
export const RESERVE_STATUS_LABELS: Record<ReserveStatus, { label: string; color: string }> = {
  candidate: { label: '考察对象', color: 'blue' },
  admitted: { label: '已入库', color: 'green' },
  removed: { label: '已调整出库', color: 'default' },
  appointed: { label: '已选用', color: 'gold' },
};

export const RESERVE_STATUS_OPTIONS = (Object.keys(RESERVE_STATUS_LABELS) as ReserveStatus[]).map((status) => ({ value: status, label: RESERVE_STATUS_LABELS[status].label }));

export function reserveStatusLabel(status: string | null): string {
  if (!status) return '—';
  return status in RESERVE_STATUS_LABELS ? RESERVE_STATUS_LABELS[status as ReserveStatus].label : status;
}
