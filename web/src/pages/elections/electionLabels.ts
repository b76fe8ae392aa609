import { App } from 'antd';
import { CLOSE_RELATIVE_LABELS, CLOSE_RELATIVES } from '../../../../src/domain/election-arithmetic.ts';
import {
  ELECTION_COMMITTEE_LABELS, ELECTION_COMMITTEES, RISK_KIND_LABELS, RISK_KINDS, SIGN_OFF_ROLE_LABELS, SIGN_OFF_ROLES, VIOLATION_KIND_LABELS, VIOLATION_KINDS,
} from '../../../../src/domain/election-procedure.ts';
import { EXCLUSIONS } from '../../../../src/domain/eligibility.ts';

/** Choices of the 换届 forms, named by the server's own domain tables, and what the forms share. */
const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));

export const ELECTION_COMMITTEE_OPTIONS = options(ELECTION_COMMITTEES, ELECTION_COMMITTEE_LABELS);
export const RISK_KIND_OPTIONS = options(RISK_KINDS, RISK_KIND_LABELS);
export const VIOLATION_KIND_OPTIONS = options(VIOLATION_KINDS, VIOLATION_KIND_LABELS);
export const SIGN_OFF_OPTIONS = options(SIGN_OFF_ROLES, SIGN_OFF_ROLE_LABELS);
export const CLOSE_RELATIVE_OPTIONS = options(CLOSE_RELATIVES, CLOSE_RELATIVE_LABELS);
export const EXCLUSION_OPTIONS = (Object.keys(EXCLUSIONS) as (keyof typeof EXCLUSIONS)[]).map((value) => ({ value, label: EXCLUSIONS[value] }));
export const required = (message: string) => [{ required: true, message }];

/** Closes a form after the server accepted it and says so. */
export function useSaved(onClose: () => void, text = '已保存') {
  const { message } = App.useApp();
  return () => { onClose(); void message.success(text); };
}
