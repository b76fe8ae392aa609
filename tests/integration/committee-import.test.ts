import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMITTEE_SHEET_COLUMNS } from '../../src/modules/villages/committee-sheet-checker.ts';
import { CLI_TEST_TIMEOUT_MS, runCli, withCliDatabase } from '../helpers/cli.ts';
import { countAuditEvents, createTestWorld, makeIdNumber, type TestWorld } from '../helpers/test-app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Row = Partial<Record<(typeof COMMITTEE_SHEET_COLUMNS)[number], string>>;

let world: TestWorld;
let township: string;
let county: string;
let townshipName: string;
let village: { code: string; name: string };
let otherVillage: { code: string; name: string };
let rows: Row[];

/** A 两委 roster file the way the template lays it out: title row, header row, then the rows, every cell text. */
async function committeeFile(sheetRows: readonly Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('两委成员');
  sheet.getCell(1, 1).value = '村（社区）“两委”及村务监督委员会成员名册';
  sheet.addRow([...COMMITTEE_SHEET_COLUMNS]);
  sheetRows.forEach((row, index) => sheet.addRow(COMMITTEE_SHEET_COLUMNS.map((column) => (column === '序号' ? String(index + 1) : row[column] ?? ''))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const upload = (file: Buffer, query: string, cookie = township) => world.app.inject({ method: 'POST', url: `/api/committees/import?${query}`, headers: { cookie, 'content-type': XLSX }, payload: file });
const rosterOf = async (orgCode: string) => (await world.app.inject({ method: 'GET', url: `/api/villages/${orgCode}`, headers: { cookie: township } })).json().roster;

beforeAll(async () => {
  world = await createTestWorld();
  township = await world.login('towna');
  county = await world.login('county');
  townshipName = world.townshipA.name;
  const unit = async (code: string) => (await world.app.inject({ method: 'GET', url: `/api/org-units/${code}`, headers: { cookie: township } })).json() as { code: string; name: string };
  village = await unit(world.townshipA.villageCode);
  otherVillage = await unit(world.townshipA.villageCodes.find((code) => code !== world.townshipA.villageCode)!);
  const person = (name: string, birth: string, sequence: number, gender: '男' | '女') => ({
    乡镇: townshipName, '村(社区)': village.name, 姓名: name, 身份证号码: makeIdNumber('511425', birth, sequence), 性别: gender,
    出生年月: `${birth.slice(0, 4)}.${birth.slice(4, 6)}`, 学历: '大专', 入党时间: '2005.07', 联系电话: `1391234${String(sequence).padStart(4, '0')}`, 届别: '2021', 任职日期: '2021.03.15',
  });
  const secretary = person('赵书记', '19750315', 11, '男');
  rows = [
    { ...secretary, 组织: '党组织委员会', 职务: '书记' },
    { ...secretary, 组织: '村民委员会', 职务: '主任' },
    { ...person('钱委员', '19820520', 22, '女'), 组织: '党组织委员会', 职务: '委员' },
    { ...person('孙主任', '19700101', 33, '男'), 入党时间: '', 组织: '村务监督委员会', 职务: '主任' },
    { ...person('李书记', '19800808', 45, '男'), '村(社区)': otherVillage.name, 组织: '党组织委员会', 职务: '书记' },
  ];
});
afterAll(async () => world.close());

describe('两委 roster import', () => {
  it('offers a template with drop-downs and 填写说明', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/committees/template', headers: { cookie: township } });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('两委成员')!;
    expect(sheet.getRow(2).values).toEqual([undefined, ...COMMITTEE_SHEET_COLUMNS]);
    const committeeColumn = COMMITTEE_SHEET_COLUMNS.indexOf('组织') + 1;
    expect(sheet.getCell(3, committeeColumn).dataValidation).toMatchObject({ type: 'list', error: '组织须为：党组织委员会、村民委员会、村务监督委员会' });
    expect(workbook.getWorksheet('填写说明')!.getColumn(1).values).toEqual(expect.arrayContaining(['职务', '届别', '重复导入']));
  });

  it('refuses a file with errors, changing nothing, with each cell\'s error and the marked file', async () => {
    const before = await countAuditEvents(world.database);
    const file = await committeeFile([rows[0]!, { ...rows[2]!, 职务: '书记' }, { ...rows[3]!, 组织: '村民委员会', 职务: '书记', 届别: '二〇二一' }]);
    const response = await upload(file, `orgCode=${world.townshipA.code}`);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { row: 4, column: '职务', message: `「${village.name}」村党组织委员会书记只能有一人，第 3 行（赵书记）和本行都填了该职务` },
      { row: 5, column: '职务', message: '村民委员会没有「书记」职务，可选：主任、副主任、委员' },
      { row: 5, column: '届别', message: '届别「二〇二一」应为换届选举的年份（1990–' + world.today.slice(0, 4) + '），如 2021' },
    ]);
    expect(await countAuditEvents(world.database)).toBe(before);
    expect((await rosterOf(village.code)).members).toEqual([]);

    const marked = await world.app.inject({ method: 'POST', url: `/api/committees/import/errors?orgCode=${world.townshipA.code}`, headers: { cookie: township, 'content-type': XLSX }, payload: file });
    expect(marked.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(marked.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(2, COMMITTEE_SHEET_COLUMNS.length + 1).value).toBe('错误说明');
    expect(String(sheet.getCell(5, COMMITTEE_SHEET_COLUMNS.length + 1).value)).toContain('职务：村民委员会没有「书记」职务');
  });

  it('refuses a village of another township, and a target outside the caller\'s subtree', async () => {
    const other = (await world.app.inject({ method: 'GET', url: `/api/org-units/${world.townshipB.villageCode}`, headers: { cookie: county } })).json() as { name: string };
    const file = await committeeFile([{ ...rows[0]!, 乡镇: world.townshipB.name, '村(社区)': other.name }]);
    const response = await upload(file, `orgCode=${world.townshipA.code}`);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ row: 3, column: '村(社区)', message: expect.stringContaining(`「${world.townshipB.name}${other.name}」不在`) }]);
    const before = await countAuditEvents(world.database);
    const outside = await upload(file, `orgCode=${world.townshipB.code}`);
    expect(outside.statusCode).toBe(404);
    expect(await countAuditEvents(world.database)).toBe(before);
  });

  it('previews, then imports a good file; the roster shows the members with 一肩挑; a second import changes nothing', async () => {
    const file = await committeeFile(rows);
    const before = await countAuditEvents(world.database);
    const preview = await upload(file, `orgCode=${world.townshipA.code}&dryRun=true`);
    expect(preview.json()).toEqual({ total: 5, seated: 5, unchanged: 0, createdPeople: 4, isDryRun: true });
    expect((await rosterOf(village.code)).members).toEqual([]);
    expect(await countAuditEvents(world.database)).toBe(before);

    const imported = await upload(file, `orgCode=${world.townshipA.code}`);
    expect(imported.json()).toEqual({ total: 5, seated: 5, unchanged: 0, createdPeople: 4, isDryRun: false });
    expect(await countAuditEvents(world.database)).toBe(before + 1);
    const members = (await rosterOf(village.code)).members as { name: string; committee: string; post: string; termYear: number; startedOn: string; isSecretaryAndDirector: boolean }[];
    expect(members.map((member) => [member.name, member.committee, member.post, member.isSecretaryAndDirector])).toEqual([
      ['赵书记', 'party', 'secretary', true], ['钱委员', 'party', 'member', false], ['赵书记', 'villagers', 'director', true], ['孙主任', 'supervision', 'chair', false],
    ]);
    expect(members[0]).toMatchObject({ termYear: 2021, startedOn: '2021-03-15' });
    expect((await rosterOf(otherVillage.code)).members.map((member: { name: string }) => member.name)).toEqual(['李书记']);

    const again = await upload(file, `orgCode=${world.townshipA.code}`);
    expect(again.json()).toEqual({ total: 5, seated: 0, unchanged: 5, createdPeople: 0, isDryRun: false });
    expect(await countAuditEvents(world.database)).toBe(before + 1);
  });

  it('refuses a row the sitting members refuse: the head post held by someone else, the same person in another post', async () => {
    const file = await committeeFile([
      { ...rows[2]!, 姓名: '周新', 身份证号码: makeIdNumber('511425', '19900101', 55), 性别: '男', 出生年月: '1990.01', 职务: '书记' },
      { ...rows[2]!, 职务: '副书记' },
    ]);
    const response = await upload(file, `orgCode=${village.code}`);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { row: 3, column: '职务', message: `「${village.name}」村党组织委员会书记现由赵书记担任，请先登记其离任` },
      { row: 4, column: '姓名', message: `钱委员已是「${village.name}」村党组织委员会成员` },
    ]);
  });

  it('exports the sitting members masked, or in full for a role that may see them; the full file imports again unchanged', async () => {
    const read = async (url: string, cookie: string) => {
      const response = await world.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      return { sheet: workbook.getWorksheet('两委成员')!, body: response.rawPayload };
    };
    const idColumn = COMMITTEE_SHEET_COLUMNS.indexOf('身份证号码') + 1;
    const masked = await read(`/api/committees/export?orgCode=${world.townshipA.code}`, township);
    expect(masked.sheet.getRow(3).values).toEqual([undefined, ...COMMITTEE_SHEET_COLUMNS]);
    expect(String(masked.sheet.getCell(4, idColumn).value)).toMatch(/^\d{6}\*+\d{3}[\dX]$|\*/);
    expect(String(masked.sheet.getCell(4, idColumn).value)).not.toBe(rows[0]!.身份证号码);

    const full = await read(`/api/committees/export?orgCode=${world.countyCode}&includeSensitive=true`, county);
    const exported = Array.from({ length: 5 }, (_, index) => full.sheet.getRow(index + 4).values as unknown[]);
    expect(exported.map((values) => [values[3], values[4], values[idColumn], values[12], values[13], values[14], values[15]])).toEqual([
      [village.name, '赵书记', rows[0]!.身份证号码, '党组织委员会', '书记', 2021, '2021-03-15'],
      [village.name, '钱委员', rows[2]!.身份证号码, '党组织委员会', '委员', 2021, '2021-03-15'],
      [village.name, '赵书记', rows[0]!.身份证号码, '村民委员会', '主任', 2021, '2021-03-15'],
      [village.name, '孙主任', rows[3]!.身份证号码, '村务监督委员会', '主任', 2021, '2021-03-15'],
      [otherVillage.name, '李书记', rows[4]!.身份证号码, '党组织委员会', '书记', 2021, '2021-03-15'],
    ].sort((a, b) => (a[0] === b[0] ? 0 : a[0] === village.name ? (village.code < otherVillage.code ? -1 : 1) : village.code < otherVillage.code ? 1 : -1)));
    const reimported = await upload(full.body, `orgCode=${world.countyCode}`, county);
    expect(reimported.json()).toEqual({ total: 5, seated: 0, unchanged: 5, createdPeople: 0, isDryRun: false });
  });
});

