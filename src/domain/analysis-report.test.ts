import { describe, expect, it } from 'vitest';
import {
  ANALYSIS_SECTION_HEADINGS, analysisHeadings, analysisPeriod, defaultAnalysisTitle, describeChange, describeShare, villagesNeedingAttention,
} from './analysis-report.ts';

describe('analysis report rules', () => {
  it('keeps the default heading of a section the request leaves out or blank', () => {
    const headings = analysisHeadings({ overview: '  一、总体情况 ', coverage: '   ' });
    expect(headings.overview).toBe('一、总体情况');
    expect(headings.coverage).toBe(ANALYSIS_SECTION_HEADINGS.coverage);
    expect(headings.attention).toBe('八、需要重点关注的村');
    expect(analysisHeadings(undefined)).toEqual(ANALYSIS_SECTION_HEADINGS);
  });

  it('counts a finished half year to its last day, the current one to today, and refuses one not begun', () => {
    expect(analysisPeriod(2026, 1, '2026-11-20')).toEqual({ from: '2026-01-01', to: '2026-06-30', isComplete: true });
    expect(analysisPeriod(2026, 2, '2026-11-20')).toEqual({ from: '2026-07-01', to: '2026-11-20', isComplete: false });
    expect(analysisPeriod(2026, 2, '2026-07-01')).toEqual({ from: '2026-07-01', to: '2026-07-01', isComplete: false });
    expect(analysisPeriod(2026, 2, '2026-06-30')).toEqual({ problem: '2026 年下半年尚未开始（今天是 2026-06-30），请选择已开始的半年' });
    // The last day of a half year is still under way, not complete.
    expect(analysisPeriod(2026, 1, '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-06-30', isComplete: false });
  });

  it('says a change in the figure\'s unit, percentages in points, and why it cannot compare', () => {
    expect(describeChange(1, 4, '人')).toBe('较半年初增加 3 人');
    expect(describeChange(60, 55.5, '%')).toBe('较半年初减少 4.5 个百分点');
    expect(describeChange(7, 7, '个')).toBe('与半年初持平');
    expect(describeChange(undefined, 7, '个')).toBe('半年初无统计快照，无法比较');
    expect(describeChange(null, 7, '个')).toBe('半年初无此项数据');
    expect(describeChange(3, null, '个')).toBe('暂无数据');
  });

  it('writes a share with its parts', () => {
    expect(describeShare(12, 20)).toBe('12 / 20（60%）');
    expect(describeShare(1, 3)).toBe('1 / 3（33.3%）');
    expect(describeShare(0, 0)).toBe('0 / 0');
  });

  it('names the villages short of the most rules first, then the longest short', () => {
    const village = (name: string, shortRules: string[], shortSince: string | null) => ({ orgCode: name, name, townshipName: '甲镇', shortRules, shortSince, reserves: 0 });
    const { listed, total } = villagesNeedingAttention([
      village('一村', ['不少于 2 名'], '2026-03-01'),
      village('二村', [], null),
      village('三村', ['不少于 2 名', '35 岁以下'], '2026-09-01'),
      village('四村', ['35 岁以下'], '2026-01-15'),
    ], 2);
    expect(total).toBe(3);
    expect(listed.map((entry) => entry.name)).toEqual(['三村', '四村']);
  });

  it('titles the report after the unit and the half year', () => {
    expect(defaultAnalysisTitle('青神县', 2026, 1)).toBe('青神县2026 年上半年村级后备力量队伍建设综合分析研判报告');
  });
});
