import type { PathFiller } from './types.ts';

/** Path values for the cultivation GET routes (see sensitive-fields.test.ts): a session, a contact log and a reserve, all about the seeded reserves. */
export const cultivationPaths: PathFiller = async (world, admin, reserves) => {
  const year = Number(world.today.slice(0, 4)) - 1;
  const send = async (method: 'POST' | 'PUT', url: string, payload: unknown) => {
    const response = await world.app.inject({ method, url, headers: { cookie: admin }, payload: payload as Record<string, unknown> });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json() as { id: string };
  };
  const [first] = reserves;
  if (!first) throw new Error('no seeded reserve');
  const session = await send('POST', '/api/training-sessions', { orgCode: world.townshipA.code, name: '敏感字段检查培训', method: 'centralised', organiser: '镇党委', startDate: `${year}-03-01`, endDate: `${year}-03-05`, days: 5 });
  await send('PUT', `/api/training-sessions/${session.id}/attendance`, { entries: reserves.map((reserve) => ({ reserveId: reserve.reserveId, attended: true })) });
  const assignment = await send('POST', '/api/mentoring-assignments', { reserveId: first.reserveId, mentorName: '王书记', mentorPost: 'townshipLeader', startedOn: `${year}-01-01` });
  const contact = await send('POST', '/api/mentor-contacts', { assignmentId: assignment.id, contactedOn: `${year}-04-10`, form: 'phone', thoughts: '思想稳定' });
  await send('POST', '/api/assessments', { reserveId: first.reserveId, kind: 'quarterly', assessor: 'village', year, quarter: 1, opinion: '表现良好', assessedOn: `${year}-03-28` });
  return {
    '/api/training-sessions/{id}': session.id,
    '/api/mentor-contacts/{id}': contact.id,
    '/api/reserves/{reserveId}': first.reserveId,
  };
};
