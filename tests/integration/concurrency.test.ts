import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/modules/audit/audit.service.ts';
import { addReserve, countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

let world: TestWorld;
let county: string;
let township: string;
beforeAll(async () => {
  world = await createTestWorld();
  county = await world.login('county');
  township = await world.login('towna');
  await addReserve(world, township, world.townshipA.villageCode);
});
afterAll(async () => world.close());

describe('concurrent requests', () => {
  it('answers exports beside writes without a 500, each with its audit event, and the chain stays whole', async () => {
    const before = await countAuditEvents(world.database);
    const villages = world.townshipA.villageCodes.slice(0, 10);
    const units = await Promise.all(villages.map(async (code) => (await world.app.inject({ method: 'GET', url: `/api/org-units/${code}`, headers: { cookie: township } })).json() as { version: number }));
    const exports = Array.from({ length: 20 }, () => world.app.inject({ method: 'GET', url: `/api/roster/export?orgCode=${world.countyCode}`, headers: { cookie: county } }));
    const writes = villages.map((code, index) => world.app.inject({
      method: 'PATCH', url: `/api/org-units/${code}`, headers: { cookie: township }, payload: { name: `并发改名${index}村`, version: units[index]!.version },
    }));
    const responses = await Promise.all([...exports, ...writes]);
    expect(responses.map((response) => response.statusCode)).toEqual([...exports.map(() => 200), ...writes.map(() => 200)]);
    expect(await countAuditEvents(world.database)).toBe(before + exports.length + writes.length);
    expect((await verifyAuditChain(world.database.db)).firstBreak).toBeNull();
  });
});
