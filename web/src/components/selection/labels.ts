import dayjs, { type Dayjs } from 'dayjs';
import { EXCLUSIONS, type ExclusionCode } from '../../../../src/domain/eligibility.ts';
import {
  ACTION_RULES, CHANNEL_LABELS, NOMINATION_CHANNELS, OUTCOME_LABELS, PROFILE_LABELS, SELECTION_STAGES, STAGE_LABELS,
  type CandidateProfile, type NominationChannel, type SelectionAction, type SelectionOutcome, type SelectionStage,
} from '../../../../src/domain/selection-procedure.ts';

/** Chinese names of the procedure's codes: the server's own tables (pure modules, no zod). */
export { ACTION_RULES, CHANNEL_LABELS, EXCLUSIONS, OUTCOME_LABELS, PROFILE_LABELS, SELECTION_STAGES, STAGE_LABELS };
export type { CandidateProfile, ExclusionCode, NominationChannel, SelectionAction, SelectionOutcome, SelectionStage };

export const EXCLUSION_OPTIONS = (Object.keys(EXCLUSIONS) as ExclusionCode[]).map((code) => ({ value: code, label: EXCLUSIONS[code] }));
export const CHANNEL_OPTIONS = NOMINATION_CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }));
export const PROFILE_OPTIONS = (Object.keys(PROFILE_LABELS) as CandidateProfile[]).map((profile) => ({ value: profile, label: PROFILE_LABELS[profile] }));

/** Short profile names for cards and tags. */
export const PROFILE_SHORT: Record<CandidateProfile, string> = { mature: '成熟型', youngPotential: '潜力型' };

export const OUTCOME_COLORS: Record<SelectionOutcome, string> = { inProgress: 'processing', rejected: 'error', withdrawn: 'default', filed: 'success' };

export const JOINT_REVIEW_STATUS: Record<'pending' | 'passed' | 'concern' | 'resolved', { label: string; color: string }> = {
  pending: { label: '待回复', color: 'processing' },
  passed: { label: '通过', color: 'success' },
  concern: { label: '有问题', color: 'error' },
  resolved: { label: '已核实处理', color: 'warning' },
};

export const EXCEPTION_STATUS: Record<'requested' | 'approved' | 'refused', { label: string; color: string }> = {
  requested: { label: '待审批', color: 'processing' },
  approved: { label: '已批准', color: 'success' },
  refused: { label: '未批准', color: 'error' },
};

/** The Chinese name of an eligibility rule code (politicalStatus, education, age, exclusion.x). */
export function ruleLabel(rule: string): string {
  if (rule === 'politicalStatus') return '政治面貌';
  if (rule === 'education') return '学历';
  if (rule === 'age') return '年龄';
  if (rule.startsWith('exclusion.')) {
    const code = rule.slice('exclusion.'.length);
    return code in EXCLUSIONS ? `负面清单：${EXCLUSIONS[code as ExclusionCode]}` : rule;
  }
  return rule;
}

export function stageLabel(stage: string | null): string {
  if (!stage) return '—';
  return stage in STAGE_LABELS ? STAGE_LABELS[stage as SelectionStage] : stage;
}

export const DATE_FORMAT = 'YYYY-MM-DD';
export const toDateText = (value: Dayjs | null | undefined): string => (value ? value.format(DATE_FORMAT) : '');
export const today = (): Dayjs => dayjs();
