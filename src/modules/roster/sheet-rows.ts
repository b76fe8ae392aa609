import { toIsoDate } from '../../domain/dates.ts';
import type { DictionaryName } from '../../domain/dictionaries.ts';
import { villageUnitFromCommitteeName, type OrgLevel } from '../../domain/org-code.ts';
import { checkPerson, type CheckedPerson, type PersonInput } from '../../domain/person-rules.ts';
import { codeForText, readRosterDate } from '../../domain/roster.ts';
import { gridText, type GridRow, type GridValue } from './spreadsheet.ts';

/**
 * What every import of people from a sheet shares (the reserve roster, the talent ledger, the 两委
 * rosters): reading cells, dictionary cells, the village a row names under the target unit, and the
 * person's columns checked with the same rules as the forms (checkPerson). Pure.
 */

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export type DictionaryItems = Record<DictionaryName, readonly { code: string; label: string }[]>;

export interface SheetVillage {
  code: string;
  name: string;
  townshipName: string;
}

export interface SheetTarget {
  code: string;
  level: OrgLevel;
  fullName: string;
}

/** What a sheet's check needs to know: the target unit, the villages under it, the dictionaries, the date. */
export interface SheetCheckFacts {
  target: SheetTarget;
  villages: readonly SheetVillage[];
  items: DictionaryItems;
  /** The date ages and dates are checked against, 'YYYY-MM-DD'. */
  today: string;
  /** Whether a 6-digit region code of an ID number exists. */
  isKnownRegion: (code: string) => boolean;
  /** The blind index of an ID number, to find the person already stored. */
  hashOf: (idNumber: string) => string;
}

export function textAt(cells: GridRow['cells'], index: number | undefined): string {
  return index === undefined ? '' : gridText(cells[index]);
}

export function rawAt(cells: GridRow['cells'], index: number | undefined): GridValue {
  return index === undefined ? null : cells[index] ?? null;
}

/** Reads dictionary cells, each distinct value worked out once (values repeat from row to row). */
export function createDictionaryReader(items: DictionaryItems) {
  const codes = new Map<string, string | null>();
  const codeOf = (dictionary: DictionaryName, value: string): string | null => {
    const key = `${dictionary}\u0000${value}`;
    let code = codes.get(key);
    if (code === undefined) {
      code = codeForText(dictionary, value, items[dictionary]);
      codes.set(key, code);
    }
    return code;
  };
  /** A dictionary cell's code: null when empty (a problem if required) or not in the dictionary (a problem). */
  return function dictionaryCell(cells: GridRow['cells'], index: number | undefined, columnName: string, dictionary: DictionaryName, label: string, required: boolean, problems: ImportProblem[], rowNumber: number): string | null {
    const value = textAt(cells, index);
    if (!value) {
      if (required) problems.push({ row: rowNumber, column: columnName, message: `请填写${label}` });
      return null;
    }
    const code = codeOf(dictionary, value);
    if (!code) problems.push({ row: rowNumber, column: columnName, message: `${label}「${value}」不在字典中，可填：${items[dictionary].map((item) => item.label).join('、')}` });
    return code;
  };
}

/**
 * Finds the village a row names (乡镇 and 村(社区), the name also as 「××村村民委员会」) among the
 * villages under the target; a village target needs neither column. Problems go to `problems`.
 */
export function createVillageResolver(target: SheetTarget, villages: readonly SheetVillage[]) {
  const isVillageTarget = target.level === 'village' || target.level === 'community';
  const targetVillage = isVillageTarget ? villages.find((unit) => unit.code === target.code) : undefined;
  const villagesByName = new Map<string, SheetVillage[]>();
  for (const unit of villages) villagesByName.set(unit.name, [...(villagesByName.get(unit.name) ?? []), unit]);
  const villageNames = new Map<string, string>();

  return function resolveVillage(townshipName: string, villageText: string, rowNumber: number, problems: ImportProblem[]): SheetVillage | undefined {
    const problemsBefore = problems.length;
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
      else if (matches.length > 1) problems.push({ row: rowNumber, column: '乡镇', message: `有多个名为「${villageText}」的村（社区），请填写乡镇` });
      else {
        village = undefined;
        problems.push({ row: rowNumber, column: '村(社区)', message: `「${townshipName}${villageText}」不在${target.fullName}范围内，或不在您的管理范围内，请核对乡镇和村（社区）名称` });
      }
    } else if (!village) {
      problems.push({ row: rowNumber, column: '村(社区)', message: '请填写村（社区）名称' });
    }
    if (village && townshipName && village.townshipName !== townshipName && problems.length === problemsBefore) {
      problems.push({ row: rowNumber, column: '乡镇', message: `「${village.name}」属于「${village.townshipName}」，不是「${townshipName}」` });
    }
    return village;
  };
}

