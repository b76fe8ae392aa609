import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpCalls } from '../helpers/http-calls.ts';
import { ageOn } from '../../src/domain/dates.ts';
import { systemContext } from '../../src/server/access.ts';
import { createUser } from '../../src/modules/users/users.service.ts';
import { addLedgerPerson, addReserve, createTestWorld, TEST_PASSWORD, type TestWorld } from '../helpers/test-app.ts';

/**
 * One village's 换届 over HTTP, as the owning roles: the township's plan and seats, the Party
 * organisation's candidates through qualification, 双签 and approval with the 差额 check, the
 * 党员大会, the villagers committee's register and vote, discipline, the result notice on the
 * official calendar with an objection, approval and filing — and every illegal move refused with
 * its exact sentence and no audit event. After filing, the roster, the reserve and the composition
 * report agree with the result.
 */
let world: TestWorld;
let township: string;
let county: string;
let county2: string;
let clerk: string;
let otherTownship: string;
const TODAY = '2026-12-21';

beforeAll(async () => {
  world = await createTestWorld({ today: TODAY });
  await createUser(world.database.db, systemContext(TODAY), {
    username: 'secretary2', displayName: '县委书记', orgCode: world.countyCode, roles: [{ role: 'orgDepartment', orgCode: world.countyCode, department: null }],
    password: TEST_PASSWORD, mustChangePassword: false,
  });
  township = await world.login('towna');
  county = await world.login('county');
  county2 = await world.login('secretary2');
  clerk = await world.login('villagea');
  otherTownship = await world.login('townb');
});
afterAll(async () => world.close());
const { call, ok, refused } = httpCalls(() => world);

/** An entry of a response body (the bodies are checked by value below). */
interface Json { [key: string]: unknown }
async function readSummaryTable(cookie: string, orgCode: string) {
  const response = await world.app.inject({ method: 'GET', url: `/api/election-summary-table?orgCode=${orgCode}`, headers: { cookie } });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
  const rows: Record<string, string | number | null>[] = [];
  for (let row = 4; row <= sheet.rowCount; row += 1) {
    rows.push(Object.fromEntries(headers.map((header, index) => [header, (sheet.getCell(row, index + 1).value ?? null) as string | number | null])));
  }
  const title = String(sheet.getCell(1, 1).value);
  return { title, unitName: title.slice(0, title.indexOf('2026')), headers, rows };
}
const idOf = (election: { candidates: Json[] }, name: string, committee: 'party' | 'villagers'): string =>
  election.candidates.find((candidate) => candidate.name === name && candidate.committee === committee)!.id as string;