describe('houbei import committees / export committees', () => {
  it('imports and exports from the command line through the same services', async () => {
    await withCliDatabase(async (env, dataDir) => {
      expect(runCli(['org', 'import', '511425'], env).status).toBe(0);
      const input = path.join(dataDir, '两委.xlsx');
      fs.writeFileSync(input, await committeeFile(rows));
      const imported = runCli(['import', 'committees', input, '--unit', world.townshipA.code], env);
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toContain('导入完成：共 5 行，任职 5 人次（新建人员 4 人），未变 0 行');
      const output = path.join(dataDir, 'out.xlsx');
      const exported = runCli(['export', 'committees', '--unit', world.townshipA.code, '--out', output, '--sensitive'], env);
      expect(exported.stdout).toContain('已导出 5 人次');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(output);
      const idColumn = COMMITTEE_SHEET_COLUMNS.indexOf('身份证号码') + 1;
      const ids = Array.from({ length: rows.length }, (_, index) => String(workbook.getWorksheet('两委成员')!.getCell(index + 4, idColumn).value));
      expect(ids.sort()).toEqual(rows.map((row) => row.身份证号码).sort());

      const bad = path.join(dataDir, 'bad.xlsx');
      fs.writeFileSync(bad, await committeeFile([{ ...rows[0]!, 职务: '会计' }]));
      const rejected = runCli(['import', 'committees', bad, '--unit', world.townshipA.code], env);
      expect(rejected.status).toBe(1);
      expect(rejected.stderr).toContain('第 3 行「职务」：职务「会计」无法识别，可填：书记、副书记、主任、副主任、委员');
    });
  }, CLI_TEST_TIMEOUT_MS);
});
