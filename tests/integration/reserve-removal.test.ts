import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReserve, countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';
import { setAdmittedOn } from './cultivation-fixtures.ts';

/** Removal (取消资格): the village proposes, the township approves, the county files; coverage follows at once. */
let world: TestWorld;
let township: string;
let clerk: string;
let county: string;
let otherTownship: string;
const TODAY = '2026-11-20';

beforeAll(async () => {
  world = await createTestWorld({ today: TODAY });
  township = await world.login('towna');
  clerk = await world.login('villagea');
  county = await world.login('county');
  otherTownship = await world.login('townb');
});
afterAll(async () => world.close());

const post = (cookie: string, url: string, payload: object) => world.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const village = () => world.townshipA.villageCode;

async function villageCoverage() {
  const response = await world.app.inject({ method: 'GET', url: `/api/coverage/${world.townshipA.code}`, headers: { cookie: township } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().villages.find((entry: { orgCode: string }) => entry.orgCode === village());
}

async function expectRefused(request: Promise<{ statusCode: number; json: () => { message: string } }>, status: number, message: string) {
  const events = await countAuditEvents(world.database);
  const response = await request;
  expect(response.statusCode).toBe(status);
  expect(response.json().message).toBe(message);
  expect(await countAuditEvents(world.database)).toBe(events);
}

describe('removal of a reserve', () => {
  it('takes a village from two reserves to one, flags it at once, and clears the flag when a new reserve is admitted', async () => {
    const young = await addReserve(world, township, village(), { name: '年轻甲', birthDate: '19950101' });
    const older = await addReserve(world, township, village(), { name: '年长乙', birthDate: '19800101' });
    const before = await villageCoverage();
    expect(before.reserves).toBe(2);
    expect(before.rules.find((rule: { rule: string }) => rule.rule === 'minimumReserves').met).toBe(true);

    // Illegal moves, each refused with its message and without an audit event.
    const proposal = { reserveId: older.reserveId, reasonCode: 'poorPerformance', reasonText: '连续两个季度未参加村务工作', proposedOn: '2026-11-18' };
    await expectRefused(post(township, '/api/reserve-removals', proposal), 403, '「提出调整建议」由村（社区）党组织办理，您的角色不能办理这一步');
    const foreign = await addReserve(world, otherTownship, world.townshipB.villageCode, { name: '外镇丙' });
    await expectRefused(post(clerk, '/api/reserve-removals', { ...proposal, reserveId: foreign.reserveId }), 404, '后备力量不存在或不在您的管理范围内');
    await expectRefused(post(clerk, '/api/reserve-removals', { ...proposal, reasonCode: 'noSuchReason' }), 400, '调整原因「noSuchReason」不在字典中，请从下拉列表中选择');

    const proposed = await post(clerk, '/api/reserve-removals', proposal);
    expect(proposed.statusCode, proposed.body).toBe(201);
    const removal = proposed.json();
    expect(removal).toMatchObject({ status: 'proposed', reasonLabel: '现实表现不好', personName: '年长乙', proposedBy: 'villagea' });
    await expectRefused(post(clerk, '/api/reserve-removals', proposal), 409, '年长乙已有待乡镇审批的调整建议');

    await expectRefused(post(clerk, `/api/reserve-removals/${removal.id}/decision`, { decision: 'approve', decidedOn: '2026-11-19', version: removal.version }), 403, '「审批同意调整」由乡镇党委办理，您的角色不能办理这一步');
    await expectRefused(post(county, `/api/reserve-removals/${removal.id}/filing`, { filedOn: '2026-11-19', version: removal.version }), 409, '乡镇党委尚未审批，不能备案');
    await expectRefused(post(township, `/api/reserve-removals/${removal.id}/decision`, { decision: 'approve', decidedOn: '2026-11-17', version: removal.version }), 400, '日期（2026-11-17）不能早于提出调整建议的日期（2026-11-18）');
    expect((await villageCoverage()).reserves).toBe(2);

    const approved = await post(township, `/api/reserve-removals/${removal.id}/decision`, { decision: 'approve', decidedOn: '2026-11-19', note: '同意', version: removal.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'towna', policies: { decide: false, file: false } });

    const flagged = await villageCoverage();
    expect(flagged.reserves).toBe(1);
    expect(flagged.isShort).toBe(true);
    expect(flagged.rules.find((rule: { rule: string }) => rule.rule === 'minimumReserves')).toMatchObject({ met: false, shortSince: TODAY, explanation: '现有后备力量 1 名，要求不少于 2 名' });
    const stored = await world.database.db.selectFrom('coverage_shortfall').selectAll().where('org_code', '=', village()).execute();
    expect(stored.map((row) => [row.rule, row.short_since])).toEqual([['minimumReserves', TODAY]]);

    const history = (await world.app.inject({ method: 'GET', url: `/api/reserves/${older.reserveId}/history`, headers: { cookie: township } })).json();
    expect(history.at(-1)).toMatchObject({ fromStatus: 'admitted', toStatus: 'removed', reason: '调整出库（现实表现不好）：连续两个季度未参加村务工作；乡镇党委 2026-11-19 批准' });
    const ledger = await world.database.db.selectFrom('talent_ledger_entry').select('id').where('id', '=', older.ledgerEntryId).execute();
    expect(ledger, 'the person stays in the talent ledger').toHaveLength(1);

    const filed = await post(county, `/api/reserve-removals/${removal.id}/filing`, { filedOn: '2026-11-20', version: approved.json().version });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ status: 'filed', filedBy: 'county' });
    await expectRefused(post(county, `/api/reserve-removals/${removal.id}/filing`, { filedOn: '2026-11-20', version: filed.json().version }), 409, '该调整建议已备案，不能备案');

    await addReserve(world, township, village(), { name: '补充丁', birthDate: '19920101' });
    const replenished = await villageCoverage();
    expect(replenished.isShort).toBe(false);
    expect(await world.database.db.selectFrom('coverage_shortfall').selectAll().where('org_code', '=', village()).execute()).toEqual([]);
    expect(young.reserveId).toBeTruthy();
  });

  it('refuses to remove a reserve already removed, and lists proposals within the caller\'s subtree only', async () => {
    const reserve = await addReserve(world, township, village(), { name: '拒绝戊' });
    const proposed = (await post(clerk, '/api/reserve-removals', { reserveId: reserve.reserveId, reasonCode: 'ownRequest', reasonText: '本人外出务工，申请退出', proposedOn: '2026-11-20' })).json();
    const refused = await post(township, `/api/reserve-removals/${proposed.id}/decision`, { decision: 'refuse', decidedOn: '2026-11-20', note: '再观察一年', version: proposed.version });
    expect(refused.json()).toMatchObject({ status: 'refused' });
    const mine = (await world.app.inject({ method: 'GET', url: '/api/reserve-removals', headers: { cookie: township } })).json();
    expect(mine.removals.map((removal: { personName: string }) => removal.personName)).toContain('拒绝戊');
    const theirs = (await world.app.inject({ method: 'GET', url: '/api/reserve-removals', headers: { cookie: otherTownship } })).json();
    expect(theirs.removals).toEqual([]);
  });

  it('suggests for adjustment the reserves with a failed or two middling annual results or who fail the policy, within the caller\'s subtree', async () => {
    const failing = await addReserve(world, township, village(), { name: '考核不合格', birthDate: '19900101' });
    const middling = await addReserve(world, township, village(), { name: '两次基本合格', birthDate: '19900101' });
    const activist = await addReserve(world, township, village(), { name: '尚未入党', birthDate: '19900101', politicalStatus: 'activist' });
    const fine = await addReserve(world, township, village(), { name: '表现良好', birthDate: '19900101' });
    for (const reserve of [failing, middling, fine]) await setAdmittedOn(world, reserve.reserveId, '2023-01-01');
    const annual = async (reserveId: string, year: number, grade: string) => {
      const response = await post(township, '/api/assessments', { reserveId, kind: 'annual', assessor: 'township', year, grade, opinion: '年度考核', assessedOn: `${year}-12-20` });
      expect(response.statusCode, response.body).toBe(201);
    };
    await annual(failing.reserveId, 2024, 'competent');
    await annual(failing.reserveId, 2025, 'incompetent');
    await annual(middling.reserveId, 2024, 'basicallyCompetent');
    await annual(middling.reserveId, 2025, 'basicallyCompetent');
    await annual(fine.reserveId, 2025, 'competent');

    const list = await world.app.inject({ method: 'GET', url: `/api/reserve-adjustments?orgCode=${village()}`, headers: { cookie: clerk } });
    expect(list.statusCode, list.body).toBe(200);
    const byName = new Map(list.json().suggestions.map((entry: { personName: string }) => [entry.personName, entry]));
    expect(byName.get('考核不合格')).toMatchObject({ reasons: ['最近一次年度考核不合格'], policies: { propose: true } });
    expect(byName.get('两次基本合格')).toMatchObject({ reasons: ['年度考核 2 次基本合格'] });
    expect(byName.get('尚未入党')).toMatchObject({ reasons: [expect.stringMatching(/^已不符合资格条件：/)] });
    expect(byName.has('表现良好')).toBe(false);
    expect(activist.reserveId).toBeTruthy();

    const townshipView = (await world.app.inject({ method: 'GET', url: '/api/reserve-adjustments', headers: { cookie: township } })).json();
    expect(townshipView.suggestions.find((entry: { personName: string }) => entry.personName === '考核不合格')).toMatchObject({ policies: { propose: false } });
    const theirs = (await world.app.inject({ method: 'GET', url: '/api/reserve-adjustments', headers: { cookie: otherTownship } })).json();
    expect(theirs.suggestions).toEqual([]);
    const foreign = await world.app.inject({ method: 'GET', url: `/api/reserve-adjustments?orgCode=${village()}`, headers: { cookie: otherTownship } });
    expect(foreign.statusCode).toBe(404);
  });
});
