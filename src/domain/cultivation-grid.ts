/**
 * The talent-review grid (performance × potential, 3×3) and readiness of a reserve, computed from
 * assessments, age and education; a township may override it with a reason.
 */
export type GridLevel = 1 | 2 | 3;
export type Readiness = 'readyNow' | 'withinTwoYears' | 'longer';

export interface GridInput {
  /** Annual results, newest first ('excellent' | 'competent' | 'basicallyCompetent' | 'incompetent'). */
  annualGrades: readonly string[];
  /** Grades of the year's quarterly opinions (township and village), any order. */
  quarterlyGrades: readonly string[];
  /** The latest pre-election re-evaluation grade, if any. */
  preElectionGrade: string | null;
  age: number;
  /** Education code of the person (dictionary education). */
  education: string;
}

const GRADE_POINTS: Record<string, GridLevel> = { excellent: 3, competent: 2, basicallyCompetent: 1, incompetent: 1 };
const HIGHER_EDUCATION = new Set(['juniorCollege', 'bachelor', 'postgraduate']);

/** Age up to which a reserve counts as young (seeds: each village needs one aged 35 or under). */
export const YOUNG_AGE = 35;

export function computeGridPosition(input: GridInput): { performance: GridLevel; potential: GridLevel; readiness: Readiness; basis: string } {
  const reasons: string[] = [];
  let performance: GridLevel;
  const latestAnnual = input.annualGrades[0];
  const graded = input.quarterlyGrades.filter((grade) => grade in GRADE_POINTS);
  if (input.preElectionGrade && input.preElectionGrade in GRADE_POINTS) {
    performance = GRADE_POINTS[input.preElectionGrade]!;
    reasons.push('业绩取换届前再评估');
  } else if (latestAnnual && latestAnnual in GRADE_POINTS) {
    performance = GRADE_POINTS[latestAnnual]!;
    reasons.push('业绩取最近一次年度考核');
  } else if (graded.length > 0) {
    const average = graded.reduce((total, grade) => total + GRADE_POINTS[grade]!, 0) / graded.length;
    performance = average >= 2.5 ? 3 : average >= 1.5 ? 2 : 1;
    reasons.push(`业绩取本年 ${graded.length} 次季度评定的平均`);
  } else {
    performance = 2;
    reasons.push('尚无考核结果，业绩暂按中等');
  }
  let potential = 1;
  if (input.age <= YOUNG_AGE) potential += 1;
  if (HIGHER_EDUCATION.has(input.education)) potential += 1;
  // Two excellent annual results in a row show growth beyond age and education.
  if (potential < 3 && input.annualGrades.length >= 2 && input.annualGrades[0] === 'excellent' && input.annualGrades[1] === 'excellent') potential += 1;
  reasons.push(`潜力依年龄（${input.age} 岁）和学历`);
  const readiness: Readiness = performance === 3 && potential >= 2 ? 'readyNow' : performance >= 2 ? 'withinTwoYears' : 'longer';
  return { performance, potential: potential as GridLevel, readiness, basis: reasons.join('；') };
}
