import type { TestWorld } from '../../helpers/test-app.ts';
import type { Probe, ProbeSet, SeededIds } from './types.ts';

/** Scope probes of the dashboard, snapshots and reports (see scope.test.ts): town B's units and the county above are refused. */

const unitsAbove = (world: { townshipB: { code: string; villageCode: string }; countyCode: string }) => [world.townshipB.code, world.townshipB.villageCode, world.countyCode];

async function seedTownB(world: TestWorld, admin: string): Promise<SeededIds> {
  const created = await world.app.inject({
    method: 'POST', url: '/api/campaigns', headers: { cookie: admin },
    payload: { orgCode: world.townshipB.code, name: '乙镇行动方案', startYear: 2026, startedOn: '2026-01-01', matureReservesDeadline: '2026-12-31', secretaryCollegeShare: null, secretaryAverageAge: null },
  });
  if (created.statusCode !== 201) throw new Error(`seeding campaign: ${created.statusCode} ${created.body}`);
  const campaignId = (created.json() as { id: string }).id;
  const view = await world.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}`, headers: { cookie: admin } });
  const milestone = (view.json() as { milestones: { id: string; appliesTo: string }[] }).milestones.find((entry) => entry.appliesTo === 'village')!;
  return { reportsCampaignB: campaignId, reportsMilestoneB: milestone.id };
}

const probes: Record<string, Probe> = {
  'POST /api/campaigns': {
    kind: 'foreign',
    requests: (world) => [world.townshipB.code, world.countyCode].map((orgCode) => ({ method: 'POST', url: '/api/campaigns', payload: { orgCode, name: '越权', startYear: 2026, startedOn: '2026-01-01', matureReservesDeadline: '2026-12-31', secretaryCollegeShare: null, secretaryAverageAge: null } })),
  },
  'GET /api/campaigns': { kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'GET', url: `/api/campaigns?orgCode=${code}` })) },
  'GET /api/campaigns/{id}': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'GET', url: `/api/campaigns/${seeded.reportsCampaignB}` }, { method: 'GET', url: `/api/campaigns/${seeded.reportsCampaignB}?orgCode=${world.townshipB.villageCode}` }],
  },
  'PATCH /api/campaign-milestones/{id}': { kind: 'foreign', requests: (_world, seeded) => [{ method: 'PATCH', url: `/api/campaign-milestones/${seeded.reportsMilestoneB}`, payload: { deadline: '2026-12-31', version: 1 } }] },
  'POST /api/campaign-milestones/{id}/confirmations': {
    kind: 'foreign',
    requests: (world, seeded) => [{ method: 'POST', url: `/api/campaign-milestones/${seeded.reportsMilestoneB}/confirmations`, payload: { orgCode: world.townshipB.villageCode, confirmedOn: '2026-01-02', evidence: '越权' } }],
  },
  'GET /api/dashboard/{orgCode}': { kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'GET', url: `/api/dashboard/${code}` })) },
  'GET /api/dashboard/{orgCode}/snapshots': { kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'GET', url: `/api/dashboard/${code}/snapshots` })) },
  'POST /api/dashboard/{orgCode}/snapshots': { kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'POST', url: `/api/dashboard/${code}/snapshots` })) },
  'GET /api/summary-tables/{orgCode}/export': { kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'GET', url: `/api/summary-tables/${code}/export` })) },
  'GET /api/summary-tables/{orgCode}/filings': { kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'GET', url: `/api/summary-tables/${code}/filings` })) },
  'POST /api/summary-tables/{orgCode}/filings': {
    kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'POST', url: `/api/summary-tables/${code}/filings`, payload: { year: 2026, filedOn: world.today, version: null } })),
  },
  'GET /api/structure-statistics/{orgCode}/export': { kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'GET', url: `/api/structure-statistics/${code}/export` })) },
  'POST /api/analysis-reports/{orgCode}': {
    kind: 'foreign', requests: (world) => unitsAbove(world).map((code) => ({ method: 'POST', url: `/api/analysis-reports/${code}`, payload: { year: 2026, half: 1, format: 'docx' } })),
  },
};

export const reportsProbes: ProbeSet = { seedTownB, probes };
