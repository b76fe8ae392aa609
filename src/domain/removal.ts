/**
 * Removal of a reserve from the pool (动态调整 / 取消资格, seed 002): the village Party
 * organisation proposes, the township approves or refuses, the county files. The reserve leaves
 * the pool when the township approves.
 */
export const REMOVAL_STATUSES = ['proposed', 'approved', 'refused', 'filed'] as const;
export type RemovalStatus = (typeof REMOVAL_STATUSES)[number];
export const REMOVAL_STATUS_LABELS: Record<RemovalStatus, string> = { proposed: '待乡镇审批', approved: '已批准，待县备案', refused: '未批准', filed: '已备案' };

export const REMOVAL_ACTIONS = ['propose', 'approve', 'refuse', 'file'] as const;
export type RemovalAction = (typeof REMOVAL_ACTIONS)[number];

export const REMOVAL_RULES: Record<RemovalAction, { label: string; from: RemovalStatus | null; to: RemovalStatus; permission: 'removal.propose' | 'removal.approve' | 'removal.file'; owner: string }> = {
  propose: { label: '提出调整建议', from: null, to: 'proposed', permission: 'removal.propose', owner: '村（社区）党组织' },
  approve: { label: '审批同意调整', from: 'proposed', to: 'approved', permission: 'removal.approve', owner: '乡镇党委' },
  refuse: { label: '不同意调整', from: 'proposed', to: 'refused', permission: 'removal.approve', owner: '乡镇党委' },
  file: { label: '备案', from: 'approved', to: 'filed', permission: 'removal.file', owner: '县委组织部' },
};

/** Why the removal cannot move by this action now, or null. */
export function removalActionProblem(status: RemovalStatus, action: RemovalAction): string | null {
  const rule = REMOVAL_RULES[action];
  if (rule.from === null || status === rule.from) return null;
  if (action === 'file' && status === 'proposed') return '乡镇党委尚未审批，不能备案';
  return `该调整建议${REMOVAL_STATUS_LABELS[status]}，不能${rule.label}`;
}

export interface AdjustmentFacts {
  /** Annual results (年度考核), newest first. */
  annualGrades: readonly string[];
  /** The policy's rules the reserve now fails, explained. */
  failedRules: readonly string[];
}

/**
 * Why a reserve should be considered for removal (建议调整) — suggestions, never automatic: the
 * newest annual result 不合格, 基本合格 twice, or failing the policy now.
 */
export function adjustmentReasons(facts: AdjustmentFacts): string[] {
  const reasons: string[] = [];
  if (facts.annualGrades[0] === 'incompetent') reasons.push('最近一次年度考核不合格');
  const basic = facts.annualGrades.filter((grade) => grade === 'basicallyCompetent').length;
  if (basic >= 2) reasons.push(`年度考核 ${basic} 次基本合格`);
  if (facts.failedRules.length > 0) reasons.push(`已不符合资格条件：${facts.failedRules.join('；')}`);
  return reasons;
}
