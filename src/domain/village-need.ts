import type { CandidateProfile } from './selection-procedure.ts';

/** The village conditions of the dictionary (村（社区）状况). */
export const VILLAGE_CONDITIONS = ['weakAndLax', 'ordinary', 'developingWell'] as const;
export type VillageCondition = (typeof VILLAGE_CONDITIONS)[number];

export interface VillageNeedFacts {
  condition: string | null;
  /** 问题突出: the township found the village's problems prominent. */
  hasProminentProblems: boolean;
  /** 书记需调整: the secretary is to be replaced. */
  secretaryNeedsAdjustment: boolean;
  override: { need: CandidateProfile; reason: string } | null;
}

export interface DerivedNeed {
  /** The kind of reserve the village needs; null when any kind serves (一般 with nothing pressing). */
  need: CandidateProfile | null;
  /** Why, in Chinese. */
  explanation: string;
  isOverridden: boolean;
}

/**
 * 因村选人: a village whose problems are prominent, whose secretary is to be replaced or that is
 * 软弱涣散 needs a mature reserve who can take over now; a village developing well can grow young
 * potential; an ordinary one needs neither in particular. An override with its reason wins.
 */
export function deriveVillageNeed(facts: VillageNeedFacts): DerivedNeed {
  if (facts.override) {
    return { need: facts.override.need, explanation: `乡镇党委调整为${NEED_LABELS[facts.override.need]}：${facts.override.reason}`, isOverridden: true };
  }
  const pressing = [
    facts.hasProminentProblems && '问题突出',
    facts.secretaryNeedsAdjustment && '书记需调整',
    facts.condition === 'weakAndLax' && '软弱涣散',
  ].filter((reason): reason is string => typeof reason === 'string');
  if (pressing.length > 0) return { need: 'mature', explanation: `${pressing.join('、')}，需要可直接接任的成熟型后备力量`, isOverridden: false };
  if (facts.condition === 'developingWell') return { need: 'youngPotential', explanation: '发展较好，可储备潜力型（年轻型）后备力量', isOverridden: false };
  if (facts.condition === 'ordinary') return { need: null, explanation: '村情一般，成熟型、潜力型均可', isOverridden: false };
  return { need: null, explanation: '尚未填写村情，无法判断需要的类型', isOverridden: false };
}

export const NEED_LABELS: Record<CandidateProfile, string> = { mature: '成熟型', youngPotential: '潜力型（年轻型）' };
