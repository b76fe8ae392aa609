import { describe, expect, it } from 'vitest';
import { adjustmentReasons, removalActionProblem } from './removal.ts';

describe('removal steps', () => {
  it('lets the township decide a proposal and the county file an approved one', () => {
    expect(removalActionProblem('proposed', 'approve')).toBeNull();
    expect(removalActionProblem('proposed', 'refuse')).toBeNull();
    expect(removalActionProblem('approved', 'file')).toBeNull();
  });

  it('refuses filing before approval, and deciding twice', () => {
    expect(removalActionProblem('proposed', 'file')).toBe('乡镇党委尚未审批，不能备案');
    expect(removalActionProblem('approved', 'approve')).toBe('该调整建议已批准，待县备案，不能审批同意调整');
    expect(removalActionProblem('refused', 'file')).toBe('该调整建议未批准，不能备案');
  });
});

describe('adjustmentReasons (建议调整)', () => {
  it('suggests a reserve whose newest annual result is 不合格, who was 基本合格 twice, or who fails the policy', () => {
    expect(adjustmentReasons({ annualGrades: ['incompetent', 'competent'], failedRules: [] })).toEqual(['最近一次年度考核不合格']);
    expect(adjustmentReasons({ annualGrades: ['basicallyCompetent', 'competent', 'basicallyCompetent'], failedRules: [] })).toEqual(['年度考核 2 次基本合格']);
    expect(adjustmentReasons({ annualGrades: [], failedRules: ['年龄 46 岁，超过 45 周岁上限'] })).toEqual(['已不符合资格条件：年龄 46 岁，超过 45 周岁上限']);
  });

  it('suggests nobody for one 基本合格 or an older 不合格 followed by a pass', () => {
    expect(adjustmentReasons({ annualGrades: ['basicallyCompetent', 'competent'], failedRules: [] })).toEqual([]);
    expect(adjustmentReasons({ annualGrades: ['competent', 'incompetent'], failedRules: [] })).toEqual([]);
  });
});
