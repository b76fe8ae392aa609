/**
 * Which dates can belong to an assessment's period (考核的评定日期):
 * - a quarterly opinion (季度评定) is made from the first day of its quarter to the last day of the
 *   quarter after it (a fourth-quarter opinion may be made until 31 March, as the reminders carry
 *   it over until then);
 * - an annual result (年度考核) from 1 October of its year to 31 March of the next;
 * - a pre-election re-evaluation (换届前再评估) within its election year;
 * - and none after today.
 * Contact logs, summaries and talks carry no period besides their own date (a summary has its
 * quarter but no date), so the rule is for assessments only.
 */
export interface AssessmentPeriod {
  kind: 'quarterly' | 'annual' | 'preElection';
  year: number;
  /** 1–4 for a quarterly opinion. */
  quarter?: number | null | undefined;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day of a month (1–12) of a year, 'YYYY-MM-DD'. */
function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The first and last dates an assessment of this period may carry (before today's limit). */
export function assessmentDateWindow(period: AssessmentPeriod): { from: string; to: string } {
  if (period.kind === 'quarterly') {
    const quarter = period.quarter ?? 1;
    const endMonth = quarter * 3 + 3;
    return {
      from: isoDate(period.year, quarter * 3 - 2, 1),
      to: endMonth > 12 ? lastDayOfMonth(period.year + 1, endMonth - 12) : lastDayOfMonth(period.year, endMonth),
    };
  }
  if (period.kind === 'annual') return { from: isoDate(period.year, 10, 1), to: isoDate(period.year + 1, 3, 31) };
  return { from: isoDate(period.year, 1, 1), to: isoDate(period.year, 12, 31) };
}

/** 「2026 年第 4 季度评定」「2026 年度考核」「2026 年换届前再评估」 */
export function describeAssessmentPeriod(period: AssessmentPeriod): string {
  if (period.kind === 'quarterly') return `${period.year} 年第 ${period.quarter} 季度评定`;
  return period.kind === 'annual' ? `${period.year} 年度考核` : `${period.year} 年换届前再评估`;
}

/** Why an assessment of this period cannot be dated `assessedOn` on `today`, in Chinese; null when it can. */
export function assessmentDateProblem(period: AssessmentPeriod, assessedOn: string, today: string): string | null {
  if (assessedOn > today) return `评定日期 ${assessedOn} 晚于今天`;
  const { from, to } = assessmentDateWindow(period);
  const what = describeAssessmentPeriod(period);
  if (period.kind === 'quarterly') {
    if (assessedOn < from) return `${what}的日期 ${assessedOn} 早于该季度开始（${from}），请填写该季度开始以后的日期`;
    if (assessedOn > to) return `${what}的日期 ${assessedOn} 晚于 ${to}：季度评定应在该季度内或下一季度内作出，请核对日期或季度`;
    return null;
  }
  if (assessedOn >= from && assessedOn <= to) return null;
  return period.kind === 'annual'
    ? `${what}的日期 ${assessedOn} 不在 ${from} 至 ${to} 之间：年度考核在当年第四季度至次年一季度作出，请核对日期或年度`
    : `${what}的日期 ${assessedOn} 不在 ${period.year} 年内，请核对日期或年度`;
}
