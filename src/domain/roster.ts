/**
 * The roster (名册) of seed 002, attachment 1: its exact columns, and how typed cell text maps to
 * dictionary codes.
 */
import { isAmbiguousMonthNumber, parseLooseDate, type LooseDate } from './dates.ts';
import { birthDateInIdNumber } from './id-number.ts';

export const ROSTER_COLUMNS = [
  '序号', '乡镇', '村(社区)', '姓名', '性别', '出生年月', '入党时间', '年龄', '学历', '身份', '身份证号码', '联系电话', '结对干部姓名及职务', '备注',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** Optional columns the import also reads (the export keeps to the seed's columns). */
export const ROSTER_OPTIONAL_COLUMNS = ['政治面貌', '拟任岗位', '成熟度', '是否在外'] as const;
export type RosterOptionalColumn = (typeof ROSTER_OPTIONAL_COLUMNS)[number];

/** Header text as people type it: full-width brackets, spaces and line breaks ignored. */
export function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** Words people write for an education level, beyond the dictionary labels. */
const EDUCATION_SYNONYMS: Record<string, string> = {
  小学: 'primary', 初中: 'juniorHigh', 高中: 'seniorHigh', 中专: 'seniorHigh', 中技: 'seniorHigh', 职高: 'seniorHigh', 技校: 'seniorHigh',
  大专: 'juniorCollege', 专科: 'juniorCollege', 大学专科: 'juniorCollege', 本科: 'bachelor', 大学本科: 'bachelor', 大学: 'bachelor',
  研究生: 'postgraduate', 硕士: 'postgraduate', 硕士研究生: 'postgraduate', 博士: 'postgraduate', 博士研究生: 'postgraduate',
};

const GENDER_WORDS: Record<string, string> = { 男: 'male', 女: 'female' };

/**
 * The code for a cell's text in a dictionary: the label, the code itself, or (for education and
 * gender) a common synonym. Null when nothing matches.
 */
export function codeForText(dictionary: string, text: string, items: readonly { code: string; label: string }[]): string | null {
  const value = text.trim().replace(/\s+/g, '');
  if (!value) return null;
  const byLabel = items.find((item) => item.label.replace(/\s+/g, '') === value || item.code === value);
  if (byLabel) return byLabel.code;
  const synonym = dictionary === 'education' ? EDUCATION_SYNONYMS[value] : dictionary === 'gender' ? GENDER_WORDS[value] : undefined;
  if (synonym && items.some((item) => item.code === synonym)) return synonym;
  return null;
}

/** "王明 镇党委副书记" or "王明（镇党委副书记）" into name and post. */
export function splitMentor(text: string): { mentorName: string | null; mentorPost: string | null } {
  const value = text.trim();
  if (!value) return { mentorName: null, mentorPost: null };
  const bracketed = /^(.+?)[(（](.+)[)）]$/.exec(value);
  if (bracketed) return { mentorName: bracketed[1]!.trim(), mentorPost: bracketed[2]!.trim() };
  const [name, ...rest] = value.split(/[\s,，、/]+/);
  return { mentorName: name ?? null, mentorPost: rest.length > 0 ? rest.join(' ') : null };
}

export function joinMentor(name: string | null, post: string | null): string {
  return [name, post].filter(Boolean).join(' ');
}

/**
 * A date cell of a roster (出生年月, 入党时间) read as a date, or the problem to report. A number
 * cell 1986.1 is what a spreadsheet keeps of both 1986.1 and 1986.10: for 出生年月 the ID number of
 * the row settles the month; elsewhere the cell is refused, asking for text.
 */
export function readRosterDate(value: string | number | Date | null | undefined, label: string, idNumberText = ''): { date: LooseDate | null; problem: string | null } {
  if (value === null || value === undefined || value === '') return { date: null, problem: null };
  if (isAmbiguousMonthNumber(value)) {
    const year = Math.trunc(value);
    const fromId = birthDateInIdNumber(idNumberText);
    const monthFromId = fromId && Number(fromId.slice(0, 4)) === year ? Number(fromId.slice(5, 7)) : null;
    if (monthFromId === 1 || monthFromId === 10) return { date: { year, month: monthFromId, day: null }, problem: null };
    return { date: null, problem: `${label}「${value}」是数字，分不清是 ${year} 年 1 月还是 10 月：请将该列设为「文本」格式，写作 ${year}.01 或 ${year}.10` };
  }
  const date = parseLooseDate(value);
  if (date) return { date, problem: null };
  return { date: null, problem: `${label}「${value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim()}」不是有效日期，可写作 1985.03、1985-03 或 1985年3月` };
}
