import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCampaignView } from '../../src/modules/campaigns/campaign.schemas.ts';
import type { TDashboard } from '../../src/modules/dashboard/dashboard.schemas.ts';
import { takeSnapshots } from '../../src/modules/dashboard/take-snapshots.ts';
import { systemContext } from '../../src/server/access.ts';
import { addReserve, countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/** The three-year campaign: seed 000's milestones done by the data or by hand, due and overdue, rolled up; the targets from the baseline. */
let world: TestWorld;
let county: string;
let township: string;
const TODAY = '2026-11-20';

beforeAll(async () => {
  world = await createTestWorld({ today: TODAY });
  county = await world.login('county');
  township = await world.login('towna');
  await takeSnapshots(world.database.db, systemContext('2026-01-01'), world.countyCode);
  await addReserve(world, township, world.townshipA.villageCode, { name: '行一', birthDate: '19950101' });
  await addReserve(world, township, world.townshipA.villageCode, { name: '行二', birthDate: '19850101' });
});
afterAll(async () => world.close());

const send = (cookie: string, method: 'POST' | 'PATCH', url: string, payload: object) => world.app.inject({ method, url, headers: { cookie }, payload });
const campaignInput = { name: '村级党组织书记后备力量培育储备三年行动', startYear: 2026, startedOn: '2026-01-01', matureReservesDeadline: '2026-12-31', secretaryCollegeShare: 60, secretaryAverageAge: 45 };

async function view(id: string, orgCode: string): Promise<TCampaignView> {
  const response = await world.app.inject({ method: 'GET', url: `/api/campaigns/${id}?orgCode=${orgCode}`, headers: { cookie: county } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as TCampaignView;
}

describe('the three-year campaign', () => {
  it('is made by the county from seed 000\'s template, and its milestones are done by the data, by hand, or overdue', async () => {
    expect((await send(township, 'POST', '/api/campaigns', { ...campaignInput, orgCode: world.countyCode })).statusCode).toBe(404);
    const events = await countAuditEvents(world.database);
    const created = await send(county, 'POST', '/api/campaigns', { ...campaignInput, orgCode: world.countyCode });
    expect(created.statusCode, created.body).toBe(201);
    expect(await countAuditEvents(world.database)).toBe(events + 1);
    const id = (created.json() as { id: string }).id;

    let seen = await view(id, world.townshipA.code);
    const milestone = (code: string) => seen.milestones.find((entry) => entry.code === code)!;
    const unitState = (code: string, orgCode: string) => milestone(code).townships.flatMap((township) => township.units).find((unit) => unit.orgCode === orgCode)!;
    expect(milestone('survey')).toMatchObject({ deadline: '2026-08-25', appliesTo: 'village' });
    // Two reserves: the shortlist of two is done by the data; the other villages of the township are overdue since 10-01.
    expect(unitState('shortlist', world.townshipA.villageCode)).toMatchObject({ status: 'done', doneBy: 'data' });
    const others = world.townshipA.villageCodes.length - 1;
    expect(milestone('shortlist').total).toMatchObject({ done: 1, overdue: others, status: others > 0 ? 'overdue' : 'done' });
    expect(unitState('survey', world.townshipA.villageCode)).toMatchObject({ status: 'overdue', doneBy: null });

    // The survey confirmed by hand, with its evidence.
    const survey = milestone('survey');
    const future = await send(township, 'POST', `/api/campaign-milestones/${survey.id}/confirmations`, { orgCode: world.townshipA.villageCode, confirmedOn: '2026-11-21', evidence: '会议记录' });
    expect(future.statusCode).toBe(400);
    const wrongLevel = await send(township, 'POST', `/api/campaign-milestones/${survey.id}/confirmations`, { orgCode: world.townshipA.code, confirmedOn: '2026-08-20', evidence: '会议记录' });
    expect(wrongLevel.json().message).toBe('「全面摸排，提出初步人选名单并经村“两委”会议讨论」由各村（社区）完成，请选择村（社区）');
    const confirmed = await send(township, 'POST', `/api/campaign-milestones/${survey.id}/confirmations`, { orgCode: world.townshipA.villageCode, confirmedOn: '2026-08-20', evidence: '2026 年 8 月 20 日村“两委”会议记录' });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect((await send(township, 'POST', `/api/campaign-milestones/${survey.id}/confirmations`, { orgCode: world.townshipA.villageCode, confirmedOn: '2026-08-20', evidence: '再次' })).statusCode).toBe(409);

    // The 汇总表 filed by township A: done by the data for A, overdue for B, rolled up in the county.
    expect((await send(township, 'POST', `/api/summary-tables/${world.townshipA.code}/filings`, { year: 2026, filedOn: '2026-10-30', version: null })).statusCode).toBe(201);
    seen = await view(id, world.countyCode);
    const summary = milestone('summaryTable');
    expect(summary.townships.find((entry) => entry.code === world.townshipA.code)).toMatchObject({ done: 1, status: 'done' });
    expect(summary.townships.find((entry) => entry.code === world.townshipB.code)).toMatchObject({ overdue: 1, status: 'overdue' });
    expect(summary.total.done).toBe(1);

    // A later deadline makes the overdue due again; a deadline outside the three years is refused.
    const shortlist = milestone('shortlist');
    const outside = await send(county, 'PATCH', `/api/campaign-milestones/${shortlist.id}`, { deadline: '2029-01-01', version: shortlist.version });
    expect(outside.statusCode).toBe(400);
    const moved = await send(county, 'PATCH', `/api/campaign-milestones/${shortlist.id}`, { deadline: '2026-12-31', version: shortlist.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await send(county, 'PATCH', `/api/campaign-milestones/${shortlist.id}`, { deadline: '2026-12-30', version: shortlist.version })).statusCode).toBe(409);
    seen = await view(id, world.townshipA.code);
    expect(unitState('shortlist', world.townshipA.villageCodes.find((code) => code !== world.townshipA.villageCode) ?? world.townshipA.villageCode).status).not.toBe('overdue');

    // Targets: the baseline is the snapshot at the start; the secretaries' age target falls.
    expect(seen.baselineOn).toBe('2026-01-01');
    const age = seen.targets.find((target) => target.key === 'secretaryAverageAge')!;
    expect(age).toMatchObject({ direction: 'fall', target: 45 });
    const young = seen.targets.find((target) => target.key === 'villagesWithYoungMember')!;
    expect(young).toMatchObject({ direction: 'rise', baseline: 0, now: 0, isMet: false });

    // The dashboard shows the campaign's progress.
    const board = (await world.app.inject({ method: 'GET', url: `/api/dashboard/${world.countyCode}`, headers: { cookie: county } })).json() as TDashboard;
    expect(board.figures.find((figure) => figure.key === 'campaignProgress')!.value).toBe(seen.progress.progress === null ? null : (await view(id, world.countyCode)).progress.progress);
  });
});
