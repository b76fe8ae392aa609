import ExcelJS from 'exceljs';
import { XLSX } from '../../helpers/readable-text.ts';
import { addReserve, type TestWorld } from '../../helpers/test-app.ts';
import { addMentor } from '../cultivation-fixtures.ts';
import type { Probe, ProbeRequest, ProbeSet, SeededIds } from './types.ts';

/** Scope probes of the cultivation routes (see scope.test.ts). */

let signInSheet: Buffer = Buffer.alloc(0);

async function post(world: TestWorld, cookie: string, url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST'): Promise<{ id?: string }> {
  const response = await world.app.inject({ method, url, headers: { cookie }, payload: payload as Record<string, unknown> });
  if (response.statusCode >= 300) throw new Error(`seeding ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as { id?: string };
}

/** A year of cultivation records in town B, created by the administrator. */
async function seedTownB(world: TestWorld, admin: string): Promise<SeededIds> {
  year = Number(world.today.slice(0, 4)) - 1;
  const reserve = await addReserve(world, admin, world.townshipB.villageCode, { name: '乙镇培养对象' });
  await world.database.db.updateTable('reserve').set({ admitted_on: `${year - 1}-03-01` }).where('id', '=', reserve.reserveId).execute();
  const mentor = await addMentor(world, 'daoshi_townb', world.townshipB.code);
  const session = await post(world, admin, '/api/training-sessions', {
    orgCode: world.townshipB.code, name: '乙镇专项培训', method: 'centralised', organiser: '乙镇党委', startDate: `${year}-05-06`, endDate: `${year}-05-10`, days: 5,
  });
  await post(world, admin, `/api/training-sessions/${session.id}/attendance`, { entries: [{ reserveId: reserve.reserveId, attended: true }] }, 'PUT');
  const assignment = await post(world, admin, '/api/mentoring-assignments', { reserveId: reserve.reserveId, mentorUserId: mentor.id, mentorPost: 'townshipLeader', startedOn: `${year}-01-01` });
  const contact = await post(world, admin, '/api/mentor-contacts', { assignmentId: assignment.id, contactedOn: `${year}-02-10`, form: 'visit', thoughts: '乙镇思想动态' });
  const summary = await post(world, admin, '/api/mentoring-summaries', { assignmentId: assignment.id, year, quarter: 1, content: '乙镇帮扶内容', opinion: '乙镇评定意见' });
  const talk = await post(world, admin, '/api/annual-talks', { reserveId: reserve.reserveId, talkedOn: `${year}-06-01`, talkerName: '乙镇书记', content: '乙镇谈话' });
  const practice = await post(world, admin, '/api/practice-records', { reserveId: reserve.reserveId, kind: 'task', category: 'disputeMediation', startedOn: `${year}-04-01`, content: '乙镇调解' });
  const observer = await post(world, admin, '/api/observer-attendances', { reserveId: reserve.reserveId, meetingType: 'partyMembers', meetingDate: `${year}-04-02` });
  const assessment = await post(world, admin, '/api/assessments', { reserveId: reserve.reserveId, kind: 'annual', assessor: 'township', year, grade: 'competent', opinion: '乙镇年度考核', assessedOn: `${year}-12-20` });
  await post(world, admin, `/api/reserves/${reserve.reserveId}/party-joining`, { steps: [{ stage: 'activist', reachedOn: `${year}-01-05` }] }, 'PUT');
  await post(world, admin, `/api/talent-grid/${reserve.reserveId}`, { performance: 2, potential: 2, readiness: 'longer', reason: '乙镇调整' }, 'PUT');
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('签到表').addRows([['姓名', '参训天数'], [reserve.name, 5]]);
  signInSheet = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    cultivationReserveB: reserve.reserveId, cultivationReserveNameB: reserve.name, cultivationMentorB: mentor.id,
    cultivationSessionB: session.id!, cultivationAssignmentB: assignment.id!, cultivationContactB: contact.id!, cultivationSummaryB: summary.id!,
    cultivationTalkB: talk.id!, cultivationPracticeB: practice.id!, cultivationObserverB: observer.id!, cultivationAssessmentB: assessment.id!,
  };
}

const foreign = (requests: (world: TestWorld, seeded: SeededIds) => ProbeRequest[]): Probe => ({ kind: 'foreign', requests });
const list = (requests: (world: TestWorld, seeded: SeededIds) => ProbeRequest[]): Probe => ({ kind: 'list', requests });
const get = (url: string): ProbeRequest => ({ method: 'GET', url });
/** The last full year before the world's today: set when town B is seeded, before any probe runs. */
let year = 0;

/** List requests: everything, filtered by town B's unit, and by town B's reserve. */
function listsOf(path: string, hasYear = true) {
  return (world: TestWorld, seeded: SeededIds) => [
    get(`${path}?pageSize=200`), get(`${path}?orgCode=${world.townshipB.code}`), get(`${path}?orgCode=${world.townshipB.villageCode}&pageSize=200`),
    get(`${path}?reserveId=${seeded.cultivationReserveB}`), get(hasYear ? `${path}?year=${year}&pageSize=200` : `${path}?isActive=true&pageSize=200`),
  ];
}

export const cultivationProbes: ProbeSet = {
  seedTownB,
  probes: {
    'GET /api/training-sessions': list((w) => [get('/api/training-sessions?pageSize=200'), get(`/api/training-sessions?orgCode=${w.townshipB.code}`), get(`/api/training-sessions?year=${year}&method=centralised`)]),
    'POST /api/training-sessions': foreign((w) => [{ method: 'POST', url: '/api/training-sessions', payload: { orgCode: w.townshipB.code, name: '越权培训', method: 'online', organiser: '越权', startDate: `${year}-01-01`, endDate: `${year}-01-01`, days: 1 } }]),
    'GET /api/training-sessions/{id}': foreign((_w, s) => [get(`/api/training-sessions/${s.cultivationSessionB}`)]),
    'PATCH /api/training-sessions/{id}': foreign((_w, s) => [{ method: 'PATCH', url: `/api/training-sessions/${s.cultivationSessionB}`, payload: { name: '越权', version: 1 } }]),
    'DELETE /api/training-sessions/{id}': foreign((_w, s) => [{ method: 'DELETE', url: `/api/training-sessions/${s.cultivationSessionB}?version=1` }]),
    'PUT /api/training-sessions/{id}/attendance': foreign((_w, s) => [{ method: 'PUT', url: `/api/training-sessions/${s.cultivationSessionB}/attendance`, payload: { entries: [{ reserveId: s.cultivationReserveB, attended: false }] } }]),
    'POST /api/training-sessions/{id}/attendance/import': foreign((_w, s) => [{ method: 'POST', url: `/api/training-sessions/${s.cultivationSessionB}/attendance/import`, payload: signInSheet, contentType: XLSX }]),
    'GET /api/training-rules': foreign((w) => [get(`/api/training-rules?orgCode=${w.townshipB.code}`), get(`/api/training-rules?orgCode=${w.townshipB.villageCode}`)]),
    'PUT /api/training-rules': foreign((w) => [w.townshipB.code, w.townshipA.code].map((orgCode) => ({ method: 'PUT', url: '/api/training-rules', payload: { orgCode, minimumDaysPerYear: 1, centralisedMinimumDays: 1, centralisedWindowYears: 1, centralisedMethods: ['online'] } }))),

    'GET /api/mentoring-assignments': list(listsOf('/api/mentoring-assignments', false)),
    'POST /api/mentoring-assignments': foreign((_w, s) => [{ method: 'POST', url: '/api/mentoring-assignments', payload: { reserveId: s.cultivationReserveB, mentorName: '越权导师', mentorPost: 'other', startedOn: `${year}-01-01` } }]),
    'PATCH /api/mentoring-assignments/{id}': foreign((_w, s) => [{ method: 'PATCH', url: `/api/mentoring-assignments/${s.cultivationAssignmentB}`, payload: { endedOn: `${year}-02-01`, version: 1 } }]),
    'GET /api/mentors/suggestions': foreign((_w, s) => [get(`/api/mentors/suggestions?reserveId=${s.cultivationReserveB}`)]),
    'GET /api/mentor-contacts': list(listsOf('/api/mentor-contacts')),
    'POST /api/mentor-contacts': foreign((_w, s) => [{ method: 'POST', url: '/api/mentor-contacts', payload: { assignmentId: s.cultivationAssignmentB, contactedOn: `${year}-03-03`, form: 'talk', thoughts: '越权' } }]),
    'GET /api/mentor-contacts/{id}': foreign((_w, s) => [get(`/api/mentor-contacts/${s.cultivationContactB}`)]),
    'PATCH /api/mentor-contacts/{id}': foreign((_w, s) => [{ method: 'PATCH', url: `/api/mentor-contacts/${s.cultivationContactB}`, payload: { thoughts: '越权', version: 1 } }]),
    'DELETE /api/mentor-contacts/{id}': foreign((_w, s) => [{ method: 'DELETE', url: `/api/mentor-contacts/${s.cultivationContactB}?version=1` }]),
    'GET /api/mentoring-summaries': list(listsOf('/api/mentoring-summaries')),
    'POST /api/mentoring-summaries': foreign((_w, s) => [{ method: 'POST', url: '/api/mentoring-summaries', payload: { assignmentId: s.cultivationAssignmentB, year, quarter: 2, content: '越权', opinion: '越权' } }]),
    'PATCH /api/mentoring-summaries/{id}': foreign((_w, s) => [{ method: 'PATCH', url: `/api/mentoring-summaries/${s.cultivationSummaryB}`, payload: { opinion: '越权', version: 1 } }]),
    'GET /api/annual-talks': list(listsOf('/api/annual-talks')),
    'POST /api/annual-talks': foreign((_w, s) => [{ method: 'POST', url: '/api/annual-talks', payload: { reserveId: s.cultivationReserveB, talkedOn: `${year}-07-01`, talkerName: '越权', content: '越权' } }]),

    'GET /api/practice-records': list(listsOf('/api/practice-records')),
    'POST /api/practice-records': foreign((_w, s) => [{ method: 'POST', url: '/api/practice-records', payload: { reserveId: s.cultivationReserveB, kind: 'post', category: 'gridWorker', startedOn: `${year}-01-01`, content: '越权' } }]),
    'PATCH /api/practice-records/{id}': foreign((_w, s) => [{ method: 'PATCH', url: `/api/practice-records/${s.cultivationPracticeB}`, payload: { opinion: '越权', version: 1 } }]),
    'DELETE /api/practice-records/{id}': foreign((_w, s) => [{ method: 'DELETE', url: `/api/practice-records/${s.cultivationPracticeB}?version=1` }]),
    'GET /api/observer-attendances': list(listsOf('/api/observer-attendances')),
    'POST /api/observer-attendances': foreign((_w, s) => [{ method: 'POST', url: '/api/observer-attendances', payload: { reserveId: s.cultivationReserveB, meetingType: 'partyMembers', meetingDate: `${year}-01-01` } }]),
    'DELETE /api/observer-attendances/{id}': foreign((_w, s) => [{ method: 'DELETE', url: `/api/observer-attendances/${s.cultivationObserverB}?version=1` }]),

    'GET /api/assessments': list(listsOf('/api/assessments')),
    'POST /api/assessments': foreign((_w, s) => [
      { method: 'POST', url: '/api/assessments', payload: { reserveId: s.cultivationReserveB, kind: 'quarterly', assessor: 'township', year, quarter: 2, opinion: '越权', assessedOn: `${year}-06-20` } },
      { method: 'POST', url: '/api/assessments', payload: { reserveId: s.cultivationReserveB, kind: 'quarterly', assessor: 'village', year, quarter: 3, opinion: '越权', assessedOn: `${year}-09-20` } },
    ]),
    'PATCH /api/assessments/{id}': foreign((_w, s) => [{ method: 'PATCH', url: `/api/assessments/${s.cultivationAssessmentB}`, payload: { opinion: '越权', version: 1 } }]),
    'GET /api/reserves/{reserveId}/party-joining': foreign((_w, s) => [get(`/api/reserves/${s.cultivationReserveB}/party-joining`)]),
    'PUT /api/reserves/{reserveId}/party-joining': foreign((_w, s) => [{ method: 'PUT', url: `/api/reserves/${s.cultivationReserveB}/party-joining`, payload: { steps: [] } }]),
    'GET /api/reserves/{reserveId}/cultivation': foreign((_w, s) => [get(`/api/reserves/${s.cultivationReserveB}/cultivation?year=${year}`)]),

    'GET /api/reminders': list((w) => [
      get('/api/reminders?pageSize=200'), get(`/api/reminders?orgCode=${w.townshipB.code}`), get(`/api/reminders?orgCode=${w.countyCode}&pageSize=200`),
      get(`/api/reminders?onDate=${year}-12-31&pageSize=200`),
    ]),
    'GET /api/reminders/mine': list(() => [get('/api/reminders/mine?pageSize=200'), get(`/api/reminders/mine?onDate=${year}-12-31&pageSize=200`)]),
    'GET /api/talent-grid': list((w) => [get('/api/talent-grid'), get(`/api/talent-grid?orgCode=${w.townshipB.code}`), get(`/api/talent-grid?orgCode=${w.countyCode}&year=${year}`)]),
    'PUT /api/talent-grid/{reserveId}': foreign((_w, s) => [{ method: 'PUT', url: `/api/talent-grid/${s.cultivationReserveB}`, payload: { performance: 3, potential: 3, readiness: 'readyNow', reason: '越权', version: 1 } }]),
  },
};
