import { describe, expect, it } from 'vitest';
import { rankSuggestions, type SuggestionCandidate, type SuggestionPost } from './appointment-suggestions.ts';
import { DEFAULT_SECRETARY_RULES } from './eligibility.ts';

const TODAY = '2026-11-29';
const POST: SuggestionPost = { orgCode: 'V1', townshipCode: 'T1', post: 'secretary', need: 'mature' };
const candidate = (changes: Partial<SuggestionCandidate>): SuggestionCandidate => ({
  reserveId: changes.name ?? 'x', name: 'x', orgCode: 'V1', villageName: '新桥村', townshipCode: 'T1', birthDate: '1988-01-01', education: 'juniorCollege',
  targetPost: 'secretary', readiness: 'readyNow', lastAnnualGrade: 'competent', recentOpinions: 2, grid: null, policyVerdicts: [], ...changes,
});

describe('rankSuggestions', () => {
  it('puts the own village before the township before the county', () => {
    const ranked = rankSuggestions(POST, [
      candidate({ name: '县', orgCode: 'V9', townshipCode: 'T9', villageName: '远村' }),
      candidate({ name: '镇', orgCode: 'V2', villageName: '石佛村' }),
      candidate({ name: '本' }),
    ], TODAY, DEFAULT_SECRETARY_RULES);
    expect(ranked.map((suggestion) => [suggestion.name, suggestion.proximity])).toEqual([['本', 'ownVillage'], ['镇', 'township'], ['县', 'county']]);
    expect(ranked[0]!.reasons[0]).toEqual({ kind: 'info', text: '本村后备力量（新桥村）' });
  });

  it('fails a 46-year-old against the new-secretary rule of 45 and ranks him after those who pass, saying why', () => {
    const ranked = rankSuggestions(POST, [candidate({ name: '老', birthDate: '1980-11-01' }), candidate({ name: '镇', orgCode: 'V2', villageName: '石佛村' })], TODAY, DEFAULT_SECRETARY_RULES);
    expect(ranked.map((suggestion) => suggestion.name)).toEqual(['镇', '老']);
    expect(ranked[1]!.isEligible).toBe(false);
    expect(ranked[1]!.reasons).toContainEqual({ kind: 'minus', text: '新任书记人选年龄一般不超过 45 周岁，本人 46 岁（以 2026-11-29 计）' });
  });

  it('within a village ranks readiness, then the annual result, and explains both', () => {
    const ranked = rankSuggestions(POST, [
      candidate({ name: '甲', readiness: 'withinTwoYears', lastAnnualGrade: 'excellent' }),
      candidate({ name: '乙', readiness: 'readyNow', lastAnnualGrade: 'basicallyCompetent' }),
      candidate({ name: '丙', readiness: 'readyNow', lastAnnualGrade: 'excellent' }),
    ], TODAY, DEFAULT_SECRETARY_RULES);
    expect(ranked.map((suggestion) => suggestion.name)).toEqual(['丙', '乙', '甲']);
    expect(ranked[1]!.reasons).toContainEqual({ kind: 'minus', text: '最近一次年度考核：基本合格' });
    expect(ranked[2]!.reasons).toContainEqual({ kind: 'info', text: '该村需要成熟型，本人尚需培养' });
  });

  it('checks a committee member against the eligibility policy the caller evaluated', () => {
    const member: SuggestionPost = { ...POST, post: 'member', need: null };
    const ranked = rankSuggestions(member, [candidate({ name: '甲', policyVerdicts: [{ rule: 'politicalStatus', passed: false, explanation: '政治面貌为群众，须为中共党员' }] }), candidate({ name: '乙', orgCode: 'V2' })], TODAY, DEFAULT_SECRETARY_RULES);
    expect(ranked.map((suggestion) => [suggestion.name, suggestion.isEligible])).toEqual([['乙', true], ['甲', false]]);
  });
});
