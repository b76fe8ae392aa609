import { z } from 'zod';
import { calendarDateProblem, parseLooseDate } from '../domain/dates.ts';
import { normalizePersonName, textProblem, type TextKind } from '../domain/text.ts';

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

/** Refuses what a field of that kind may not hold: NUL, lone surrogates, controls, direction marks, line breaks in one line. */
const refuseCharacters = (label: string, kind: TextKind) => (value: string, context: z.RefinementCtx<string>) => {
  const problem = textProblem(value, kind);
  if (problem) context.addIssue({ code: 'custom', message: `${label}${problem}`, input: value });
};

/** Text of one line (titles, places, codes, search terms), trimmed; may be empty. */
export const singleLineText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字符`).superRefine(refuseCharacters(label, 'singleLine'));
/** Text of several lines (opinions, records, notes), trimmed; may be empty. */
export const multiLineText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字符`).superRefine(refuseCharacters(label, 'multiLine'));
/** One line that must be filled in. */
export const requiredLine = (label: string, max: number) => singleLineText(label, max).min(1, `请填写${label}`);
/** Several lines that must be filled in. */
export const requiredParagraph = (label: string, max: number) => multiLineText(label, max).min(1, `请填写${label}`);
/** One line that may be left out or null. */
export const optionalLine = (label: string, max: number) => singleLineText(label, max).nullable().optional();
/** Several lines that may be left out or null. */
export const optionalParagraph = (label: string, max: number) => multiLineText(label, max).nullable().optional();
/** A secret (a password): taken as typed, without NUL or lone surrogates. */
export const secretText = (label: string, max: number) =>
  z.string().max(max, `${label}不能超过 ${max} 个字符`).superRefine(refuseCharacters(label, 'secret'));
/** A person's name: one line, its spaces normalised (「张　三」 is stored as 张三); may be empty. */
const nameText = (label: string, max: number) =>
  z.string().overwrite(normalizePersonName).max(max, `${label}不能超过 ${max} 个字符`).superRefine(refuseCharacters(label, 'singleLine'));
/** A person's name that must be filled in. */
export const personName = (label: string, max = 50) => nameText(label, max).min(1, `请填写${label}`);
/** A person's name that may be left out or null. */
export const optionalPersonName = (label: string, max = 50) => nameText(label, max).nullable().optional();

/** A calendar date 'YYYY-MM-DD': a real day between 1900 and 2100 (2026-02-30 is 「日期不存在」). */
export const ZDate = z.string().superRefine((value, context) => {
  const problem = calendarDateProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem, input: value });
}).meta({ format: 'date', examples: ['2026-03-15'] });

/**
 * A date of a person's file as people type it, month precision enough: 1985.03, 1985-03,
 * 1985年3月, 1985-03-15. Checked again, and stored as 'YYYY-MM-DD', by the person rules.
 */
export const ZTypedDate = singleLineText('日期', 20).superRefine((value, context) => {
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
