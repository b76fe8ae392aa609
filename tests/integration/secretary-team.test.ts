import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpCalls } from '../helpers/http-calls.ts';
import { addLedgerPerson, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/**
 * 书记队伍 (seed 003): the sitting secretaries of a township with their semiannual reviews,
 * training and discipline, recorded by the township; bad input and other units refused with
 * nothing written; each record in the audit log.
 */
let world: TestWorld;
let township: string;
let otherTownship: string;
let clerk: string;
const TODAY = '2026-11-20';

beforeAll(async () => {
  world = await createTestWorld({ today: TODAY });
  township = await world.login('towna');
  otherTownship = await world.login('townb');
  clerk = await world.login('villagea');
});
afterAll(async () => world.close());
const { call, ok, refused } = httpCalls(() => world);

interface Json { [key: string]: unknown }

describe('the secretary team', () => {
  it('records a secretary\'s review, training and discipline and lists them; refuses bad input, members who are not secretaries and other townships', async () => {
    const village = world.townshipA.villageCode;
    const secretaryPerson = await addLedgerPerson(world, township, village, { name: '王书记', birthDate: '19750310' });
    const memberPerson = await addLedgerPerson(world, township, village, { name: '李委员', birthDate: '19800412' });
    const secretary = await ok(township, 'POST', `/api/villages/${village}/committee-members`, { personId: secretaryPerson.personId, committee: 'party', post: 'secretary', termYear: 2021, startedOn: '2021-10-08' });
    const member = await ok(township, 'POST', `/api/villages/${village}/committee-members`, { personId: memberPerson.personId, committee: 'party', post: 'member', termYear: 2021, startedOn: '2021-10-08' });

    const trainingUrl = `/api/secretaries/${secretary.id}/training`;
    const course = { startedOn: '2026-06-15', days: 2.5, method: 'centralised', course: '全县村（社区）党组织书记素质能力提升培训班', organiser: '县委组织部' };
    // Bad input: nothing is written, and the message says what to fix.
    await refused(township, 'POST', trainingUrl, { ...course, days: 0.3 }, 400, '请求内容有误——days：培训天数以半天计，如 0.5、1、2.5');
    await refused(township, 'POST', trainingUrl, { ...course, days: 0 }, 400, '请求内容有误——days：培训天数应大于 0');
    await refused(township, 'POST', trainingUrl, { ...course, method: 'abroad' }, 400, '请求内容有误——method：请选择培训方式');
    await refused(township, 'POST', trainingUrl, { ...course, course: '' }, 400, /培训班（课程）名称/);
    await refused(township, 'POST', trainingUrl, { ...course, startedOn: '2026-11-21' }, 400, /培训开始日期（2026-11-21）不能晚于今天/);
    await refused(township, 'POST', `/api/secretaries/${member.id}/training`, course, 400, '李委员不是村党组织书记');
    // The village clerk may not record it; another township does not see the secretary.
    await refused(clerk, 'POST', trainingUrl, course, 403, /您没有登记书记述职评议、培训和处分的权限/);
    await refused(otherTownship, 'POST', trainingUrl, course, 404, /村党组织书记不存在或不在您的管理范围内/);

    expect((await call(township, 'POST', trainingUrl, course)).status).toBe(201);
    expect((await call(township, 'POST', trainingUrl, { startedOn: '2026-09-02', days: 1, method: 'fieldVisit', course: '赴临湘市观摩学习', organiser: '区委组织部' })).status).toBe(201);
    expect((await call(township, 'POST', `/api/secretaries/${secretary.id}/reviews`, {
      period: '2026-H1', reviewedOn: '2026-07-10', reviewers: '党员和村民代表 36 人', counts: { good: 20, fairlyGood: 10, average: 5, poor: 1 }, result: 'good',
    })).status).toBe(201);
    await refused(township, 'POST', `/api/secretaries/${secretary.id}/reviews`, {
      period: '2026-H1', reviewedOn: '2026-07-11', reviewers: '再次', counts: { good: 1, fairlyGood: 0, average: 0, poor: 0 }, result: 'good',
    }, 409, '王书记 2026 年上半年的述职评议已登记');
    expect((await call(township, 'POST', `/api/secretaries/${secretary.id}/discipline`, { decidedOn: '2026-08-01', kind: '警告', description: '违规发放补贴' })).status).toBe(201);

    const team = await ok(township, 'GET', `/api/secretaries?orgCode=${world.townshipA.code}`);
    const listed = team.secretaries.find((entry: Json) => entry.id === secretary.id);
    expect(team.secretaries.map((entry: Json) => entry.id)).not.toContain(member.id);
    expect(listed.training).toEqual([
      expect.objectContaining({ startedOn: '2026-09-02', days: 1, method: 'fieldVisit', methodLabel: '外出考察', course: '赴临湘市观摩学习', organiser: '区委组织部' }),
      expect.objectContaining({ startedOn: '2026-06-15', days: 2.5, methodLabel: '集中培训', course: course.course, organiser: '县委组织部' }),
    ]);
    expect(listed.reviews).toEqual([expect.objectContaining({ period: '2026-H1', resultLabel: '好', counts: { good: 20, fairlyGood: 10, average: 5, poor: 1 } })]);
    expect(listed.discipline).toEqual([expect.objectContaining({ decidedOn: '2026-08-01', kind: '警告', description: '违规发放补贴' })]);
    expect(listed.policies).toEqual({ review: true, adjust: true });
    // The other township sees none of it.
    expect((await call(otherTownship, 'GET', `/api/secretaries?orgCode=${world.townshipA.code}`)).status).toBe(404);

    // Each record is in the audit log.
    const log = await ok(township, 'GET', `/api/audit-events?entityType=secretaryTraining`);
    expect(log.events.map((event: Json) => event.summary)).toEqual(expect.arrayContaining([
      '登记书记 王书记 参加集中培训「全县村（社区）党组织书记素质能力提升培训班」（2026-06-15 起 2.5 天）',
      '登记书记 王书记 参加外出考察「赴临湘市观摩学习」（2026-09-02 起 1 天）',
    ]));
    expect(log.events[0]).toMatchObject({ action: 'secretaryTraining.create', entityType: 'secretaryTraining', orgCode: village });
  });
});
