import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStatisticalCode } from '../../src/domain/org-code.ts';
import { refreshCountyStatistics } from '../../src/modules/dashboard/county-statistics.ts';
import type { TDashboard } from '../../src/modules/dashboard/dashboard.schemas.ts';
import { takeSnapshots } from '../../src/modules/dashboard/take-snapshots.ts';
import { importCounty } from '../../src/modules/org-units/org-units.service.ts';
import { createUser } from '../../src/modules/users/users.service.ts';
import { systemContext } from '../../src/server/access.ts';
import { addReserve, createTestWorld, TEST_PASSWORD, type TestWorld } from '../helpers/test-app.ts';

/**
 * A city's (and a province's) dashboard adds up its counties' stored counts: the same figures,
 * charts and coverage lines as its counties' live dashboards, counted again when read on a new day,
 * by the server's interval and by a snapshot.
 */
let world: TestWorld;
let city: string;
let county: string;
let otherCounty: string;
let otherTownship: string;
let otherVillage: string;
const TODAY = '2026-11-20';
/** 丹棱县, beside the test county (青神县) in 眉山市. */
const OTHER_COUNTY = toStatisticalCode('511424');
const CITY = toStatisticalCode('511400');

beforeAll(async () => {
  world = await createTestWorld({ today: TODAY });
  const ctx = systemContext(TODAY);
  await importCounty(world.database.db, ctx, '511424');
  const townshipCode = (await world.database.db.selectFrom('org_unit').select('code').where('parent_code', '=', OTHER_COUNTY).where('level', '=', 'township').orderBy('code').executeTakeFirstOrThrow()).code;
  otherVillage = (await world.database.db.selectFrom('org_unit').select('code').where('parent_code', '=', townshipCode).where('level', 'in', ['village', 'community']).orderBy('code').executeTakeFirstOrThrow()).code;
  const make = (username: string, role: 'orgDepartment' | 'townshipCommittee', orgCode: string) => createUser(world.database.db, ctx, {
    username, displayName: username, orgCode, roles: [{ role, orgCode, department: null }], password: TEST_PASSWORD, mustChangePassword: false,
  });
  await make('cityorg', 'orgDepartment', CITY);
  await make('dlcounty', 'orgDepartment', OTHER_COUNTY);
  await make('dltown', 'townshipCommittee', townshipCode);
  city = await world.login('cityorg');
  county = await world.login('county');
  otherCounty = await world.login('dlcounty');
  otherTownship = await world.login('dltown');
  const township = await world.login('towna');
  const [first, second] = world.townshipA.villageCodes;
  await addReserve(world, township, first!, { name: '甲一', birthDate: '19950101', sex: 'female', education: 'bachelor' });
  await addReserve(world, township, first!, { name: '甲二', birthDate: '19801120' });
  await addReserve(world, township, second!, { name: '乙一', birthDate: '19700505' });
  await addReserve(world, otherTownship, otherVillage, { name: '丹一', birthDate: '19990301', sex: 'female' });
  await addReserve(world, otherTownship, otherVillage, { name: '丹二', birthDate: '19850301', education: 'juniorHigh' });
});
afterAll(async () => world.close());

