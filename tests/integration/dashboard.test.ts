import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageBandOf } from '../../src/domain/statistics.ts';
import type { TDashboard } from '../../src/modules/dashboard/dashboard.schemas.ts';
import { takeSnapshots } from '../../src/modules/dashboard/take-snapshots.ts';
import { systemContext } from '../../src/server/access.ts';
import { addLedgerPerson, addReserve, countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/** The dashboard's figures are the counts of the data, scoped to the caller's unit; snapshots give the change. */
let world: TestWorld;
let county: string;
let township: string;
let auditor: string;
let townshipB: string;
const TODAY = '2026-11-20';

beforeAll(async () => {
  world = await createTestWorld({ today: TODAY });
  county = await world.login('county');
  township = await world.login('towna');
  townshipB = await world.login('townb');
  auditor = await world.login('auditor');
  const [first, second] = world.townshipA.villageCodes;
  await addReserve(world, township, first!, { name: '甲一', birthDate: '19950101', sex: 'female', education: 'bachelor' });
  await addReserve(world, township, first!, { name: '甲二', birthDate: '19801120', education: 'seniorHigh', politicalStatus: 'masses' });
  await addReserve(world, township, first!, { name: '甲三', birthDate: '19901121' });
  await addReserve(world, township, second!, { name: '乙一', birthDate: '19700505', sex: 'female' });
  await addReserve(world, townshipB, world.townshipB.villageCode, { name: '外镇一', birthDate: '19960301' });
  await addReserve(world, townshipB, world.townshipB.villageCode, { name: '外镇二', birthDate: '19850301', education: 'juniorHigh' });
  const secretary = await addLedgerPerson(world, township, second!, { name: '书记甲', birthDate: '19720301', education: 'juniorCollege' });
  const seated = await world.app.inject({
    method: 'POST', url: `/api/villages/${second}/committee-members`, headers: { cookie: township },
    payload: { personId: secretary.personId, committee: 'party', post: 'secretary', termYear: 2021, startedOn: '2021-10-08' },
  });
  expect(seated.statusCode, seated.body).toBe(201);
});
afterAll(async () => world.close());

async function dashboard(cookie: string, orgCode: string): Promise<TDashboard> {
  const response = await world.app.inject({ method: 'GET', url: `/api/dashboard/${orgCode}`, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as TDashboard;
}

const figure = (board: TDashboard, key: string) => board.figures.find((entry) => entry.key === key)!;
const breakdown = (list: TDashboard['reserves'], name: string): Record<string, number> => Object.fromEntries(list.find((entry) => entry.breakdown === name)!.items.map((item) => [item.code, item.count]));

/** The counts taken directly from the tables, for the subtree of a code prefix. */
async function directCounts(prefix: string) {
  const { rows } = await sql<{ org_code: string; birth_date: string; gender: string; education: string }>`
    SELECT r.org_code, p.birth_date, p.gender, p.education FROM reserve r JOIN person p ON p.id = r.person_id
    WHERE r.status = 'admitted' AND r.org_code LIKE ${`${prefix}%`}`.execute(world.database.db);
  const perVillage = new Map<string, number>();
  for (const row of rows) perVillage.set(row.org_code, (perVillage.get(row.org_code) ?? 0) + 1);
  const bands = new Map<string, number>();
  for (const row of rows) bands.set(ageBandOf(row.birth_date, TODAY), (bands.get(ageBandOf(row.birth_date, TODAY)) ?? 0) + 1);
  const villages = await sql<{ n: number }>`SELECT count(*)::int AS n FROM org_unit WHERE level IN ('village', 'community') AND code LIKE ${`${prefix}%`}`.execute(world.database.db);
  return {
    reserves: rows.length,
    women: rows.filter((row) => row.gender === 'female').length,
    college: rows.filter((row) => ['juniorCollege', 'bachelor', 'postgraduate'].includes(row.education)).length,
    villagesWithTwo: [...perVillage.values()].filter((count) => count >= 2).length,
    villages: villages.rows[0]!.n,
    bands,
  };
}

describe('dashboard figures', () => {
  it('equal the counts of the data for the county', async () => {
    const board = await dashboard(county, world.countyCode);
    const direct = await directCounts(world.countyCode.slice(0, 6));
    expect(direct.reserves).toBe(6);
    expect(figure(board, 'reserves')).toMatchObject({ value: direct.reserves, link: { path: '/reserves', query: { orgCode: world.countyCode, status: 'admitted' } } });
    expect(figure(board, 'villages').value).toBe(direct.villages);
    expect(figure(board, 'villagesWithTwo')).toMatchObject({ value: direct.villagesWithTwo, total: direct.villages });
    expect(breakdown(board.reserves, 'gender')).toMatchObject({ female: direct.women, male: direct.reserves - direct.women });
    const bands = breakdown(board.reserves, 'ageBand');
    for (const [band, count] of direct.bands) expect(bands[band]).toBe(count);
    expect(Object.values(bands).reduce((sum, count) => sum + count, 0)).toBe(direct.reserves);
    const education = breakdown(board.reserves, 'education');
    expect((education.juniorCollege ?? 0) + (education.bachelor ?? 0) + (education.postgraduate ?? 0)).toBe(direct.college);
    expect(board.subunits.map((entry) => entry.code).sort()).toEqual(expect.arrayContaining([world.townshipA.code, world.townshipB.code]));
  });

  it('equal the counts of the data for a township, and its secretaries are counted on the date', async () => {
    const board = await dashboard(township, world.townshipA.code);
    const direct = await directCounts(world.townshipA.code.slice(0, 9));
    expect(figure(board, 'reserves').value).toBe(4);
    expect(direct.reserves).toBe(4);
    expect(figure(board, 'villagesWithTwo').value).toBe(direct.villagesWithTwo);
    expect(figure(board, 'villagesWithYoung').value).toBe(1);
    expect(figure(board, 'secretaries').value).toBe(1);
    expect(figure(board, 'secretaryCollegeShare').value).toBe(100);
    expect(figure(board, 'secretaryAverageAge').value).toBe(54);
    expect(board.villages).toHaveLength(world.townshipA.villageCodes.length);
    expect(board.subunits).toHaveLength(1);
    // The age band of 甲二 (46 on 2026-11-20) drills down to the list with the same ages on the same date.
    const band = board.reserves.find((entry) => entry.breakdown === 'ageBand')!.items.find((item) => item.code === 'from46To50');
    expect(band).toMatchObject({ count: 1, filter: { ageMin: '46', ageMax: '50', referenceDate: TODAY } });
    const list = await world.app.inject({ method: 'GET', url: `/api/reserves?orgCode=${world.townshipA.code}&status=admitted&ageMin=46&ageMax=50&referenceDate=${TODAY}`, headers: { cookie: township } });
    expect(list.json().total).toBe(1);
  });

  it('are scoped: a township sees only its own unit, the auditor the county', async () => {
    const outside = await world.app.inject({ method: 'GET', url: `/api/dashboard/${world.townshipB.code}`, headers: { cookie: township } });
    expect(outside.statusCode).toBe(404);
    const above = await world.app.inject({ method: 'GET', url: `/api/dashboard/${world.countyCode}`, headers: { cookie: township } });
    expect([403, 404]).toContain(above.statusCode);
    const read = await dashboard(auditor, world.countyCode);
    expect(figure(read, 'reserves').value).toBe(6);
  });
});

describe('snapshots', () => {
  it('give each figure its change since the last snapshot, and are taken on demand with an audit event', async () => {
    await takeSnapshots(world.database.db, systemContext('2026-10-01'), world.countyCode);
    const before = await dashboard(county, world.countyCode);
    expect(before.snapshotOn).toBe('2026-10-01');
    expect(figure(before, 'reserves').change).toBe(0);
    await addReserve(world, township, world.townshipA.villageCode, { name: '新增一', birthDate: '19930101' });
    const after = await dashboard(county, world.countyCode);
    expect(figure(after, 'reserves')).toMatchObject({ value: 7, change: 1 });

    const refused = await world.app.inject({ method: 'POST', url: `/api/dashboard/${world.countyCode}/snapshots`, headers: { cookie: auditor } });
    expect(refused.statusCode).toBe(403);
    const events = await countAuditEvents(world.database);
    const taken = await world.app.inject({ method: 'POST', url: `/api/dashboard/${world.townshipA.code}/snapshots`, headers: { cookie: township } });
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json()).toEqual({ units: 1, takenOn: TODAY });
    expect(await countAuditEvents(world.database)).toBe(events + 1);
    const trend = await world.app.inject({ method: 'GET', url: `/api/dashboard/${world.townshipA.code}/snapshots`, headers: { cookie: township } });
    expect((trend.json() as { snapshots: { takenOn: string; figures: Record<string, number> }[] }).snapshots.map((entry) => [entry.takenOn, entry.figures.reserves])).toEqual([[TODAY, 5], ['2026-10-01', 4]]);
  });
});
