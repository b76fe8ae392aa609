import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../../src/domain/id-number.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { ARTIFACTS_DIR, chooseOption, launchBrowser, loginThroughForm, selectLabelled } from './browser.ts';
import { Http, responseOf } from './http.ts';

interface Election { id: string; version: number; stage: string; candidates: { id: string; name: string; version: number }[]; villages: { id: string; orgCode: string }[] }

/**
 * The 党员大会 entered on a 390 px phone: the village clerk types the counts, sees the vote void
 * with the sentence that names the numbers, corrects the attendance, sees it valid with who is
 * elected, and records it.
 */
describe('the vote entry of a village 换届 on a phone', () => {
  let server: ServerProcess;
  let browser: Browser;
  let electionId: string;
  const stamp = Date.now();
  const tag = stamp.toString(36).slice(-3);
  const names = ['甲', '乙', '丙', '丁'].map((suffix) => `选${tag}${suffix}`);
  const groups = [`${tag}一组`, `${tag}二组`];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const clerk = await Http.login(server.baseUrl, 'cunwu');
    const township = await Http.login(server.baseUrl, 'xiangzhen');
    const county = await Http.login(server.baseUrl, 'zuzhibu');
    const admin = await Http.login(server.baseUrl, 'admin', ADMIN_PASSWORD);
    const villageCode = (await clerk.get<{ roles: { orgCode: string }[] }>('/api/auth/me')).roles[0]!.orgCode;
    const townshipCode = (await township.get<{ roles: { orgCode: string }[] }>('/api/auth/me')).roles[0]!.orgCode;
    const plan = await township.call<Election>('POST', '/api/election-plans', {
      orgCode: townshipCode, termYear: 2025, startsOn: '2025-09-01', endsOn: '2025-12-31', leadingGroup: '镇换届领导小组', standardPartySeats: 3, standardVillagersSeats: 3,
    }, 201);
    electionId = plan.villages.find((village) => village.orgCode === villageCode)!.id;
    for (const group of groups) await admin.call('POST', `/api/org-units/${villageCode}/villager-groups`, { name: group }, 201);
    const url = `/api/village-elections/${electionId}`;
    let election = await township.call<Election>('PUT', `${url}/seats`, { partySeats: 3, villagersSeats: 3, basis: '人口与工作任务', version: 1 }, 200);
    for (const [index, name] of names.entries()) {
      const first17 = `511425198${index + 2}0${index + 3}1${index}${String((stamp % 400) + index * 2 + 1).padStart(3, '0')}`;
      const { entry } = await township.call<{ entry: { person: { id: string } } }>('POST', '/api/talent-ledger', {
        orgCode: villageCode, sourceCategory: 'graduate',
        person: { name, birthDate: `198${index + 2}-0${index + 3}-1${index}`, idNumber: first17 + idNumberCheckCharacter(first17), politicalStatus: 'fullMember', partyJoinDate: '2010-07-01', education: 'bachelor' },
      }, 201);
      election = await clerk.call<Election>('POST', `${url}/candidates`, {
        committee: 'party', personId: entry.person.id, isSecretaryCandidate: index === 0, recommendations: { membersAndMasses: 30 - index, higherOrganisation: 1 }, proposedOn: '2025-10-08',
      }, 200);
    }
    for (const candidate of election.candidates) {
      election = await township.call<Election>('POST', `/api/election-candidates/${candidate.id}/qualification`, {
        reviewedOn: '2025-10-10', inspection: '考察组谈话，群众测评满意', exclusionsFound: [], isUnderPartyProbation: false, version: candidate.version,
      }, 200);
    }
    const secretary = election.candidates.find((candidate) => candidate.name === names[0])!;
    await county.call('POST', `/api/election-candidates/${secretary.id}/sign-offs`, { as: 'minister', signedOn: '2025-10-12' }, 200);
    election = await admin.call<Election>('POST', `/api/election-candidates/${secretary.id}/sign-offs`, { as: 'countySecretary', signedOn: '2025-10-13' }, 200);
    election = await township.call<Election>('POST', `${url}/candidate-approval`, { approvedOn: '2025-10-20', version: election.version }, 200);
    expect(election.stage).toBe('partyVote');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the vote void below four fifths, then valid with who is elected, and records it', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await loginThroughForm(page, server.baseUrl, 'cunwu', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/elections/villages/${electionId}`);
    const entry = page.locator('.vote-entry');
    await entry.waitFor();
    // 52 members with a vote, two of them left out of 应到会 with approval, named with their reasons.
    await entry.getByLabel('有选举权的党员').fill('52');
    for (const [index, [name, reason]] of [['王德明', '患有严重疾病、不能表达本人意志'], ['赵长根', '出国出境或外出流动半年以上未转组织关系、不能参加选举']].entries()) {
      await entry.getByRole('button', { name: '添加不计入应到会的党员' }).click();
      await entry.getByLabel(`不计入应到会的党员 ${index + 1} 姓名`).fill(name!);
      await chooseOption(page, selectLabelled(entry, `不计入应到会的党员 ${index + 1} 原因`), reason!);
    }
    await entry.getByText('经批准不计入应到会（2 人）').waitFor();
    await entry.getByLabel('实到会').fill('40');
    await entry.getByLabel('发出选票').fill('40');
    await entry.getByLabel('收回选票').fill('40');
    for (const [index, votes] of [38, 30, 25, 10].entries()) await entry.getByLabel(`${names[index]} 赞成票`).fill(String(votes));
    const validity = entry.locator('.vote-validity');
    await expect.poll(() => validity.textContent()).toContain('应到会 50 人，实到会 40 人，未超过五分之四，选举无效');
    expect(await entry.getByRole('button', { name: '登记选举结果' }).isDisabled()).toBe(true);

    await entry.getByLabel('实到会').fill('45');
    await entry.getByLabel('发出选票').fill('45');
    await entry.getByLabel('收回选票').fill('45');
    await expect.poll(() => validity.textContent()).toContain('选举有效');
    const outcomes = await entry.locator('.vote-outcome').allTextContents();
    expect(outcomes.map((text) => text.slice(0, text.indexOf('：')))).toEqual([`当选${names[0]}`, `当选${names[1]}`, `当选${names[2]}`, `未当选${names[3]}`]);
    expect(outcomes[3]).toContain('得票 10，实到会有选举权的党员 45 人，未超过半数，不能当选');
    // The entry fits the phone: nothing wider than the screen.
    const box = await entry.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/election-vote-entry-390.png`, fullPage: true });

    const response = await responseOf(page, 'POST', /\/api\/village-elections\/[^/]+\/votes$/, () => entry.getByRole('button', { name: '登记选举结果' }).click());
    const body = await response.text();
    expect(response.status(), body).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ stage: 'villagersElection' });
    expect(response.request().postDataJSON()).toMatchObject({
      electorate: 52, excused: [{ name: '王德明', reason: 'seriouslyIll' }, { name: '赵长根', reason: 'awayOverSixMonths' }],
    });
    await page.locator('.election-stage', { hasText: '村委会选举' }).waitFor();
    await expect.poll(() => page.locator('.election-results').textContent()).toContain(`当选：${names[0]}、${names[1]}、${names[2]}`);
    await phone.close();
  });

  it('walks the discipline page on a phone: a risk point, a citizen reporter covering a group, a report verified by the township', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await loginThroughForm(page, server.baseUrl, 'cunwu', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/elections/villages/${electionId}`);
    await page.getByRole('link', { name: '风险点、直报员、举报和承诺' }).click();
    const coverage = page.locator('.discipline-coverage');
    await expect.poll(() => coverage.textContent()).toContain('民情直报员覆盖村民小组0／2');
    expect(await page.locator('.ant-alert-warning').textContent()).toContain(`村民小组${groups[0]}、${groups[1]}还没有民情直报员`);

    await page.getByRole('button', { name: '登记风险点' }).click();
    const riskDialog = page.getByRole('dialog', { name: '登记风险点' });
    await riskDialog.getByLabel('风险点').fill(`${tag}两大姓氏竞争激烈`);
    await riskDialog.getByLabel('防范措施').fill('镇党委班子成员包联，逐户走访');
    await riskDialog.getByLabel('责任人').fill('镇纪委书记');
    await riskDialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('.risk-points').textContent()).toContain(`宗族宗教势力${tag}两大姓氏竞争激烈`);

    await page.getByRole('button', { name: '登记民情直报员' }).click();
    const reporterDialog = page.getByRole('dialog', { name: '登记民情直报员' });
    await expect.poll(() => reporterDialog.locator('.ant-select').textContent()).toContain(`${groups[0]}（未配备）`);
    await reporterDialog.getByLabel('民情直报员姓名').fill(`直报${tag}`);
    await reporterDialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => coverage.textContent()).toContain('民情直报员覆盖村民小组1／2');
    expect(await page.locator('.citizen-reporters').textContent()).toContain(`直报${tag}`);

    await page.getByRole('button', { name: '登记举报' }).click();
    const reportDialog = page.getByRole('dialog', { name: '登记违反换届纪律的举报' });
    await reportDialog.getByLabel('举报内容').fill(`${tag}有人请客拉票`);
    await reportDialog.getByRole('button', { name: '保存' }).click();
    const reports = page.locator('.violation-reports');
    await expect.poll(() => reports.textContent()).toContain(`${tag}有人请客拉票`);
    expect(await reports.textContent()).toContain('待核查');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/election-discipline-390.png`, fullPage: true });
    await phone.close();

    // The township verifies the report on its own phone.
    const townshipPhone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const townshipPage = await townshipPhone.newPage();
    await loginThroughForm(townshipPage, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
    await townshipPage.goto(`${server.baseUrl}/elections/villages/${electionId}/discipline`);
    const report = townshipPage.locator('.violation-reports .row-card', { hasText: `${tag}有人请客拉票` });
    await report.getByRole('button', { name: '核查' }).click();
    const handling = townshipPage.getByRole('dialog', { name: '核查举报' });
    await handling.getByLabel('核查情况').fill('经镇纪委走访核实，反映情况不属实');
    await handling.getByLabel('不属实').check();
    await handling.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => report.textContent()).toContain('不属实经镇纪委走访核实，反映情况不属实');
    await townshipPhone.close();
  });
});
