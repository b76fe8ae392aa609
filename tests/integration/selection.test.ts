import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/modules/users/users.service.ts';
import { systemContext } from '../../src/server/access.ts';
import { addLedgerPerson, countAuditEvents, createTestWorld, TEST_PASSWORD, type TestWorld, testToday } from '../helpers/test-app.ts';

/**
 * The selection procedure over HTTP: a candidate driven through every step by the roles that own
 * them, and every illegal move refused with its exact message, changing nothing.
 */
let world: TestWorld;
let county: string;
let township: string;
let clerk: string;
let reviewer: string;
let police: string;

type Json = Record<string, unknown> & { version?: number; stage?: string; outcome?: string };

async function call(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const response = await world.app.inject({ method, url, headers: { cookie }, ...(payload && { payload }) });
  return { status: response.statusCode, body: response.json() as Json };
}

async function expectRefusal(cookie: string, method: 'POST' | 'PUT', url: string, payload: object, status: number, message: string) {
  const before = await countAuditEvents(world.database);
  const response = await call(cookie, method, url, payload);
  expect({ status: response.status, message: response.body.message }).toEqual({ status, message });
  expect(await countAuditEvents(world.database)).toBe(before);
}

const meeting = { kind: '村两委会议', heldOn: '2026-08-01', minutes: '村两委会议研究，同意推荐。' };

