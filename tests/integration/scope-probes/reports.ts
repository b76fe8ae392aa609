import type { Probe, ProbeSet } from './types.ts';

/** Scope probes of the dashboard, snapshots and reports (see scope.test.ts): town B's units and the county above are refused. */

const unitsAbove = (world: { townshipB: { code: string; villageCode: string }; countyCode: string }) => [world.townshipB.code, world.townshipB.villageCode, world.countyCode];

const probes: Record<string, Probe> = {
  'GET /api/dashboard/{orgCode}': { kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'GET', url: `/api/dashboard/${code}` })) },
  'GET /api/dashboard/{orgCode}/snapshots': { kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'GET', url: `/api/dashboard/${code}/snapshots` })) },
  'POST /api/dashboard/{orgCode}/snapshots': { kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'POST', url: `/api/dashboard/${code}/snapshots` })) },
  'GET /api/summary-tables/{orgCode}/export': { kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'GET', url: `/api/summary-tables/${code}/export` })) },
  'GET /api/summary-tables/{orgCode}/filings': { kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'GET', url: `/api/summary-tables/${code}/filings` })) },
  'POST /api/summary-tables/{orgCode}/filings': {
    kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'POST', url: `/api/summary-tables/${code}/filings`, payload: { year: 2026, filedOn: world.today, version: null } })),
  },
};

export const reportsProbes: ProbeSet = { probes };
