import { z } from 'zod';
import { ANALYSIS_HEADING_MAX_LENGTH, ANALYSIS_SECTION_HEADINGS, ANALYSIS_SECTIONS } from '../../domain/analysis-report.ts';
import { singleLineText, ZDate, ZVersion } from '../../server/schemas.ts';

export const ZReportYear = z.coerce.number({ error: '年度应为数字' }).int('年度应为整数').min(2000, '年度不能早于 2000 年').max(2100, '年度不能晚于 2100 年');

export const ZFileSummaryTable = z.strictObject({
  year: ZReportYear,
  filedOn: ZDate.describe('报备日期'),
  version: ZVersion.nullable().describe('首次报备为 null；重新报备时为已报备记录的版本号'),
});

export const ZSummaryFiling = z.object({
  id: z.string(), orgCode: z.string(), year: z.number().int(), filedOn: z.string(), filedBy: z.string(),
  totals: z.record(z.string(), z.number()).describe('报备时的合计数'), version: z.number().int(),
});

export const ZSummaryFilingList = z.object({
  orgCode: z.string(), year: z.number().int(),
  units: z.array(z.object({ orgCode: z.string(), name: z.string(), level: z.string(), filing: ZSummaryFiling.nullable() })),
});

const ZHeading = singleLineText('标题', ANALYSIS_HEADING_MAX_LENGTH);

export const ZAnalysisReportRequest = z.strictObject({
  year: ZReportYear.describe('年度'),
  half: z.union([z.literal(1), z.literal(2)], { error: '半年只能是 1（上半年）或 2（下半年）' }).describe('1：上半年；2：下半年'),
  format: z.enum(['docx', 'pdf'], '格式只能是 docx（Word）或 pdf').default('docx').describe('文件格式：docx（Word，可编辑）或 pdf'),
  title: ZHeading.optional().describe('报告标题；不填或留空时为「单位＋半年＋村级后备力量队伍建设综合分析研判报告」'),
  headings: z.strictObject(Object.fromEntries(ANALYSIS_SECTIONS.map((section) => [section, ZHeading.optional().describe(`默认「${ANALYSIS_SECTION_HEADINGS[section]}」`)])) as Record<(typeof ANALYSIS_SECTIONS)[number], z.ZodOptional<typeof ZHeading>>)
    .optional().describe('各部分标题；不填或留空的部分用默认标题'),
});
export type TAnalysisReportRequest = z.infer<typeof ZAnalysisReportRequest>;
