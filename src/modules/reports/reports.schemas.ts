import { z } from 'zod';
import { ZDate, ZVersion } from '../../server/schemas.ts';

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
