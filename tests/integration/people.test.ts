import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReserve, countAuditEvents, createTestWorld, makeIdNumber, type TestWorld } from '../helpers/test-app.ts';

let world: TestWorld;
let township: string;
beforeAll(async () => {
  world = await createTestWorld();
  township = await world.login('towna');
});
afterAll(async () => world.close());

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

function ledgerPayload(orgCode: string, person: Record<string, unknown>) {
  return { orgCode, person: { name: '赵六', politicalStatus: 'masses', education: 'bachelor', ...person }, sourceCategory: 'veteran' };
}

describe('person files and the talent ledger', () => {
  it('derives birth date and gender from the ID number and refuses what contradicts it', async () => {
    const idNumber = makeIdNumber('511425', '19860704', 201);
    const wrong = await world.app.inject({
      method: 'POST', url: '/api/talent-ledger', headers: { cookie: township },
      payload: ledgerPayload(world.townshipA.villageCode, { idNumber, gender: 'female', birthDate: '1986-07-05', phone: '1234' }),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toBe('性别：性别与身份证号码不符：按身份证号码应为「男」；出生日期：出生日期与身份证号码不符：按身份证号码应为 1986-07-04；联系电话：联系电话「1234」格式不正确：应为 11 位手机号码，或带区号的固定电话（如 028-38812345）');
    const created = await world.app.inject({ method: 'POST', url: '/api/talent-ledger', headers: { cookie: township }, payload: ledgerPayload(world.townshipA.villageCode, { idNumber }) });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ isNewPerson: true, entry: { person: { gender: 'male', birthDate: '1986-07-04', idNumberMasked: `511425********${idNumber.slice(-4)}` }, sourceCategory: 'veteran' } });
  });

  it('keeps one person per ID number: a second village links the same file, and each village sees only its own entry', async () => {
    const admin = await world.login('admin');
    const idNumber = makeIdNumber('511425', '19911111', 303);
    const first = await world.app.inject({ method: 'POST', url: '/api/talent-ledger', headers: { cookie: admin }, payload: ledgerPayload(world.townshipA.villageCode, { idNumber }) });
    const second = await world.app.inject({ method: 'POST', url: '/api/talent-ledger', headers: { cookie: admin }, payload: ledgerPayload(world.townshipB.villageCode, { idNumber, name: '赵六' }) });
    expect(second.json().isNewPerson).toBe(false);
    expect(second.json().entry.person.id).toBe(first.json().entry.person.id);
    const again = await world.app.inject({ method: 'POST', url: '/api/talent-ledger', headers: { cookie: admin }, payload: ledgerPayload(world.townshipB.villageCode, { idNumber }) });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已在本村（社区）的人才台账中');

    const personId = first.json().entry.person.id;
    const seenByA = (await world.app.inject({ method: 'GET', url: `/api/people/${personId}`, headers: { cookie: township } })).json();
    expect(seenByA.ledgerEntries.map((entry: { orgCode: string }) => entry.orgCode)).toEqual([world.townshipA.villageCode]);
    const seenByB = (await world.app.inject({ method: 'GET', url: `/api/people/${personId}`, headers: { cookie: await world.login('townb') } })).json();
    expect(seenByB.ledgerEntries.map((entry: { orgCode: string }) => entry.orgCode)).toEqual([world.townshipB.villageCode]);
    expect(await world.database.db.selectFrom('person').select('id').where('id', '=', personId).execute()).toHaveLength(1);
  });

  it('refuses a stale edit with 409 and leaves the record as the first editor saved it', async () => {
    const reserve = await addReserve(world, township, world.townshipA.villageCode, { name: '并发甲' });
    const person = (await world.app.inject({ method: 'GET', url: `/api/people/${reserve.personId}`, headers: { cookie: township } })).json();
    const base = { name: person.name, politicalStatus: person.politicalStatus, education: person.education, version: person.version };
    const first = await world.app.inject({ method: 'PATCH', url: `/api/people/${reserve.personId}`, headers: { cookie: township }, payload: { ...base, occupation: '第一人的修改' } });
    expect(first.statusCode).toBe(200);
    const auditBefore = await countAuditEvents(world.database);
    const second = await world.app.inject({ method: 'PATCH', url: `/api/people/${reserve.personId}`, headers: { cookie: township }, payload: { ...base, occupation: '第二人的修改' } });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toEqual({ code: 'VERSION_CONFLICT', message: '该人员档案已被他人修改，请刷新后重新编辑（您的修改未保存）' });
    expect(await countAuditEvents(world.database)).toBe(auditBefore);
    const now = (await world.app.inject({ method: 'GET', url: `/api/people/${reserve.personId}`, headers: { cookie: township } })).json();
    expect(now.occupation).toBe('第一人的修改');
  });

  it('lists with server-side filters, sorting and paging', async () => {
    const all = (await world.app.inject({ method: 'GET', url: '/api/reserves?pageSize=200', headers: { cookie: township } })).json();
    expect(all.total).toBeGreaterThan(0);
    const page = (await world.app.inject({ method: 'GET', url: '/api/reserves?pageSize=1&page=1&sortBy=age&sortOrder=desc', headers: { cookie: township } })).json();
    expect(page.reserves).toHaveLength(1);
    expect(page.total).toBe(all.total);
    const oldest = Math.max(...all.reserves.map((reserve: { person: { age: number } }) => reserve.person.age));
    expect(page.reserves[0].person.age).toBe(oldest);
    const young = (await world.app.inject({ method: 'GET', url: '/api/reserves?ageMax=35&referenceDate=2026-11-22&pageSize=200', headers: { cookie: township } })).json();
    expect(young.reserves.every((reserve: { person: { age: number } }) => reserve.person.age <= 35)).toBe(true);
    const ledger = (await world.app.inject({ method: 'GET', url: '/api/talent-ledger?sourceCategory=veteran&pageSize=200', headers: { cookie: township } })).json();
    expect(ledger.entries.length).toBeGreaterThan(0);
    expect(ledger.entries.every((entry: { sourceCategory: string }) => entry.sourceCategory === 'veteran')).toBe(true);
  });

  it('keeps a history of status changes for each reserve', async () => {
    const reserve = await addReserve(world, township, world.townshipA.villageCode, { name: '历史甲' });
    const history = (await world.app.inject({ method: 'GET', url: `/api/reserves/${reserve.reserveId}/history`, headers: { cookie: township } })).json();
    expect(history).toEqual([{ fromStatus: null, toStatus: 'admitted', reason: '存量登记：2025 年村级后备干部名册', actorName: 'towna', at: expect.any(String) }]);
  });

  it('takes a JPEG or PNG photo up to 2 MB and refuses anything else', async () => {
    const reserve = await addReserve(world, township, world.townshipA.villageCode, { name: '照片甲' });
    const url = `/api/people/${reserve.personId}/photo`;
    expect((await world.app.inject({ method: 'GET', url, headers: { cookie: township } })).statusCode).toBe(404);
    const saved = await world.app.inject({ method: 'PUT', url, headers: { cookie: township, 'content-type': 'image/png' }, payload: PNG });
    expect(saved.statusCode).toBe(204);
    const photo = await world.app.inject({ method: 'GET', url, headers: { cookie: township } });
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
    const fake = await world.app.inject({ method: 'PUT', url, headers: { cookie: township, 'content-type': 'image/jpeg' }, payload: Buffer.from('not a jpeg') });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().message).toBe('照片须为 JPEG 或 PNG 图片');
    const large = await world.app.inject({ method: 'PUT', url, headers: { cookie: township, 'content-type': 'image/png' }, payload: Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]) });
    expect(large.statusCode).toBe(413);
  });
});