async function nominate(personId: string, extra: Partial<{ profile: string; nominatedOn: string }> = {}) {
  const response = await call(clerk, 'POST', '/api/selection-candidates', {
    orgCode: world.townshipA.villageCode, personId, channel: 'masses', profile: 'youngPotential', targetPost: 'secretary', sourceCategory: 'graduate',
    nominatedOn: '2026-08-02', meeting, ...extra,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

beforeAll(async () => {
  // The procedure's fixtures are dated August to October 2026: the app runs on a day after them.
  world = await createTestWorld({ today: '2026-11-20' });
  await createUser(world.database.db, systemContext(testToday()), {
    username: 'police', displayName: '县公安局', orgCode: world.countyCode, roles: [{ role: 'jointReviewDepartment', orgCode: world.countyCode, department: '公安机关' }],
    password: TEST_PASSWORD, mustChangePassword: false,
  });
  county = await world.login('county');
  township = await world.login('towna');
  clerk = await world.login('villagea');
  reviewer = await world.login('reviewer');
  police = await world.login('police');
});
afterAll(async () => world.close());

describe('the selection procedure', () => {
  let candidate: Json & { id: string };
  let personId: string;

  it('takes a nomination from the village with the meeting that discussed it', async () => {
    const person = await addLedgerPerson(world, clerk, world.townshipA.villageCode, { name: '选拔甲', birthDate: '19920510' });
    personId = person.personId;
    candidate = (await nominate(personId)) as Json & { id: string };
    expect(candidate).toMatchObject({ stage: 'qualificationReview', outcome: 'inProgress', channel: 'masses' });
    expect((candidate.steps as { action: string; details: { meeting: unknown } }[])[0]).toMatchObject({ action: 'nominate', details: { meeting } });
    await expectRefusal(clerk, 'POST', '/api/selection-candidates', {
      orgCode: world.townshipA.villageCode, personId, channel: 'self', profile: 'mature', targetPost: 'secretary', sourceCategory: 'graduate', nominatedOn: '2026-08-02', meeting,
    }, 409, `选拔甲已是「${(candidate.villageName as string)}」正在选拔的人选，不能重复推荐`);
  });

  it('refuses a step by the wrong role, a skipped step and a stale version', async () => {
    const url = `/api/selection-candidates/${candidate.id}`;
    await expectRefusal(clerk, 'POST', `${url}/qualification-review`, { reviewedOn: '2026-08-05', exclusionsFound: [], version: candidate.version! }, 403, '「资格审查」由乡镇党委进行，您的角色不能办理这一步');
    await expectRefusal(township, 'POST', `${url}/interview`, {
      heldOn: '2026-08-05', interviewer: '李组长', presentPerformance: '好', massBase: '好', socialRelations: '简单', willingness: '愿意', health: '健康', conclusion: '同意', version: candidate.version!,
    }, 409, '「谈话考察」须在「谈话考察」环节进行，该人选当前处于「资格审查」环节，请先完成「资格审查」');
    await expectRefusal(township, 'POST', `${url}/decision`, { decidedOn: '2026-08-05', minutes: '研究', readiness: 'readyNow', version: candidate.version! }, 409,
      '「研究决定入库」须在「公示」环节进行，该人选当前处于「资格审查」环节，请先完成「资格审查」');
    await expectRefusal(township, 'POST', `${url}/qualification-review`, { reviewedOn: '2026-08-05', exclusionsFound: [], version: candidate.version! + 1 }, 409,
      '选拔甲的选拔记录已被他人修改，请刷新后重新编辑（您的修改未保存）');
    await expectRefusal(township, 'POST', `${url}/qualification-review`, { reviewedOn: '2026-07-30', exclusionsFound: [], version: candidate.version! }, 400,
      '日期（2026-07-30）不能早于上一步骤「推荐」的日期 2026-08-02');
  });

  it('walks every step as the roles that own them', async () => {
    const url = `/api/selection-candidates/${candidate.id}`;
    let response = await call(township, 'POST', `${url}/qualification-review`, { reviewedOn: '2026-08-05', exclusionsFound: [], notes: '符合条件', version: candidate.version! });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ stage: 'democraticEvaluation', eligibility: { isEligible: true } });

    const evaluation = await call(township, 'POST', '/api/evaluation-meetings', {
      orgCode: world.townshipA.villageCode, heldOn: '2026-08-10', attendeeCount: 40, attendees: '全体党员和村民代表', minutes: '测评',
      tallies: [{ candidateId: candidate.id, excellent: 20, competent: 12, basicallyCompetent: 5, incompetent: 1, version: response.body.version! }],
    });
    expect(evaluation.status, JSON.stringify(evaluation.body)).toBe(200);
    expect(evaluation.body).toEqual({ candidates: [{ candidateId: candidate.id, name: '选拔甲', validVotes: 38, approvalRate: 84.2 }] });

    response = await call(township, 'GET', url);
    response = await call(township, 'POST', `${url}/interview`, {
      heldOn: '2026-08-12', interviewer: '李组长', presentPerformance: '工作积极', massBase: '群众认可', socialRelations: '简单', willingness: '愿意任职', health: '健康', conclusion: '同意列为人选', version: response.body.version!,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.stage).toBe('shortlist');

    const shortlist = await call(township, 'POST', '/api/shortlists', { orgCode: world.townshipA.code, meetingOn: '2026-08-15', minutes: '镇党委专题会议', candidateIds: [candidate.id] });
    expect(shortlist.status, JSON.stringify(shortlist.body)).toBe(200);
    expect(shortlist.body.shortlisted).toBe(1);
    expect(shortlist.body.warnings).toEqual([`${candidate.villageName as string}建议人选 1 人，少于每村 2 人的要求`]);
    const board = await call(clerk, 'GET', `/api/selection-board?orgCode=${world.townshipA.villageCode}`);
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    expect((board.body.villages as { orgCode: string; warnings: string[] }[])).toEqual([expect.objectContaining({ orgCode: world.townshipA.villageCode, warnings: shortlist.body.warnings })]);
    expect((board.body.columns as { stage: string; candidates: { id: string; meetsPolicy: boolean }[] }[]).find((column) => column.stage === 'jointReview')!.candidates)
      .toEqual([expect.objectContaining({ id: candidate.id, meetsPolicy: true })]);
    expect((await call(clerk, 'GET', `/api/selection-board?orgCode=${world.townshipA.code}`)).status).toBe(404);

    response = await call(township, 'GET', url);
    expect(response.body.jointReviewDepartments).toEqual(['公安机关', '纪检监察机关']);
    await expectRefusal(township, 'POST', '/api/public-notices', { orgCode: world.townshipA.code, startsOn: '2026-09-01', candidateIds: [candidate.id], objectionContact: '镇纪委 028-1234567' }, 409,
      `选拔甲（${candidate.villageName as string}）：尚未送联审部门审查，请先选择联审部门并送审`);
    response = await call(township, 'POST', `${url}/joint-reviews`, { departments: ['纪检监察机关', '公安机关'], sentOn: '2026-08-18' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const reviews = response.body.jointReviews as { id: string; department: string; version: number }[];
    await expectRefusal(township, 'POST', '/api/public-notices', { orgCode: world.townshipA.code, startsOn: '2026-09-01', candidateIds: [candidate.id], objectionContact: '镇纪委' }, 409,
      `选拔甲（${candidate.villageName as string}）：联审尚未完成：公安机关、纪检监察机关还未回复`);

    const discipline = reviews.find((review) => review.department === '纪检监察机关')!;
    const security = reviews.find((review) => review.department === '公安机关')!;
    await expectRefusal(police, 'POST', `/api/joint-reviews/${discipline.id}/answer`, { verdict: 'passed', version: discipline.version }, 404, '联审事项不存在或不在您的管理范围内');
    expect((await call(reviewer, 'POST', `/api/joint-reviews/${discipline.id}/answer`, { verdict: 'passed', comment: '未发现问题', answeredOn: '2026-08-20', version: discipline.version })).status).toBe(200);
    await expectRefusal(police, 'POST', `/api/joint-reviews/${security.id}/answer`, { verdict: 'concern', version: security.version }, 400, '有问题时请填写审查意见，写明发现的问题');
    expect((await call(police, 'POST', `/api/joint-reviews/${security.id}/answer`, { verdict: 'concern', comment: '有一起邻里纠纷调解记录', answeredOn: '2026-08-22', version: security.version })).status).toBe(200);
    await expectRefusal(township, 'POST', '/api/public-notices', { orgCode: world.townshipA.code, startsOn: '2026-09-01', candidateIds: [candidate.id], objectionContact: '镇纪委' }, 409,
      `选拔甲（${candidate.villageName as string}）：联审有未解决的问题（公安机关提出），须由乡镇党委核实处理后才能公示`);
    await expectRefusal(clerk, 'POST', `/api/joint-reviews/${security.id}/resolution`, { resolution: '已核实', version: security.version + 1 }, 403, '联审问题由乡镇党委核实处理，您的角色不能办理');
    await expectRefusal(township, 'POST', `/api/joint-reviews/${security.id}/resolution`, { resolution: '已核实', resolvedOn: '2026-08-21', version: security.version + 1 }, 400,
      '核实处理日期（2026-08-21）不能早于「联审回复」（公安机关）的日期 2026-08-22');
    response = await call(township, 'POST', `/api/joint-reviews/${security.id}/resolution`, { resolution: '经核实系已调解的邻里纠纷，不影响推荐', resolvedOn: '2026-08-26', version: security.version + 1 });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // The notice follows the answers: it may not start before the last of them.
    await expectRefusal(township, 'POST', '/api/public-notices', { orgCode: world.townshipA.code, startsOn: '2026-08-25', candidateIds: [candidate.id], objectionContact: '镇纪委' }, 400,
      '选拔甲的公示开始日期（2026-08-25）不能早于「核实处理联审问题」（公安机关）的日期 2026-08-26');

    const notice = await call(township, 'POST', '/api/public-notices', { orgCode: world.townshipA.code, startsOn: '2026-09-01', candidateIds: [candidate.id], objectionContact: '镇纪委（电话 028-1234567）' });
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    expect(notice.body).toMatchObject({ startsOn: '2026-09-01', endsOn: '2026-09-03', workingDays: 3, postingDayCounts: true });
    expect(notice.body.noticeText).toContain('选拔甲，男，1992年5月生，大专，中共正式党员');
    expect(notice.body.noticeText).toContain('公示期：2026年9月1日至2026年9月3日（3 个工作日）');
    expect(notice.body.noticeText).toContain('镇纪委（电话 028-1234567）');

    response = await call(township, 'GET', url);
    await expectRefusal(township, 'POST', `${url}/decision`, { decidedOn: '2026-09-03', minutes: '研究', readiness: 'readyNow', version: response.body.version! }, 409,
      '公示期至 2026-09-03 结束，须在公示期满后（2026-09-03 之后）研究决定');
    const objected = await call(township, 'POST', `/api/public-notices/${notice.body.id as string}/objections`, { candidateId: candidate.id, receivedOn: '2026-09-02', content: '反映其长期在外务工' });
    expect(objected.status, JSON.stringify(objected.body)).toBe(200);
    response = await call(township, 'GET', url);
    await expectRefusal(township, 'POST', `${url}/decision`, { decidedOn: '2026-09-10', minutes: '研究', readiness: 'readyNow', version: response.body.version! }, 409,
      '公示期间收到的 1 件异议尚未办结，请先记录处理结果');
    const objectionId = (objected.body.objections as { id: string }[])[0]!.id;
    expect((await call(township, 'POST', `/api/notice-objections/${objectionId}/handling`, { handling: '经核实本人已返乡创业两年', isSubstantiated: false })).status).toBe(200);

    response = await call(township, 'GET', url);
    response = await call(township, 'POST', `${url}/decision`, { decidedOn: '2026-09-10', minutes: '镇党委会议研究决定入库', readiness: 'readyNow', version: response.body.version! });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ stage: 'filing', outcome: 'inProgress' });
    const reserve = await world.database.db.selectFrom('reserve').selectAll().where('id', '=', response.body.reserveId as string).executeTakeFirstOrThrow();
    expect(reserve).toMatchObject({ status: 'admitted', person_id: personId, target_post: 'secretary', readiness: 'readyNow', admitted_on: '2026-09-10' });

    await expectRefusal(township, 'POST', `${url}/filing`, { filedOn: '2026-09-15', version: response.body.version! }, 403, '「备案」由县（市）委组织部进行，您的角色不能办理这一步');
    await expectRefusal(township, 'POST', `${url}/rejection`, { occurredOn: '2026-09-15', reason: '改变主意', version: response.body.version! }, 409,
      '乡镇党委已研究决定入库，该人选已是后备力量；如需调整，请在后备力量库中办理出库');
    response = await call(county, 'POST', `${url}/filing`, { filedOn: '2026-09-15', notes: '同意备案', version: response.body.version! });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ stage: 'filed', outcome: 'filed' });
    const steps = (response.body.steps as { action: string; actorName: string; occurredOn: string }[]).map((step) => `${step.action}/${step.actorName}/${step.occurredOn}`);
    expect(steps).toEqual([
      'nominate/villagea/2026-08-02', 'reviewQualification/towna/2026-08-05', 'recordEvaluation/towna/2026-08-10', 'recordInterview/towna/2026-08-12',
      'shortlist/towna/2026-08-15', 'sendJointReview/towna/2026-08-18', `answerJointReview/reviewer/${steps[6]!.split('/')[2]}`, `answerJointReview/县公安局/${steps[7]!.split('/')[2]}`,
      `resolveConcern/towna/${steps[8]!.split('/')[2]}`, 'startPublicNotice/towna/2026-09-01', 'recordObjection/towna/2026-09-02', `handleObjection/towna/${steps[11]!.split('/')[2]}`,
      'decide/towna/2026-09-10', 'file/county/2026-09-15',
    ]);
    await expectRefusal(county, 'POST', `${url}/filing`, { filedOn: '2026-09-15', version: response.body.version! }, 409, '该人选的选拔程序已结束（已入库备案），不能再进行「备案」');
  });

  it('refuses to pass a failed rule until the township approves an exception', async () => {
    const person = await addLedgerPerson(world, clerk, world.townshipA.villageCode, { name: '破格乙', birthDate: '19950101', education: 'seniorHigh' });
    const nominated = await nominate(person.personId);
    const url = `/api/selection-candidates/${nominated.id as string}`;
    expect((nominated.eligibility as { verdicts: { rule: string; passed: boolean; explanation: string }[] }).verdicts.find((verdict) => verdict.rule === 'education'))
      .toEqual({ rule: 'education', passed: false, explanation: '学历高中（中专），低于大专及以上的要求', isWaived: false });
    await expectRefusal(township, 'POST', `${url}/qualification-review`, { reviewedOn: '2026-08-05', exclusionsFound: [], version: nominated.version! }, 409,
      '资格条件未通过且未经批准破格：学历高中（中专），低于大专及以上的要求。可不予通过，或申请破格并经乡镇党委批准');
    const requested = await call(clerk, 'POST', `${url}/exceptions`, { rule: 'education', reason: '返乡创业带头人，带动 30 户增收，群众公认' });
    expect(requested.status, JSON.stringify(requested.body)).toBe(200);
    await expectRefusal(township, 'POST', `${url}/qualification-review`, { reviewedOn: '2026-08-05', exclusionsFound: [], version: requested.body.version! }, 409,
      '有破格申请尚待乡镇党委审批，请先审批后再完成资格审查');
    const exceptionId = (requested.body.exceptions as { id: string }[])[0]!.id;
    await expectRefusal(clerk, 'POST', `/api/eligibility-exceptions/${exceptionId}/decision`, { approve: true, note: '同意' }, 403, '破格须经乡镇党委批准，您的角色不能审批');
    const approved = await call(township, 'POST', `/api/eligibility-exceptions/${exceptionId}/decision`, { approve: true, note: '镇党委会议同意破格' });
    expect(approved.status).toBe(200);
    expect(approved.body.eligibility).toMatchObject({ isEligible: true });
    const reviewed = await call(township, 'POST', `${url}/qualification-review`, { reviewedOn: '2026-08-05', exclusionsFound: [], version: approved.body.version! });
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    // An exclusion found by the review fails the candidate, and cannot be waived.
    const third = await nominate((await addLedgerPerson(world, clerk, world.townshipA.villageCode, { name: '负面丙' })).personId);
    await expectRefusal(township, 'POST', `/api/selection-candidates/${third.id as string}/qualification-review`, { reviewedOn: '2026-08-05', exclusionsFound: ['voteBuying'], version: third.version! }, 409,
      '资格条件未通过且未经批准破格：存在「参与贿选、拉票」情形，不得推荐。可不予通过，或申请破格并经乡镇党委批准');
    const rejected = await call(township, 'POST', `/api/selection-candidates/${third.id as string}/rejection`, { occurredOn: '2026-08-05', reason: '经核实存在拉票行为', version: third.version! });
    expect(rejected.body).toMatchObject({ outcome: 'rejected', stage: 'qualificationReview' });
  });

  it('refuses an exception decision once the procedure has ended, as the page no longer offers it', async () => {
    const person = await addLedgerPerson(world, clerk, world.townshipA.villageCode, { name: '破格丁', birthDate: '19950101', education: 'seniorHigh' });
    const nominated = await nominate(person.personId);
    const url = `/api/selection-candidates/${nominated.id as string}`;
    const requested = await call(clerk, 'POST', `${url}/exceptions`, { rule: 'education', reason: '群众公认的致富带头人' });
    expect(requested.status, JSON.stringify(requested.body)).toBe(200);
    expect((await call(township, 'GET', url)).body.policies).toMatchObject({ decideException: true });
    const rejected = await call(township, 'POST', `${url}/rejection`, { occurredOn: '2026-08-05', reason: '本人另有安排', version: requested.body.version! });
    expect(rejected.body).toMatchObject({ outcome: 'rejected' });
    expect((await call(township, 'GET', url)).body.policies).toMatchObject({ decideException: false, resolveConcern: false, requestException: false });
    const exceptionId = (requested.body.exceptions as { id: string }[])[0]!.id;
    await expectRefusal(township, 'POST', `/api/eligibility-exceptions/${exceptionId}/decision`, { approve: true, note: '同意' }, 409, '该人选的选拔程序已终止（不予通过），不能再审批破格');
  });

  it('refuses a notice reaching into a year whose holidays are not entered, until the org department enters it', async () => {
    const period = (await call(township, 'GET', '/api/official-calendar/notice-period?startsOn=2026-12-28&workingDays=5')).body;
    expect(period).toMatchObject({ code: 'VALIDATION_FAILED', message: '2027 年的法定节假日安排尚未录入，无法计算工作日：请先在「工作日历」中录入 2027 年的放假和调休安排' });
    await expectRefusal(county, 'PUT', '/api/official-calendar/years/2027', { holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-04'], version: null }, 400, '调休上班日应为周六或周日，2027-01-04 是工作日');
    await expectRefusal(township, 'PUT', '/api/official-calendar/years/2027', { holidays: ['2027-01-01'], makeUpWorkdays: [], version: null }, 403, '您没有录入法定节假日安排的权限');
    const entered = await call(county, 'PUT', '/api/official-calendar/years/2027', { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], makeUpWorkdays: [], note: '国务院办公厅通知', version: null });
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    expect((entered.body.years as { year: number; source: string }[]).at(-1)).toMatchObject({ year: 2027, source: 'entered' });
    expect((await call(township, 'GET', '/api/official-calendar/notice-period?startsOn=2026-12-28&workingDays=5')).body).toMatchObject({ endsOn: '2027-01-04' });
    expect((await call(township, 'GET', '/api/official-calendar/notice-period?startsOn=2025-09-26&workingDays=5&postingDayCounts=false')).body).toMatchObject({ endsOn: '2025-10-10' });
  });

  it('lets a joint-review department read only what was sent to it', async () => {
    const inbox = await call(reviewer, 'GET', '/api/joint-reviews');
    expect(inbox.status).toBe(200);
    expect((inbox.body.reviews as { department: string; candidate: { name: string } }[]).map((review) => `${review.department}/${review.candidate.name}`)).toEqual(['纪检监察机关/选拔甲']);
    const policeInbox = await call(police, 'GET', '/api/joint-reviews');
    expect((policeInbox.body.reviews as { department: string }[]).map((review) => review.department)).toEqual(['公安机关']);
    for (const url of ['/api/selection-candidates', `/api/selection-candidates/${candidate.id}`, '/api/reserves', '/api/talent-ledger', `/api/people/${personId}`, `/api/selection-board?orgCode=${world.townshipA.code}`]) {
      expect([403, 404], url).toContain((await call(reviewer, 'GET', url)).status);
    }
    expect((await call(township, 'GET', '/api/joint-reviews')).status).toBe(403);
  });

  it('keeps evidence files with the candidate, checked by type and content', async () => {
    const url = `/api/selection-candidates/${candidate.id}/attachments`;
    const pdf = Buffer.from('%PDF-1.4\n% 村两委会议记录扫描件\n');
    const upload = (cookie: string, body: Buffer, contentType: string, query = `fileName=${encodeURIComponent('村两委会议记录.pdf')}&step=nominate`) =>
      world.app.inject({ method: 'POST', url: `${url}?${query}`, headers: { cookie, 'content-type': contentType }, payload: body });
    const before = await countAuditEvents(world.database);
    expect((await upload(clerk, Buffer.from('纯文本'), 'text/plain')).statusCode).toBe(415);
    const fake = await upload(clerk, Buffer.from('not a pdf'), 'application/pdf');
    expect({ status: fake.statusCode, message: fake.json().message }).toEqual({ status: 400, message: '文件内容不是PDF，请检查文件是否损坏或扩展名是否正确' });
    expect((await upload(reviewer, pdf, 'application/pdf')).statusCode).toBe(403);
    expect(await countAuditEvents(world.database)).toBe(before);
    const uploaded = await upload(clerk, pdf, 'application/pdf');
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const attachment = uploaded.json().attachments[0];
    expect(attachment).toMatchObject({ fileName: '村两委会议记录.pdf', stepAction: 'nominate', contentType: 'application/pdf', sizeBytes: pdf.length, uploadedBy: 'villagea' });
    expect(await countAuditEvents(world.database)).toBe(before + 1);
    const download = await world.app.inject({ method: 'GET', url: `${url}/${attachment.id}`, headers: { cookie: township } });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('村两委会议记录.pdf')}`);
    expect((await world.app.inject({ method: 'GET', url: `${url}/${attachment.id}`, headers: { cookie: reviewer } })).statusCode).toBe(403);
    const history = await call(township, 'GET', `/api/selection-candidates?personId=${personId}`);
    expect((history.body.candidates as { id: string }[]).map((item) => item.id)).toEqual([candidate.id]);
  });

  it('shows a joint-review department nothing else from any GET route of the API document', async () => {
    const others = await world.database.db.selectFrom('selection_candidate').select('id').where('id', '<>', candidate.id).execute();
    const person = await world.database.db.selectFrom('person').select(['id_number_masked']).where('id', '=', personId).executeTakeFirstOrThrow();
    // Names of people never sent to this department, and what only a pool reader would see of the one that was.
    const markers = ['破格乙', '负面丙', person.id_number_masked, personId, ...others.map((row) => row.id)];
    const document = (await world.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const values: Record<string, string> = { id: others[0]!.id, code: world.townshipA.villageCode, orgCode: world.townshipA.villageCode, dictionary: 'sourceCategory', year: '2026' };
    const leaks: string[] = [];
    let answered = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      if (!('get' in methods)) continue;
      const url = path.replace(/\{(\w+)\}/g, (_match, name: string) => values[name] ?? name);
      for (const query of ['', `?orgCode=${world.townshipA.villageCode}`, '?pageSize=200']) {
        const response = await world.app.inject({ method: 'GET', url: `${url}${query}`, headers: { cookie: reviewer } });
        if (response.statusCode === 200) answered += 1;
        const found = markers.filter((marker) => response.body.includes(marker));
        if (found.length > 0) leaks.push(`${url}${query} → ${response.statusCode}: ${found.join(', ')}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(answered).toBeGreaterThan(0);
  });
});
