import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_BAND_LABELS, ageBandOf } from '../../src/domain/statistics.ts';
import { takeSnapshots } from '../../src/modules/dashboard/take-snapshots.ts';
import { systemContext } from '../../src/server/access.ts';
import { addLedgerPerson, addReserve, countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/** Structure statistics as xlsx: the counts of the seeded data now, or of the snapshot before a past date; scoped and audited. */
let world: TestWorld;
let county: string;
let township: string;
let townshipB: string;
let auditor: string;
const TODAY = '2026-11-20';
const SNAPSHOT_DAY = '2026-10-01';

beforeAll(async () => {
  world = await createTestWorld({ today: TODAY });
  county = await world.login('county');
  township = await world.login('towna');
  townshipB = await world.login('townb');
  auditor = await world.login('auditor');
  const [first, second] = world.townshipA.villageCodes;
  await addReserve(world, township, first!, { name: '构一', birthDate: '19960101', sex: 'female', education: 'bachelor' });
  await addReserve(world, township, first!, { name: '构二', birthDate: '19801120', education: 'seniorHigh', politicalStatus: 'masses' });
  await addReserve(world, townshipB, world.townshipB.villageCode, { name: '构三', birthDate: '19850301', education: 'juniorHigh' });
  const secretary = await addLedgerPerson(world, township, second!, { name: '构书记', birthDate: '19720301', education: 'juniorCollege' });
  const seated = await world.app.inject({
    method: 'POST', url: `/api/villages/${second}/committee-members`, headers: { cookie: township },
    payload: { personId: secretary.personId, committee: 'party', post: 'secretary', termYear: 2021, startedOn: '2021-10-08' },
  });
  expect(seated.statusCode, seated.body).toBe(201);
  await takeSnapshots(world.database.db, systemContext(SNAPSHOT_DAY), world.countyCode);
  // After the snapshot: one more reserve in town A.
  await addReserve(world, township, second!, { name: '构四', birthDate: '19700505', sex: 'female' });
});
afterAll(async () => world.close());

type Sheet = { title: string; subtitle: string; rows: Record<string, string | number | null>[] };

async function readSheet(cookie: string, orgCode: string, query = ''): Promise<Sheet> {
  const response = await world.app.inject({ method: 'GET', url: `/api/structure-statistics/${orgCode}/export${query}`, headers: { cookie } });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
  const rows: Sheet['rows'] = [];
  for (let row = 4; row <= sheet.rowCount; row += 1) {
    rows.push(Object.fromEntries(headers.map((header, index) => [header, (sheet.getCell(row, index + 1).value ?? null) as string | number | null])));
  }
  return { title: String(sheet.getCell(1, 1).value), subtitle: String(sheet.getCell(2, 1).value), rows };
}

/** Count of a grouping's item (or its 合计) in the sheet, for reserves or secretaries. */
function count(sheet: Sheet, group: string, item: string, column: '后备力量（人）' | '在任书记（人）' = '后备力量（人）') {
  return sheet.rows.find((row) => row['分组'] === group && row['项目'] === item)?.[column];
}

/** The admitted reserves of a subtree, read directly from the tables. */
async function directReserves(prefix: string) {
  const { rows } = await sql<{ birth_date: string; gender: string; education: string; political_status: string }>`
    SELECT p.birth_date, p.gender, p.education, p.political_status FROM reserve r JOIN person p ON p.id = r.person_id
    WHERE r.status = 'admitted' AND r.org_code LIKE ${`${prefix}%`}`.execute(world.database.db);
  return rows;
}

describe('structure statistics', () => {
  it('count the county\'s reserves and secretaries today as the data does, each grouping totalled', async () => {
    const events = await countAuditEvents(world.database);
    const sheet = await readSheet(county, world.countyCode);
    expect(await countAuditEvents(world.database)).toBe(events + 1);
    expect(sheet.title).toContain('结构统计');
    expect(sheet.subtitle).toContain(`统计日期：${TODAY}（当日实时统计）`);
    const reserves = await directReserves(world.countyCode.slice(0, 6));
    expect(reserves).toHaveLength(4);
    for (const group of ['年龄结构', '学历结构', '性别结构', '来源结构', '政治面貌', '成熟度']) expect(count(sheet, group, '合计')).toBe(4);
    for (const band of ['upTo30', 'from31To35', 'from36To40', 'from41To45', 'from46To50', 'over50'] as const) {
      expect(count(sheet, '年龄结构', AGE_BAND_LABELS[band]), band).toBe(reserves.filter((row) => ageBandOf(row.birth_date, TODAY) === band).length);
    }
    expect(count(sheet, '性别结构', '女')).toBe(reserves.filter((row) => row.gender === 'female').length);
    expect(count(sheet, '学历结构', '初中')).toBe(reserves.filter((row) => row.education === 'juniorHigh').length);
    expect(count(sheet, '学历结构', '本科')).toBe(reserves.filter((row) => row.education === 'bachelor').length);
    expect(count(sheet, '政治面貌', '群众')).toBe(reserves.filter((row) => row.political_status === 'masses').length);
    // The sitting secretary: 54 on the day, 大专.
    expect(count(sheet, '年龄结构', '50 岁以上', '在任书记（人）')).toBe(1);
    expect(count(sheet, '学历结构', '大专', '在任书记（人）')).toBe(1);
    expect(count(sheet, '来源结构', '合计', '在任书记（人）')).toBeNull();
    expect(sheet.rows.find((row) => row['分组'] === '性别结构' && row['项目'] === '女')?.['占后备力量（%）']).toBe(50);
  });

  it('read the snapshot before a past date, and only the caller\'s unit', async () => {
    const sheet = await readSheet(township, world.townshipA.code, '?date=2026-10-15');
    expect(sheet.subtitle).toContain(`统计日期：2026-10-15（取自 ${SNAPSHOT_DAY} 的统计快照）`);
    // On 1 October town A had 构一 and 构二 (构四 came later; 构三 is in town B).
    expect(count(sheet, '年龄结构', '合计')).toBe(2);
    expect(count(sheet, '性别结构', '女')).toBe(1);
    const now = await readSheet(auditor, world.townshipA.code);
    expect(count(now, '年龄结构', '合计')).toBe(3);
    expect((await world.app.inject({ method: 'GET', url: `/api/structure-statistics/${world.townshipA.code}/export`, headers: { cookie: townshipB } })).statusCode).toBe(404);
  });

  it('say what to choose for a date before any snapshot or after today', async () => {
    const events = await countAuditEvents(world.database);
    const before = await world.app.inject({ method: 'GET', url: `/api/structure-statistics/${world.townshipA.code}/export?date=2026-09-30`, headers: { cookie: township } });
    expect(before.statusCode).toBe(404);
    expect(before.json().message).toBe(`${world.townshipA.name}在 2026-09-30 及以前没有保存结构统计的统计快照（快照每月 1 日生成，保存到乡镇一级）；请选择更晚的日期，或不填日期导出今天的统计`);
    const future = await world.app.inject({ method: 'GET', url: `/api/structure-statistics/${world.townshipA.code}/export?date=2026-11-21`, headers: { cookie: township } });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toBe('统计日期 2026-11-21 晚于今天（2026-11-20），请选择今天或以前的日期');
    expect(await countAuditEvents(world.database)).toBe(events);
  });
});
