import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLedgerPerson, addReserve, countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/**
 * A county's eligibility policy, versioned: saving a new version re-evaluates everyone it governs
 * and says who changed from eligible to not and back. Ages are taken at the default reference
 * date 2026-03-31.
 */
let world: TestWorld;
let county: string;
let township: string;

beforeAll(async () => {
  // The nomination below is dated August 2026: the app runs on a day after it.
  world = await createTestWorld({ today: '2026-11-20' });
  county = await world.login('county');
  township = await world.login('towna');
  const villageA = world.townshipA.villageCode;
  const villageB = world.townshipB.villageCode;
  await addReserve(world, county, villageA, { name: '三十岁', birthDate: '19960101' });
  await addReserve(world, county, villageA, { name: '刚满三十五', birthDate: '19910331' });
  await addReserve(world, county, villageB, { name: '三十六岁', birthDate: '19900101' });
  await addReserve(world, county, villageB, { name: '四十四岁', birthDate: '19811201' });
  await addReserve(world, county, villageA, { name: '高中学历', birthDate: '19960101', education: 'seniorHigh' });
  await addReserve(world, county, villageA, { name: '群众身份', birthDate: '19960101', politicalStatus: 'masses' });
  // An in-progress candidate is re-evaluated too.
  const person = await addLedgerPerson(world, county, villageB, { name: '四十岁人选', birthDate: '19851001' });
  const nominated = await world.app.inject({
    method: 'POST', url: '/api/selection-candidates', headers: { cookie: county },
    payload: { orgCode: villageB, personId: person.personId, channel: 'organization', profile: 'mature', targetPost: 'secretary', sourceCategory: 'graduate', nominatedOn: '2026-08-02', meeting: { kind: '支部委员会', heldOn: '2026-08-01', minutes: '研究推荐' } },
  });
  expect(nominated.statusCode, nominated.body).toBe(201);
});
afterAll(async () => world.close());

async function post(cookie: string, url: string, payload: object) {
  const response = await world.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  return { status: response.statusCode, body: response.json() };
}

async function effectiveRules() {
  const response = await world.app.inject({ method: 'GET', url: `/api/eligibility-policies/effective?orgCode=${world.countyCode}`, headers: { cookie: county } });
  return response.json();
}

const names = (people: { name: string }[]) => people.map((person) => person.name).sort();

describe('eligibility policy versions', () => {
  it('starts from the built-in default, inherited by every unit', async () => {
    const effective = await effectiveRules();
    expect(effective.source).toEqual({ orgCode: null, orgName: '系统默认（三年行动方案）', versionNumber: null });
    expect(effective.rules).toMatchObject({ maximumAge: 45, minimumEducation: 'juniorCollege', requiredPoliticalStatuses: ['fullMember'], publicNotice: { workingDays: 3, postingDayCounts: true } });
    const village = await world.app.inject({ method: 'GET', url: `/api/eligibility-policies/effective?orgCode=${world.townshipA.villageCode}`, headers: { cookie: township } });
    expect(village.json()).toMatchObject({ source: { orgCode: null }, policies: { update: false } });
  });

  it('previews a lower age limit: who becomes ineligible, with the failing rule', async () => {
    const rules = { ...(await effectiveRules()).rules, maximumAge: 35 };
    const before = await countAuditEvents(world.database);
    const preview = await post(county, '/api/eligibility-policies/preview', { orgCode: world.countyCode, rules });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.evaluated).toBe(7);
    expect(names(preview.body.becameIneligible)).toEqual(['三十六岁', '四十四岁', '四十岁人选'].sort());
    expect(preview.body.becameIneligible.find((person: { name: string }) => person.name === '三十六岁').failedRules).toEqual(['年龄 36 岁，超过 35 周岁上限（以 2026-03-31 计）']);
    expect(preview.body.becameIneligible.find((person: { name: string }) => person.name === '四十岁人选').kind).toBe('candidate');
    expect(preview.body.becameEligible).toEqual([]);
    expect(preview.body.unchangedEligible).toBe(2);
    expect(preview.body.unchangedIneligible).toBe(2);
    expect(await countAuditEvents(world.database)).toBe(before);
  });

  it('saves the version with the same diff, and the reverse change brings them back', async () => {
    const current = (await effectiveRules()).rules;
    const saved = await post(county, '/api/eligibility-policies', { orgCode: world.countyCode, rules: { ...current, maximumAge: 35 }, note: '按县委通知，年龄放宽至 35 周岁左右', basedOnVersion: null });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.version).toMatchObject({ versionNumber: 1, orgCode: world.countyCode, createdBy: 'county' });
    expect(names(saved.body.diff.becameIneligible)).toEqual(['三十六岁', '四十四岁', '四十岁人选'].sort());
    expect((await effectiveRules()).source).toMatchObject({ orgCode: world.countyCode, versionNumber: 1 });

    const stale = await post(county, '/api/eligibility-policies', { orgCode: world.countyCode, rules: current, note: '恢复', basedOnVersion: null });
    expect(stale).toMatchObject({ status: 409, body: { message: '该单位的资格条件已被他人修改，请刷新后重新编辑（您的修改未保存）' } });

    // Back to 45 with 高中 accepted and any political status: five become eligible again.
    const relaxed = await post(county, '/api/eligibility-policies', {
      orgCode: world.countyCode, rules: { ...current, maximumAge: 45, minimumEducation: 'seniorHigh', requiredPoliticalStatuses: [] }, note: '青神县口径', basedOnVersion: 1,
    });
    expect(relaxed.status, JSON.stringify(relaxed.body)).toBe(201);
    expect(names(relaxed.body.diff.becameEligible)).toEqual(['三十六岁', '四十四岁', '四十岁人选', '高中学历', '群众身份'].sort());
    expect(relaxed.body.diff.becameEligible.find((person: { name: string }) => person.name === '高中学历').failedRulesBefore).toEqual(['学历高中（中专），低于大专及以上的要求']);
    expect(relaxed.body.diff.becameIneligible).toEqual([]);
    const versions = await world.app.inject({ method: 'GET', url: `/api/eligibility-policies?orgCode=${world.countyCode}`, headers: { cookie: county } });
    expect(versions.json().versions.map((version: { versionNumber: number; note: string }) => `${version.versionNumber} ${version.note}`)).toEqual(['2 青神县口径', '1 按县委通知，年龄放宽至 35 周岁左右']);
  });

  it('lets only the org department set policies, and only for a county or above', async () => {
    const rules = (await effectiveRules()).rules;
    expect((await post(township, '/api/eligibility-policies/preview', { orgCode: world.townshipA.code, rules })).body.message).toBe('您没有制定该单位的资格条件的权限');
    const level = await post(county, '/api/eligibility-policies', { orgCode: world.townshipA.code, rules, note: '乡镇自定', basedOnVersion: null });
    expect(level).toMatchObject({ status: 400, body: { message: `资格条件由县（市、区）以上组织部门制定，「${world.townshipA.name}」沿用上级的资格条件` } });
    const bad = await post(county, '/api/eligibility-policies/preview', { orgCode: world.countyCode, rules: { ...rules, maximumAge: 12 } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('年龄上限不能低于 18 周岁');
  });
});
