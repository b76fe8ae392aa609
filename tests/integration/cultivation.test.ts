import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX } from '../helpers/readable-text.ts';
import { addReserve, countAuditEvents, createTestWorld, type TestWorld, testToday } from '../helpers/test-app.ts';
import { loadReminderFacts } from '../../src/modules/cultivation/reminders.service.ts';
import { addMentor, lastYear, pad, setAdmittedOn } from './cultivation-fixtures.ts';

/**
 * A year of cultivation for one reserve over HTTP — training, twelve monthly logs, four quarterly
 * summaries, the secretary's talk, practice, observer attendance, village and township opinions,
 * the annual result — gives the expected compliance figures and no reminder; taking one month's
 * log away gives exactly one reminder, addressed to that mentor.
 */
let world: TestWorld;
let county: string;
let township: string;
let clerk: string;
let mentorCookie: string;
let mentor: { id: string; username: string };
let reserve: Awaited<ReturnType<typeof addReserve>>;
let assignmentId: string;
const year = lastYear();
const onDate = `${year}-12-31`;
const contactIds = new Map<number, string>();

type Json = Record<string, unknown>;

async function call(cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, expected?: number) {
  const response = await world.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined && { payload: payload as Json }) });
  if (expected !== undefined && response.statusCode !== expected) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response;
}

beforeAll(async () => {
  world = await createTestWorld();
  county = await world.login('county');
  township = await world.login('towna');
  clerk = await world.login('villagea');
  reserve = await addReserve(world, township, world.townshipA.villageCode, { name: '培养甲' });
  // Admitted mid-year two years before: the three-year window runs from then.
  await setAdmittedOn(world, reserve.reserveId, `${year - 2}-07-15`);
  mentor = await addMentor(world, 'daoshia', world.townshipA.code);
  mentorCookie = await world.login('daoshia');
});
afterAll(async () => world.close());

