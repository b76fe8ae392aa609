import { describe, expect, it } from 'vitest';
import { computeGridPosition } from './cultivation-grid.ts';

const base = { annualGrades: [], quarterlyGrades: [], preElectionGrade: null, age: 40, education: 'seniorHigh' };

describe('talent grid position', () => {
  it('takes performance from the latest annual result and potential from age and education', () => {
    expect(computeGridPosition({ ...base, annualGrades: ['excellent', 'competent'], age: 35, education: 'bachelor' })).toMatchObject({ performance: 3, potential: 3, readiness: 'readyNow' });
    expect(computeGridPosition({ ...base, annualGrades: ['competent'], age: 36 })).toMatchObject({ performance: 2, potential: 1, readiness: 'withinTwoYears' });
    expect(computeGridPosition({ ...base, annualGrades: ['basicallyCompetent'], age: 30 })).toMatchObject({ performance: 1, potential: 2, readiness: 'longer' });
  });

  it('prefers the pre-election re-evaluation, then averages quarterly grades, else assumes the middle', () => {
    expect(computeGridPosition({ ...base, annualGrades: ['incompetent'], preElectionGrade: 'excellent', age: 30 })).toMatchObject({ performance: 3, readiness: 'readyNow' });
    expect(computeGridPosition({ ...base, quarterlyGrades: ['excellent', 'excellent', 'competent', 'excellent'] }).performance).toBe(3);
    expect(computeGridPosition({ ...base, quarterlyGrades: ['competent', 'basicallyCompetent'] }).performance).toBe(2);
    expect(computeGridPosition(base)).toMatchObject({ performance: 2, potential: 1, basis: expect.stringContaining('尚无考核结果') });
  });

  it('raises potential after two excellent years in a row, capped at 3', () => {
    expect(computeGridPosition({ ...base, annualGrades: ['excellent', 'excellent'] }).potential).toBe(2);
    expect(computeGridPosition({ ...base, annualGrades: ['excellent', 'excellent'], age: 30, education: 'bachelor' }).potential).toBe(3);
  });
});
