import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpCalls } from '../helpers/http-calls.ts';
import { addLedgerPerson, addReserve, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/**
 * 择优使用: a secretary adjusted (调整撤换) opens a vacancy; the suggestions rank the own village's
 * ready reserve first; a cross-village appointment goes through approval, filing, both villages'
 * notices (across the National Day holiday) and objections to the day it takes effect.
 */
let world: TestWorld;
let township: string;
let county: string;
let clerk: string;
const TODAY = '2026-10-20';

beforeAll(async () => {
  world = await createTestWorld({ today: TODAY });
  township = await world.login('towna');
  county = await world.login('county');
  clerk = await world.login('villagea');
});
afterAll(async () => world.close());
const { call, ok, refused } = httpCalls(() => world);

/** An entry of a response body (the bodies are checked by value below). */
interface Json { [key: string]: unknown }
async function readyReserve(orgCode: string, name: string, birthDate: string) {
  const reserve = await addReserve(world, township, orgCode, { name, birthDate });
  await ok(township, 'PATCH', `/api/reserves/${reserve.reserveId}`, { readiness: 'readyNow', version: 1 });
  return reserve;
}

describe('appointment of a reserve to a vacancy', () => {
  it('opens a vacancy when the secretary is adjusted, ranks the own village first, and takes a cross-village appointment to effect', async () => {
    const village = world.townshipA.villageCode;
    const neighbour = world.townshipA.villageCodes.find((code) => code !== village)!;
    const sitting = await addLedgerPerson(world, township, village, { name: '原书记', birthDate: '19700301' });
    const member = await ok(township, 'POST', `/api/villages/${village}/committee-members`, { personId: sitting.personId, committee: 'party', post: 'secretary', termYear: 2021, startedOn: '2021-10-08' });
    expect(member).toMatchObject({ postLabel: '书记', committeeLabel: '村党组织委员会', termYear: 2021 });
    await refused(clerk, 'POST', `/api/committee-members/${member.id}/leaving`, { endedOn: '2026-09-20', reason: 'adjusted', version: member.version }, 403, '您没有登记“两委”成员离任的权限');
    const left = await ok(township, 'POST', `/api/committee-members/${member.id}/leaving`, { endedOn: '2026-09-20', reason: 'adjusted', version: member.version });
    expect(left.vacancyId).toEqual(expect.any(String));

    const own = await readyReserve(village, '本村甲', '19900506');
    const cross = await readyReserve(neighbour, '邻村乙', '19880202');
    await readyReserve(village, '年长丙', '19790101');
    const suggested = await ok(township, 'GET', `/api/vacancies/${left.vacancyId}/suggestions`);
    expect(suggested.vacancy).toMatchObject({ postLabel: '村党组织委员会书记', cause: '原书记调整撤换', openedOn: '2026-09-20' });
    expect(suggested.suggestions.map((entry: Json) => [entry.name, entry.proximity, entry.isEligible])).toEqual([
      ['本村甲', 'ownVillage', true], ['邻村乙', 'township', true], ['年长丙', 'ownVillage', false],
    ]);
    expect(suggested.suggestions[0].reasons).toEqual(expect.arrayContaining([
      { kind: 'info', text: expect.stringMatching(/^本村后备力量/) },
      { kind: 'plus', text: '成熟度：成熟，可随时使用' },
      { kind: 'plus', text: '新任书记人选年龄一般不超过 45 周岁，本人 36 岁（以 2026-10-20 计）' },
    ]));
    expect(suggested.suggestions[2].reasons).toContainEqual({ kind: 'minus', text: '新任书记人选年龄一般不超过 45 周岁，本人 47 岁（以 2026-10-20 计）' });

    // The township chooses the neighbouring village's reserve: a cross-village appointment.
    const recommended = await ok(township, 'POST', '/api/appointments', { vacancyId: left.vacancyId, reserveId: cross.reserveId, termYear: 2021, recommendedOn: '2026-09-25', basis: '邻村党支部会议推荐，镇党委统筹' });
    expect(recommended).toMatchObject({ stage: 'approval', isCrossVillage: true, requiredNoticeVillages: [neighbour, village], policies: { next: 'approve' } });
    const step = (cookie: string, action: string, occurredOn: string, version: number, extra: object = {}) =>
      call(cookie, 'POST', `/api/appointments/${recommended.id}/steps`, { action, occurredOn, version, ...extra });
    const url = `/api/appointments/${recommended.id}/steps`;

    await refused(county, 'POST', url, { action: 'approve', occurredOn: '2026-09-26', version: 1 }, 403, '「乡镇党委审批」由乡镇党委办理，您的角色不能办理这一步');
    await refused(township, 'POST', url, { action: 'file', occurredOn: '2026-09-26', version: 1 }, 403, '「县委组织部备案」由县（市）委组织部办理，您的角色不能办理这一步');
    await refused(county, 'POST', url, { action: 'file', occurredOn: '2026-09-26', version: 1 }, 409, '当前环节是「待乡镇审批」，不能县委组织部备案');
    const approved = (await step(township, 'approve', '2026-09-26', 1, { note: '同意' })).body;
    expect(approved.stage).toBe('filing');
    const filed = (await step(county, 'file', '2026-09-28', approved.version)).body;
    expect(filed.stage).toBe('publicNotice');
    await refused(township, 'POST', url, { action: 'startNotice', occurredOn: '2026-09-29', version: filed.version, noticeStarts: [{ orgCode: village, startsOn: '2026-09-29' }] }, 409, '跨村任用须同时在后备力量所在村和拟任职村发布公示');
    const noticed = (await step(township, 'startNotice', '2026-09-29', filed.version, { noticeStarts: [{ orgCode: village, startsOn: '2026-09-29' }, { orgCode: neighbour, startsOn: '2026-09-29' }] })).body;
    // Five working days from Tuesday 29 September: 29, 30, (1–7 October National Day), 8, 9 and Saturday 10 October, a make-up working day.
    expect(noticed.notices).toEqual([
      { orgCode: neighbour, startsOn: '2026-09-29', endsOn: '2026-10-10', workingDays: 5 },
      { orgCode: village, startsOn: '2026-09-29', endsOn: '2026-10-10', workingDays: 5 },
    ]);

    const objected = await ok(township, 'POST', `/api/appointments/${recommended.id}/objections`, { receivedOn: '2026-09-30', content: '反映其经营的合作社账目不清' });
    await refused(township, 'POST', url, { action: 'takeEffect', occurredOn: '2026-10-12', version: noticed.version }, 409, '还有 1 条公示期间反映的问题未办结，办结后才能决定任职');
    await ok(township, 'POST', `/api/appointment-objections/${objected.objections[0].id}/handling`, { handling: '经镇纪委核查，账目清楚', isSubstantiated: false, handledOn: '2026-10-09' });
    await refused(township, 'POST', url, { action: 'takeEffect', occurredOn: '2026-10-10', version: noticed.version }, 409, '公示至 2026-10-10 结束，结束后才能决定任职');
    await refused(township, 'POST', url, { action: 'takeEffect', occurredOn: '2026-10-21', version: noticed.version }, 400, '日期（2026-10-21）不能晚于今天（2026-10-20），请填写实际发生的日期');

    const effective = (await step(township, 'takeEffect', '2026-10-12', noticed.version)).body;
    expect(effective).toMatchObject({ outcome: 'effective', stage: 'effective', effectiveOn: '2026-10-12', memberId: expect.any(String) });

    // The roster, the vacancy and the reserve's status changed together.
    const page = await ok(township, 'GET', `/api/villages/${village}`);
    expect(page.roster.members.filter((entry: Json) => entry.endedOn === null).map((entry: Json) => [entry.name, entry.postLabel, entry.termYear, entry.startedOn]))
      .toContainEqual(['邻村乙', '书记', 2021, '2026-10-12']);
    expect(page.roster.members.find((entry: Json) => entry.name === '原书记')).toMatchObject({ endedOn: '2026-09-20', leaveReasonLabel: '调整撤换' });
    expect(page.roster.vacancies).toEqual([expect.objectContaining({ id: left.vacancyId, closedOn: '2026-10-12' })]);
    const history = await ok(township, 'GET', `/api/reserves/${cross.reserveId}/history`);
    expect(history.at(-1)).toMatchObject({ fromStatus: 'admitted', toStatus: 'appointed', reason: `已选用：任「${page.profile.name}」村党组织委员会书记（2026-10-12 起）` });
    expect(own.reserveId).toBeTruthy();
  });

  it('changes nothing when the appointment cannot take effect at its last step', async () => {
    const village = world.townshipA.villageCode;
    const vacancy = await ok(township, 'POST', '/api/vacancies', { orgCode: village, committee: 'party', post: 'member', openedOn: '2026-09-01', cause: '委员辞职' });
    const reserve = await readyReserve(village, '回滚丁', '19920303');
    const recommended = await ok(clerk, 'POST', '/api/appointments', { vacancyId: vacancy.id, reserveId: reserve.reserveId, termYear: 2021, recommendedOn: '2026-09-02', basis: '村党支部会议推荐' });
    const url = `/api/appointments/${recommended.id}/steps`;
    const approved = await ok(township, 'POST', url, { action: 'approve', occurredOn: '2026-09-03', version: recommended.version });
    const filed = await ok(county, 'POST', url, { action: 'file', occurredOn: '2026-09-04', version: approved.version });
    const noticed = await ok(township, 'POST', url, { action: 'startNotice', occurredOn: '2026-09-07', version: filed.version, noticeStarts: [{ orgCode: village, startsOn: '2026-09-07' }] });
    expect(noticed.notices[0].endsOn).toBe('2026-09-11');
    // The reserve leaves the pool meanwhile (as if removed in another window).
    await world.database.db.updateTable('reserve').set({ status: 'removed' }).where('id', '=', reserve.reserveId).execute();
    const membersBefore = await world.database.db.selectFrom('committee_member').select('id').where('org_code', '=', village).execute();
    await refused(township, 'POST', url, { action: 'takeEffect', occurredOn: '2026-09-14', version: noticed.version }, 409, '回滚丁已不在后备力量库中，不能任职');
    expect(await world.database.db.selectFrom('committee_member').select('id').where('org_code', '=', village).execute()).toEqual(membersBefore);
    expect(await world.database.db.selectFrom('post_vacancy').select(['closed_on']).where('id', '=', vacancy.id).executeTakeFirst()).toEqual({ closed_on: null });
    expect((await ok(township, 'GET', `/api/appointments/${recommended.id}`)).outcome).toBe('inProgress');
  });
});