describe('a year of cultivation', () => {
  it('records training: a county Party-school session taken from a list, a township online session from a sign-in sheet', async () => {
    const partySchool = (await call(county, 'POST', '/api/training-sessions', {
      orgCode: world.countyCode, name: '村级后备干部示范培训班', method: 'partySchool', organiser: '县委组织部', startDate: `${year}-04-10`, endDate: `${year}-04-14`, days: 5, content: '政策理论、乡村治理', place: '县委党校',
    }, 201)).json();
    // The township sees the county's session and records its own reserve's attendance.
    const listed = (await call(township, 'GET', `/api/training-sessions?year=${year}`, undefined, 200)).json();
    expect(listed.sessions.map((session: Json) => session.id)).toContain(partySchool.id);
    const attendance = (await call(township, 'PUT', `/api/training-sessions/${partySchool.id}/attendance`, { entries: [{ reserveId: reserve.reserveId, attended: true, result: '结业' }] }, 200)).json();
    expect(attendance.attendance).toEqual([expect.objectContaining({ attended: true, daysAttended: 5, result: '结业', reserve: expect.objectContaining({ name: '培养甲' }) })]);

    const online = (await call(township, 'POST', '/api/training-sessions', {
      orgCode: world.townshipA.code, name: '网络专题学习', method: 'online', organiser: '镇党委', startDate: `${year}-09-03`, endDate: `${year}-09-03`, days: 1,
    }, 201)).json();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('签到表').addRows([['网络专题学习签到表'], ['序号', '姓名', '参训天数', '培训结果'], [1, '培养甲', 1, '合格']]);
    const sheet = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await world.app.inject({ method: 'POST', url: `/api/training-sessions/${online.id}/attendance/import`, headers: { cookie: clerk, 'content-type': XLSX }, payload: sheet });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ imported: 1, problems: [] });

    // A sheet naming someone who is not a reserve there imports nothing and says which row.
    const wrong = new ExcelJS.Workbook();
    wrong.addWorksheet('签到表').addRows([['姓名', '参训天数'], ['培养甲', 1], ['查无此人', 1]]);
    const rejected = await world.app.inject({ method: 'POST', url: `/api/training-sessions/${online.id}/attendance/import`, headers: { cookie: clerk, 'content-type': XLSX }, payload: Buffer.from(await wrong.xlsx.writeBuffer()) });
    expect(rejected.json()).toEqual({ imported: 0, problems: [{ row: 3, message: '第 3 行：没有名为「查无此人」的后备力量（本次培训范围内）' }] });
  });

  it('assigns a mentor, who logs every month and writes each quarter’s summary', async () => {
    const suggestions = (await call(township, 'GET', `/api/mentors/suggestions?reserveId=${reserve.reserveId}`, undefined, 200)).json();
    expect(suggestions).toMatchObject({ hasActiveMentor: false, suggestions: [{ mentorUserId: mentor.id, activeMenteeCount: 0, isSameVillage: false }] });
    const assignment = (await call(township, 'POST', '/api/mentoring-assignments', {
      reserveId: reserve.reserveId, mentorUserId: mentor.id, mentorPost: 'townshipLeader', mentorTitle: '镇党委副书记', startedOn: `${year}-01-01`,
    }, 201)).json();
    assignmentId = assignment.id;
    expect(assignment).toMatchObject({ mentorName: 'daoshia导师', isActive: true });

    const mine = (await call(mentorCookie, 'GET', '/api/mentoring-assignments?mine=true', undefined, 200)).json();
    expect(mine.assignments.map((item: Json) => item.id)).toEqual([assignmentId]);
    for (let month = 1; month <= 12; month += 1) {
      const contact = (await call(mentorCookie, 'POST', '/api/mentor-contacts', {
        assignmentId, contactedOn: `${year}-${pad(month)}-10`, form: month % 2 === 0 ? 'phone' : 'talk', thoughts: `${month} 月思想稳定`, work: '协助调解纠纷', problems: '群众工作经验不足', helpGiven: '带着走访农户',
      }, 201)).json();
      contactIds.set(month, contact.id);
    }
    for (let quarter = 1; quarter <= 4; quarter += 1) {
      await call(mentorCookie, 'POST', '/api/mentoring-summaries', { assignmentId, year, quarter, content: `第 ${quarter} 季度：谈心 3 次，指导起草材料`, opinion: '进步明显' }, 201);
    }
    const again = await call(mentorCookie, 'POST', '/api/mentoring-summaries', { assignmentId, year, quarter: 1, content: '重复', opinion: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已填写，请在原记录上修改');
    const talk = await call(township, 'POST', '/api/annual-talks', { reserveId: reserve.reserveId, talkedOn: `${year}-06-01`, talkerName: '李书记', content: '了解思想和工作打算' }, 201);
    expect(talk.json()).toMatchObject({ talkerName: '李书记' });
  });

  it('records practice, observer attendance, quarterly opinions and the annual result', async () => {
    await call(clerk, 'POST', '/api/practice-records', {
      reserveId: reserve.reserveId, kind: 'post', category: 'secretaryAssistant', startedOn: `${year}-03-01`, content: '担任书记助理，负责党建材料', performance: '工作认真', opinion: '称职',
    }, 201);
    const badCategory = await call(clerk, 'POST', '/api/practice-records', { reserveId: reserve.reserveId, kind: 'task', category: 'secretaryAssistant', startedOn: `${year}-03-01`, content: 'x' });
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.json().message).toContain('专项任务的类别应为');
    await call(clerk, 'POST', '/api/observer-attendances', { reserveId: reserve.reserveId, meetingType: 'villageCommittees', meetingDate: `${year}-05-08`, topic: '产业项目' }, 201);
    for (let quarter = 1; quarter <= 4; quarter += 1) {
      const assessedOn = `${year}-${pad(quarter * 3)}-25`;
      await call(clerk, 'POST', '/api/assessments', { reserveId: reserve.reserveId, kind: 'quarterly', assessor: 'village', year, quarter, grade: 'excellent', opinion: '表现良好', assessedOn }, 201);
      await call(township, 'POST', '/api/assessments', { reserveId: reserve.reserveId, kind: 'quarterly', assessor: 'township', year, quarter, grade: 'excellent', opinion: '发展潜力大，群众工作需加强', assessedOn }, 201);
    }
    // The village may not give the township's opinion nor the annual result.
    const villageAnnual = await call(clerk, 'POST', '/api/assessments', { reserveId: reserve.reserveId, kind: 'annual', assessor: 'township', year, grade: 'excellent', opinion: '优秀', assessedOn: `${year}-12-28` });
    expect(villageAnnual.statusCode).toBe(403);
    await call(township, 'POST', '/api/assessments', { reserveId: reserve.reserveId, kind: 'annual', assessor: 'township', year, grade: 'excellent', opinion: '年度考核优秀', assessedOn: `${year}-12-28` }, 201);
  });

  it('gives the right compliance figures for the year', async () => {
    const view = (await call(township, 'GET', `/api/reserves/${reserve.reserveId}/cultivation?year=${year}`, undefined, 200)).json();
    expect(view.compliance).toEqual({
      annual: { year, requiredDays: 3, attendedDays: 6, shortByDays: 0, dueBy: `${year}-12-31`, status: 'met' },
      centralised: { status: 'met', dueBy: `${year + 3}-04-14`, lastQualifyingEnd: `${year}-04-14` },
    });
    expect({
      training: view.training.length, contacts: view.contacts.length, summaries: view.summaries.length, talks: view.talks.length, practice: view.practice.length,
      observers: view.observerAttendances.length, assessments: view.assessments.length, assignments: view.assignments.length,
    }).toEqual({ training: 2, contacts: 12, summaries: 4, talks: 1, practice: 1, observers: 1, assessments: 9, assignments: 1 });
    expect(view.contacts[0].contactedOn).toBe(`${year}-01-10`);
    expect(JSON.stringify(view)).not.toContain(reserve.idNumber);
  });

  it('leaves nothing to remind at the end of the year, for the unit and on each home page', async () => {
    const unit = (await call(township, 'GET', `/api/reminders?orgCode=${world.townshipA.code}&onDate=${onDate}`, undefined, 200)).json();
    expect(unit).toEqual({ onDate, total: 0, counts: {}, reminders: [] });
    for (const cookie of [mentorCookie, township, clerk, county]) {
      expect((await call(cookie, 'GET', `/api/reminders/mine?onDate=${onDate}`, undefined, 200)).json().total).toBe(0);
    }
    // On 5 July the July log (written on the 10th) is still to come: due, and nothing is overdue.
    const july = (await call(township, 'GET', `/api/reminders?orgCode=${world.townshipA.code}&onDate=${year}-07-05`, undefined, 200)).json();
    expect(july.reminders.map((item: Json) => `${item.kind}:${item.period}:${item.status}`)).toEqual([`mentorContact:${year}-07:due`]);
  });

  it('after one month’s log is removed, gives exactly one reminder, to that mentor', async () => {
    const march = (await call(mentorCookie, 'GET', `/api/mentor-contacts/${contactIds.get(3)}`, undefined, 200)).json();
    const auditBefore = await countAuditEvents(world.database);
    const stale = await call(mentorCookie, 'DELETE', `/api/mentor-contacts/${march.id}?version=${march.version + 1}`);
    expect(stale.statusCode).toBe(409);
    expect(await countAuditEvents(world.database)).toBe(auditBefore);
    await call(mentorCookie, 'DELETE', `/api/mentor-contacts/${march.id}?version=${march.version}`, undefined, 204);
    expect(await countAuditEvents(world.database)).toBe(auditBefore + 1);

    const unit = (await call(township, 'GET', `/api/reminders?orgCode=${world.townshipA.code}&onDate=${onDate}`, undefined, 200)).json();
    expect(unit.total).toBe(1);
    expect(unit.counts).toEqual({ mentorContact: 1 });
    expect(unit.reminders[0]).toMatchObject({
      kind: 'mentorContact', status: 'overdue', period: `${year}-03`, dueBy: `${year}-03-31`, reserveId: reserve.reserveId, reserveName: '培养甲',
      responsibleRole: 'mentor', responsibleUserId: mentor.id, responsibleName: 'daoshia导师', villageName: expect.any(String),
    });
    expect((await call(mentorCookie, 'GET', `/api/reminders/mine?onDate=${onDate}`, undefined, 200)).json().reminders).toEqual([expect.objectContaining({ kind: 'mentorContact', period: `${year}-03` })]);
    expect((await call(township, 'GET', `/api/reminders/mine?onDate=${onDate}`, undefined, 200)).json().total).toBe(0);
    const other = await addMentor(world, 'daoshib', world.townshipA.code);
    expect((await call(await world.login(other.username), 'GET', `/api/reminders/mine?onDate=${onDate}`, undefined, 200)).json().total).toBe(0);
  });

  it('carries a missing December log into the next January to March, overdue, and no earlier month', async () => {
    const december = (await call(mentorCookie, 'GET', `/api/mentor-contacts/${contactIds.get(12)}`, undefined, 200)).json();
    await call(mentorCookie, 'DELETE', `/api/mentor-contacts/${december.id}?version=${december.version}`, undefined, 204);
    const carried = (list: Json) => (list.reminders as Json[]).filter((item: Json) => String(item.period).startsWith(String(year))).map((item: Json) => `${item.kind}:${item.period}:${item.status}:${item.responsibleUserId}`);
    const january = (await call(township, 'GET', `/api/reminders?orgCode=${world.townshipA.code}&onDate=${year + 1}-01-20&pageSize=200`, undefined, 200)).json();
    expect(carried(january)).toEqual([`mentorContact:${year}-12:overdue:${mentor.id}`]);
    expect(carried((await call(mentorCookie, 'GET', `/api/reminders/mine?onDate=${year + 1}-03-31`, undefined, 200)).json())).toEqual([`mentorContact:${year}-12:overdue:${mentor.id}`]);
    expect(carried((await call(township, 'GET', `/api/reminders?orgCode=${world.townshipA.code}&onDate=${year + 1}-04-01&pageSize=200`, undefined, 200)).json())).toEqual([]);
    await call(mentorCookie, 'POST', '/api/mentor-contacts', { assignmentId, contactedOn: `${year}-12-20`, form: 'visit', thoughts: '补记' }, 201);
    expect(carried((await call(township, 'GET', `/api/reminders?orgCode=${world.townshipA.code}&onDate=${year + 1}-01-20&pageSize=200`, undefined, 200)).json())).toEqual([]);
  });

  it('places the reserve in the talent grid from the assessments, and lets the township adjust it with a reason', async () => {
    const grid = (await call(township, 'GET', `/api/talent-grid?orgCode=${world.townshipA.code}&year=${year}`, undefined, 200)).json();
    const entry = grid.entries.find((item: { reserve: { id: string } }) => item.reserve.id === reserve.reserveId);
    // Born 15 March 1990: 35 at the end of last year, 大专: potential 3; excellent annual result: performance 3 → ready now.
    expect(entry).toMatchObject({ performance: 3, potential: year - 1990 <= 35 ? 3 : 2, readiness: 'readyNow', override: null, policies: { update: true } });
    expect(grid.cells.filter((cell: Json) => cell.count !== 0)).toEqual([{ performance: 3, potential: entry.potential, count: 1 }]);
    const noReason = await call(township, 'PUT', `/api/talent-grid/${reserve.reserveId}`, { performance: 2, potential: 2, readiness: 'withinTwoYears', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('请填写调整理由');
    const adjusted = (await call(township, 'PUT', `/api/talent-grid/${reserve.reserveId}`, { performance: 2, potential: 3, readiness: 'withinTwoYears', reason: '群众基础尚需积累' }, 200)).json();
    expect(adjusted).toMatchObject({ performance: 2, potential: 3, readiness: 'withinTwoYears', override: { reason: '群众基础尚需积累', ratedBy: 'towna', version: 1 }, computed: { performance: 3 } });
    const clerkTry = await call(clerk, 'PUT', `/api/talent-grid/${reserve.reserveId}`, { performance: 3, potential: 3, readiness: 'readyNow', reason: '村里认为', version: 1 });
    expect(clerkTry.statusCode).toBe(403);
  });
});

describe('cultivation input checks', () => {
  it('refuses a log outside the assignment, in the future, or from a mentor of someone else, and saves nothing', async () => {
    const before = (await call(township, 'GET', `/api/mentor-contacts?reserveId=${reserve.reserveId}`, undefined, 200)).json().total;
    const early = await call(mentorCookie, 'POST', '/api/mentor-contacts', { assignmentId, contactedOn: `${year - 1}-12-31`, form: 'talk', thoughts: '提前' });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('不在帮带期内');
    const future = await call(mentorCookie, 'POST', '/api/mentor-contacts', { assignmentId, contactedOn: `${year + 2}-01-01`, form: 'talk', thoughts: '未来' });
    expect(future.json().message).toContain('晚于今天');
    const empty = await call(mentorCookie, 'POST', '/api/mentor-contacts', { assignmentId, contactedOn: `${year}-05-01`, form: 'talk' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('请至少填写');
    const badForm = await call(mentorCookie, 'POST', '/api/mentor-contacts', { assignmentId, contactedOn: `${year}-05-01`, form: 'letter', thoughts: 'x' });
    expect(badForm.statusCode).toBe(400);
    const stranger = await call(await world.login('daoshib'), 'POST', '/api/mentor-contacts', { assignmentId, contactedOn: `${year}-05-01`, form: 'talk', thoughts: '越权' });
    expect([403, 404]).toContain(stranger.statusCode);
    expect((await call(township, 'GET', `/api/mentor-contacts?reserveId=${reserve.reserveId}`, undefined, 200)).json().total).toBe(before);
  });

  it('refuses a training session whose days exceed its dates, and attendance of more days than the session', async () => {
    const tooLong = await call(township, 'POST', '/api/training-sessions', { orgCode: world.townshipA.code, name: '超长', method: 'centralised', organiser: '镇党委', startDate: `${year}-05-01`, endDate: `${year}-05-02`, days: 5 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().message).toBe('培训天数 5 天超过了培训时间跨度（2 天），请核对');
    const halfDay = await call(township, 'POST', '/api/training-sessions', { orgCode: world.townshipA.code, name: '半天', method: 'meetingAsTraining', organiser: '镇党委', startDate: `${year}-05-01`, endDate: `${year}-05-01`, days: 0.3 });
    expect(halfDay.statusCode).toBe(400);
    expect(halfDay.json().message).toContain('以半天为单位');
    const session = (await call(township, 'POST', '/api/training-sessions', { orgCode: world.townshipA.code, name: '以会代训', method: 'meetingAsTraining', organiser: '镇党委', startDate: `${year}-05-01`, endDate: `${year}-05-01`, days: 0.5 }, 201)).json();
    const over = await call(township, 'PUT', `/api/training-sessions/${session.id}/attendance`, { entries: [{ reserveId: reserve.reserveId, attended: true, daysAttended: 1 }] });
    expect(over.statusCode).toBe(400);
    expect(over.json().message).toContain('超过培训天数 0.5');
    expect((await call(township, 'GET', `/api/training-sessions/${session.id}`, undefined, 200)).json().attendance).toEqual([]);
    // A township's session is not for another township's reserves.
    const admin = await world.login('admin');
    const other = await addReserve(world, admin, world.townshipB.villageCode, { name: '乙镇培养' });
    const foreign = await call(admin, 'PUT', `/api/training-sessions/${session.id}/attendance`, { entries: [{ reserveId: other.reserveId, attended: true }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('不在');
  });

  it('keeps the Party-joining track in order', async () => {
    const outOfOrder = await call(clerk, 'PUT', `/api/reserves/${reserve.reserveId}/party-joining`, { steps: [{ stage: 'developmentTarget', reachedOn: `${year}-03-01` }] });
    expect(outOfOrder.statusCode).toBe(400);
    expect(outOfOrder.json().message).toContain('缺少「入党积极分子」');
    const backwards = await call(clerk, 'PUT', `/api/reserves/${reserve.reserveId}/party-joining`, { steps: [{ stage: 'activist', reachedOn: `${year}-03-01` }, { stage: 'developmentTarget', reachedOn: `${year}-01-01` }] });
    expect(backwards.json().message).toContain('早于');
    const saved = (await call(clerk, 'PUT', `/api/reserves/${reserve.reserveId}/party-joining`, { steps: [{ stage: 'activist', reachedOn: `${year}-03-01` }, { stage: 'developmentTarget', reachedOn: `${year}-09-01` }] }, 200)).json();
    expect(saved).toMatchObject({ steps: [{ stage: 'activist' }, { stage: 'developmentTarget' }], nextStage: 'probationaryMember', policies: { update: true } });
  });

  it('applies a jurisdiction’s own training rules, set by the org department only', async () => {
    const byTownship = await call(township, 'PUT', '/api/training-rules', { orgCode: world.townshipA.code, minimumDaysPerYear: 7, centralisedMinimumDays: 5, centralisedWindowYears: 3, centralisedMethods: ['centralised', 'partySchool'] });
    expect(byTownship.statusCode).toBe(403);
    const saved = (await call(county, 'PUT', '/api/training-rules', { orgCode: world.countyCode, minimumDaysPerYear: 7, centralisedMinimumDays: 5, centralisedWindowYears: 3, centralisedMethods: ['centralised', 'partySchool'] }, 200)).json();
    expect(saved).toMatchObject({ orgCode: world.countyCode, minimumDaysPerYear: 7, version: 1 });
    expect((await call(township, 'GET', `/api/training-rules?orgCode=${world.townshipA.villageCode}`, undefined, 200)).json()).toMatchObject({ orgCode: world.countyCode, minimumDaysPerYear: 7 });
    const view = (await call(township, 'GET', `/api/reserves/${reserve.reserveId}/cultivation?year=${year}`, undefined, 200)).json();
    expect(view.compliance.annual).toMatchObject({ requiredDays: 7, attendedDays: 6, shortByDays: 1, status: 'due', dueBy: `${year}-12-31` });
    const reminders = (await call(township, 'GET', `/api/reminders?orgCode=${world.townshipA.code}&onDate=${onDate}&kind=annualTraining`, undefined, 200)).json();
    expect(reminders.reminders).toEqual([expect.objectContaining({ kind: 'annualTraining', status: 'due', message: expect.stringContaining('还差 1 天') })]);
    const stale = await call(county, 'PUT', '/api/training-rules', { orgCode: world.countyCode, minimumDaysPerYear: 3, centralisedMinimumDays: 5, centralisedWindowYears: 3, centralisedMethods: ['centralised'], version: 7 });
    expect(stale.statusCode).toBe(409);
    await call(county, 'PUT', '/api/training-rules', { orgCode: world.countyCode, minimumDaysPerYear: 3, centralisedMinimumDays: 5, centralisedWindowYears: 3, centralisedMethods: ['centralised', 'partySchool'], version: 1 }, 200);
  });

  it('carries last year’s training shortfall into January when the year ended short of the rules’ days', async () => {
    const rules = (await call(county, 'GET', `/api/training-rules?orgCode=${world.countyCode}`, undefined, 200)).json();
    const fields = { orgCode: world.countyCode, centralisedMinimumDays: 5, centralisedWindowYears: 3, centralisedMethods: ['centralised', 'partySchool'] };
    const stricter = (await call(county, 'PUT', '/api/training-rules', { ...fields, minimumDaysPerYear: 7, version: rules.version }, 200)).json();
    try {
      const january = (await call(township, 'GET', `/api/reminders?orgCode=${world.townshipA.code}&onDate=${year + 1}-01-20&kind=annualTraining&pageSize=200`, undefined, 200)).json();
      expect(january.reminders).toEqual([expect.objectContaining({ kind: 'annualTraining', period: String(year), status: 'overdue', reserveId: reserve.reserveId, message: `培养甲 ${year} 年已参加培训 6 天，还差 1 天（每年不少于 7 天）` })]);
    } finally {
      await call(county, 'PUT', '/api/training-rules', { ...fields, minimumDaysPerYear: 3, version: stricter.version }, 200);
    }
  });
});

describe('the reminder roll-ups', () => {
  async function bothWays(onDate: string) {
    const prefix = world.townshipA.code.slice(0, 9);
    const sortFacts = (facts: Awaited<ReturnType<typeof loadReminderFacts>>) => facts
      .map((fact) => ({ ...fact, training: { ...fact.training, qualifyingEnds: [...fact.training.qualifyingEnds].sort() }, assignments: [...fact.assignments].sort((a, b) => a.assignmentId.localeCompare(b.assignmentId)) }))
      .sort((a, b) => a.reserveId.localeCompare(b.reserveId));
    const rollup = sortFacts((await loadReminderFacts(world.database.db, { prefix, onDate, today: testToday(), summing: 'rollup' })));
    const records = sortFacts((await loadReminderFacts(world.database.db, { prefix, onDate, today: testToday(), summing: 'records' })));
    return { rollup, records };
  }

  it('give today the same facts as summing the records, after inserts, updates and deletes', async () => {
    const today = testToday();
    const thisYear = Number(today.slice(0, 4));
    const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
    const contact = (await call(mentorCookie, 'POST', '/api/mentor-contacts', { assignmentId, contactedOn: today, form: 'talk', thoughts: '本月联系' }, 201)).json();
    await call(mentorCookie, 'POST', '/api/mentoring-summaries', { assignmentId, year: thisYear, quarter, content: '本季度帮带', opinion: '良好' }, 201);
    await call(clerk, 'POST', '/api/assessments', { reserveId: reserve.reserveId, kind: 'quarterly', assessor: 'village', year: thisYear, quarter, opinion: '本季度', assessedOn: today }, 201);
    const session = (await call(township, 'POST', '/api/training-sessions', { orgCode: world.townshipA.code, name: '本年集中培训', method: 'centralised', organiser: '镇党委', startDate: `${thisYear}-01-05`, endDate: `${thisYear}-01-09`, days: 5 }, 201)).json();
    await call(township, 'PUT', `/api/training-sessions/${session.id}/attendance`, { entries: [{ reserveId: reserve.reserveId, attended: true, daysAttended: 4.5 }] }, 200);

    let { rollup, records } = await bothWays(today);
    expect(rollup).toEqual(records);
    const facts = rollup.find((fact) => fact.reserveId === reserve.reserveId)!;
    expect(facts.training.attendedDaysThisYear).toBe(4.5);
    expect(facts.villageQuarters).toBe(1 << (quarter - 1));
    const monthBit = 1 << (Number(today.slice(5, 7)) - 1);
    if (facts.assignments.length > 0) expect(facts.assignments[0]!.contactMonths & monthBit).not.toBe(0);
    // An assignment is left out only when nothing of its year is missing: in January, after this month's log and this quarter's summary.
    else expect(today.slice(5, 7)).toBe('01');
    // This year's talk by the secretary reaches the roll-up too.
    const hadTalk = facts.hasAnnualTalk;
    await call(township, 'POST', '/api/annual-talks', { reserveId: reserve.reserveId, talkedOn: today, talkerName: '李书记', content: '年度谈心谈话' }, 201);
    ({ rollup, records } = await bothWays(today));
    expect(rollup).toEqual(records);
    expect({ hadTalk, hasTalk: rollup.find((fact) => fact.reserveId === reserve.reserveId)!.hasAnnualTalk }).toEqual({ hadTalk: false, hasTalk: true });

    // Changing attendance (an update through the upsert), moving and deleting a log keep them equal.
    await call(township, 'PUT', `/api/training-sessions/${session.id}/attendance`, { entries: [{ reserveId: reserve.reserveId, attended: true, daysAttended: 5 }] }, 200);
    await call(township, 'PATCH', `/api/training-sessions/${session.id}`, { endDate: `${thisYear}-01-10`, version: session.version }, 200);
    const moved = (await call(mentorCookie, 'PATCH', `/api/mentor-contacts/${contact.id}`, { contactedOn: `${thisYear}-01-01`, version: contact.version }, 200)).json();
    ({ rollup, records } = await bothWays(today));
    expect(rollup).toEqual(records);
    expect(rollup.find((fact) => fact.reserveId === reserve.reserveId)!.training).toEqual({ attendedDaysThisYear: 5, qualifyingEnds: [`${year}-04-14`, `${thisYear}-01-10`] });
    await call(mentorCookie, 'DELETE', `/api/mentor-contacts/${moved.id}?version=${moved.version}`, undefined, 204);
    await call(township, 'DELETE', `/api/training-sessions/${session.id}?version=${session.version + 1}`, undefined, 204);
    ({ rollup, records } = await bothWays(today));
    expect(rollup).toEqual(records);
    expect(rollup.find((fact) => fact.reserveId === reserve.reserveId)!.training.attendedDaysThisYear).toBe(0);
  });
});

