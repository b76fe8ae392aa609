import { z } from 'zod';
import { calendarDateProblem, parseLooseDate } from '../domain/dates.ts';

/** Schemas shared by modules: the error body, pages, codes, versions. */
export const ZFieldError = z.object({
  path: z.string().describe('出错的字段，如 body.name、query.page、params.id、body.familyMembers.0.name'),
  message: z.string().describe('该字段的中文错误说明'),
});
export const ZError = z.object({
  code: z.string(),
  message: z.string().describe('一句话说明全部问题；有字段错误时为各字段说明以「；」连接'),
  fieldErrors: z.array(ZFieldError).optional().describe('校验失败时逐字段列出的错误'),
}).meta({ id: 'Error' });

export const ZOrgCode = z.string().regex(/^\d{12}(\d{3})?$/, '组织单位代码应为 12 位统计用区划代码（村民小组为 15 位）');
export const ZUuid = z.uuid('编号格式不正确');
export const ZVersion = z.number().int().min(1).describe('记录版本号，取自读取时的 version；不一致时返回 409');

/** A calendar date 'YYYY-MM-DD': a real day between 1900 and 2100 (2026-02-30 is 「日期不存在」). */
export const ZDate = z.string().superRefine((value, context) => {
  const problem = calendarDateProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem, input: value });
}).meta({ format: 'date', examples: ['2026-03-15'] });

/**
 * A date of a person's file as people type it, month precision enough: 1985.03, 1985-03,
 * 1985年3月, 1985-03-15. Checked again, and stored as 'YYYY-MM-DD', by the person rules.
 */
export const ZTypedDate = z.string().trim().max(20, '日期格式不正确').superRefine((value, context) => {
  if (value === '' || parseLooseDate(value) !== null) return;
  const problem = /^\d{4}-\d{2}-\d{2}$/.test(value) ? calendarDateProblem(value) : null;
  context.addIssue({ code: 'custom', message: problem ?? `「${value}」不是有效日期，可写作 1985.03、1985-03-15 或 1985年3月`, input: value });
}).meta({ format: 'year-month-or-date', examples: ['1985.03', '1985-03-15'] });

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** Standard error responses to declare on every route. */
export const errorResponses = {
  400: ZError,
  401: ZError,
  403: ZError,
  404: ZError,
  409: ZError,
} as const;
