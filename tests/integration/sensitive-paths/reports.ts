import type { PathFiller } from './types.ts';

/** Path values for the dashboard, report and campaign GET routes (see sensitive-fields.test.ts): the seeded village's township and a campaign of it. */
export const reportsPaths: PathFiller = async (world, admin) => {
  const created = await world.app.inject({
    method: 'POST', url: '/api/campaigns', headers: { cookie: admin },
    payload: { orgCode: world.townshipA.code, name: '甲镇行动方案', startYear: 2026, startedOn: '2026-01-01', matureReservesDeadline: '2026-12-31', secretaryCollegeShare: null, secretaryAverageAge: null },
  });
  if (created.statusCode !== 201) throw new Error(`campaign: ${created.statusCode} ${created.body}`);
  return {
    '/api/dashboard/{orgCode}': world.townshipA.code,
    '/api/summary-tables/{orgCode}': world.townshipA.code,
    '/api/structure-statistics/{orgCode}': world.townshipA.code,
    '/api/campaigns/{id}': (created.json() as { id: string }).id,
  };
};
