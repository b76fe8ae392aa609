import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLedgerPerson, countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/** Direct registration of a reserve (存量登记) runs the eligibility engine and is for the township and above. */
let world: TestWorld;
let township: string;
let clerk: string;

beforeAll(async () => {
  world = await createTestWorld({ today: '2026-11-20' });
  township = await world.login('towna');
  clerk = await world.login('villagea');
});
afterAll(async () => world.close());

const register = (cookie: string, personId: string, registration: object) => world.app.inject({
  method: 'POST', url: '/api/reserves', headers: { cookie },
  payload: { orgCode: world.townshipA.villageCode, personId, targetPost: 'secretary', readiness: 'readyNow', sourceCategory: 'veteran', registration },
});

describe('存量登记', () => {
  it('refuses a 42-year-old 入党积极分子 with 初中 as a mature secretary reserve unless the township approves an exception, and records why', async () => {
    const person = await addLedgerPerson(world, township, world.townshipA.villageCode, { name: '存量甲', birthDate: '19840301', education: 'juniorHigh', politicalStatus: 'activist' });
    const events = await countAuditEvents(world.database);
    const refused = await register(township, person.personId, { sourceDocument: '2024 年镇后备干部名册' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('存量甲不符合资格条件：政治面貌为入党积极分子，要求为中共正式党员；学历初中，低于大专及以上的要求。存量登记须经乡镇党委批准破格，请填写破格理由；否则请通过选拔程序推荐');
    expect(await countAuditEvents(world.database)).toBe(events);

    const registered = await register(township, person.personId, { sourceDocument: '2024 年镇后备干部名册', exceptionReason: '退役军人，调解纠纷经验丰富，镇党委会议同意保留' });
    expect(registered.statusCode, registered.body).toBe(201);
    const history = (await world.app.inject({ method: 'GET', url: `/api/reserves/${registered.json().id}/history`, headers: { cookie: township } })).json();
    expect(history).toEqual([{
      fromStatus: null, toStatus: 'admitted', actorName: 'towna', at: expect.any(String),
      reason: '存量登记：2024 年镇后备干部名册；经乡镇党委批准破格（政治面貌为入党积极分子，要求为中共正式党员；学历初中，低于大专及以上的要求）：退役军人，调解纠纷经验丰富，镇党委会议同意保留',
    }]);
  });

  it('is not for the village: a village clerk nominates through selection', async () => {
    const person = await addLedgerPerson(world, clerk, world.townshipA.villageCode, { name: '存量乙' });
    const events = await countAuditEvents(world.database);
    const refused = await register(clerk, person.personId, { sourceDocument: '村名册' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('存量后备力量由乡镇党委或组织部直接登记；村（社区）请通过选拔程序推荐人选');
    expect(await countAuditEvents(world.database)).toBe(events);
  });

  it('needs the document the registration rests on', async () => {
    const person = await addLedgerPerson(world, township, world.townshipA.villageCode, { name: '存量丙' });
    const refused = await world.app.inject({
      method: 'POST', url: '/api/reserves', headers: { cookie: township },
      payload: { orgCode: world.townshipA.villageCode, personId: person.personId, targetPost: 'secretary', readiness: 'readyNow', sourceCategory: 'veteran' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('请填写存量登记的依据');
  });
});
