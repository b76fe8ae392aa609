/**
 * Concurrent requests on one record: many editors with the same version (exactly one wins, the
 * others get 409), concurrent steps of one selection candidate, concurrent nominations of one
 * person (one 201, the rest 409, never a 500), and exports beside writes. On PGlite, and on
 * PostgreSQL with TEST_DATABASE_URL, where the requests really run side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/modules/audit/audit.service.ts';
import { addLedgerPerson, addReserve, countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

let world: TestWorld;
let county: string;
let township: string;
let clerk: string;
let reserveId: string;
beforeAll(async () => {
  // The nominations are dated August 2026: the app runs on a day after them.
  world = await createTestWorld({ today: '2026-11-20' });
  county = await world.login('county');
  township = await world.login('towna');
  clerk = await world.login('villagea');
  reserveId = (await addReserve(world, township, world.townshipA.villageCode)).reserveId;
});
afterAll(async () => world.close());

const meeting = { kind: '村两委会议', heldOn: '2026-08-01', minutes: '村两委会议研究，同意推荐。' };
const nomination = (personId: string) => ({
  orgCode: world.townshipA.villageCode, personId, channel: 'masses', profile: 'youngPotential', targetPost: 'secretary', sourceCategory: 'graduate', nominatedOn: '2026-08-02', meeting,
});

const storedReserve = () => world.database.db.selectFrom('reserve').select(['notes', 'version']).where('id', '=', reserveId).executeTakeFirstOrThrow();

/** Status codes of the responses, counted: { 200: 1, 409: 49 }. */
function tally(responses: readonly { statusCode: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const response of responses) counts[response.statusCode] = (counts[response.statusCode] ?? 0) + 1;
  return counts;
}

describe('concurrent requests', () => {
  it('lets exactly one of 50 editors with the same version save, for each version, and refuses the others with 409', async () => {
    for (let round = 0; round < 3; round += 1) {
      const before = await storedReserve();
      const auditBefore = await countAuditEvents(world.database);
      const responses = await Promise.all(Array.from({ length: 50 }, (_, editor) => world.app.inject({
        method: 'PATCH', url: `/api/reserves/${reserveId}`, headers: { cookie: township }, payload: { notes: `第${round}轮编辑者${editor}`, version: before.version },
      })));
      expect(tally(responses)).toEqual({ 200: 1, 409: 49 });
      const winner = responses.find((response) => response.statusCode === 200)!.json() as { notes: string; version: number };
      const after = await storedReserve();
      expect(after).toMatchObject({ notes: winner.notes, version: before.version + 1 });
      expect(responses.filter((response) => response.statusCode === 409).every((response) => (response.json() as { message: string }).message.includes('已被他人修改'))).toBe(true);
      expect(await countAuditEvents(world.database)).toBe(auditBefore + 1);
    }
  });

  it('takes one of concurrent steps of one candidate and refuses the others with 409', async () => {
    const person = await addLedgerPerson(world, clerk, world.townshipA.villageCode, { name: '并发乙', birthDate: '19920510' });
    const nominated = await world.app.inject({ method: 'POST', url: '/api/selection-candidates', headers: { cookie: clerk }, payload: nomination(person.personId) });
    expect(nominated.statusCode, nominated.body).toBe(201);
    const candidate = nominated.json() as { id: string; version: number };
    const auditBefore = await countAuditEvents(world.database);
    const url = `/api/selection-candidates/${candidate.id}`;
    // Reviews, rejections and withdrawals of the same version race: one of them is the next step.
    const responses = await Promise.all(Array.from({ length: 30 }, (_, index) => {
      if (index % 3 === 0) return world.app.inject({ method: 'POST', url: `${url}/qualification-review`, headers: { cookie: township }, payload: { reviewedOn: '2026-08-05', exclusionsFound: [], version: candidate.version } });
      return world.app.inject({
        method: 'POST', url: `${url}/${index % 3 === 1 ? 'rejection' : 'withdrawal'}`, headers: { cookie: township }, payload: { occurredOn: '2026-08-05', reason: `并发${index}`, version: candidate.version },
      });
    }));
    expect(tally(responses)).toEqual({ 200: 1, 409: 29 });
    const after = (await world.app.inject({ method: 'GET', url, headers: { cookie: township } })).json() as { version: number; steps: unknown[] };
    expect(after.version).toBe(candidate.version + 1);
    expect(after.steps).toHaveLength(2);
    expect(await countAuditEvents(world.database)).toBe(auditBefore + 1);
  });

  it('makes one candidate of 20 concurrent nominations of one person: one 201, the rest 409', async () => {
    const person = await addLedgerPerson(world, clerk, world.townshipA.villageCode, { name: '并发丙', birthDate: '19930611' });
    const auditBefore = await countAuditEvents(world.database);
    const responses = await Promise.all(Array.from({ length: 20 }, () => world.app.inject({
      method: 'POST', url: '/api/selection-candidates', headers: { cookie: clerk }, payload: nomination(person.personId),
    })));
    expect(tally(responses)).toEqual({ 201: 1, 409: 19 });
    const candidates = await world.database.db.selectFrom('selection_candidate').select('id').where('person_id', '=', person.personId).execute();
    expect(candidates).toHaveLength(1);
    expect(await countAuditEvents(world.database)).toBe(auditBefore + 1);
  });

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
