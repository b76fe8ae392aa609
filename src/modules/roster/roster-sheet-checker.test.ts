import { describe, expect, it } from 'vitest';
import { DEFAULT_DICTIONARY_ITEMS, DICTIONARY_NAMES, type DictionaryName } from '../../domain/dictionaries.ts';
import { idNumberCheckCharacter } from '../../domain/id-number.ts';
import { ROSTER_COLUMNS } from '../../domain/roster.ts';
import { createRosterChecker, type RosterCheckFacts } from './roster-sheet-checker.ts';
import type { GridRow, GridSheet, GridValue } from './spreadsheet.ts';

/** The pure check of a roster sheet: no database, the facts passed in. */
const items = Object.fromEntries(DICTIONARY_NAMES.map((name) => [name, DEFAULT_DICTIONARY_ITEMS[name].map(([code, label]) => ({ code, label }))])) as Record<DictionaryName, { code: string; label: string }[]>;

const facts: RosterCheckFacts = {
  target: { code: '511425100000', level: 'township', fullName: '四川省眉山市青神县青城镇' },
  villages: [
    { code: '511425100201', name: '汉阳村', townshipName: '青城镇' },
    { code: '511425100202', name: '石佛村', townshipName: '青城镇' },
  ],
  items,
  today: '2026-11-29',
  isKnownRegion: (code) => code === '511425',
  hashOf: (idNumber) => `hash:${idNumber}`,
};

const idNumber = (birth: string, sequence: string) => {
  const first17 = `511425${birth}${sequence}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
};

/** A sheet laid out as the template: title in row 1, header in row 2, then the rows. */
function sheet(rows: readonly Partial<Record<(typeof ROSTER_COLUMNS)[number], GridValue>>[]): GridSheet[] {
  const header: GridRow = { row: 2, cells: [undefined, ...ROSTER_COLUMNS] };
  const data = rows.map((values, index): GridRow => ({ row: index + 3, cells: [undefined, ...ROSTER_COLUMNS.map((column) => values[column] ?? null)] }));
  return [{ name: '名册', rows: () => [{ row: 1, cells: [undefined, '青城镇村级后备干部名册'] }, header, ...data] }];
}

const good = { 乡镇: '青城镇', '村(社区)': '汉阳村', 姓名: '张三', 性别: '男', 出生年月: '1990.03', 入党时间: '2015.07', 学历: '大专', 身份: '退役军人', 身份证号码: idNumber('19900315', '011'), 联系电话: '13912345678', 结对干部姓名及职务: '王强 镇党委副书记' };

describe('createRosterChecker', () => {
  it('turns a good row into the person, the village and the reserve to write', () => {
    const checker = createRosterChecker(sheet([good]), facts);
    const result = checker.checkRow(checker.dataRows[0]!);
    expect(result?.problems).toEqual([]);
    expect(result?.parsed).toMatchObject({
      row: 3, orgCode: '511425100201', idNumberHash: `hash:${good.身份证号码}`,
      person: { name: '张三', gender: 'male', birthDate: '1990-03-15', education: 'juniorCollege', politicalStatus: 'fullMember' },
      reserve: { sourceCategory: 'veteran', mentorName: '王强', mentorPost: '镇党委副书记', targetPost: 'committeeMember', readiness: 'withinTwoYears' },
    });
  });

  it('names the row and column of every problem, and skips blank rows', () => {
    const checker = createRosterChecker(sheet([
      { ...good, 学历: '幼儿园' },
      {},
      { ...good, '村(社区)': '不存在村', 出生年月: '1992.01', 身份证号码: idNumber('19920101', '021') },
      { ...good, 身份证号码: 511425199003150119 },
    ]), facts);
    const results = checker.dataRows.map((row) => checker.checkRow(row));
    expect(results[0]?.problems).toEqual([{ row: 3, column: '学历', message: expect.stringContaining('学历「幼儿园」不在字典中') }]);
    expect(results[1]).toBeNull();
    expect(results[2]?.problems).toEqual([{ row: 5, column: '村(社区)', message: '「青城镇不存在村」不在四川省眉山市青神县青城镇范围内，或不在您的管理范围内，请核对乡镇和村（社区）名称' }]);
    expect(results[3]?.problems).toContainEqual({ row: 6, column: '身份证号码', message: '身份证号码被 Excel 存成了数字，末几位已丢失：请将该列设为「文本」格式后重新填写' });
  });

  it('refuses an ID number that repeats an earlier row', () => {
    const checker = createRosterChecker(sheet([good, { ...good, 姓名: '张三丰' }]), facts);
    const [, second] = checker.dataRows.map((row) => checker.checkRow(row));
    expect(second?.problems).toEqual([{ row: 4, column: '身份证号码', message: '与第 3 行的身份证号码重复' }]);
  });
});
