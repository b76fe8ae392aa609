import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { CLI_TEST_TIMEOUT_MS, runCli, withCliDatabase } from '../helpers/cli.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS } from '../../src/domain/roster.ts';
import { xlsxFromCsv } from '../helpers/libreoffice.ts';
import { countAuditEvents, createTestWorld, makeIdNumber, type TestWorld } from '../helpers/test-app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let world: TestWorld;
let township: string;
let villageName: string;
let townshipName: string;

interface Person { name: string; sex: '男' | '女'; birth: string; birthText: string; party: string; education: string; identity: string; id: string; phone: string; mentor: string; notes: string }
let people: Person[];

function csv(rows: Person[], options: { township?: string; village?: string } = {}): string {
  const header = ROSTER_COLUMNS.join(',');
  const lines = rows.map((person, index) => [
    index + 1, options.township ?? townshipName, options.village ?? villageName, person.name, person.sex, person.birthText, person.party, '', person.education,
    person.identity, person.id, person.phone, person.mentor, person.notes,
  ].join(','));
  return [`${townshipName}村级后备干部名册,,,,,,,,,,,,,`, header, ...lines].join('\n');
}

/**
 * A roster file made by LibreOffice from CSV, with the party-join, ID-number and phone columns as
 * text (a number cell 2010.10 would read 2010.1, which the import refuses as January or October).
 */
const rosterFile = (rows: Person[], options?: { township?: string; village?: string }) => xlsxFromCsv(csv(rows, options), [7, 11, 12]);

async function importFile(file: Buffer, orgCode: string, cookie = township) {
  return world.app.inject({ method: 'POST', url: `/api/roster/import?orgCode=${orgCode}`, headers: { cookie, 'content-type': XLSX }, payload: file });
}

beforeAll(async () => {
  world = await createTestWorld();
  township = await world.login('towna');
  const village = (await world.app.inject({ method: 'GET', url: `/api/org-units/${world.townshipA.villageCode}`, headers: { cookie: township } })).json();
  villageName = village.name;
  townshipName = world.townshipA.name;
  people = [
    { name: '李明', sex: '男', birth: '1990-03-15', birthText: '1990.03', party: '2015.07', education: '大专', identity: '村民小组长', id: makeIdNumber('511425', '19900315', 11), phone: '13912345601', mentor: '王强 镇党委副书记', notes: '' },
    { name: '张丽', sex: '女', birth: '1988-05-02', birthText: '1988年5月', party: '', education: '本科', identity: '致富能手', id: makeIdNumber('511425', '19880502', 22), phone: '13912345602', mentor: '王强（镇党委副书记）', notes: '在外经商' },
    { name: '陈刚', sex: '男', birth: '1987-12-01', birthText: '198712', party: '2010.10', education: '中专', identity: '退役军人', id: makeIdNumber('511425', '19871201', 33), phone: '028-38812345', mentor: '', notes: '' },
    { name: '刘芳', sex: '女', birth: '1995-10-20', birthText: '1995-10', party: '2020.06', education: '研究生', identity: '高校毕业生/原大学生村官', id: makeIdNumber('511425', '19951020', 44), phone: '', mentor: '赵敏 包村干部', notes: '' },
  ];
  // One ID number ending in X, the way it is printed on the card (odd sequence: a man).
  for (let sequence = 51; sequence < 999; sequence += 2) {
    const id = makeIdNumber('511425', '19930108', sequence);
    if (id.endsWith('X')) {
      people.push({ name: '周伟', sex: '男', birth: '1993-01-08', birthText: '1993.01', party: '2018.03', education: '大学本科', identity: '返乡创业人员', id, phone: '15808881234', mentor: '', notes: '' });
      break;
    }
  }
});
afterAll(async () => world.close());

