import { COMMITTEE_LABELS, COMMITTEES, POST_LABELS, isHeadPost, postLabel, postProblem, type Committee, type Post } from '../../domain/committee.ts';
import { futureDateProblem, toIsoDate } from '../../domain/dates.ts';
import type { CheckedPerson } from '../../domain/person-rules.ts';
import { readRosterDate } from '../../domain/roster.ts';
import { createPersonCellsChecker, createVillageResolver, rawAt, textAt, type ImportProblem, type SheetCheckFacts } from '../roster/sheet-rows.ts';
import { findGridHeader, type GridRow, type GridSheet } from '../roster/spreadsheet.ts';

/**
 * The check of a sheet of 两委 rosters (and 村务监督委员会), row by row and cell by cell: the village
 * under the target unit and the person's columns as in the reserve roster (sheet-rows.ts), then the
 * committee, the post (postProblem), the term and the start date; within the file, a head post
 * (书记, 主任) held by two people of one village, or one person twice on one committee, is refused
 * naming both rows. Pure: what it needs from the database is passed in.
 */

/** The columns of the 两委 roster, as the template and the export write them. */
export const COMMITTEE_SHEET_COLUMNS = [
  '序号', '乡镇', '村(社区)', '姓名', '身份证号码', '性别', '出生年月', '学历', '政治面貌', '入党时间', '联系电话', '组织', '职务', '届别', '任职日期',
] as const;

export const COMMITTEE_REQUIRED_COLUMNS = ['姓名', '身份证号码', '组织', '职务'] as const;

/** What the 组织 column holds: the committees' names, short and long. */
export const COMMITTEE_SHEET_LABELS: Record<Committee, string> = { party: '党组织委员会', villagers: '村民委员会', supervision: '村务监督委员会' };

const COMMITTEE_WORDS: Record<string, Committee> = {
  党组织委员会: 'party', 村党组织委员会: 'party', 党支部委员会: 'party', 村党支部委员会: 'party', 党委: 'party', 村党委: 'party', 党总支: 'party', 支委会: 'party',
  村民委员会: 'villagers', 村委会: 'villagers', 居民委员会: 'villagers', 居委会: 'villagers', 社区居民委员会: 'villagers',
  村务监督委员会: 'supervision', 监委会: 'supervision', 村监委: 'supervision',
};

/** What the 职务 column holds. 主任 of the 村务监督委员会 is its chair. */
export const POST_WORDS = ['书记', '副书记', '主任', '副主任', '委员'] as const;
const POST_FROM_WORD: Record<(typeof POST_WORDS)[number], Post> = { 书记: 'secretary', 副书记: 'deputySecretary', 主任: 'director', 副主任: 'deputyDirector', 委员: 'member' };

/** The 职务 text of a post as the sheet writes it. */
export function postWord(post: Post): string {
  return POST_LABELS[post];
}

const MEANINGFUL_COLUMNS = ['姓名', '身份证号码', '乡镇', '村(社区)', '组织', '职务'];

export interface CommitteeRow {
  row: number;
  orgCode: string;
  villageName: string;
  person: CheckedPerson;
  idNumberHash: string;
  committee: Committee;
  post: Post;
  termYear: number;
  startedOn: string;
}

export interface CommitteeSheet {
  dataRows: GridRow[];
  headerRow: number;
  columns: ReadonlyMap<string, number>;
  /** Checks one row: null for a blank row, else the row ready to seat or its problems. */
  checkRow(row: GridRow): { parsed: CommitteeRow | null; problems: ImportProblem[] } | null;
}

