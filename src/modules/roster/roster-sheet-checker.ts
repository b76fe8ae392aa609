import { toIsoDate } from '../../domain/dates.ts';
import { villageUnitFromCommitteeName } from '../../domain/org-code.ts';
import { checkPerson, type CheckedPerson, type PersonInput } from '../../domain/person-rules.ts';
import { codeForText, readRosterDate, splitMentor } from '../../domain/roster.ts';
import type { DictionaryName } from '../../domain/dictionaries.ts';
import { findGridHeader, gridText, type GridRow, type GridSheet, type GridValue } from './spreadsheet.ts';

/**
 * The check of a roster or ledger sheet, row by row and cell by cell, against the target unit,
 * its villages and the dictionaries: pure (what it needs from the database is passed in), so it is
 * unit-tested without one. The same rules as the forms (checkPerson).
 */

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export const REQUIRED_COLUMNS = ['姓名', '身份证号码'] as const;

const PERSON_FIELD_COLUMNS: Partial<Record<keyof PersonInput, string>> = {
  name: '姓名', gender: '性别', birthDate: '出生年月', idNumber: '身份证号码', phone: '联系电话', partyJoinDate: '入党时间',
  education: '学历', politicalStatus: '政治面貌',
};

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
export interface RosterCheckFacts {
  target: { code: string; level: string; fullName: string };
  villages: readonly { code: string; name: string; townshipName: string }[];
  items: Record<DictionaryName, readonly { code: string; label: string }[]>;
  /** The date ages and dates are checked against, 'YYYY-MM-DD'. */
  today: string;
  /** Whether a 6-digit region code of an ID number exists. */
  isKnownRegion: (code: string) => boolean;
  /** The blind index of an ID number, to find the person already stored. */
  hashOf: (idNumber: string) => string;
}

