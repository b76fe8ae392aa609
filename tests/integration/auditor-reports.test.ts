import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/modules/users/users.service.ts';
import { systemContext } from '../../src/server/access.ts';
import { addReserve, countAuditEvents, createTestWorld, TEST_PASSWORD, type TestWorld } from '../helpers/test-app.ts';

/**
 * The auditor (read-only leader) reads the dashboard and every report of its subtree — and only of
 * it — and changes nothing: a township's auditor is refused the county and the other township.
 */
let world: TestWorld;
let countyAuditor: string;
let townshipAuditor: string;

beforeAll(async () => {
  world = await createTestWorld({ today: '2026-11-20' });
  await createUser(world.database.db, systemContext(world.today), {
    username: 'townauditor', displayName: '镇审计', orgCode: world.townshipA.code, roles: [{ role: 'auditor', orgCode: world.townshipA.code, department: null }],
    password: TEST_PASSWORD, mustChangePassword: false,
  });
  countyAuditor = await world.login('auditor');
  townshipAuditor = await world.login('townauditor');
  const township = await world.login('towna');
  await addReserve(world, township, world.townshipA.villageCode, { name: '审阅甲' });
});
afterAll(async () => world.close());

const reads = (orgCode: string) => [
  { method: 'GET' as const, url: `/api/dashboard/${orgCode}` },
  { method: 'GET' as const, url: `/api/dashboard/${orgCode}/snapshots` },
  { method: 'GET' as const, url: `/api/summary-tables/${orgCode}/export` },
  { method: 'GET' as const, url: `/api/summary-tables/${orgCode}/filings` },
  { method: 'GET' as const, url: `/api/structure-statistics/${orgCode}/export` },
  { method: 'GET' as const, url: `/api/campaigns?orgCode=${orgCode}` },
  { method: 'POST' as const, url: `/api/analysis-reports/${orgCode}`, payload: { year: 2026, half: 2, format: 'docx' } },
];

describe('the auditor', () => {
  it('reads the dashboard and the reports of its own subtree', async () => {
    for (const [cookie, orgCode] of [[countyAuditor, world.countyCode], [countyAuditor, world.townshipB.code], [townshipAuditor, world.townshipA.code]] as const) {
      for (const request of reads(orgCode)) {
        const response = await world.app.inject({ ...request, headers: { cookie } });
        expect(response.statusCode, `${request.method} ${request.url}: ${response.body.slice(0, 200)}`).toBe(200);
      }
    }
  }, 300_000);

  it('of a township is refused the county and the other township, and no auditor files, snapshots or plans', async () => {
    const events = await countAuditEvents(world.database);
    for (const orgCode of [world.countyCode, world.townshipB.code, world.townshipB.villageCode]) {
      for (const request of reads(orgCode)) {
        const response = await world.app.inject({ ...request, headers: { cookie: townshipAuditor } });
        expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
      }
    }
    for (const [cookie, orgCode] of [[countyAuditor, world.countyCode], [townshipAuditor, world.townshipA.code]] as const) {
      const changes = [
        { method: 'POST' as const, url: `/api/summary-tables/${orgCode}/filings`, payload: { year: 2026, filedOn: '2026-11-20', version: null } },
        { method: 'POST' as const, url: `/api/dashboard/${orgCode}/snapshots` },
        { method: 'POST' as const, url: '/api/campaigns', payload: { orgCode, name: '审计不能制定', startYear: 2026, startedOn: '2026-01-01', matureReservesDeadline: '2026-12-31', secretaryCollegeShare: null, secretaryAverageAge: null } },
      ];
      for (const request of changes) expect((await world.app.inject({ ...request, headers: { cookie } })).statusCode, request.url).toBe(403);
    }
    expect(await countAuditEvents(world.database)).toBe(events);
  });
});
