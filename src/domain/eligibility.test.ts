import { describe, expect, it } from 'vitest';
import { defaultPolicy, evaluateEligibility, evaluateSecretaryCandidate, hasEnoughYoungCandidates, hasYoungReserve, qingshenPreset } from './eligibility.ts';

const policy = defaultPolicy('2026-03-31');
const base = { birthDate: '1985-06-01', politicalStatus: 'fullMember', education: 'juniorCollege', exclusionsFound: [] as const };
const verdict = (result: ReturnType<typeof evaluateEligibility>, rule: string) => result.verdicts.find((item) => item.rule === rule)!;

describe('eligibility engine', () => {
  it('passes a full member with 大专 aged 40, every rule explained', () => {
    const result = evaluateEligibility(base, policy);
    expect(result.isEligible).toBe(true);
    expect(result.verdicts).toHaveLength(3 + 10);
    expect(verdict(result, 'education').explanation).toBe('学历大专，达到大专及以上的要求');
  });

  it('takes 45 on the reference date as within the limit and 46 as over', () => {
    const turns45 = verdict(evaluateEligibility({ ...base, birthDate: '1981-03-31' }, policy), 'age');
    expect(turns45).toEqual({ rule: 'age', passed: true, explanation: '年龄 45 岁，未超过 45 周岁上限（以 2026-03-31 计）' });
    const turns46Tomorrow = verdict(evaluateEligibility({ ...base, birthDate: '1980-04-01' }, policy), 'age');
    expect(turns46Tomorrow.passed).toBe(true);
    const turned46 = verdict(evaluateEligibility({ ...base, birthDate: '1980-03-31' }, policy), 'age');
    expect(turned46).toEqual({ rule: 'age', passed: false, explanation: '年龄 46 岁，超过 45 周岁上限（以 2026-03-31 计）' });
  });

  it('tells 大专 from 中专', () => {
    const result = evaluateEligibility({ ...base, education: 'seniorHigh' }, policy);
    expect(result.isEligible).toBe(false);
    expect(verdict(result, 'education')).toEqual({ rule: 'education', passed: false, explanation: '学历高中（中专），低于大专及以上的要求' });
    expect(verdict(evaluateEligibility({ ...base, education: 'seniorHigh' }, qingshenPreset('2026-03-31')), 'education').passed).toBe(true);
  });

  it('does not take a probationary member (预备党员) for a full member', () => {
    const result = evaluateEligibility({ ...base, politicalStatus: 'probationaryMember' }, policy);
    expect(verdict(result, 'politicalStatus')).toEqual({ rule: 'politicalStatus', passed: false, explanation: '政治面貌为中共预备党员，要求为中共正式党员' });
    expect(evaluateEligibility({ ...base, politicalStatus: 'masses' }, qingshenPreset('2026-03-31')).verdicts.some((item) => item.rule === 'politicalStatus')).toBe(false);
  });

  it('fails on any of the ten exclusions, naming it', () => {
    const result = evaluateEligibility({ ...base, exclusionsFound: ['voteBuying'] }, policy);
    expect(result.isEligible).toBe(false);
    expect(verdict(result, 'exclusion.voteBuying')).toEqual({ rule: 'exclusion.voteBuying', passed: false, explanation: '存在「参与贿选、拉票」情形，不得推荐' });
  });

  it('applies the secretary-candidate limits at election time', () => {
    const continuing = evaluateSecretaryCandidate({ birthDate: '1976-01-01', education: 'juniorHigh' }, { isContinuing: true, electionDate: '2026-01-01' });
    expect(continuing.map((item) => item.passed)).toEqual([true, true]);
    const fresh = evaluateSecretaryCandidate({ birthDate: '1976-01-01', education: 'juniorHigh' }, { isContinuing: false, electionDate: '2026-01-01' });
    expect(fresh.map((item) => item.passed)).toEqual([false, false]);
    expect(fresh[0]!.explanation).toBe('新任书记人选年龄一般不超过 45 周岁，本人 50 岁（以 2026-01-01 计）');
  });

  it('checks the 30 % share of candidates 45 or under, and the young reserve of each village', () => {
    expect(hasEnoughYoungCandidates([40, 50, 52])).toBe(true);
    expect(hasEnoughYoungCandidates([46, 50, 52])).toBe(false);
    expect(hasEnoughYoungCandidates([45, 50, 52, 55, 56, 57, 58, 59, 60, 61])).toBe(false);
    expect(hasEnoughYoungCandidates([44, 45, 50, 52, 55, 56, 57, 58, 59, 60])).toBe(false);
    expect(hasEnoughYoungCandidates([43, 44, 45, 52, 55, 56, 57, 58, 59, 60])).toBe(true);
    expect(hasYoungReserve(['1980-01-01', '1991-03-31'], policy)).toBe(true);
    expect(hasYoungReserve(['1980-01-01', '1990-03-30'], policy)).toBe(false);
  });
});