describe('roster import', () => {
  it('imports a roster made by another program with every value in place', async () => {
    const response = await importFile(rosterFile(people), world.townshipA.code);
    expect(response.json()).toEqual({ total: people.length, created: people.length, updated: 0, unchanged: 0 });
    const list = (await world.app.inject({ method: 'GET', url: `/api/reserves?orgCode=${world.townshipA.code}&pageSize=50&sortBy=name`, headers: { cookie: township } })).json();
    expect(list.total).toBe(people.length);
    for (const person of people) {
      const reserve = list.reserves.find((item: { person: { name: string } }) => item.person.name === person.name);
      expect(reserve, person.name).toBeDefined();
      expect(reserve.villageName).toBe(villageName);
      expect(reserve.person.gender).toBe(person.sex === '男' ? 'male' : 'female');
      expect(reserve.person.birthDate).toBe(person.birth);
      expect(reserve.person.idNumberMasked).toBe(`${person.id.slice(0, 6)}********${person.id.slice(-4)}`);
      expect(reserve.person.politicalStatus).toBe(person.party ? 'fullMember' : 'masses');
      expect(reserve.person.partyJoinDate).toBe(person.party ? `${person.party.replace('.', '-')}-01` : null);
      expect(reserve.status).toBe('admitted');
      const revealed = (await world.app.inject({ method: 'POST', url: `/api/people/${reserve.person.id}/reveal`, headers: { cookie: township } })).json();
      expect(revealed).toEqual({ idNumber: person.id, phone: person.phone || null });
    }
    const li = list.reserves.find((item: { person: { name: string } }) => item.person.name === '李明');
    expect(li).toMatchObject({ mentorName: '王强', mentorPost: '镇党委副书记', sourceCategory: 'groupLeader', person: { education: 'juniorCollege' } });
    const zhang = list.reserves.find((item: { person: { name: string } }) => item.person.name === '张丽');
    expect(zhang).toMatchObject({ mentorName: '王强', mentorPost: '镇党委副书记', notes: '在外经商', sourceCategory: 'wealthyEntrepreneur', person: { education: 'bachelor' } });
    const chen = list.reserves.find((item: { person: { name: string } }) => item.person.name === '陈刚');
    expect(chen).toMatchObject({ person: { education: 'seniorHigh', phoneMasked: '028****2345' } });
  });

  it('changes nothing when the same file is imported again', async () => {
    const auditBefore = await countAuditEvents(world.database);
    const response = await importFile(rosterFile(people), world.townshipA.code);
    expect(response.json()).toEqual({ total: people.length, created: 0, updated: 0, unchanged: people.length });
    expect(await countAuditEvents(world.database)).toBe(auditBefore);
  });

  it('imports nothing from a file with one bad row, and names that row and column', async () => {
    const newcomers = [
      { ...people[0]!, name: '新人甲', birthText: '1992.01', id: makeIdNumber('511425', '19920101', 71), phone: '13900000001' },
      { ...people[0]!, name: '新人乙', birthText: '1992.02', id: `${makeIdNumber('511425', '19920202', 73).slice(0, 17)}0`, phone: '13900000002' },
      { ...people[0]!, name: '新人丙', birthText: '1992.03', id: makeIdNumber('511425', '19920303', 75), phone: '13900000003', education: '幼儿园' },
    ];
    // A wrong check digit could by chance be right: make sure it is not.
    if (newcomers[1]!.id === makeIdNumber('511425', '19920202', 73)) newcomers[1]!.id = `${newcomers[1]!.id.slice(0, 17)}1`;
    const peopleBefore = await world.database.db.selectFrom('person').select('id').execute();
    const auditBefore = await countAuditEvents(world.database);
    const response = await importFile(rosterFile(newcomers), world.townshipA.code);
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.message).toMatch(/^文件中有 2 处错误，未导入任何数据。/);
    expect(body.errors).toEqual([
      { row: 4, column: '身份证号码', message: expect.stringContaining('身份证号码校验位不符') },
      { row: 5, column: '学历', message: expect.stringContaining('学历「幼儿园」不在字典中') },
    ]);
    expect(await world.database.db.selectFrom('person').select('id').execute()).toEqual(peopleBefore);
    expect(await countAuditEvents(world.database)).toBe(auditBefore);

    const annotated = await world.app.inject({ method: 'POST', url: `/api/roster/import/errors?orgCode=${world.townshipA.code}`, headers: { cookie: township, 'content-type': XLSX }, payload: rosterFile(newcomers) });
    expect(annotated.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(annotated.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const lastColumn = sheet.getRow(2).cellCount;
    expect(sheet.getCell(2, lastColumn).value).toBe('错误说明');
    expect(String(sheet.getCell(4, lastColumn).value)).toContain('身份证号码：身份证号码校验位不符');
    expect(sheet.getCell(3, lastColumn).value).toBeNull();
  });

  it('refuses rows naming a unit outside the target, with the row number', async () => {
    const other = (await world.app.inject({ method: 'GET', url: `/api/org-units/${world.townshipB.villageCode}`, headers: { cookie: await world.login('townb') } })).json();
    const file = rosterFile([{ ...people[0]!, name: '越界', birthText: '1991.01', id: makeIdNumber('511425', '19910101', 81) }], { township: world.townshipB.name, village: other.name });
    const response = await importFile(file, world.townshipA.code);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ row: 3, column: '村(社区)', message: expect.stringContaining('不在') }]);
  });

  it('lets a village clerk import into their own village only', async () => {
    const clerk = await world.login('villagea');
    const mine = rosterFile([{ ...people[0]!, name: '本村人', birthText: '1994.04', id: makeIdNumber('511425', '19940404', 91), phone: '13900000091' }]);
    expect((await importFile(mine, world.townshipA.villageCode, clerk)).json()).toMatchObject({ created: 1 });
    const otherVillage = world.townshipA.villageCodes.find((code) => code !== world.townshipA.villageCode)!;
    expect([403, 404]).toContain((await importFile(mine, otherVillage, clerk)).statusCode);
    expect([403, 404]).toContain((await importFile(mine, world.townshipA.code, clerk)).statusCode);
  });

  it('explains a file that is not a spreadsheet', async () => {
    const response = await importFile(Buffer.from('not a workbook'), world.townshipA.code);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('不是有效的 Excel');
  });
});

