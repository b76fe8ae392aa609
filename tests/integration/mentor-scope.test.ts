import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readableText, XLSX } from '../helpers/readable-text.ts';
import { addReserve, createTestWorld, type TestWorld } from '../helpers/test-app.ts';
import { addMentor, lastYear, setAdmittedOn } from './cultivation-fixtures.ts';

/**
 * A mentor sees and records only for the reserves assigned to them. Walks every route of the
 * OpenAPI document as a mentor of town A with one mentee: whatever names a reserve of the same
 * village that is not theirs (or one of town B), or any of its records, is refused with 403 or 404,
 * no list shows any of it, and nothing is changed.
 */
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Request { method: Method; url: string; payload?: unknown; contentType?: string }

let world: TestWorld;
let cookie: string;
let mentor: { id: string; username: string };
let mentee: Awaited<ReturnType<typeof addReserve>>;
const others: Awaited<ReturnType<typeof addReserve>>[] = [];
/** Ids of the records about reserves that are not the mentor's. */
const foreignIds: Record<string, string> = {};
let menteeAssignmentId: string;
let menteeContactId: string;
let operations: { method: Method; path: string }[];
let signInSheet: Buffer;
const year = lastYear();

async function send(cookieOf: string, method: Method, url: string, payload?: unknown): Promise<{ id: string }> {
  const response = await world.app.inject({ method, url, headers: { cookie: cookieOf }, ...(payload !== undefined && { payload: payload as Record<string, unknown> }) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string };
}

/** A full set of cultivation records about a reserve, made by the administrator; returns their ids. */
async function seedRecords(admin: string, reserveId: string, sessionOrg: string, mentorInput: Record<string, unknown>, key: string) {
  const session = await send(admin, 'POST', '/api/training-sessions', { orgCode: sessionOrg, name: `培训${key}`, method: 'centralised', organiser: '镇党委', startDate: `${year}-05-06`, endDate: `${year}-05-10`, days: 5 });
  await send(admin, 'PUT', `/api/training-sessions/${session.id}/attendance`, { entries: [{ reserveId, attended: true }] });
  const assignment = await send(admin, 'POST', '/api/mentoring-assignments', { reserveId, mentorPost: 'townshipLeader', startedOn: `${year}-01-01`, ...mentorInput });
  const contact = await send(admin, 'POST', '/api/mentor-contacts', { assignmentId: assignment.id, contactedOn: `${year}-02-10`, form: 'visit', thoughts: `思想${key}` });
  const summary = await send(admin, 'POST', '/api/mentoring-summaries', { assignmentId: assignment.id, year, quarter: 1, content: `帮扶${key}`, opinion: `意见${key}` });
  const talk = await send(admin, 'POST', '/api/annual-talks', { reserveId, talkedOn: `${year}-06-01`, talkerName: '书记', content: `谈话${key}` });
  const practice = await send(admin, 'POST', '/api/practice-records', { reserveId, kind: 'task', category: 'petition', startedOn: `${year}-04-01`, content: `实践${key}` });
  const observer = await send(admin, 'POST', '/api/observer-attendances', { reserveId, meetingType: 'partyMembers', meetingDate: `${year}-04-02` });
  const assessment = await send(admin, 'POST', '/api/assessments', { reserveId, kind: 'quarterly', assessor: 'village', year, quarter: 1, opinion: `评定${key}`, assessedOn: `${year}-03-25` });
  await send(admin, 'PUT', `/api/reserves/${reserveId}/party-joining`, { steps: [{ stage: 'activist', reachedOn: `${year}-01-05` }] });
  return { session: session.id, assignment: assignment.id, contact: contact.id, summary: summary.id, talk: talk.id, practice: practice.id, observer: observer.id, assessment: assessment.id };
}

beforeAll(async () => {
  world = await createTestWorld();
  const admin = await world.login('admin');
  mentor = await addMentor(world, 'daoshi_walk', world.townshipA.code);
  const otherMentor = await addMentor(world, 'daoshi_other', world.townshipA.code);
  mentee = await addReserve(world, admin, world.townshipA.villageCode, { name: '我的徒弟' });
  others.push(await addReserve(world, admin, world.townshipA.villageCode, { name: '同村别人', phone: '13812345678' }));
  others.push(await addReserve(world, admin, world.townshipB.villageCode, { name: '外镇别人' }));
  for (const reserve of [mentee, ...others]) await setAdmittedOn(world, reserve.reserveId, `${year - 1}-03-01`);
  const own = await seedRecords(admin, mentee.reserveId, world.townshipA.code, { mentorUserId: mentor.id }, '甲');
  menteeAssignmentId = own.assignment;
  menteeContactId = own.contact;
  const sameVillage = await seedRecords(admin, others[0]!.reserveId, world.townshipA.villageCode, { mentorUserId: otherMentor.id }, '乙');
  const otherTown = await seedRecords(admin, others[1]!.reserveId, world.townshipB.code, { mentorName: '外镇导师' }, '丙');
  for (const [name, id] of Object.entries(sameVillage)) foreignIds[`${name}`] = id;
  for (const [name, id] of Object.entries(otherTown)) foreignIds[`${name}B`] = id;
  // An assignment to the mentor that has ended gives no access either.
  await send(admin, 'POST', '/api/mentoring-assignments', { reserveId: others[0]!.reserveId, mentorUserId: mentor.id, mentorPost: 'townshipLeader', startedOn: `${year - 1}-01-01`, endedOn: `${year - 1}-12-31` });
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('签到表').addRows([['姓名', '参训天数'], ...others.map((other) => [other.name, 1])]);
  signInSheet = Buffer.from(await workbook.xlsx.writeBuffer());
  cookie = await world.login(mentor.username);
  const document = (await world.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase() as Method, path })));
});
afterAll(async () => world.close());

