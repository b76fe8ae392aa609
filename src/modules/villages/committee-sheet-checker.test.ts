import { describe, expect, it } from 'vitest';
import { DEFAULT_DICTIONARY_ITEMS, DICTIONARY_NAMES, type DictionaryName } from '../../domain/dictionaries.ts';
import { idNumberCheckCharacter } from '../../domain/id-number.ts';
import type { SheetCheckFacts } from '../roster/sheet-rows.ts';
import type { GridRow, GridSheet, GridValue } from '../roster/spreadsheet.ts';
import { COMMITTEE_SHEET_COLUMNS, createCommitteeChecker } from './committee-sheet-checker.ts';

/** The pure check of a 两委 roster sheet: no database, the facts passed in. */
const items = Object.fromEntries(DICTIONARY_NAMES.map((name) => [name, DEFAULT_DICTIONARY_ITEMS[name].map(([code, label]) => ({ code, label }))])) as Record<DictionaryName, { code: string; label: string }[]>;

const facts: SheetCheckFacts = {
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

type Values = Partial<Record<(typeof COMMITTEE_SHEET_COLUMNS)[number], GridValue>>;

function sheet(rows: readonly Values[]): GridSheet[] {
  const header: GridRow = { row: 2, cells: [undefined, ...COMMITTEE_SHEET_COLUMNS] };
  const data = rows.map((values, index): GridRow => ({ row: index + 3, cells: [undefined, ...COMMITTEE_SHEET_COLUMNS.map((column) => values[column] ?? null)] }));
  return [{ name: '两委成员', rows: () => [{ row: 1, cells: [undefined, '青城镇村“两委”成员名册'] }, header, ...data] }];
}

const secretary: Values = {
  乡镇: '青城镇', '村(社区)': '汉阳村', 姓名: '张三', 身份证号码: idNumber('19800315', '011'), 性别: '男', 出生年月: '1980.03', 学历: '大专',
  入党时间: '2005.07', 联系电话: '13912345678', 组织: '党组织委员会', 职务: '书记', 届别: '2021', 任职日期: '2021.03.15',
};
const member: Values = { ...secretary, 姓名: '李四', 身份证号码: idNumber('19850610', '022'), 出生年月: '1985.06', 性别: '女', 职务: '委员' };
/** Another member: a person of their own. */
const another = (sequence: number, values: Values): Values => ({ ...member, 姓名: `王${'一二三四五六七八九'[sequence]}`, 身份证号码: idNumber('19850610', `0${sequence}2`), ...values });

function check(rows: readonly Values[]) {
  const checker = createCommitteeChecker(sheet(rows), facts);
  return checker.dataRows.map((row) => checker.checkRow(row));
}

describe('createCommitteeChecker', () => {
  it('turns a good row into the person, the village and the seat', () => {
    const [result] = check([secretary]);
    expect(result?.problems).toEqual([]);
    expect(result?.parsed).toMatchObject({
      row: 3, orgCode: '511425100201', villageName: '汉阳村', idNumberHash: `hash:${secretary.身份证号码}`,
      person: { name: '张三', gender: 'male', birthDate: '1980-03-15', education: 'juniorCollege', politicalStatus: 'fullMember' },
      committee: 'party', post: 'secretary', termYear: 2021, startedOn: '2021-03-15',
    });
  });

  it('lets one person be secretary and director (一肩挑), and reads 主任 of the supervision committee as its chair', () => {
    const results = check([secretary, { ...secretary, 组织: '村民委员会', 职务: '主任' }, { ...member, 组织: '村务监督委员会', 职务: '主任' }]);
    expect(results.map((result) => result?.problems)).toEqual([[], [], []]);
    expect(results.map((result) => [result?.parsed?.committee, result?.parsed?.post])).toEqual([['party', 'secretary'], ['villagers', 'director'], ['supervision', 'chair']]);
  });

  it('says what to fix in the committee, the post, the term and the start date', () => {
    const results = check([
      { ...secretary, 组织: '妇联' },
      { ...secretary, 组织: '村民委员会', 职务: '书记' },
      another(1, { 职务: '会计' }),
      another(2, { 届别: '2030', 任职日期: '2021.3' }),
      another(3, { 任职日期: '2027.01.01' }),
      another(4, { 届别: '2024', 任职日期: '2021.03.15' }),
      another(5, { 职务: '', 届别: '' }),
    ]);
    expect(results[0]?.problems).toEqual([{ row: 3, column: '组织', message: '组织「妇联」无法识别，可填：党组织委员会、村民委员会、村务监督委员会' }]);
    expect(results[1]?.problems).toEqual([{ row: 4, column: '职务', message: '村民委员会没有「书记」职务，可选：主任、副主任、委员' }]);
    expect(results[2]?.problems).toEqual([{ row: 5, column: '职务', message: '职务「会计」无法识别，可填：书记、副书记、主任、副主任、委员' }]);
    expect(results[3]?.problems).toEqual([
      { row: 6, column: '届别', message: '届别「2030」应为换届选举的年份（1990–2026），如 2021' },
      { row: 6, column: '任职日期', message: '任职日期须写到日，如 2021.03.15' },
    ]);
    expect(results[4]?.problems).toEqual([{ row: 7, column: '任职日期', message: '任职日期（2027-01-01）不能晚于今天（2026-11-29），请填写实际发生的日期' }]);
    expect(results[5]?.problems).toEqual([{ row: 8, column: '任职日期', message: '任职日期（2021-03-15）早于届别 2024 年：请核对届别或任职日期' }]);
    expect(results[6]?.problems).toEqual([
      { row: 9, column: '职务', message: '请填写职务：书记、副书记、主任、副主任、委员' },
      { row: 9, column: '届别', message: '请填写届别，即换届选举的年份，如 2021' },
    ]);
    expect(results.every((result) => result?.parsed === null)).toBe(true);
  });

  it('checks the village and the person like the reserve roster', () => {
    const [result] = check([{ ...secretary, '村(社区)': '不存在村', 学历: '幼儿园' }]);
    expect(result?.problems).toEqual([
      { row: 3, column: '村(社区)', message: '「青城镇不存在村」不在四川省眉山市青神县青城镇范围内，或不在您的管理范围内，请核对乡镇和村（社区）名称' },
      { row: 3, column: '学历', message: expect.stringContaining('学历「幼儿园」不在字典中') },
    ]);
  });

  it('refuses two holders of one head post in a village, and one person twice on a committee, naming both rows', () => {
    const results = check([
      secretary,
      { ...member, 职务: '书记' },
      { ...secretary, 职务: '副书记' },
      { ...member, '村(社区)': '石佛村', 职务: '书记' },
    ]);
    expect(results[0]?.problems).toEqual([]);
    expect(results[1]?.problems).toEqual([{ row: 4, column: '职务', message: '「汉阳村」村党组织委员会书记只能有一人，第 3 行（张三）和本行都填了该职务' }]);
    expect(results[2]?.problems).toEqual([{ row: 5, column: '姓名', message: '张三在第 3 行已是「汉阳村」村党组织委员会成员，同一人在一个委员会只任一职' }]);
    expect(results[3]?.problems).toEqual([]);
  });

  it('refuses one ID number under two names', () => {
    const results = check([secretary, { ...secretary, 姓名: '张山', 组织: '村民委员会', 职务: '主任' }]);
    expect(results[1]?.problems).toEqual([{ row: 4, column: '姓名', message: '与第 3 行身份证号码相同，姓名却是「张三」：请核对' }]);
  });
});
