import { GRADE_LABELS as CULTIVATION_GRADE_LABELS } from './cultivation-codes.ts';
import { ageOn } from './dates.ts';
import { DEFAULT_DICTIONARY_ITEMS } from './dictionaries.ts';
import { evaluateSecretaryCandidate, type RuleVerdict, type SecretaryRules } from './eligibility.ts';
import type { Post } from './committee.ts';
import type { CandidateProfile } from './selection-procedure.ts';

/**
 * Suggestions for a post (择优使用): reserves of the post's own village first, then of its township,
 * then of its county (统筹调配, seed 002); within each, those who pass the post's rules, then by
 * readiness, last annual result, the talent grid and the village's need. Every reason is shown.
 */
export type Proximity = 'ownVillage' | 'township' | 'county';
export const PROXIMITY_LABELS: Record<Proximity, string> = { ownVillage: '本村', township: '本乡镇', county: '全县统筹' };
const PROXIMITY_ORDER: Record<Proximity, number> = { ownVillage: 0, township: 1, county: 2 };
const READINESS_ORDER: Record<string, number> = { readyNow: 0, withinTwoYears: 1, longer: 2 };
const READINESS_LABELS: Record<string, string> = Object.fromEntries(DEFAULT_DICTIONARY_ITEMS.readiness);
const GRADE_ORDER: Record<string, number> = { excellent: 0, competent: 1, basicallyCompetent: 2, incompetent: 3 };
const GRADE_LABELS: Record<string, string> = CULTIVATION_GRADE_LABELS;

export interface SuggestionCandidate {
  reserveId: string;
  name: string;
  orgCode: string;
  villageName: string;
  townshipCode: string;
  birthDate: string;
  education: string;
  targetPost: string;
  readiness: string;
  /** Newest annual result, if any. */
  lastAnnualGrade: string | null;
  /** Quarterly opinions of the last twelve months. */
  recentOpinions: number;
  /** Talent-grid position, if rated: 1 (low) to 3 (high). */
  grid: { performance: number; potential: number } | null;
  /** For posts other than the secretary's: the eligibility policy's verdicts for this person. */
  policyVerdicts: readonly RuleVerdict[];
}

export interface SuggestionPost {
  orgCode: string;
  townshipCode: string;
  post: Post;
  need: CandidateProfile | null;
  /** The policy's young age (35 by default): a village needing young potential wants a reserve this age or under. */
  youngMaximumAge?: number;
}

export interface Reason {
  kind: 'plus' | 'minus' | 'info';
  text: string;
}

export interface Suggestion {
  reserveId: string;
  name: string;
  villageName: string;
  proximity: Proximity;
  isEligible: boolean;
  reasons: Reason[];
}

function proximityOf(post: SuggestionPost, candidate: SuggestionCandidate): Proximity {
  if (candidate.orgCode === post.orgCode) return 'ownVillage';
  return candidate.townshipCode === post.townshipCode ? 'township' : 'county';
}

/** The rules the post asks: a new secretary's (age, education) or the eligibility policy's. */
function postVerdicts(post: SuggestionPost, candidate: SuggestionCandidate, today: string, rules: SecretaryRules): readonly RuleVerdict[] {
  if (post.post === 'secretary') return evaluateSecretaryCandidate(candidate, { isContinuing: false, electionDate: today }, rules);
  return candidate.policyVerdicts;
}

export function rankSuggestions(post: SuggestionPost, candidates: readonly SuggestionCandidate[], today: string, rules: SecretaryRules): Suggestion[] {
  const scored = candidates.map((candidate) => {
    const proximity = proximityOf(post, candidate);
    const verdicts = postVerdicts(post, candidate, today, rules);
    const failed = verdicts.filter((verdict) => !verdict.passed);
    const reasons: Reason[] = [{ kind: 'info', text: `${PROXIMITY_LABELS[proximity]}后备力量（${candidate.villageName}）` }];
    for (const verdict of verdicts) reasons.push({ kind: verdict.passed ? 'plus' : 'minus', text: verdict.explanation });
    reasons.push({ kind: candidate.readiness === 'readyNow' ? 'plus' : 'info', text: `成熟度：${READINESS_LABELS[candidate.readiness] ?? candidate.readiness}` });
    if (candidate.targetPost === post.post || (post.post === 'secretary' && candidate.targetPost === 'secretary')) reasons.push({ kind: 'plus', text: '拟任岗位与该职务一致' });
    if (candidate.lastAnnualGrade) {
      const grade = candidate.lastAnnualGrade;
      reasons.push({ kind: grade === 'excellent' || grade === 'competent' ? 'plus' : 'minus', text: `最近一次年度考核：${GRADE_LABELS[grade] ?? grade}` });
    } else {
      reasons.push({ kind: 'info', text: '尚无年度考核结果' });
    }
    reasons.push({ kind: candidate.recentOpinions > 0 ? 'plus' : 'info', text: `近一年乡镇季度评议意见 ${candidate.recentOpinions} 条` });
    if (candidate.grid) reasons.push({ kind: candidate.grid.performance + candidate.grid.potential >= 5 ? 'plus' : 'info', text: `人才九宫格：业绩 ${candidate.grid.performance}、潜力 ${candidate.grid.potential}` });
    if (post.need) {
      const youngAge = post.youngMaximumAge ?? 35;
      const fits = post.need === 'mature' ? candidate.readiness === 'readyNow' : ageOn(candidate.birthDate, today) <= youngAge;
      reasons.push({ kind: fits ? 'plus' : 'info', text: post.need === 'mature' ? (fits ? '该村需要成熟型，本人可直接接任' : '该村需要成熟型，本人尚需培养') : (fits ? `该村可储备年轻型，本人 ${youngAge} 岁以下` : `该村可储备年轻型，本人超过 ${youngAge} 岁`) });
    }
    const key = [
      failed.length === 0 ? 0 : 1,
      PROXIMITY_ORDER[proximity],
      READINESS_ORDER[candidate.readiness] ?? 3,
      candidate.lastAnnualGrade ? (GRADE_ORDER[candidate.lastAnnualGrade] ?? 4) : 4,
      -(candidate.grid ? candidate.grid.performance + candidate.grid.potential : 0),
      -candidate.recentOpinions,
    ];
    return { suggestion: { reserveId: candidate.reserveId, name: candidate.name, villageName: candidate.villageName, proximity, isEligible: failed.length === 0, reasons }, key, name: candidate.name };
  });
  scored.sort((a, b) => {
    for (let index = 0; index < a.key.length; index += 1) {
      const difference = a.key[index]! - b.key[index]!;
      if (difference !== 0) return difference;
    }
    return a.name.localeCompare(b.name, 'zh-CN');
  });
  return scored.map((entry) => entry.suggestion);
}