/** What a leak would show: the other reserves, their people, names, ID numbers, phones and records. */
function markers(): string[] {
  return [...others.flatMap((other) => [other.reserveId, other.personId, other.ledgerEntryId, other.name, other.idNumber, other.phone]), ...Object.values(foreignIds), mentee.idNumber, mentee.phone];
}

/** Values for path parameters, by the path they appear in: always a record that is not the mentor's. */
function fillPath(path: string, target: 'sameVillage' | 'otherTown'): string {
  const suffix = target === 'otherTown' ? 'B' : '';
  const reserve = target === 'otherTown' ? others[1]! : others[0]!;
  const byPrefix: [string, string][] = [
    ['/api/training-sessions/', foreignIds[`session${suffix}`]!],
    ['/api/mentor-contacts/', foreignIds[`contact${suffix}`]!],
    ['/api/mentoring-assignments/', foreignIds[`assignment${suffix}`]!],
    ['/api/mentoring-summaries/', foreignIds[`summary${suffix}`]!],
    ['/api/practice-records/', foreignIds[`practice${suffix}`]!],
    ['/api/observer-attendances/', foreignIds[`observer${suffix}`]!],
    ['/api/assessments/', foreignIds[`assessment${suffix}`]!],
    ['/api/reserves/', reserve.reserveId],
    ['/api/talent-grid/', reserve.reserveId],
    ['/api/people/', reserve.personId],
    ['/api/talent-ledger/', reserve.ledgerEntryId],
    ['/api/users/', world.users.townshipA.id],
    ['/api/org-units/', target === 'otherTown' ? world.townshipB.villageCode : world.townshipA.villageCode],
    ['/api/villages/', target === 'otherTown' ? world.townshipB.villageCode : world.townshipA.villageCode],
    ['/api/coverage/', target === 'otherTown' ? world.townshipB.villageCode : world.townshipA.villageCode],
    ['/api/dictionaries/', 'sourceCategory'],
  ];
  const value = byPrefix.find(([prefix]) => path.startsWith(prefix))?.[1] ?? '00000000-0000-4000-8000-000000000000';
  return path.replace(/\{\w+\}/g, value);
}

