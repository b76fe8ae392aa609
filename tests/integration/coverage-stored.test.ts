import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReserve, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/**
 * Above a county the coverage page reads the stored coverage of every village. It must say what
 * the county's live page says after every kind of change: reserves, a reserve's readiness, the
 * passing of a day that takes a reserve over the young age, and the policy's young age.
 */
let world: TestWorld;
let county: string;
let township: string;
let admin: string;
let cityCode: string;
let today = '2026-11-20';
let olderReserveId: string;

beforeAll(async () => {
  world = await createTestWorld({ clock: { today: () => today } });
  county = await world.login('county');
  township = await world.login('towna');
  admin = await world.login('admin');
  cityCode = `${world.countyCode.slice(0, 4)}00000000`;
});
afterAll(async () => world.close());

async function coverage(cookie: string, orgCode: string) {
  const response = await world.app.inject({ method: 'GET', url: `/api/coverage/${orgCode}`, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The city's stored figures against the county's live ones (the city holds only the test county). */
async function expectCityAgreesWithCounty() {
  const [city, live] = [await coverage(admin, cityCode), await coverage(county, world.countyCode)];
  expect(city.level).toBe('city');
  expect(city.summary).toEqual(live.summary);
  expect(city.subunitLevel).toBe('county');
  expect(city.subunits).toEqual([{ code: world.countyCode, name: live.name, ...live.summary }]);
  expect(live.subunitLevel).toBe('township');
  expect(city.villagesTotal).toBe(live.villagesTotal);
  expect(city.villages).toEqual(live.villages);
  return city;
}

interface CoverageVillage { orgCode: string; young: number; mature: number; isShort: boolean; rules: { rule: string; met: boolean; shortSince: string | null }[] }
const villageOf = (page: { villages: CoverageVillage[] }, code: string) => page.villages.find((village) => village.orgCode === code);

describe('coverage above a county, from the stored coverage of the villages', () => {
  it('agrees with the live county page from the first reading', async () => {
    const city = await expectCityAgreesWithCounty();
    expect(city.summary.villages).toBeGreaterThan(2);
    expect(city.summary.shortVillages).toBe(city.summary.villages);
  });

  it('follows an admission at once', async () => {
    await addReserve(world, township, world.townshipA.villageCode, { name: '明天满三十六', birthDate: '19901121' });
    olderReserveId = (await addReserve(world, township, world.townshipA.villageCode, { name: '年长者', birthDate: '19800101' })).reserveId;
    const city = await expectCityAgreesWithCounty();
    expect(city.summary.reserves).toBe(2);
    expect(villageOf(city, world.townshipA.villageCode), 'two reserves, one young: covered').toBeUndefined();
  });

  it('follows the day a reserve turns 36 without any change to the data', async () => {
    today = '2026-11-21';
    const city = await expectCityAgreesWithCounty();
    const village = villageOf(city, world.townshipA.villageCode);
    expect(village).toMatchObject({ young: 0, isShort: true });
    expect(village?.rules.find((rule) => rule.rule === 'youngReserve')).toMatchObject({ met: false, shortSince: '2026-11-21' });
  });

  it('follows a change of readiness', async () => {
    const list = await world.app.inject({ method: 'GET', url: `/api/reserves?orgCode=${world.townshipA.villageCode}`, headers: { cookie: township } });
    expect(list.statusCode, list.body).toBe(200);
    const older = list.json().reserves.find((item: { id: string }) => item.id === olderReserveId);
    const updated = await world.app.inject({ method: 'PATCH', url: `/api/reserves/${older.id}`, headers: { cookie: township }, payload: { readiness: 'readyNow', version: older.version } });
    expect(updated.statusCode, updated.body).toBe(200);
    const city = await expectCityAgreesWithCounty();
    expect(villageOf(city, world.townshipA.villageCode)).toMatchObject({ mature: 1 });
  });

  it('follows a new young age in the county policy', async () => {
    const effective = await world.app.inject({ method: 'GET', url: `/api/eligibility-policies/effective?orgCode=${world.countyCode}`, headers: { cookie: county } });
    const rules = { ...effective.json().rules, youngReserveMaximumAge: 40 };
    const saved = await world.app.inject({ method: 'POST', url: '/api/eligibility-policies', headers: { cookie: county }, payload: { orgCode: world.countyCode, rules, note: '青年后备力量年龄按 40 岁以下掌握', basedOnVersion: null } });
    expect(saved.statusCode, saved.body).toBe(201);
    const city = await expectCityAgreesWithCounty();
    expect(villageOf(city, world.townshipA.villageCode), 'young again under the new age: covered').toBeUndefined();
  });
});
