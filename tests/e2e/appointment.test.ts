import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { launchBrowser, loginThroughForm, type OrgUnitView } from './browser.ts';
import { Http, responseOf } from './http.ts';
import { admitReserve } from './reserve-fixture.ts';

/** The date `days` days from `date` (YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

interface AppointmentView { id: string; stage: string; outcome: string; effectiveOn: string | null; notices: { orgCode: string; endsOn: string }[]; reserveId: string }
interface VillageView { roster: { members: { name: string; postLabel: string; startedOn: string; endedOn: string | null }[]; vacancies: { id: string; closedOn: string | null }[] } }

/**
 * 择优使用 in the browser: the township officer opens a vacancy from the village page, recommends
 * a reserve from the ranked suggestions, approves; the county files; the township publishes the
 * notice and, after it, lets the appointment take effect; the village page then lists the new member.
 */
describe('appointment: from the suggestions of a vacancy to the effective appointment', () => {
  let server: ServerProcess;
  let browser: Browser;
  const stamp = Date.now();
  const reserveName = `任用${stamp.toString(36).slice(-4)}`;
  let township: Http;
  let villageCode: string;
  let vacancyId: string;
  let reserveId: string;
  let today: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    township = await Http.login(server.baseUrl, 'xiangzhen');
    const [townshipUnit] = await township.get<OrgUnitView[]>('/api/org-units/roots');
    expect(townshipUnit?.level).toBe('township');
    const villages = (await township.get<OrgUnitView[]>(`/api/org-units/${townshipUnit!.code}/children`)).filter((unit) => unit.level === 'village');
    villageCode = villages[0]!.code;
    // The server's business date: the steps are dated in the weeks before it, the notice ending before the decision.
    today = (await township.get<{ today: string }>(`/api/coverage/${townshipUnit!.code}?shortOnly=true`)).today;

    reserveId = (await admitReserve(township, villageCode, { name: reserveName, born: '199203', stamp, readiness: 'readyNow' })).reserveId;
    const vacancy = await township.call<{ id: string }>('POST', '/api/vacancies', {
      orgCode: villageCode, committee: 'party', post: 'member', openedOn: addDays(today, -40), cause: `委员辞职（${reserveName}）`,
    }, 201);
    vacancyId = vacancy.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Fills the modal's fields and presses its OK button, waiting for the request it sends. */
  async function submitModal(page: Page, title: string, dates: Record<string, string>, method: string, pattern: RegExp, okText: string): Promise<void> {
    const modal = page.locator('.ant-modal').filter({ hasText: title });
    await modal.waitFor();
    for (const [label, value] of Object.entries(dates)) await fillDate(modal, label, value);
    const response = await responseOf(page, method, pattern, () => modal.getByRole('button', { name: okText }).click());
    expect(response.status(), await response.text()).toBeLessThan(300);
    await modal.waitFor({ state: 'hidden' });
  }
  async function fillDate(scope: Locator, label: string, value: string): Promise<void> {
    const input = scope.getByLabel(label);
    await input.click();
    await input.fill(value);
    await input.press('Tab');
  }
  async function takeStep(page: Page, label: string, dates: Record<string, string>): Promise<AppointmentView> {
    await page.getByRole('button', { name: label }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '办理日期' });
    await modal.waitFor();
    for (const [field, value] of Object.entries(dates)) await fillDate(modal, field, value);
    const response = await responseOf(page, 'POST', /\/api\/appointments\/[^/]+\/steps$/, () => modal.getByRole('button', { name: label }).click());
    const body = await response.text();
    expect(response.status(), body).toBe(200);
    await modal.waitFor({ state: 'hidden' });
    return JSON.parse(body) as AppointmentView;
  }

  it('the township appoints the suggested reserve, the county files, and the village page shows the new member', async () => {
    const townshipContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await townshipContext.newPage();
    await loginThroughForm(page, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);

    // The village page lists the vacancy; its link opens the suggestions.
    await page.goto(`${server.baseUrl}/villages/${villageCode}`);
    const vacancyRow = page.locator('.vacancy-list tr', { hasText: reserveName });
    await vacancyRow.getByRole('link', { name: '建议人选与任用' }).click();
    await page.waitForURL(`**/vacancies/${vacancyId}`);
    const suggestion = page.locator('.suggestion-list tr', { hasText: reserveName });
    await suggestion.waitFor();
    expect(await suggestion.innerText()).toContain('本村');
    expect(await suggestion.locator('.ant-tag-green').count(), 'reasons in favour are green').toBeGreaterThan(0);

    await suggestion.getByRole('button', { name: '推荐任职' }).click();
    const recommendModal = page.locator('.ant-modal').filter({ hasText: '推荐意见' });
    await recommendModal.waitFor();
    await recommendModal.getByLabel('届别（换届年份）').fill('2021');
    await recommendModal.getByLabel('推荐意见（会议、理由）').fill('村党支部委员会研究推荐');
    await submitModal(page, '推荐意见', { '村（社区）党组织研究推荐的日期': addDays(today, -30) }, 'POST', /\/api\/appointments$/, '推荐');
    await page.waitForURL('**/appointments/*');
    const appointmentId = new URL(page.url()).pathname.split('/').at(-1)!;

    await takeStep(page, '乡镇党委审批', { 办理日期: addDays(today, -29) });
    await page.getByText('当前环节：待县委组织部备案，下一步不由您办理。').waitFor();

    // The county files it in its own session.
    const countyContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const countyPage = await countyContext.newPage();
    await loginThroughForm(countyPage, server.baseUrl, 'zuzhibu', DEMO_PASSWORD);
    await countyPage.goto(`${server.baseUrl}/appointments/${appointmentId}`);
    const filed = await takeStep(countyPage, '县委组织部备案', { 办理日期: addDays(today, -28) });
    expect(filed.stage).toBe('publicNotice');
    await countyContext.close();

    await page.reload();
    const noticeStart = addDays(today, -25);
    const villageName = (await township.get<{ profile: { name: string } }>(`/api/villages/${villageCode}`)).profile.name;
    const noticed = await takeStep(page, '发布任职公示', { 办理日期: noticeStart, [`${villageName}公示开始日期`]: noticeStart });
    expect(noticed.stage).toBe('decision');
    expect(noticed.notices).toHaveLength(1);
    expect(noticed.notices[0]!.endsOn < today, `the notice ends (${noticed.notices[0]!.endsOn}) before today (${today})`).toBe(true);

    const effective = await takeStep(page, '任职生效', { 办理日期: today });
    expect(effective).toMatchObject({ outcome: 'effective', effectiveOn: today, reserveId });
    await page.locator('.ant-tag', { hasText: '已任职' }).first().waitFor();

    // The village page lists the new member; the vacancy is closed.
    await page.getByRole('link', { name: '村（社区）页面' }).click();
    await page.waitForURL(`**/villages/${villageCode}`);
    const memberRow = page.locator('.committee-roster tr', { hasText: reserveName });
    await memberRow.waitFor();
    expect(await memberRow.innerText()).toContain('委员');
    expect(await memberRow.innerText()).toContain(today);
    expect(await page.locator('.vacancy-list tr', { hasText: reserveName }).innerText()).toContain('已补齐');

    const village = await township.get<VillageView>(`/api/villages/${villageCode}`);
    expect(village.roster.members.filter((member) => member.endedOn === null).map((member) => [member.name, member.postLabel, member.startedOn])).toContainEqual([reserveName, '委员', today]);
    expect(village.roster.vacancies.find((vacancy) => vacancy.id === vacancyId)?.closedOn).toBe(today);
    await townshipContext.close();
  });
});