/** Well-formed bodies for the cultivation mutations, about a reserve that is not the mentor's. */
function bodyFor(method: Method, path: string, target: 'sameVillage' | 'otherTown'): unknown {
  const suffix = target === 'otherTown' ? 'B' : '';
  const reserveId = (target === 'otherTown' ? others[1]! : others[0]!).reserveId;
  const assignmentId = foreignIds[`assignment${suffix}`];
  const bodies: Record<string, unknown> = {
    'POST /api/mentor-contacts': { assignmentId, contactedOn: `${year}-03-03`, form: 'talk', thoughts: '越权' },
    'PATCH /api/mentor-contacts/{id}': { thoughts: '越权', version: 1 },
    'POST /api/mentoring-summaries': { assignmentId, year, quarter: 2, content: '越权', opinion: '越权' },
    'PATCH /api/mentoring-summaries/{id}': { opinion: '越权', version: 1 },
    'POST /api/mentoring-assignments': { reserveId, mentorUserId: mentor.id, mentorPost: 'other', startedOn: `${year}-01-01` },
    'PATCH /api/mentoring-assignments/{id}': { endedOn: `${year}-02-01`, version: 1 },
    'POST /api/annual-talks': { reserveId, talkedOn: `${year}-07-01`, talkerName: '越权', content: '越权' },
    'POST /api/practice-records': { reserveId, kind: 'post', category: 'gridWorker', startedOn: `${year}-01-01`, content: '越权' },
    'PATCH /api/practice-records/{id}': { opinion: '越权', version: 1 },
    'POST /api/observer-attendances': { reserveId, meetingType: 'partyMembers', meetingDate: `${year}-01-01` },
    'POST /api/assessments': { reserveId, kind: 'quarterly', assessor: 'village', year, quarter: 2, opinion: '越权', assessedOn: `${year}-06-20` },
    'PATCH /api/assessments/{id}': { opinion: '越权', version: 1 },
    'PUT /api/reserves/{reserveId}/party-joining': { steps: [] },
    'PUT /api/talent-grid/{reserveId}': { performance: 3, potential: 3, readiness: 'readyNow', reason: '越权' },
    'POST /api/training-sessions': { orgCode: target === 'otherTown' ? world.townshipB.code : world.townshipA.villageCode, name: '越权', method: 'online', organiser: '越权', startDate: `${year}-01-01`, endDate: `${year}-01-01`, days: 1 },
    'PATCH /api/training-sessions/{id}': { name: '越权', version: 1 },
    'PUT /api/training-sessions/{id}/attendance': { entries: [{ reserveId, attended: false }] },
    'PUT /api/training-rules': { orgCode: world.townshipA.code, minimumDaysPerYear: 1, centralisedMinimumDays: 1, centralisedWindowYears: 1, centralisedMethods: ['online'] },
  };
  return bodies[`${method} ${path}`] ?? (method === 'GET' || method === 'DELETE' ? undefined : {});
}

function isCultivationRoute(path: string): boolean {
  return /^\/api\/(training-|mentor|annual-talks|practice-|observer-|assessments|reminders|talent-grid|reserves\/\{reserveId\}\/(cultivation|party-joining))/.test(path);
}

