import type { PathFiller } from './types.ts';

/** Path values for the management GET routes (see sensitive-fields.test.ts): the seeded village, a vacancy and an appointment of the first seeded reserve. */
export const managementPaths: PathFiller = async (world, admin, reserves) => {
  const send = async (url: string, payload: unknown) => {
    const response = await world.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: payload as Record<string, unknown> });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json() as { id: string };
  };
  const [first, second] = reserves;
  if (!first || !second) throw new Error('two seeded reserves needed');
  const village = world.townshipA.villageCode;
  await send(`/api/villages/${village}/committee-members`, { personId: second.personId, committee: 'villagers', post: 'member', termYear: 2021, startedOn: '2021-10-08' });
  const vacancy = await send('/api/vacancies', { orgCode: village, committee: 'party', post: 'member', openedOn: world.today, cause: '委员辞职' });
  const appointment = await send('/api/appointments', { vacancyId: vacancy.id, reserveId: first.reserveId, termYear: 2021, recommendedOn: world.today, basis: '村党支部推荐' });
  return {
    '/api/villages/{orgCode}': village,
    '/api/coverage/{orgCode}': village,
    '/api/vacancies/{id}': vacancy.id,
    '/api/appointments/{id}': appointment.id,
  };
};
