import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksumBusinessTables, generateRequests, type FuzzPlan } from '../helpers/fuzz.ts';
import { readApiDocument } from '../helpers/openapi.ts';
import { addReserve, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/**
 * Fuzzes every route of the OpenAPI document with bad requests, as several roles and without a
 * session: no answer is a 500 and no business table changes. FUZZ_REQUESTS and FUZZ_SEED set the
 * size and the seed (`npm run fuzz` runs a larger one); the default seed makes CI repeatable.
 */

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const CONCURRENCY = 8;

let world: TestWorld;
let plan: FuzzPlan;
beforeAll(async () => {
  world = await createTestWorld();
  const admin = await world.login('admin');
  const reserve = await addReserve(world, admin, world.townshipA.villageCode);
  const cookies = [admin, await world.login('county'), await world.login('towna'), await world.login('villagea'), await world.login('auditor'), await world.login('reviewer'), '', 'houbei_session=forged'];
  const api = await readApiDocument(world.app);
  plan = {
    operations: api.operations,
    api,
    samples: { orgCode: world.townshipA.villageCode },
    cookies,
    knownIds: [reserve.personId, reserve.ledgerEntryId, reserve.reserveId, world.users.townshipB.id, world.users.villageA.id],
  };
});
afterAll(async () => world.close());

describe('fuzz', () => {
  it(`answers ${REQUESTS} bad requests (seed ${SEED}) without a 500 and changes no business table`, async () => {
    const before = await checksumBusinessTables(world.database);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const requests = generateRequests(plan, SEED, REQUESTS);
    // A few requests in flight at once, as clients send them; each worker takes the next request.
    const worker = async () => {
      for (let next = requests.next(); !next.done; next = requests.next()) {
        const request = next.value;
        const number = (sent += 1);
        const response = await world.app.inject({ method: request.method, url: request.url, headers: request.headers, ...(request.payload !== undefined && { payload: request.payload }) });
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const label = `#${number} ${request.kind}: ${request.method} ${request.url.slice(0, 160)}`;
        if (response.statusCode >= 500 && failures.length < 50) failures.push(`${label} → ${response.statusCode} ${response.body.slice(0, 200)}`);
        if (response.statusCode >= 200 && response.statusCode < 300 && request.method !== 'GET' && failures.length < 50) failures.push(`${label} accepted (${response.statusCode})`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(sent).toBe(REQUESTS);
    expect(failures).toEqual([]);
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    expect(await checksumBusinessTables(world.database)).toEqual(before);
    // Most requests reach validation (400) rather than stopping at the door (401, 404).
    expect(statuses.get(400) ?? 0).toBeGreaterThan(REQUESTS / 3);
  });
});