const PERSON_FIELD_COLUMNS: Partial<Record<keyof PersonInput, string>> = {
  name: '姓名', gender: '性别', birthDate: '出生年月', idNumber: '身份证号码', phone: '联系电话', partyJoinDate: '入党时间',
  education: '学历', politicalStatus: '政治面貌',
};

/** The person's columns of a sheet, by their header text. */
export const PERSON_COLUMNS = ['姓名', '身份证号码', '性别', '出生年月', '学历', '政治面貌', '入党时间', '联系电话'] as const;

/**
 * Checks the person's columns of a row (姓名, 身份证号码, 性别, 出生年月, 学历, 政治面貌, 入党时间,
 * 联系电话) with the rules of the forms; every problem names its column. Without 政治面貌 a row
 * with 入党时间 is a Party member, else 群众. The person is null when a problem remains.
 */
export function createPersonCellsChecker(columns: ReadonlyMap<string, number>, facts: { items: DictionaryItems; today: string; isKnownRegion: (code: string) => boolean }) {
  const { items, today, isKnownRegion } = facts;
  const dictionaryCell = createDictionaryReader(items);
  const dictionaryCodes = Object.fromEntries(Object.entries(items).map(([name, list]) => [name, new Set(list.map((item) => item.code))])) as Record<DictionaryName, Set<string>>;
  const at = (column: string) => columns.get(column);
  const column = {
    name: at('姓名'), idNumber: at('身份证号码'), phone: at('联系电话'), education: at('学历'), gender: at('性别'),
    partyJoin: at('入党时间'), politicalStatus: at('政治面貌'), birth: at('出生年月'),
  };

  return function checkPersonCells(cells: GridRow['cells'], rowNumber: number, problems: ImportProblem[]): { person: CheckedPerson | null; education: string | null } {
    // The ID number must arrive as text: Excel keeps only 15 significant digits of a number.
    const idValue = rawAt(cells, column.idNumber);
    if (typeof idValue === 'number') problems.push({ row: rowNumber, column: '身份证号码', message: '身份证号码被 Excel 存成了数字，末几位已丢失：请将该列设为「文本」格式后重新填写' });
    const education = dictionaryCell(cells, column.education, '学历', 'education', '学历', true, problems, rowNumber);
    const gender = dictionaryCell(cells, column.gender, '性别', 'gender', '性别', false, problems, rowNumber);
    const partyJoinText = rawAt(cells, column.partyJoin);
    const partyJoin = readRosterDate(partyJoinText, '入党时间');
    if (partyJoin.problem) problems.push({ row: rowNumber, column: '入党时间', message: partyJoin.problem });
    const politicalStatus = dictionaryCell(cells, column.politicalStatus, '政治面貌', 'politicalStatus', '政治面貌', false, problems, rowNumber) ?? (partyJoinText ? 'fullMember' : 'masses');
    const { date: birthDate, problem: birthProblem } = readRosterDate(rawAt(cells, column.birth), '出生年月', textAt(cells, column.idNumber));
    if (birthProblem) problems.push({ row: rowNumber, column: '出生年月', message: birthProblem });

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
      if (fieldProblem.field === 'education' && !education) continue;
      problems.push({ row: rowNumber, column: PERSON_FIELD_COLUMNS[fieldProblem.field] ?? fieldProblem.field, message: fieldProblem.message });
    }
    return { person: checked.person ?? null, education };
  };
}
