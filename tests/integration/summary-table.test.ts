import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReserve, countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/** The 汇总表: per village and totalled, read back from the xlsx; its filing is audited and the county sees who filed. */
let world: TestWorld;
let county: string;
let township: string;
let townshipB: string;
let auditor: string;
const TODAY = '2026-11-20';

beforeAll(async () => {
  world = await createTestWorld({ today: TODAY });
  county = await world.login('county');
  township = await world.login('towna');
  townshipB = await world.login('townb');
  auditor = await world.login('auditor');
  const [first, second] = world.townshipA.villageCodes;
  await addReserve(world, township, first!, { name: '汇一', birthDate: '19910101', sex: 'female', education: 'bachelor' });
  await addReserve(world, township, first!, { name: '汇二', birthDate: '19900101', education: 'seniorHigh', politicalStatus: 'masses' });
  await addReserve(world, township, second!, { name: '汇三', birthDate: '19791121', sex: 'female' });
  await addReserve(world, townshipB, world.townshipB.villageCode, { name: '汇四', birthDate: '19800101' });
});
afterAll(async () => world.close());

async function readTable(cookie: string, orgCode: string) {
  const response = await world.app.inject({ method: 'GET', url: `/api/summary-tables/${orgCode}/export`, headers: { cookie } });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
  const rows: Record<string, string | number>[] = [];
  for (let row = 4; row <= sheet.rowCount; row += 1) {
    rows.push(Object.fromEntries(headers.map((header, index) => [header, (sheet.getCell(row, index + 1).value ?? '') as string | number])));
  }
  return { title: String(sheet.getCell(1, 1).value), headers, rows };
}

describe('the 汇总表', () => {
  it('counts each village of a township and totals them', async () => {
    const table = await readTable(township, world.townshipA.code);
    expect(table.title).toBe(`${world.townshipA.name}村级党组织书记后备力量名单汇总表`);
    expect(table.headers.slice(0, 11)).toEqual(['乡镇（街道）', '村（社区）', '后备力量人数', '其中女性', '35 岁及以下', '36–45 岁', '45 岁以上', '大专及以上学历', '中共党员', '已落实导师', '本年度参加培训']);
    expect(table.rows).toHaveLength(world.townshipA.villageCodes.length + 1);
    const total = table.rows.at(-1)!;
    // 汇一 35 (born 1991-01-01, on 2026-11-20), 汇二 36, 汇三 47 on the day after the birthday.
    expect(total).toMatchObject({ '乡镇（街道）': '合计', 后备力量人数: 3, 其中女性: 2, '35 岁及以下': 1, '36–45 岁': 1, '45 岁以上': 1, 大专及以上学历: 2, 中共党员: 2, 已落实导师: 3, '来源：高校毕业生/原大学生村官': 3 });
    const villageRows = table.rows.slice(0, -1);
    expect(villageRows.reduce((sum, row) => sum + Number(row['后备力量人数']), 0)).toBe(3);
    expect(villageRows.filter((row) => Number(row['后备力量人数']) === 0)).toHaveLength(world.townshipA.villageCodes.length - 2);
  });

  it('for the county has every township\'s subtotal and the county total', async () => {
    const table = await readTable(county, world.countyCode);
    const subtotals = table.rows.filter((row) => row['村（社区）'] === '小计');
    expect(subtotals.find((row) => row['乡镇（街道）'] === world.townshipA.name)).toMatchObject({ 后备力量人数: 3 });
    expect(subtotals.find((row) => row['乡镇（街道）'] === world.townshipB.name)).toMatchObject({ 后备力量人数: 1 });
    expect(table.rows.at(-1)).toMatchObject({ '乡镇（街道）': '合计', 后备力量人数: 4, '45 岁以上': 2 });
    expect(subtotals.reduce((sum, row) => sum + Number(row['后备力量人数']), 0)).toBe(4);
  });

  it('is refused outside the caller\'s unit and for a village', async () => {
    const outside = await world.app.inject({ method: 'GET', url: `/api/summary-tables/${world.townshipB.code}/export`, headers: { cookie: township } });
    expect(outside.statusCode).toBe(404);
    const village = await world.app.inject({ method: 'GET', url: `/api/summary-tables/${world.townshipA.villageCode}/export`, headers: { cookie: township } });
    expect(village.statusCode).toBe(400);
    expect(village.json().message).toBe('汇总表按乡镇（街道）或县（区）填报，请选择乡镇或县');
  });
});

describe('filing the 汇总表', () => {
  const file = (cookie: string, orgCode: string, payload: object) => world.app.inject({ method: 'POST', url: `/api/summary-tables/${orgCode}/filings`, headers: { cookie }, payload });

  it('is recorded with its totals and audited, filed again only at its version, and the county sees who filed', async () => {
    const events = await countAuditEvents(world.database);
    expect((await file(auditor, world.townshipA.code, { year: 2026, filedOn: TODAY, version: null })).statusCode).toBe(403);
    expect((await file(townshipB, world.townshipA.code, { year: 2026, filedOn: TODAY, version: null })).statusCode).toBe(404);
    const future = await file(township, world.townshipA.code, { year: 2026, filedOn: '2026-11-21', version: null });
    expect(future.statusCode).toBe(400);
    expect(await countAuditEvents(world.database)).toBe(events);

    const filed = await file(township, world.townshipA.code, { year: 2026, filedOn: '2026-10-30', version: null });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ year: 2026, filedOn: '2026-10-30', filedBy: 'towna', totals: { reserves: 3, women: 2 }, version: 1 });
    expect(await countAuditEvents(world.database)).toBe(events + 1);
    const audit = await world.app.inject({ method: 'GET', url: '/api/audit-events?action=summaryTable.file', headers: { cookie: county } });
    expect(JSON.stringify(audit.json())).toContain('年度后备力量名单汇总表报备（后备力量 3 名）');

    const again = await file(township, world.townshipA.code, { year: 2026, filedOn: TODAY, version: null });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(`${world.townshipA.name}2026 年度汇总表已于 2026-10-30 报备，如需重新报备请刷新后再提交`);
    const refiled = await file(township, world.townshipA.code, { year: 2026, filedOn: TODAY, version: 1 });
    expect(refiled.statusCode, refiled.body).toBe(201);
    expect(refiled.json()).toMatchObject({ filedOn: TODAY, version: 2 });
    expect((await file(township, world.townshipA.code, { year: 2026, filedOn: TODAY, version: 1 })).statusCode).toBe(409);

    const list = await world.app.inject({ method: 'GET', url: `/api/summary-tables/${world.countyCode}/filings?year=2026`, headers: { cookie: county } });
    expect(list.statusCode).toBe(200);
    const units = (list.json() as { units: { orgCode: string; filing: { filedOn: string } | null }[] }).units;
    expect(units.find((unit) => unit.orgCode === world.townshipA.code)?.filing).toMatchObject({ filedOn: TODAY });
    expect(units.find((unit) => unit.orgCode === world.townshipB.code)?.filing).toBeNull();
  });
});
