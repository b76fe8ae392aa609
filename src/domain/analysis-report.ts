import { halfYearLabel, halfYearRange } from './statistics.ts';

/**
 * The semiannual analysis report (综合分析研判报告, seed 002: 县委组织部每半年进行 1 次综合分析研判):
 * its sections and their default headings (a request may give its own), the half year it covers,
 * how a figure's movement over the half year is said, and which villages it names for attention.
 */

export const ANALYSIS_SECTIONS = ['overview', 'structure', 'coverage', 'cultivation', 'removals', 'appointments', 'campaign', 'attention'] as const;
export type AnalysisSection = (typeof ANALYSIS_SECTIONS)[number];

export const ANALYSIS_SECTION_HEADINGS: Record<AnalysisSection, string> = {
  overview: '一、基本情况',
  structure: '二、队伍结构分析',
  coverage: '三、储备覆盖情况及短板',
  cultivation: '四、培养教育情况',
  removals: '五、动态调整和补充情况',
  appointments: '六、择优使用情况',
  campaign: '七、行动方案推进情况',
  attention: '八、需要重点关注的村',
};

/** The longest heading or title a request may give. */
export const ANALYSIS_HEADING_MAX_LENGTH = 60;

/** The section headings: the request's own where given and not blank, the defaults elsewhere. */
export function analysisHeadings(custom: Partial<Record<AnalysisSection, string>> | undefined): Record<AnalysisSection, string> {
  return Object.fromEntries(ANALYSIS_SECTIONS.map((section) => {
    const given = custom?.[section]?.trim();
    return [section, given ? given : ANALYSIS_SECTION_HEADINGS[section]];
  })) as Record<AnalysisSection, string>;
}

export function defaultAnalysisTitle(unitName: string, year: number, half: 1 | 2): string {
  return `${unitName}${halfYearLabel(year, half)}村级后备力量队伍建设综合分析研判报告`;
}

/**
 * The days a half year's report counts events in: from its first day to its last, or to today for
 * the half year under way. A half year that has not begun has nothing to report.
 */
export function analysisPeriod(year: number, half: 1 | 2, today: string): { from: string; to: string; isComplete: boolean } | { problem: string } {
  const range = halfYearRange(year, half);
  if (range.from > today) return { problem: `${halfYearLabel(year, half)}尚未开始（今天是 ${today}），请选择已开始的半年` };
  return range.to < today ? { ...range, isComplete: true } : { from: range.from, to: today, isComplete: false };
}

/**
 * A figure's movement since the half year's baseline, in words: 「较半年初增加 3 人」. `before` is
 * undefined without a baseline snapshot, null when the snapshot has no value for the figure.
 */
export function describeChange(before: number | null | undefined, now: number | null, unit: string): string {
  if (now === null) return '暂无数据';
  if (before === undefined) return '半年初无统计快照，无法比较';
  if (before === null) return '半年初无此项数据';
  const difference = Math.round((now - before) * 10) / 10;
  if (difference === 0) return '与半年初持平';
  const amount = `${Math.abs(difference)}${unit === '%' ? ' 个百分点' : ` ${unit}`}`;
  return `较半年初${difference > 0 ? '增加' : '减少'} ${amount}`.replace(/ {2,}/g, ' ');
}

/** A share in words, with its parts: 「12 / 20（60%）」. */
export function describeShare(part: number, whole: number): string {
  if (whole === 0) return `${part} / 0`;
  return `${part} / ${whole}（${Math.round((part / whole) * 1000) / 10}%）`;
}

export interface AttentionCandidate {
  orgCode: string;
  name: string;
  townshipName: string;
  /** The coverage rules the village falls short of, in words. */
  shortRules: readonly string[];
  /** The earliest day it has been short of one of them. */
  shortSince: string | null;
  reserves: number;
}

/** Villages named at most in the report; the rest are counted. */
export const ATTENTION_LIST_LIMIT = 50;

/**
 * The villages the report names for attention: those short of a coverage rule, the ones short of
 * the most rules first, then the longest short, then by township and name.
 */
export function villagesNeedingAttention(villages: readonly AttentionCandidate[], limit = ATTENTION_LIST_LIMIT): { listed: AttentionCandidate[]; total: number } {
  const short = villages.filter((village) => village.shortRules.length > 0);
  const sorted = [...short].sort((a, b) => b.shortRules.length - a.shortRules.length
    || (a.shortSince ?? '9999').localeCompare(b.shortSince ?? '9999')
    || a.townshipName.localeCompare(b.townshipName, 'zh-CN')
    || a.name.localeCompare(b.name, 'zh-CN'));
  return { listed: sorted.slice(0, limit), total: short.length };
}