async function dashboard(cookie: string, orgCode: string): Promise<TDashboard> {
  const response = await world.app.inject({ method: 'GET', url: `/api/dashboard/${orgCode}`, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as TDashboard;
}

const values = (board: TDashboard) => Object.fromEntries(board.figures.filter((entry) => entry.key !== 'campaignProgress').map((entry) => [entry.key, entry.value]));
const charts = (list: TDashboard['reserves']) => Object.fromEntries(list.map((entry) => [entry.breakdown, Object.fromEntries(entry.items.map((item) => [item.code, item.count]))]));

describe("a city's dashboard from its counties' counts", () => {
  it("equals its counties' live dashboards added up, with one coverage line per county and the time they were counted", async () => {
    const [own, other, added] = [await dashboard(county, world.countyCode), await dashboard(otherCounty, OTHER_COUNTY), await dashboard(city, CITY)];
    expect(own.countedAt).toBeNull();
    expect(added.countedAt).not.toBeNull();
    const sum = (key: string) => Number(values(own)[key]) + Number(values(other)[key]);
    for (const key of ['reserves', 'villages', 'villagesWithTwo', 'villagesWithYoung', 'villagesWithSuccessor', 'secretaries', 'mentorContactsThisMonth']) {
      expect(values(added)[key], key).toBe(sum(key));
    }
    expect(values(added).reserves).toBe(5);
    // The city's gender chart is the two counties' added up, code by code.
    expect(charts(added.reserves).gender).toMatchObject({ female: 2, male: 3 });
    expect(charts(added.reserves).education!.juniorHigh).toBe(1);
    expect(added.subunitLevel).toBe('county');
    const lines = Object.fromEntries(added.subunits.map((line) => [line.code, line]));
    expect(lines[world.countyCode]).toMatchObject({ reserves: 3, villages: own.subunits.reduce((total, line) => total + line.villages, 0) });
    expect(lines[OTHER_COUNTY]).toMatchObject({ reserves: 2, counts: { atLeastTwo: 1 } });
    // A chart item of the city still drills down to the city's list.
    expect(added.reserves.find((entry) => entry.breakdown === 'education')!.items.find((item) => item.code === 'juniorHigh')!.filter).toEqual({ education: 'juniorHigh' });
  });

  it("holds its counties' counts until they are counted again: by the server's interval, or by a snapshot", async () => {
    const before = values(await dashboard(city, CITY)).reserves!;
    await addReserve(world, otherTownship, otherVillage, { name: '丹三', birthDate: '19920301' });
    // The county counts live at once; the city reads the counts stored earlier today.
    expect(values(await dashboard(otherCounty, OTHER_COUNTY)).reserves).toBe(3);
    expect(values(await dashboard(city, CITY)).reserves).toBe(before);
    // The server's interval: counties counted before now are counted again.
    const counted = await refreshCountyStatistics(world.database.db, '51', TODAY, new Date(Date.now() + 1000));
    expect(counted).toBeGreaterThanOrEqual(2);
    expect(values(await dashboard(city, CITY)).reserves).toBe(before + 1);
    // A snapshot counts the counties of its subtree and stores the city's figures as the dashboard shows them.
    await addReserve(world, otherTownship, otherVillage, { name: '丹四', birthDate: '19930301' });
    const taken = await takeSnapshots(world.database.db, systemContext(TODAY), CITY);
    expect(taken.units).toBeGreaterThanOrEqual(3);
    expect(values(await dashboard(city, CITY)).reserves).toBe(before + 2);
    const snapshot = await world.database.db.selectFrom('statistics_snapshot').select('figures').where('org_code', '=', CITY).where('taken_on', '=', TODAY).executeTakeFirstOrThrow();
    expect(snapshot.figures.reserves).toBe(before + 2);
  });

  it('counts again on a new day, when it is read, the counties counted on an earlier day', async () => {
    const stored = await world.database.db.selectFrom('county_statistics').select(['county_code', 'counted_on']).where('county_code', '=', OTHER_COUNTY).executeTakeFirstOrThrow();
    expect(stored.counted_on).toBe(TODAY);
    await addReserve(world, otherTownship, otherVillage, { name: '丹五', birthDate: '19940301' });
    await world.database.db.updateTable('county_statistics').set({ counted_on: '2026-11-19' }).where('county_code', '=', OTHER_COUNTY).execute();
    const board = await dashboard(city, CITY);
    const live = values(await dashboard(otherCounty, OTHER_COUNTY)).reserves!;
    expect(board.subunits.find((line) => line.code === OTHER_COUNTY)!.reserves).toBe(live);
    const again = await world.database.db.selectFrom('county_statistics').select('counted_on').where('county_code', '=', OTHER_COUNTY).executeTakeFirstOrThrow();
    expect(again.counted_on).toBe(TODAY);
  });

  it('is scoped: a county cannot read the city above it (as if it did not exist)', async () => {
    const response = await world.app.inject({ method: 'GET', url: `/api/dashboard/${CITY}`, headers: { cookie: county } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).not.toHaveProperty('figures');
  });
});