/** Finds the header of the sheets and prepares the check of every row below it. */
export function createCommitteeChecker(sheets: readonly GridSheet[], facts: SheetCheckFacts): CommitteeSheet {
  const { target, villages, items, today, hashOf, isKnownRegion } = facts;
  const resolveVillage = createVillageResolver(target, villages);
  const { rows: sheetRows, headerRow, columns } = findGridHeader(sheets, COMMITTEE_REQUIRED_COLUMNS);
  const checkPersonCells = createPersonCellsChecker(columns, { items, today, isKnownRegion });
  const at = (column: string) => columns.get(column);
  const column = { township: at('乡镇'), village: at('村(社区)'), committee: at('组织'), post: at('职务'), term: at('届别'), started: at('任职日期') };
  const meaningfulColumns = MEANINGFUL_COLUMNS.map(at).filter((index) => index !== undefined);
  const thisYear = Number(today.slice(0, 4));
  // Seats taken by earlier rows: head posts by village and committee, people by village, committee and ID number.
  const headHolders = new Map<string, { row: number; name: string }>();
  const seatedPeople = new Map<string, number>();
  const namesById = new Map<string, { row: number; name: string }>();

  function readCommittee(cells: GridRow['cells'], rowNumber: number, problems: ImportProblem[]): Committee | null {
    const text = textAt(cells, column.committee).replace(/\s+/g, '');
    if (!text) {
      problems.push({ row: rowNumber, column: '组织', message: `请填写组织：${COMMITTEES.map((item) => COMMITTEE_SHEET_LABELS[item]).join('、')}` });
      return null;
    }
    const committee = COMMITTEE_WORDS[text];
    if (!committee) problems.push({ row: rowNumber, column: '组织', message: `组织「${text}」无法识别，可填：${COMMITTEES.map((item) => COMMITTEE_SHEET_LABELS[item]).join('、')}` });
    return committee ?? null;
  }

  function readPost(cells: GridRow['cells'], committee: Committee | null, rowNumber: number, problems: ImportProblem[]): Post | null {
    let text = textAt(cells, column.post).replace(/\s+/g, '');
    if (!text) {
      problems.push({ row: rowNumber, column: '职务', message: `请填写职务：${POST_WORDS.join('、')}` });
      return null;
    }
    // 「村党组织书记」「村委会主任」: the committee's name before the post is allowed.
    if (committee) for (const [word, named] of Object.entries(COMMITTEE_WORDS)) if (named === committee && text.startsWith(word) && text.length > word.length) text = text.slice(word.length);
    const word = POST_WORDS.find((item) => item === text);
    if (!word) {
      problems.push({ row: rowNumber, column: '职务', message: `职务「${text}」无法识别，可填：${POST_WORDS.join('、')}` });
      return null;
    }
    if (!committee) return null;
    const post = committee === 'supervision' && word === '主任' ? 'chair' : POST_FROM_WORD[word];
    const problem = postProblem(committee, post);
    if (problem) {
      problems.push({ row: rowNumber, column: '职务', message: problem });
      return null;
    }
    return post;
  }

  function readTerm(cells: GridRow['cells'], rowNumber: number, problems: ImportProblem[]): number | null {
    const text = textAt(cells, column.term).replace(/\s+/g, '');
    if (!text) {
      problems.push({ row: rowNumber, column: '届别', message: '请填写届别，即换届选举的年份，如 2021' });
      return null;
    }
    const match = /^(\d{4})(?:年)?(?:届|换届)?$/.exec(text);
    const year = match ? Number(match[1]) : NaN;
    if (!match || year < 1990 || year > thisYear) {
      problems.push({ row: rowNumber, column: '届别', message: `届别「${text}」应为换届选举的年份（1990–${thisYear}），如 2021` });
      return null;
    }
    return year;
  }

  function readStart(cells: GridRow['cells'], termYear: number | null, rowNumber: number, problems: ImportProblem[]): string | null {
    const value = rawAt(cells, column.started);
    if (value === null || value === '') {
      problems.push({ row: rowNumber, column: '任职日期', message: '请填写任职日期，如 2021.03.15' });
      return null;
    }
    const { date, problem } = readRosterDate(value, '任职日期');
    if (problem || !date) {
      problems.push({ row: rowNumber, column: '任职日期', message: problem ?? `任职日期「${String(value)}」不是有效日期，可写作 2021.03.15` });
      return null;
    }
    if (date.day === null) {
      problems.push({ row: rowNumber, column: '任职日期', message: `任职日期须写到日，如 ${date.year}.${String(date.month).padStart(2, '0')}.15` });
      return null;
    }
    const startedOn = toIsoDate(date);
    const future = futureDateProblem('任职日期', startedOn, today);
    if (future) problems.push({ row: rowNumber, column: '任职日期', message: future });
    else if (termYear !== null && date.year < termYear) problems.push({ row: rowNumber, column: '任职日期', message: `任职日期（${startedOn}）早于届别 ${termYear} 年：请核对届别或任职日期` });
    else return startedOn;
    return null;
  }

  function checkRow({ row: rowNumber, cells }: GridRow): { parsed: CommitteeRow | null; problems: ImportProblem[] } | null {
    if (!meaningfulColumns.some((index) => textAt(cells, index) !== '')) return null;
    const problems: ImportProblem[] = [];
    const village = resolveVillage(textAt(cells, column.township), textAt(cells, column.village), rowNumber, problems);
    const { person } = checkPersonCells(cells, rowNumber, problems);
    const committee = readCommittee(cells, rowNumber, problems);
    const post = readPost(cells, committee, rowNumber, problems);
    const termYear = readTerm(cells, rowNumber, problems);
    const startedOn = readStart(cells, termYear, rowNumber, problems);

    if (person) {
      const named = namesById.get(person.idNumber);
      if (named && named.name !== person.name) problems.push({ row: rowNumber, column: '姓名', message: `与第 ${named.row} 行身份证号码相同，姓名却是「${named.name}」：请核对` });
      else if (!named) namesById.set(person.idNumber, { row: rowNumber, name: person.name });
    }
    if (village && committee && post) {
      const label = `「${village.name}」${postLabel(committee, post)}`;
      if (person) {
        const personKey = `${village.code}/${committee}/${person.idNumber}`;
        const previous = seatedPeople.get(personKey);
        if (previous !== undefined) problems.push({ row: rowNumber, column: '姓名', message: `${person.name}在第 ${previous} 行已是「${village.name}」${COMMITTEE_LABELS[committee]}成员，同一人在一个委员会只任一职` });
        else seatedPeople.set(personKey, rowNumber);
      }
      if (isHeadPost(post)) {
        const headKey = `${village.code}/${committee}/${post}`;
        const holder = headHolders.get(headKey);
        if (holder) problems.push({ row: rowNumber, column: '职务', message: `${label}只能有一人，第 ${holder.row} 行（${holder.name}）和本行都填了该职务` });
        else headHolders.set(headKey, { row: rowNumber, name: person?.name ?? textAt(cells, at('姓名')) });
      }
    }
    if (problems.length > 0 || !village || !person || !committee || !post || termYear === null || !startedOn) return { parsed: null, problems };
    return {
      parsed: { row: rowNumber, orgCode: village.code, villageName: village.name, person, idNumberHash: hashOf(person.idNumber), committee, post, termYear, startedOn },
      problems,
    };
  }

  return { dataRows: sheetRows.filter((row) => row.row > headerRow), headerRow, columns, checkRow };
}