/** Finds the header of the sheets and prepares the check of every row below it. */
export function createRosterChecker(sheets: readonly GridSheet[], facts: RosterCheckFacts): RosterSheet {
  const { target, villages, items, today, hashOf, isKnownRegion } = facts;
  const isVillageTarget = target.level === 'village' || target.level === 'community';
  const targetVillage = isVillageTarget ? villages.find((unit) => unit.code === target.code) : undefined;
  const villagesByName = new Map<string, typeof villages>();
  for (const unit of villages) villagesByName.set(unit.name, [...(villagesByName.get(unit.name) ?? []), unit]);
  const dictionaryCodes = Object.fromEntries(Object.entries(items).map(([name, list]) => [name, new Set(list.map((item) => item.code))])) as Record<keyof typeof items, Set<string>>;
  const { rows: sheetRows, headerRow, columns } = findGridHeader(sheets, REQUIRED_COLUMNS);
  const seenIdNumbers = new Map<string, number>();
  const sourceColumn = columns.has('来源类别') ? '来源类别' : '身份';

  // Column numbers, looked up once; a column the sheet does not have reads as empty.
  const at = (column: string) => columns.get(column);
  const column = {
    name: at('姓名'), idNumber: at('身份证号码'), township: at('乡镇'), village: at('村(社区)'), phone: at('联系电话'), education: at('学历'),
    sourceCategory: at(sourceColumn), away: at('是否在外'), gender: at('性别'), partyJoin: at('入党时间'), politicalStatus: at('政治面貌'),
    targetPost: at('拟任岗位'), readiness: at('成熟度'), birth: at('出生年月'), mentor: at('结对干部姓名及职务'), notes: at('备注'),
  };
  const meaningfulColumns = MEANINGFUL_COLUMNS.map(at).filter((index) => index !== undefined);
  // Values repeat from row to row (education, villages, months): each distinct one is worked out once.
  const codes = new Map<string, string | null>();
  const codeOf = (dictionary: keyof typeof items, value: string): string | null => {
    const key = `${dictionary}\u0000${value}`;
    let code = codes.get(key);
    if (code === undefined) {
      code = codeForText(dictionary, value, items[dictionary]);
      codes.set(key, code);
    }
    return code;
  };
  const villageNames = new Map<string, string>();

  /** A dictionary cell's code: null when empty (a problem if required) or not in the dictionary (a problem). */
  function dictionaryCell(cells: GridRow['cells'], index: number | undefined, columnName: string, dictionary: keyof typeof items, label: string, required: boolean, problems: ImportProblem[], rowNumber: number): string | null {
    const value = textAt(cells, index);
    if (!value) {
      if (required) problems.push({ row: rowNumber, column: columnName, message: `请填写${label}` });
      return null;
    }
    const code = codeOf(dictionary, value);
    if (!code) problems.push({ row: rowNumber, column: columnName, message: `${label}「${value}」不在字典中，可填：${items[dictionary].map((item) => item.label).join('、')}` });
    return code;
  }

  function checkRow({ row: rowNumber, cells }: GridRow): { parsed: ParsedRow | null; problems: ImportProblem[] } | null {
    if (!meaningfulColumns.some((index) => textAt(cells, index) !== '')) return null;
    const rowProblems: ImportProblem[] = [];

    // The village the row belongs to, which must lie under the target unit.
    const townshipName = textAt(cells, column.township);
    const villageText = textAt(cells, column.village);
    let village = targetVillage;
    if (villageText) {
      let villageName = villageNames.get(villageText);
      if (villageName === undefined) {
        villageName = villageUnitFromCommitteeName(villageText).name;
        villageNames.set(villageText, villageName);
      }
      const named = villageName === villageText ? villagesByName.get(villageText) ?? [] : [...(villagesByName.get(villageText) ?? []), ...(villagesByName.get(villageName) ?? [])];
      const matches = townshipName ? named.filter((unit) => unit.townshipName === townshipName) : named;
      if (matches.length === 1) village = matches[0];
      else if (matches.length > 1) rowProblems.push({ row: rowNumber, column: '乡镇', message: `有多个名为「${villageText}」的村（社区），请填写乡镇` });
      else {
        village = undefined;
        rowProblems.push({ row: rowNumber, column: '村(社区)', message: `「${townshipName}${villageText}」不在${target.fullName}范围内，或不在您的管理范围内，请核对乡镇和村（社区）名称` });
      }
    } else if (!village) {
      rowProblems.push({ row: rowNumber, column: '村(社区)', message: '请填写村（社区）名称' });
    }
    if (village && townshipName && village.townshipName !== townshipName && !rowProblems.length) {
      rowProblems.push({ row: rowNumber, column: '乡镇', message: `「${village.name}」属于「${village.townshipName}」，不是「${townshipName}」` });
    }

    // The ID number must arrive as text: Excel keeps only 15 significant digits of a number.
    const idValue = rawAt(cells, column.idNumber);
    if (typeof idValue === 'number') rowProblems.push({ row: rowNumber, column: '身份证号码', message: '身份证号码被 Excel 存成了数字，末几位已丢失：请将该列设为「文本」格式后重新填写' });

    const education = dictionaryCell(cells, column.education, '学历', 'education', '学历', true, rowProblems, rowNumber);
    const sourceCategory = dictionaryCell(cells, column.sourceCategory, sourceColumn, 'sourceCategory', '身份（来源类别）', true, rowProblems, rowNumber);
    const awayText = textAt(cells, column.away);
    if (awayText && awayText !== '是' && awayText !== '否') rowProblems.push({ row: rowNumber, column: '是否在外', message: '是否在外应填「是」或「否」' });
    const gender = dictionaryCell(cells, column.gender, '性别', 'gender', '性别', false, rowProblems, rowNumber);
    const partyJoinText = rawAt(cells, column.partyJoin);
    const partyJoin = readRosterDate(partyJoinText, '入党时间');
    if (partyJoin.problem) rowProblems.push({ row: rowNumber, column: '入党时间', message: partyJoin.problem });
    const politicalStatus = dictionaryCell(cells, column.politicalStatus, '政治面貌', 'politicalStatus', '政治面貌', false, rowProblems, rowNumber) ?? (partyJoinText ? 'fullMember' : 'masses');
    const targetPost = dictionaryCell(cells, column.targetPost, '拟任岗位', 'targetPost', '拟任岗位', false, rowProblems, rowNumber) ?? 'committeeMember';
    const readiness = dictionaryCell(cells, column.readiness, '成熟度', 'readiness', '成熟度', false, rowProblems, rowNumber) ?? 'withinTwoYears';
    const birthValue = rawAt(cells, column.birth);
    const { date: birthDate, problem: birthProblem } = readRosterDate(birthValue, '出生年月', textAt(cells, column.idNumber));
    if (birthProblem) rowProblems.push({ row: rowNumber, column: '出生年月', message: birthProblem });

    const input: PersonInput = {
      name: textAt(cells, column.name),
      gender,
      birthDate: birthDate ? toIsoDate(birthDate).slice(0, birthDate.day === null ? 7 : 10) : null,
      idNumber: typeof idValue === 'number' ? '' : textAt(cells, column.idNumber),
      phone: textAt(cells, column.phone) || null,
      politicalStatus,
      partyJoinDate: partyJoin.date ? toIsoDate(partyJoin.date) : null,
      education: education ?? '',
    };
    const checked = checkPerson(input, dictionaryCodes, isKnownRegion, today);
    for (const fieldProblem of checked.problems) {
      if (fieldProblem.field === 'idNumber' && typeof idValue === 'number') continue;
      if ((fieldProblem.field === 'education' && !education)) continue;
      rowProblems.push({ row: rowNumber, column: PERSON_FIELD_COLUMNS[fieldProblem.field] ?? fieldProblem.field, message: fieldProblem.message });
    }
    if (checked.person) {
      const previous = seenIdNumbers.get(checked.person.idNumber);
      if (previous !== undefined) rowProblems.push({ row: rowNumber, column: '身份证号码', message: `与第 ${previous} 行的身份证号码重复` });
      else seenIdNumbers.set(checked.person.idNumber, rowNumber);
    }
    if (rowProblems.length > 0 || !checked.person || !village || !education || !sourceCategory) return { parsed: null, problems: rowProblems };
    const mentor = splitMentor(textAt(cells, column.mentor));
    return {
      parsed: {
        row: rowNumber,
        orgCode: village.code,
        person: checked.person,
        idNumberHash: hashOf(checked.person.idNumber),
        isAway: awayText === '是' || checked.person.isLivingAway === true,
        reserve: { targetPost, readiness, sourceCategory, ...mentor, notes: textAt(cells, column.notes) || null },
      },
      problems: NO_PROBLEMS,
    };
  }

  return { dataRows: sheetRows.filter((row) => row.row > headerRow), headerRow, columns, checkRow };
}

const NO_PROBLEMS: ImportProblem[] = [];

function textAt(cells: GridRow['cells'], index: number | undefined): string {
  return index === undefined ? '' : gridText(cells[index]);
}

function rawAt(cells: GridRow['cells'], index: number | undefined): GridValue {
  return index === undefined ? null : cells[index] ?? null;
}

/** The problem of a sheet with a header and no data rows. */
export const noDataRows = (headerRow: number): ImportProblem => ({ row: headerRow + 1, column: '姓名', message: '表格中没有数据行' });

