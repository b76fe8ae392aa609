import { STAGE_LABELS } from '../../domain/selection-procedure.ts';
import type { Context } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import type { CandidateRow } from './selection.repository.ts';

/**
 * The side actions on a candidate (besides the procedure's steps, which the state machine rules):
 * one rule per action, used twice — by the use case, which refuses with the rule's message, and by
 * the candidate page's `policies`, so the page offers exactly what the API accepts.
 */
export const SIDE_ACTIONS = ['attach', 'requestException', 'decideException', 'sendJointReview', 'resolveConcern'] as const;
export type SideAction = (typeof SIDE_ACTIONS)[number];

type Verdict = { allowed: true } | { allowed: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string };

const ALLOWED: Verdict = { allowed: true };
const forbid = (message: string): Verdict => ({ allowed: false, code: 'FORBIDDEN', message });
const conflict = (message: string): Verdict => ({ allowed: false, code: 'CONFLICT', message });

function endedMessage(candidate: Pick<CandidateRow, 'outcome'>, what: string): string {
  const outcome = { inProgress: '进行中', filed: '已备案', rejected: '已终止（不予通过）', withdrawn: '已终止（本人退出）' }[candidate.outcome];
  return `该人选的选拔程序${outcome}，不能再${what}`;
}

/** Whether the caller may take a side action on the candidate now, and why not. */
export function checkSideAction(ctx: Context, candidate: Pick<CandidateRow, 'org_code' | 'stage' | 'outcome'>, action: SideAction): Verdict {
  const isRunning = candidate.outcome === 'inProgress';
  const stageLabel = STAGE_LABELS[candidate.stage];
  switch (action) {
    case 'attach':
      return ctx.access.can('selection.nominate', candidate.org_code) || ctx.access.can('selection.review', candidate.org_code) ? ALLOWED : forbid('您没有为该人选上传佐证材料的权限');
    case 'requestException':
      if (!ctx.access.can('selection.nominate', candidate.org_code)) return forbid('您没有为该人选申请破格的权限');
      return isRunning && candidate.stage === 'qualificationReview' ? ALLOWED : conflict('破格只能在资格审查环节申请');
    case 'decideException':
      if (!ctx.access.can('selection.review', candidate.org_code)) return forbid('破格须经乡镇党委批准，您的角色不能审批');
      return isRunning ? ALLOWED : conflict(endedMessage(candidate, '审批破格'));
    case 'sendJointReview':
      if (!ctx.access.can('selection.review', candidate.org_code)) return forbid('送联审由乡镇党委办理，您的角色不能办理这一步');
      return isRunning && candidate.stage === 'jointReview' ? ALLOWED : conflict(`送联审须在「联审」环节进行，该人选当前处于「${stageLabel}」环节`);
    case 'resolveConcern':
      if (!ctx.access.can('selection.review', candidate.org_code)) return forbid('联审问题由乡镇党委核实处理，您的角色不能办理');
      return isRunning ? ALLOWED : conflict(endedMessage(candidate, '核实处理联审问题'));
  }
}

/** Throws the rule's refusal when the caller may not take the side action now. */
export function requireSideAction(ctx: Context, candidate: Pick<CandidateRow, 'org_code' | 'stage' | 'outcome'>, action: SideAction): void {
  const verdict = checkSideAction(ctx, candidate, action);
  if (!verdict.allowed) throw new AppError(verdict.code, verdict.message);
}

/** The candidate page's `policies`: the same rules, as booleans. */
export function candidatePolicies(ctx: Context, candidate: Pick<CandidateRow, 'org_code' | 'stage' | 'outcome'>): Record<SideAction, boolean> {
  return Object.fromEntries(SIDE_ACTIONS.map((action) => [action, checkSideAction(ctx, candidate, action).allowed])) as Record<SideAction, boolean>;
}
