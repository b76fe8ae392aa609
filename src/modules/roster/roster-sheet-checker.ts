import { splitMentor } from '../../domain/roster.ts';
import type { CheckedPerson } from '../../domain/person-rules.ts';
import { createDictionaryReader, createPersonCellsChecker, createVillageResolver, textAt, type ImportProblem, type SheetCheckFacts } from './sheet-rows.ts';
import { findGridHeader, type GridRow, type GridSheet } from './spreadsheet.ts';

export type { ImportProblem } from './sheet-rows.ts';

/**
 * The check of a roster or ledger sheet, row by row and cell by cell, against the target unit,
 * its villages and the dictionaries: pure (what it needs from the database is passed in), so it is
 * unit-tested without one. The same rules as the forms (checkPerson).
 */

export const REQUIRED_COLUMNS = ['姓名', '身份证号码'] as const;

/** Columns of which at least one must be filled for a row to count (others may hold merged or leftover values). */
const MEANINGFUL_COLUMNS = ['姓名', '身份证号码', '乡镇', '村(社区)', '联系电话'];

/** A roster makes reserves (and their ledger entries); a talent ledger only ledger entries. */
export type ImportKind = 'roster' | 'ledger';

export interface ParsedRow {
  row: number;
  orgCode: string;
  /** The checked person in plain text: encrypted only when written. */
  person: CheckedPerson;
  /** The ID number's blind index, to find the person already stored. */
  idNumberHash: string;
  isAway: boolean;
  reserve: { targetPost: string; readiness: string; sourceCategory: string; mentorName: string | null; mentorPost: string | null; notes: string | null };
}

/** A roster sheet ready to be checked row by row against the target unit and the dictionaries. */
export interface RosterSheet {
  /** The rows below the header, in order. */
  dataRows: GridRow[];
  headerRow: number;
  columns: ReadonlyMap<string, number>;
  /** Checks one row: null for a blank row, else the row ready to write or its problems. */
  checkRow(row: GridRow): { parsed: ParsedRow | null; problems: ImportProblem[] } | null;
}

/** What the check needs to know: the target unit, the villages under it, the dictionaries, the date. */
export type RosterCheckFacts = SheetCheckFacts;

/** Finds the header of the sheets and prepares the check of every row below it. */
export function createRosterChecker(sheets: readonly GridSheet[], facts: RosterCheckFacts): RosterSheet {
  const { target, villages, items, today, hashOf, isKnownRegion } = facts;
  const resolveVillage = createVillageResolver(target, villages);
  const dictionaryCell = createDictionaryReader(items);
  const { rows: sheetRows, headerRow, columns } = findGridHeader(sheets, REQUIRED_COLUMNS);
  const checkPersonCells = createPersonCellsChecker(columns, { items, today, isKnownRegion });
  const seenIdNumbers = new Map<string, number>();
  const sourceColumn = columns.has('来源类别') ? '来源类别' : '身份';

  // Column numbers, looked up once; a column the sheet does not have reads as empty.
  const at = (column: string) => columns.get(column);
  const column = {
    township: at('乡镇'), village: at('村(社区)'), sourceCategory: at(sourceColumn), away: at('是否在外'),
    targetPost: at('拟任岗位'), readiness: at('成熟度'), mentor: at('结对干部姓名及职务'), notes: at('备注'),
  };
  const meaningfulColumns = MEANINGFUL_COLUMNS.map(at).filter((index) => index !== undefined);

  function checkRow({ row: rowNumber, cells }: GridRow): { parsed: ParsedRow | null; problems: ImportProblem[] } | null {
    if (!meaningfulColumns.some((index) => textAt(cells, index) !== '')) return null;
    const rowProblems: ImportProblem[] = [];
    // The village the row belongs to, which must lie under the target unit.
    const village = resolveVillage(textAt(cells, column.township), textAt(cells, column.village), rowNumber, rowProblems);
    const { person, education } = checkPersonCells(cells, rowNumber, rowProblems);
    const sourceCategory = dictionaryCell(cells, column.sourceCategory, sourceColumn, 'sourceCategory', '身份（来源类别）', true, rowProblems, rowNumber);
    const awayText = textAt(cells, column.away);
    if (awayText && awayText !== '是' && awayText !== '否') rowProblems.push({ row: rowNumber, column: '是否在外', message: '是否在外应填「是」或「否」' });
    const targetPost = dictionaryCell(cells, column.targetPost, '拟任岗位', 'targetPost', '拟任岗位', false, rowProblems, rowNumber) ?? 'committeeMember';
    const readiness = dictionaryCell(cells, column.readiness, '成熟度', 'readiness', '成熟度', false, rowProblems, rowNumber) ?? 'withinTwoYears';
    if (person) {
      const previous = seenIdNumbers.get(person.idNumber);
      if (previous !== undefined) rowProblems.push({ row: rowNumber, column: '身份证号码', message: `与第 ${previous} 行的身份证号码重复` });
      else seenIdNumbers.set(person.idNumber, rowNumber);
    }
    if (rowProblems.length > 0 || !person || !village || !education || !sourceCategory) return { parsed: null, problems: rowProblems };
    const mentor = splitMentor(textAt(cells, column.mentor));
    return {
      parsed: {
        row: rowNumber,
        orgCode: village.code,
        person,
        idNumberHash: hashOf(person.idNumber),
        isAway: awayText === '是' || person.isLivingAway === true,
        reserve: { targetPost, readiness, sourceCategory, ...mentor, notes: textAt(cells, column.notes) || null },
      },
      problems: NO_PROBLEMS,
    };
  }

  return { dataRows: sheetRows.filter((row) => row.row > headerRow), headerRow, columns, checkRow };
}

const NO_PROBLEMS: ImportProblem[] = [];

/** The problem of a sheet with a header and no data rows. */
export const noDataRows = (headerRow: number): ImportProblem => ({ row: headerRow + 1, column: '姓名', message: '表格中没有数据行' });

