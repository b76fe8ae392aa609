import { z } from 'zod';
import { ZOrgCode } from '../../server/schemas.ts';

/** Zod schemas of the record form (纪实表) routes. */
const ZYear = z.coerce.number().int('年度应为整数，如 2026').min(2000, '年度应在 2000 至 2100 之间').max(2100, '年度应在 2000 至 2100 之间')
  .describe('年度（YYYY），默认为今年');
const ZFormat = z.enum(['docx', 'pdf'], '格式只能是 docx（Word）或 pdf').default('docx').describe('文件格式：docx（Word，可编辑）或 pdf（打印用）');
const ZIncludeSensitive = z.enum(['true', 'false'], 'includeSensitive 只能是 true 或 false').transform((value) => value === 'true').optional()
  .describe('true：打印完整身份证号码和联系电话（须有查看权限，逐人记入操作日志）；默认打印脱敏号码');

export const ZRecordFormQuery = z.strictObject({ year: ZYear.optional(), format: ZFormat, includeSensitive: ZIncludeSensitive });
export const ZRecordFormBatchQuery = z.strictObject({
  orgCode: ZOrgCode.describe('乡镇或村（社区）的单位代码：导出其全部在库后备力量的纪实表'),
  year: ZYear.optional(),
  format: ZFormat,
  includeSensitive: ZIncludeSensitive,
});
export type TRecordFormQuery = z.infer<typeof ZRecordFormQuery>;