describe('talent ledger import', () => {
  it('adds surveyed people to the ledger without making them reserves, and a second import changes nothing', async () => {
    const surveyed = [
      { ...people[0]!, name: '台账甲', birthText: '1989.09', id: makeIdNumber('511425', '19890909', 121), phone: '13900000121', identity: '退役军人' },
      { ...people[1]!, name: '台账乙', birthText: '1979.01', id: makeIdNumber('511425', '19790101', 122), phone: '13900000122', identity: '外出务工经商人员' },
    ];
    const file = rosterFile(surveyed);
    const url = `/api/talent-ledger/import?orgCode=${world.townshipA.code}`;
    const first = await world.app.inject({ method: 'POST', url, headers: { cookie: township, 'content-type': XLSX }, payload: file });
    expect(first.json()).toEqual({ total: 2, created: 2, updated: 0, unchanged: 0 });
    const ledger = (await world.app.inject({ method: 'GET', url: `/api/talent-ledger?search=${encodeURIComponent('台账')}`, headers: { cookie: township } })).json();
    expect(ledger.entries.map((entry: { person: { name: string }; sourceCategory: string }) => [entry.person.name, entry.sourceCategory]).sort()).toEqual([['台账乙', 'migrantWorker'], ['台账甲', 'veteran']]);
    const reserves = (await world.app.inject({ method: 'GET', url: `/api/reserves?search=${encodeURIComponent('台账')}`, headers: { cookie: township } })).json();
    expect(reserves.total).toBe(0);
    const second = await world.app.inject({ method: 'POST', url, headers: { cookie: township, 'content-type': XLSX }, payload: file });
    expect(second.json()).toEqual({ total: 2, created: 0, updated: 0, unchanged: 2 });
  });
});

