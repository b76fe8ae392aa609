import type { PathFiller } from './types.ts';

/** Path values for the 换届 GET routes (see sensitive-fields.test.ts): town A's plan and its village's election, with the first seeded reserve as candidate. */
export const electionPaths: PathFiller = async (world, admin, reserves) => {
  const send = async (method: 'POST' | 'PUT', url: string, payload: unknown) => {
    const response = await world.app.inject({ method, url, headers: { cookie: admin }, payload: payload as Record<string, unknown> });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json() as { id: string; version: number; villages: { id: string; orgCode: string }[] };
  };
  const [first] = reserves;
  if (!first) throw new Error('a seeded reserve needed');
  const plan = await send('POST', '/api/election-plans', {
    orgCode: world.townshipA.code, termYear: 2026, startsOn: world.today, endsOn: world.today, leadingGroup: '换届领导小组', standardPartySeats: 3, standardVillagersSeats: 3,
  });
  const electionId = plan.villages.find((village) => village.orgCode === world.townshipA.villageCode)!.id;
  await send('PUT', `/api/village-elections/${electionId}/seats`, { partySeats: 3, villagersSeats: 3, basis: '人口', version: 1 });
  await send('POST', `/api/village-elections/${electionId}/candidates`, {
    committee: 'party', personId: first.personId, isSecretaryCandidate: true, recommendations: { membersAndMasses: 10, higherOrganisation: 1 }, proposedOn: world.today,
  });
  return { '/api/election-plans/{id}': plan.id, '/api/village-elections/{id}': electionId };
};
