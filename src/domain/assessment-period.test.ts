import { describe, expect, it } from 'vitest';
import { assessmentDateProblem, assessmentDateWindow } from './assessment-period.ts';

const today = '2027-06-30';

describe('assessment dates', () => {
  it('gives each quarter from its first day to the end of the following quarter, the fourth reaching into March', () => {
    expect(assessmentDateWindow({ kind: 'quarterly', year: 2026, quarter: 1 })).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(assessmentDateWindow({ kind: 'quarterly', year: 2026, quarter: 3 })).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(assessmentDateWindow({ kind: 'quarterly', year: 2026, quarter: 4 })).toEqual({ from: '2026-10-01', to: '2027-03-31' });
    expect(assessmentDateWindow({ kind: 'annual', year: 2026 })).toEqual({ from: '2026-10-01', to: '2027-03-31' });
    expect(assessmentDateWindow({ kind: 'preElection', year: 2026 })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('refuses a fourth-quarter opinion dated 1 February of its year, and accepts its first day and next March', () => {
    expect(assessmentDateProblem({ kind: 'quarterly', year: 2026, quarter: 4 }, '2026-02-01', today)).toBe('2026 年第 4 季度评定的日期 2026-02-01 早于该季度开始（2026-10-01），请填写该季度开始以后的日期');
    expect(assessmentDateProblem({ kind: 'quarterly', year: 2026, quarter: 4 }, '2026-09-30', today)).toContain('早于该季度开始');
    expect(assessmentDateProblem({ kind: 'quarterly', year: 2026, quarter: 4 }, '2026-10-01', today)).toBeNull();
    expect(assessmentDateProblem({ kind: 'quarterly', year: 2026, quarter: 4 }, '2027-03-31', today)).toBeNull();
    expect(assessmentDateProblem({ kind: 'quarterly', year: 2026, quarter: 4 }, '2027-04-01', today)).toBe('2026 年第 4 季度评定的日期 2027-04-01 晚于 2027-03-31：季度评定应在该季度内或下一季度内作出，请核对日期或季度');
  });

  it('refuses a quarterly opinion after the following quarter and any date after today', () => {
    expect(assessmentDateProblem({ kind: 'quarterly', year: 2026, quarter: 2 }, '2026-09-30', today)).toBeNull();
    expect(assessmentDateProblem({ kind: 'quarterly', year: 2026, quarter: 2 }, '2026-10-01', today)).toContain('晚于 2026-09-30');
    expect(assessmentDateProblem({ kind: 'quarterly', year: 2027, quarter: 2 }, '2027-07-01', today)).toBe('评定日期 2027-07-01 晚于今天');
  });

  it('keeps an annual result between 1 October and the next 31 March, a re-evaluation within its year', () => {
    expect(assessmentDateProblem({ kind: 'annual', year: 2026 }, '2026-12-28', today)).toBeNull();
    expect(assessmentDateProblem({ kind: 'annual', year: 2026 }, '2027-03-31', today)).toBeNull();
    expect(assessmentDateProblem({ kind: 'annual', year: 2026 }, '2026-09-30', today)).toBe('2026 年度考核的日期 2026-09-30 不在 2026-10-01 至 2027-03-31 之间：年度考核在当年第四季度至次年一季度作出，请核对日期或年度');
    expect(assessmentDateProblem({ kind: 'annual', year: 2025 }, '2027-01-10', today)).toContain('不在 2025-10-01 至 2026-03-31 之间');
    expect(assessmentDateProblem({ kind: 'preElection', year: 2026 }, '2026-01-01', today)).toBeNull();
    expect(assessmentDateProblem({ kind: 'preElection', year: 2026 }, '2025-12-31', today)).toBe('2026 年换届前再评估的日期 2025-12-31 不在 2026 年内，请核对日期或年度');
  });
});