describe('a mentor reaches only their own mentees', () => {
  it('reads and records for their mentee, and sees only that mentee in every list', async () => {
    const view = await world.app.inject({ method: 'GET', url: `/api/reserves/${mentee.reserveId}/cultivation?year=${year}`, headers: { cookie } });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ reserve: { name: '我的徒弟' }, contacts: [{ id: menteeContactId }], assessments: [{ opinion: '评定甲' }] });
    expect(view.body).not.toContain(mentee.idNumber);
    const logged = await world.app.inject({ method: 'POST', url: '/api/mentor-contacts', headers: { cookie }, payload: { assignmentId: menteeAssignmentId, contactedOn: `${year}-03-15`, form: 'online', work: '整理村务台账' } });
    expect(logged.statusCode).toBe(201);
    expect(logged.json()).toMatchObject({ recordedBy: `${mentor.username}导师`, isProxy: false, policies: { update: true, delete: true } });
    const contacts = (await world.app.inject({ method: 'GET', url: '/api/mentor-contacts?pageSize=200', headers: { cookie } })).json();
    expect(contacts.contacts.map((contact: { reserve: { id: string } }) => contact.reserve.id)).toEqual([mentee.reserveId, mentee.reserveId]);
    const assignments = (await world.app.inject({ method: 'GET', url: '/api/mentoring-assignments?pageSize=200', headers: { cookie } })).json();
    expect(assignments.assignments.map((assignment: { id: string }) => assignment.id)).toEqual([menteeAssignmentId]);
    // The mentor may not give opinions or edit practice for their mentee: those are the village's and township's.
    const opinion = await world.app.inject({ method: 'POST', url: '/api/assessments', headers: { cookie }, payload: { reserveId: mentee.reserveId, kind: 'quarterly', assessor: 'village', year, quarter: 2, opinion: '导师代填', assessedOn: `${year}-06-20` } });
    expect(opinion.statusCode).toBe(403);
  });

  it('is refused every request naming another reserve or its records, and no response shows them', async () => {
    const auditBefore = await world.database.db.selectFrom('audit_event').select('id').where('actor_name', '=', mentor.username).execute();
    const failures: string[] = [];
    let probed = 0;
    for (const { method, path } of operations) {
      if (path.startsWith('/api/auth/') || path === '/api/health' || path === '/api/openapi.json') continue;
      for (const target of ['sameVillage', 'otherTown'] as const) {
        const base = fillPath(path, target);
        const reserve = target === 'otherTown' ? others[1]! : others[0]!;
        const queries = path.includes('{') ? [''] : ['', '?pageSize=200', `?reserveId=${reserve.reserveId}`, `?orgCode=${target === 'otherTown' ? world.townshipB.villageCode : world.townshipA.villageCode}`, `?onDate=${year}-12-31`];
        const requests: Request[] = method === 'GET'
          ? queries.map((query) => ({ method, url: `${base}${query}` }))
          : path.endsWith('/import')
            ? [{ method, url: base, payload: signInSheet, contentType: XLSX }]
            : [{ method, url: method === 'DELETE' ? `${base}?version=1` : base, payload: bodyFor(method, path, target) }];
        for (const request of requests) {
          probed += 1;
          const headers: Record<string, string> = { cookie, ...(request.contentType && { 'content-type': request.contentType }) };
          const response = await world.app.inject({ method: request.method, url: request.url, headers, ...(request.payload !== undefined && { payload: request.payload as Record<string, unknown> }) });
          const namesRecord = path.includes('{') || (method !== 'GET');
          const allowed = isCultivationRoute(path) && namesRecord ? [403, 404] : [200, 400, 403, 404, 415];
          if (!allowed.includes(response.statusCode)) failures.push(`${request.method} ${request.url} → ${response.statusCode} (expected ${allowed.join('/')}) ${response.body.slice(0, 160)}`);
          if (response.statusCode >= 400 && !/[\u4e00-\u9fa5]/.test(response.body)) failures.push(`${request.method} ${request.url}: error without a Chinese message`);
          const text = await readableText(response);
          const leaked = markers().filter((marker) => text.includes(marker));
          if (leaked.length > 0) failures.push(`${request.method} ${request.url} shows ${leaked.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(probed).toBeGreaterThan(100);
    const auditAfter = await world.database.db.selectFrom('audit_event').select('id').where('actor_name', '=', mentor.username).execute();
    expect(auditAfter.length, 'the mentor changed something while probing').toBe(auditBefore.length);
  });

  it('left the other reserves’ records as they were', async () => {
    const contacts = await world.database.db.selectFrom('mentor_contact').select(['thoughts', 'version']).where('reserve_id', 'in', others.map((other) => other.reserveId)).execute();
    expect(contacts.map((contact) => `${contact.thoughts}:${contact.version}`).sort()).toEqual(['思想丙:1', '思想乙:1'].sort());
    const party = await world.database.db.selectFrom('party_joining_step').select('stage').where('reserve_id', 'in', others.map((other) => other.reserveId)).execute();
    expect(party).toHaveLength(2);
    const written = await world.database.db.selectFrom('assessment').select('opinion').where('opinion', '=', '越权').execute();
    expect(written).toEqual([]);
  });
});
