import { addReserve, type TestWorld } from '../../helpers/test-app.ts';
import type { Probe, ProbeSet, SeededIds } from './types.ts';

/** Scope probes of management and use: removals, coverage, village profiles and rosters, vacancies, appointments (see scope.test.ts). */

async function post(world: TestWorld, cookie: string, url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST'): Promise<{ id?: string; version?: number }> {
  const response = await world.app.inject({ method, url, headers: { cookie }, payload: payload as Record<string, unknown> });
  if (response.statusCode >= 300) throw new Error(`seeding ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as { id?: string; version?: number };
}

async function seedTownB(world: TestWorld, admin: string): Promise<SeededIds> {
  const reserve = await addReserve(world, admin, world.townshipB.villageCode, { name: '乙镇调整对象' });
  const removal = await post(world, admin, '/api/reserve-removals', { reserveId: reserve.reserveId, reasonCode: 'ownRequest', reasonText: '乙镇调整原因', proposedOn: world.today });
  return { managementReserveB: reserve.reserveId, managementReserveNameB: reserve.name, managementRemovalB: removal.id! };
}

const probes: Record<string, Probe> = {
  'GET /api/reserve-removals': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/reserve-removals' }, { method: 'GET', url: '/api/reserve-removals?status=proposed' }] },
  'POST /api/reserve-removals': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: '/api/reserve-removals', payload: { reserveId: seeded.managementReserveB, reasonCode: 'ownRequest', reasonText: '越权', proposedOn: world.today } }],
  },
  'POST /api/reserve-removals/{id}/decision': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: `/api/reserve-removals/${seeded.managementRemovalB}/decision`, payload: { decision: 'approve', decidedOn: world.today, version: 1 } }],
  },
  'POST /api/reserve-removals/{id}/filing': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: `/api/reserve-removals/${seeded.managementRemovalB}/filing`, payload: { filedOn: world.today, version: 1 } }],
  },
  'GET /api/coverage/{orgCode}': {
    kind: 'foreign',
    requests: (world) => [world.townshipB.code, world.townshipB.villageCode, world.countyCode].map((code) => ({ method: 'GET', url: `/api/coverage/${code}` })),
  },
};

export const managementProbes: ProbeSet = { seedTownB, probes };