describe('the village 换届 from seats to filing', () => {
  it('runs both elections, refuses every illegal move, and files into the roster, the reserves and the composition', async () => {
    const village = world.townshipA.villageCode;

    // The township's plan; a village clerk may not make it.
    const planInput = { orgCode: world.townshipA.code, termYear: 2026, startsOn: '2026-10-01', endsOn: '2026-12-31', leadingGroup: '组长：镇党委书记', standardPartySeats: 3, standardVillagersSeats: 3 };
    await refused(clerk, 'POST', '/api/election-plans', planInput, 404, '乡镇（街道）不存在或不在您的管理范围内');
    const plan = await ok(township, 'POST', '/api/election-plans', planInput);
    expect(plan.villages.length).toBe(world.townshipA.villageCodes.length);
    expect(plan.stages.find((stage: Json) => stage.stage === 'preparing').villages).toBe(plan.villages.length);
    const electionId = plan.villages.find((entry: Json) => entry.orgCode === village).id as string;
    const url = `/api/village-elections/${electionId}`;
    let election = await ok(clerk, 'GET', url);

    // The sitting secretary, whose term the 换届 ends.
    const old = await addLedgerPerson(world, township, village, { name: '老书记', birthDate: '19650301', education: 'juniorHigh' });
    await ok(township, 'POST', `/api/villages/${village}/committee-members`, { personId: old.personId, committee: 'party', post: 'secretary', termYear: 2021, startedOn: '2021-10-08' });

    // Seats: the township's; the villagers committee has 3 to 7.
    await refused(clerk, 'PUT', `${url}/seats`, { partySeats: 3, villagersSeats: 3, basis: '人口 1200 人', version: election.version }, 403, '「设定职数」由乡镇党委办理，您的角色不能办理这一步');
    await refused(township, 'PUT', `${url}/seats`, { partySeats: 3, villagersSeats: 8, basis: '人口 1200 人', version: election.version }, 400, '村民委员会由主任、副主任和委员共 3 至 7 人组成，设定的职数 8 名不符合规定');
    election = await ok(township, 'PUT', `${url}/seats`, { partySeats: 3, villagersSeats: 3, basis: '人口 1200 人', version: election.version });
    expect(election.stage).toBe('partyNomination');

    // Party candidates: a 预备党员 cannot stand.
    const secretary = await addReserve(world, township, village, { name: '新书记', birthDate: '19900506', sex: 'male', education: 'juniorCollege' });
    const b = await addLedgerPerson(world, township, village, { name: '委员乙', birthDate: '19850101' });
    const c = await addLedgerPerson(world, township, village, { name: '委员丙', birthDate: '19800101', sex: 'female' });
    const d = await addLedgerPerson(world, township, village, { name: '委员丁', birthDate: '19750101' });
    const probationary = await addLedgerPerson(world, township, village, { name: '预备戊', politicalStatus: 'probationaryMember' });
    const nominate = (personId: string, extra: object = {}) => ({ committee: 'party', personId, recommendations: { membersAndMasses: 30, higherOrganisation: 1 }, proposedOn: '2026-10-10', ...extra });
    await refused(clerk, 'POST', `${url}/candidates`, nominate(probationary.personId), 409,
      '预备戊为中共预备党员，没有被选举权，不能作为村党组织委员会候选人（只有享有表决权、选举权和被选举权的正式党员才能被选举）');
    await ok(clerk, 'POST', `${url}/candidates`, nominate(secretary.personId, { isSecretaryCandidate: true }));
    await ok(clerk, 'POST', `${url}/candidates`, nominate(b.personId));
    election = await ok(clerk, 'POST', `${url}/candidates`, nominate(c.personId));

    // Qualification by the township with the eligibility engine.
    const qualify = (candidateId: string, version = 1, extra: object = {}) =>
      ok(township, 'POST', `/api/election-candidates/${candidateId}/qualification`, { reviewedOn: '2026-10-12', inspection: '考察组谈话 20 人，群众测评满意', exclusionsFound: [], isUnderPartyProbation: false, version, ...extra });
    await refused(clerk, 'POST', `/api/election-candidates/${idOf(election, '委员乙', 'party')}/qualification`,
      { reviewedOn: '2026-10-12', inspection: '考察', exclusionsFound: [], isUnderPartyProbation: false, version: 1 }, 403, '「考察和资格审查」由乡镇党委办理，您的角色不能办理这一步');
    for (const name of ['新书记', '委员乙', '委员丙']) election = await qualify(idOf(election, name, 'party'));
    const secretaryCandidate = election.candidates.find((candidate: Json) => candidate.name === '新书记');
    expect(secretaryCandidate.qualification.verdicts).toContainEqual({ rule: 'age', passed: true, explanation: '新任书记人选年龄一般不超过 45 周岁，本人 36 岁（以 2026-12-31 计）' });

    // Approval needs 双签 of the secretary candidate, by two different users, and the margin.
    const approve = { approvedOn: '2026-10-20', version: election.version };
    await refused(township, 'POST', `${url}/candidate-approval`, approve, 409, '书记候选人新书记尚未经组织部长、县委书记“双签”，不能批准为正式候选人');
    const signUrl = `/api/election-candidates/${secretaryCandidate.id}/sign-offs`;
    await refused(township, 'POST', signUrl, { as: 'minister', signedOn: '2026-10-15' }, 403, '「书记候选人“双签”」由县委组织部办理，您的角色不能办理这一步');
    await ok(county, 'POST', signUrl, { as: 'minister', signedOn: '2026-10-15' });
    await refused(county, 'POST', signUrl, { as: 'countySecretary', signedOn: '2026-10-15' }, 409, '“双签”须由组织部长和县委书记两人分别签字，county已作为组织部长签字，不能再作为县委书记签字');
    election = await ok(county2, 'POST', signUrl, { as: 'countySecretary', signedOn: '2026-10-16' });
    expect(election.candidates.find((candidate: Json) => candidate.id === secretaryCandidate.id).isDualSigned).toBe(true);
    expect(election.checks.partyMargin).toBe('委员应选 3 名，正式候选人 3 名，差额不足 20%，候选人应不少于 4 名');
    await refused(township, 'POST', `${url}/candidate-approval`, { approvedOn: '2026-10-20', version: election.version }, 409, '委员应选 3 名，正式候选人 3 名，差额不足 20%，候选人应不少于 4 名');
    election = await ok(clerk, 'POST', `${url}/candidates`, nominate(d.personId));
    election = await qualify(idOf(election, '委员丁', 'party'));
    await refused(clerk, 'POST', `${url}/candidate-approval`, { approvedOn: '2026-10-20', version: election.version }, 403, '「批准党组织委员会正式候选人」由乡镇党委办理，您的角色不能办理这一步');
    election = await ok(township, 'POST', `${url}/candidate-approval`, { approvedOn: '2026-10-20', version: election.version });
    expect(election.stage).toBe('partyVote');
    expect(election.candidates.filter((candidate: Json) => candidate.status === 'formal')).toHaveLength(4);

    // The 党员大会: too few present is void; the wrong role may not enter it.
    const tallies = (values: [string, number][]) => values.map(([name, votesFor]) => ({ candidateId: idOf(election, name, 'party'), votesFor, votesAgainst: 0, abstentions: 0 }));
    const partyVote = (present: number, excused: object[] = []) => ({
      committee: 'party', kind: 'regular', heldOn: '2026-11-10', electorate: 50, excused, present, ballotsIssued: present, ballotsCollected: present, invalidBallots: 1,
      tallies: tallies([['新书记', 38], ['委员乙', 30], ['委员丙', 25], ['委员丁', 10]]), version: election.version,
    });
    await refused(clerk, 'POST', `${url}/votes`, partyVote(40), 409, '应到会 50 人，实到会 40 人，未超过五分之四，选举无效');
    await refused(county, 'POST', `${url}/votes`, partyVote(45), 403, '「登记党员大会选举结果」由村党组织（或乡镇党委）办理，您的角色不能办理这一步');
    election = await ok(clerk, 'POST', `${url}/votes`, partyVote(40, [{ name: '外出党员', reason: 'awayOverSixMonths' }]));
    expect(election.votes[0].counts).toMatchObject({ electorate: 50, expected: 49, present: 40 });
    expect(election.votes[0].result.candidates.map((outcome: Json) => [outcome.name, outcome.outcome])).toEqual([
      ['新书记', 'elected'], ['委员乙', 'elected'], ['委员丙', 'elected'], ['委员丁', 'notElected'],
    ]);
    expect(election.stage).toBe('villagersElection');
    election = await ok(clerk, 'PUT', `${url}/posts`, {
      committee: 'party', decidedOn: '2026-11-10', assignments: [{ candidateId: idOf(election, '新书记', 'party'), post: 'secretary' }, { candidateId: idOf(election, '委员乙', 'party'), post: 'deputySecretary' }], version: election.version,
    });

    // The villagers committee: the election committee, the register 20 days before, candidates.
    const woman = await addLedgerPerson(world, township, village, { name: '妇女己', birthDate: '19920101', sex: 'female', politicalStatus: 'masses' });
    const g = await addLedgerPerson(world, township, village, { name: '村民庚', birthDate: '19880101', politicalStatus: 'masses' });
    const h = await addLedgerPerson(world, township, village, { name: '村民辛', birthDate: '19700101', politicalStatus: 'masses' });
    const i = await addLedgerPerson(world, township, village, { name: '村民壬', birthDate: '19720101', politicalStatus: 'masses' });
    election = await ok(clerk, 'PUT', `${url}/election-committee`, { members: [{ name: '妇女己', personId: woman.personId, leftOn: null }, { name: '主持人', personId: null, leftOn: null }], version: election.version });
    const villagersNomination = (personId: string) => ({ committee: 'villagers', personId, recommendations: { membersAndMasses: 60, higherOrganisation: 0 }, proposedOn: '2026-11-05' });
    await refused(clerk, 'POST', `${url}/candidates`, villagersNomination(woman.personId), 409, '妇女己是村民选举委员会成员，被提名为村民委员会候选人的，应当先退出村民选举委员会');
    election = await ok(clerk, 'PUT', `${url}/election-committee`, { members: [{ name: '妇女己', personId: woman.personId, leftOn: '2026-11-04' }, { name: '主持人', personId: null, leftOn: null }], version: election.version });
    await refused(clerk, 'PUT', `${url}/voter-register`, { registered: 1000, publishedOn: '2026-11-03', electionDay: '2026-11-22', version: election.version }, 400,
      '选民名单于 2026-11-03 公布，距选举日 2026-11-22 仅 19 日，应在选举日的 20 日以前公布');
    election = await ok(clerk, 'PUT', `${url}/voter-register`, { registered: 1000, publishedOn: '2026-11-01', electionDay: '2026-11-22', version: election.version });
    // Proxy votes: a close relative with written authority, at most three entrustments each.
    const proxyVote = (voterName: string, extra: object = {}) => ({ voterName, proxyName: '李甲', relationship: 'sibling', authorizedOn: '2026-11-10', version: election.version, ...extra });
    await refused(clerk, 'POST', `${url}/proxy-votes`, proxyVote('张一', { relationship: 'neighbour' }), 400, '请求内容有误——relationship：受委托人应为委托人的近亲属，请选择关系');
    for (const voter of ['张一', '张二', '张三']) election = await ok(clerk, 'POST', `${url}/proxy-votes`, proxyVote(voter));
    await refused(clerk, 'POST', `${url}/proxy-votes`, proxyVote('张四'), 400, '李甲已接受 3 名选民的委托，每一选民接受委托投票不得超过 3 人');
    await refused(clerk, 'POST', `${url}/proxy-votes`, proxyVote('张四', { proxyName: '张四子', relationship: 'child', version: election.version - 1 }), 409, '「' + election.villageName + '」的委托投票已被他人修改，请刷新后重新编辑（您的修改未保存）');
    expect(election.voterRegister.proxies).toEqual(['张一', '张二', '张三'].map((voterName) => ({ voterName, proxyName: '李甲', relationship: 'sibling', relationshipLabel: '兄弟姐妹', authorizedOn: '2026-11-10' })));
    await refused(clerk, 'POST', `${url}/objections`, { kind: 'register', receivedOn: '2026-11-07', content: '漏登' }, 409, '选民名单于 2026-11-01 公布，异议于 2026-11-07 提出，已超过公布之日起 5 日的期限');
    election = await ok(clerk, 'POST', `${url}/objections`, { kind: 'register', receivedOn: '2026-11-04', content: '张某漏登' });
    election = await ok(clerk, 'POST', `/api/election-objections/${election.objections[0].id}/handling`, { handling: '经核实补登', isUpheld: true, handledOn: '2026-11-06' });
    for (const person of [secretary, woman, g, h, i]) election = await ok(clerk, 'POST', `${url}/candidates`, villagersNomination(person.personId));
    for (const name of ['新书记', '妇女己', '村民庚', '村民辛', '村民壬']) {
      const candidate = election.candidates.find((entry: Json) => entry.name === name && entry.committee === 'villagers');
      election = await qualify(candidate.id, candidate.version);
    }

    // Discipline: a risk point, a citizen reporter per group, a substantiated report disqualifies.
    election = await ok(clerk, 'POST', `${url}/risk-points`, { kind: 'clan', description: '两大姓氏竞争', measures: '镇党委班子成员包联', owner: '镇纪委书记' });
    election = await ok(clerk, 'POST', `${url}/violation-reports`, { candidateId: idOf(election, '村民辛', 'villagers'), kind: 'voteBuying', receivedOn: '2026-11-15', content: '请客拉票' });
    await refused(clerk, 'POST', `/api/election-violation-reports/${election.violationReports[0].id}/handling`, { verification: '查实', isSubstantiated: true, handledOn: '2026-11-18' }, 403,
      '「核查违反换届纪律的举报」由乡镇党委办理，您的角色不能办理这一步');
    election = await ok(township, 'POST', `/api/election-violation-reports/${election.violationReports[0].id}/handling`, { verification: '经镇纪委核查属实', isSubstantiated: true, handledOn: '2026-11-18' });
    expect(election.candidates.find((entry: Json) => entry.name === '村民辛' && entry.committee === 'villagers').status).toBe('disqualified');
    const pledged = election.candidates.find((entry: Json) => entry.name === '新书记' && entry.committee === 'party');
    election = await ok(clerk, 'PUT', `/api/election-candidates/${pledged.id}/pledge`, { talkedOn: '2026-10-18', pledgedOn: '2026-10-18', version: pledged.version });
    expect(election.checks.pledges.pledged).toBe(1);

    // The villagers' vote: a disqualified candidate is not on the ballot; the majority of votes cast.
    const villagersTallies = (values: [string, number][]) => values.map(([name, votesFor]) => ({ candidateId: idOf(election, name, 'villagers'), votesFor, votesAgainst: 0, abstentions: 0 }));
    const villagersVote = (values: [string, number][], present = 600) => ({
      committee: 'villagers', kind: 'regular', heldOn: '2026-11-22', present, proxies: 12, ballotsIssued: present, ballotsCollected: present, invalidBallots: 0, tallies: villagersTallies(values), version: election.version,
    });
    await refused(clerk, 'POST', `${url}/votes`, villagersVote([['新书记', 500], ['妇女己', 400], ['村民庚', 350], ['村民辛', 20], ['村民壬', 100]]), 400, '票数中有不在本轮选票上的候选人，请按本轮（正式选举）的候选人登记');
    await refused(clerk, 'POST', `${url}/votes`, villagersVote([['新书记', 400], ['妇女己', 400], ['村民庚', 350], ['村民壬', 100]], 500), 409, '登记参加选举的村民 1000 人，参加投票 500 人，未超过半数，选举无效');
    election = await ok(clerk, 'POST', `${url}/votes`, villagersVote([['新书记', 500], ['妇女己', 400], ['村民庚', 350], ['村民壬', 100]]));
    expect(election.stage).toBe('resultNotice');
    expect(election.checks.womanOnVillagersCommittee).toBeNull();
    await refused(township, 'POST', `${url}/result-notice`, { startsOn: '2026-11-24', version: election.version }, 409, '不能发布公示：尚未确定村民委员会主任');
    election = await ok(clerk, 'PUT', `${url}/posts`, { committee: 'villagers', decidedOn: '2026-11-22', assignments: [{ candidateId: idOf(election, '新书记', 'villagers'), post: 'director' }], version: election.version });

    // The result notice of 5 working days, an objection, the township's approval, the county's filing.
    const noticeDocument = `${url}/result-notice-document?contact=${encodeURIComponent('镇党政办 0833-1234567')}`;
    const early = await call(township, 'GET', noticeDocument);
    expect(early).toMatchObject({ status: 409, body: { message: `「${election.villageName}」尚未发布选举结果公示，请先在“发布结果公示”中登记公示开始日期，公示期按工作日计算后才能打印公示` } });
    election = await ok(township, 'POST', `${url}/result-notice`, { startsOn: '2026-11-24', version: election.version });
    expect(election.notice).toEqual({ startsOn: '2026-11-24', endsOn: '2026-11-30', workingDays: 5 });
    const printed = await world.app.inject({ method: 'GET', url: noticeDocument, headers: { cookie: clerk } });
    expect(printed.statusCode).toBe(200);
    expect(printed.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const noticeXml = await (await JSZip.loadAsync(printed.rawPayload)).file('word/document.xml')!.async('string');
    const noticeText = [...noticeXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('|');
    expect(noticeText).toContain(`${election.villageName}2026年村“两委”换届选举结果公示`);
    expect(noticeText).toContain('于2026年11月10日召开党员大会，选举产生了新一届村党组织委员会；于2026年11月22日召开村民选举大会，选举产生了新一届村民委员会');
    expect(noticeText).toContain('村党组织委员会|书记|新书记|男|1990.05|大专|');
    expect(noticeText).toContain('村党组织委员会|副书记|委员乙|');
    expect(noticeText).toContain('村民委员会|主任|新书记|');
    expect(noticeText).toContain('村民委员会|委员|妇女己|女|1992.01|');
    expect(noticeText).not.toContain('委员丁');
    expect(noticeText).not.toContain('村民壬');
    expect(noticeText).toContain('公示时间：2026年11月24日至2026年11月30日（5个工作日）。');
    expect(noticeText).toContain(`向中共${world.townshipA.name}委员会反映（镇党政办 0833-1234567）`);
    expect((await call(otherTownship, 'GET', noticeDocument)).status).toBe(404);
    election = await ok(township, 'POST', `${url}/objections`, { kind: 'result', receivedOn: '2026-11-25', content: '反映委员丙年龄填写有误' });
    await refused(township, 'POST', `${url}/result-approval`, { approvedOn: '2026-11-30', version: election.version }, 409, '选举结果公示期至 2026-11-30（5 个工作日），2026-11-30 尚未期满，不能审批');
    await refused(township, 'POST', `${url}/result-approval`, { approvedOn: '2026-12-01', version: election.version }, 409, '公示期间反映的问题还有 1 件未办结，不能审批');
    const objection = election.objections.find((entry: Json) => entry.kind === 'result');
    election = await ok(township, 'POST', `/api/election-objections/${objection.id}/handling`, { handling: '经核实为笔误，已更正', isUpheld: false, handledOn: '2026-11-27' });
    await refused(clerk, 'POST', `${url}/result-approval`, { approvedOn: '2026-12-01', version: election.version }, 403, '「审批选举结果并任命」由乡镇党委办理，您的角色不能办理这一步');
    election = await ok(township, 'POST', `${url}/result-approval`, { approvedOn: '2026-12-01', version: election.version });
    await refused(township, 'POST', `${url}/filing`, { filedOn: '2026-12-03', version: election.version }, 403, '「换届结果备案」由县委组织部办理，您的角色不能办理这一步');
    election = await ok(county, 'POST', `${url}/filing`, { filedOn: '2026-12-03', version: election.version });
    expect(election.stage).toBe('filed');
    expect(election.composition.leaving).toEqual([{ personId: old.personId, name: '老书记' }]);
    expect(election.checks.handover).toEqual({
      deadline: '2026-12-11', leaving: ['老书记'], missingTalks: ['老书记'], problems: ['离任人员老书记尚未进行落选离职谈话', '新老班子应在审批后 10 日内（2026-12-11 前）完成交接，至今未登记交接'],
    });

    // 落选离职谈话 with those leaving, and the handover.
    await refused(township, 'PUT', `${url}/handover`, { handedOverOn: '2026-12-08', talks: [{ name: '委员丁', talkedOn: '2026-12-05' }], version: election.version }, 400,
      '委员丁不是本次换届离任的成员（离任：老书记），请按离任人员登记落选离职谈话');
    await refused(clerk, 'PUT', `${url}/handover`, { handedOverOn: '2026-12-08', talks: [{ name: '老书记', talkedOn: '2026-12-05' }], version: election.version }, 403,
      '「登记落选离职谈话和工作交接」由乡镇党委办理，您的角色不能办理这一步');
    election = await ok(township, 'PUT', `${url}/handover`, { handedOverOn: '2026-12-08', talks: [{ name: '老书记', talkedOn: '2026-12-05' }], version: election.version });
    expect(election.handover).toEqual({ handedOverOn: '2026-12-08', talks: [{ name: '老书记', talkedOn: '2026-12-05' }] });
    expect(election.checks.handover).toMatchObject({ missingTalks: [], problems: [] });

    // The roster, the reserve and the composition report agree with the result.
    const page = await ok(township, 'GET', `/api/villages/${village}`);
    const sitting = page.roster.members.filter((member: Json) => member.endedOn === null).map((member: Json) => [member.name, member.committee, member.post, member.termYear, member.startedOn]);
    expect(sitting.sort()).toEqual([
      ['妇女己', 'villagers', 'member', 2026, '2026-12-01'], ['委员丙', 'party', 'member', 2026, '2026-12-01'], ['委员乙', 'party', 'deputySecretary', 2026, '2026-12-01'],
      ['新书记', 'party', 'secretary', 2026, '2026-12-01'], ['新书记', 'villagers', 'director', 2026, '2026-12-01'], ['村民庚', 'villagers', 'member', 2026, '2026-12-01'],
    ].sort());
    expect(page.roster.members.find((member: Json) => member.name === '老书记')).toMatchObject({ endedOn: '2026-12-01', leaveReason: 'termEnded' });
    expect(page.roster.members.find((member: Json) => member.name === '新书记' && member.committee === 'party').isSecretaryAndDirector).toBe(true);
    const history = await ok(township, 'GET', `/api/reserves/${secretary.reserveId}/history`);
    expect(JSON.stringify(history)).toContain('appointed');
    const report = await ok(county, 'GET', `/api/election-composition?orgCode=${world.townshipA.code}`);
    expect(report.villages).toHaveLength(1);
    expect(report.villages[0]).toMatchObject({
      orgCode: village, reservesUsed: 1, isNewSecretaryFromReserves: true,
      before: { members: 1, secretaryAge: ageOn('1965-03-01', '2026-12-01'), secretaryHasCollege: false, womenMembers: 0, isSecretaryAndDirector: false },
      after: { members: 5, secretaryAge: 36, secretaryHasCollege: true, hasYoungMember: true, womenMembers: 2, womenHeads: 0, isSecretaryAndDirector: true },
    });
    expect(report.total).toMatchObject({ villages: 1, reservesUsed: 1, newSecretariesFromReserves: 1, averageSecretaryAge: { before: 61, after: 36 } });

    // The county's summary table as xlsx agrees with the composition report.
    const countyReport = await ok(county, 'GET', `/api/election-composition?orgCode=${world.countyCode}`);
    const summary = await readSummaryTable(county, world.countyCode);
    expect(summary.title).toBe(`${summary.unitName}2026年村级“两委”换届情况汇总表`);
    expect(summary.rows).toHaveLength(world.townshipA.villageCodes.length + 2);
    const filedRow = summary.rows.find((row) => row['村（社区）'] === election.villageName)!;
    const filedVillage = countyReport.villages[0];
    expect(filedRow).toEqual({
      '乡镇（街道）': world.townshipA.name, '村（社区）': election.villageName, '换届阶段': '已备案', '村党组织委员会职数': 3, '村民委员会职数': 3,
      '当选“两委”成员（人）': filedVillage.after.members, '书记、主任“一肩挑”': filedVillage.after.isSecretaryAndDirector ? '是' : '否',
      '女性成员（人）': filedVillage.after.womenMembers, '35 岁及以下成员（人）': 1, '书记年龄': filedVillage.after.secretaryAge, '书记学历': '大专',
      '使用后备力量（人）': filedVillage.reservesUsed, '新任书记来自后备力量': filedVillage.isNewSecretaryFromReserves ? '是' : '否',
    });
    expect(summary.rows.filter((row) => row['村（社区）'] !== election.villageName && row['乡镇（街道）'] === world.townshipA.name && row['村（社区）'] !== '小计')
      .every((row) => row['换届阶段'] === '准备（设定职数）' && row['当选“两委”成员（人）'] === 0)).toBe(true);
    const totalRow = summary.rows.at(-1)!;
    expect(summary.rows.at(-2)).toMatchObject({ '乡镇（街道）': world.townshipA.name, '村（社区）': '小计' });
    expect(totalRow).toMatchObject({
      '乡镇（街道）': '合计', '换届阶段': `已备案 ${countyReport.total.villages}／${world.townshipA.villageCodes.length}`,
      '当选“两委”成员（人）': filedVillage.after.members, '书记、主任“一肩挑”': countyReport.total.secretaryAndDirector.after, '女性成员（人）': countyReport.total.womenMembers.after,
      '书记年龄': `平均 ${countyReport.total.averageSecretaryAge.after}`, '书记学历': '大专及以上 1 人',
      '使用后备力量（人）': countyReport.total.reservesUsed, '新任书记来自后备力量': countyReport.total.newSecretariesFromReserves,
    });
    expect((await world.app.inject({ method: 'GET', url: `/api/election-summary-table?orgCode=${world.townshipA.code}`, headers: { cookie: otherTownship } })).statusCode).toBe(404);
    const villageLevel = await call(county, 'GET', `/api/election-summary-table?orgCode=${village}`);
    expect(villageLevel).toMatchObject({ status: 400, body: { message: '换届情况汇总表按县（区）或乡镇（街道）汇总，请选择县或乡镇' } });

    // Another township sees none of it.
    const foreign = await call(otherTownship, 'GET', url);
    expect(foreign.status).toBe(404);
    const board = await ok(otherTownship, 'GET', '/api/election-board');
    expect(board.townships).toEqual([]);
    const countyBoard = await ok(county, 'GET', '/api/election-board');
    expect(countyBoard.townships).toEqual([expect.objectContaining({ code: world.townshipA.code, villages: plan.villages.length, stages: expect.objectContaining({ filed: 1 }) })]);
  });

  it('sends seats beyond the standard to the county', async () => {
    const plan = (await ok(township, 'GET', '/api/election-plans')).plans[0];
    const board = await ok(township, 'GET', `/api/election-plans/${plan.id}`);
    const other = board.villages.find((entry: Json) => entry.stage === 'preparing');
    let election = await ok(township, 'GET', `/api/village-elections/${other.id}`);
    election = await ok(township, 'PUT', `/api/village-elections/${other.id}/seats`, { partySeats: 5, villagersSeats: 5, basis: '人口 5000 人，面积大', version: election.version });
    expect(election.stage).toBe('preparing');
    await refused(township, 'POST', `/api/village-elections/${other.id}/seat-approval`, { approvedOn: TODAY, version: election.version }, 403, '「审批超出标准的职数」由县委组织部办理，您的角色不能办理这一步');
    election = await ok(county, 'POST', `/api/village-elections/${other.id}/seat-approval`, { approvedOn: TODAY, version: election.version });
    expect(election).toMatchObject({ stage: 'partyNomination', seats: { party: 5, villagers: 5, countyApproval: { approvedOn: TODAY } } });
  });
});