describe('houbei import roster / export roster', () => {
  it('imports and exports from the command line through the same services', async () => {
    await withCliDatabase(async (env, dataDir) => {
      expect(runCli(['org', 'import', '511425'], env).status).toBe(0);
      const input = path.join(dataDir, '名册.xlsx');
      fs.writeFileSync(input, rosterFile(people));
      const imported = runCli(['import', 'roster', input, '--unit', world.townshipA.code], env);
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toContain(`导入完成：共 ${people.length} 人，新增 ${people.length}，更新 0，未变 0`);
      const output = path.join(dataDir, 'out.xlsx');
      const exported = runCli(['export', 'roster', '--unit', world.townshipA.code, '--out', output, '--sensitive'], env);
      expect(exported.stdout).toContain(`已导出 ${people.length} 人`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(output);
      const ids = Array.from({ length: people.length }, (_, index) => String(workbook.getWorksheet('名册')!.getCell(index + 4, 11).value));
      expect(ids.sort()).toEqual(people.map((person) => person.id).sort());

      const bad = path.join(dataDir, 'bad.xlsx');
      fs.writeFileSync(bad, rosterFile([{ ...people[0]!, education: '幼儿园' }]));
      const rejected = runCli(['import', 'roster', bad, '--unit', world.townshipA.code], env);
      expect(rejected.status).toBe(1);
      expect(rejected.stderr).toContain('第 3 行「学历」：学历「幼儿园」不在字典中');
    });
  }, CLI_TEST_TIMEOUT_MS);
});

describe('roster export', () => {
  async function exported(url: string, cookie = township): Promise<ExcelJS.Worksheet> {
    const response = await world.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return workbook.getWorksheet('名册')!;
  }

  it('has a title row naming the unit and date, then exactly the columns of seed 002, masked', async () => {
    const sheet = await exported(`/api/roster/export?orgCode=${world.townshipA.code}&referenceDate=2026-03-31`);
    expect(String(sheet.getCell(1, 1).value)).toBe(`${townshipName}村级后备干部名册`);
    expect(String(sheet.getCell(2, 1).value)).toContain('年龄计算日期：2026-03-31');
    expect(sheet.getRow(3).values).toEqual([undefined, ...ROSTER_COLUMNS]);
    const rows = Array.from({ length: sheet.rowCount - 3 }, (_, index) => sheet.getRow(index + 4));
    const li = rows.find((row) => row.getCell(4).value === '李明')!;
    expect(li.getCell(5).value).toBe('男');
    expect(li.getCell(6).value).toBe('1990.03');
    expect(li.getCell(7).value).toBe('2015.07');
    expect(li.getCell(8).value).toBe(36);
    expect(li.getCell(9).value).toBe('大专');
    expect(li.getCell(10).value).toBe('村民小组长');
    expect(li.getCell(11).value).toBe(`${people[0]!.id.slice(0, 6)}********${people[0]!.id.slice(-4)}`);
    expect(li.getCell(12).value).toBe('139****5601');
    expect(li.getCell(13).value).toBe('王强 镇党委副书记');
    expect(rows.map((row) => row.getCell(1).value)).toEqual(rows.map((_, index) => index + 1));
  });

  it('gives full numbers only to a role that may see them, and records the export', async () => {
    const auditBefore = await countAuditEvents(world.database);
    const sheet = await exported(`/api/roster/export?orgCode=${world.townshipA.code}&includeSensitive=true`);
    const values = Array.from({ length: sheet.rowCount - 3 }, (_, index) => String(sheet.getCell(index + 4, 11).value));
    expect(values).toContain(people[0]!.id);
    expect(await countAuditEvents(world.database)).toBe(auditBefore + 1);
    const clerk = await world.login('villagea');
    const refused = await world.app.inject({ method: 'GET', url: `/api/roster/export?orgCode=${world.townshipA.villageCode}&includeSensitive=true`, headers: { cookie: clerk } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('请取消「包含完整身份证号码和电话」');
  });

  it('applies the list filters to the export', async () => {
    const sheet = await exported(`/api/roster/export?orgCode=${world.townshipA.code}&education=bachelor`);
    const names = Array.from({ length: sheet.rowCount - 3 }, (_, index) => sheet.getCell(index + 4, 4).value);
    expect(names.sort()).toEqual(['周伟', '张丽']);
  });

  it('offers a template with drop-down lists and a sheet explaining each column', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/roster/template', headers: { cookie: township } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('名册')!;
    const educationColumn = ROSTER_COLUMNS.indexOf('学历') + 1;
    expect(sheet.getCell(3, educationColumn).dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^字典!\$[A-Z]\$2:\$[A-Z]\$\d+$/)] });
    const guide = workbook.getWorksheet('填写说明')!;
    expect(guide.getColumn(1).values).toEqual(expect.arrayContaining(['身份证号码', '学历', '身份']));
  });
});
