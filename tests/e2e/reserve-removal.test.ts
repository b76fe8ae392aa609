import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { chooseOption, launchBrowser, loginThroughForm, selectLabelled } from './browser.ts';
import { Http, responseOf } from './http.ts';
import { admitReserve } from './reserve-fixture.ts';

interface RemovalView { id: string; reserveId: string; status: string; reasonLabel: string; reasonText: string }

/**
 * 动态调整 in the browser: the village clerk proposes a removal on a 390 px phone from the pool,
 * the township approves it in its list of removals, the county files it.
 */
describe('removal of a reserve: village proposes on a phone, township approves, county files', () => {
  let server: ServerProcess;
  let browser: Browser;
  const stamp = Date.now();
  const reserveName = `调整${stamp.toString(36).slice(-4)}`;
  let reserveId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const clerk = await Http.login(server.baseUrl, 'cunwu');
    const villageCode = (await clerk.get<{ roles: { orgCode: string }[] }>('/api/auth/me')).roles[0]!.orgCode;
    const township = await Http.login(server.baseUrl, 'xiangzhen');
    reserveId = (await admitReserve(township, villageCode, { name: reserveName, born: '199305', stamp, readiness: 'withinTwoYears' })).reserveId;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function act(page: Page, rowText: string, button: string, fill: (modal: ReturnType<Page['locator']>) => Promise<void>, okText: string, pattern: RegExp): Promise<RemovalView> {
    const row = page.locator('.removal-list tr', { hasText: rowText });
    await row.getByRole('button', { name: button }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.waitFor();
    await fill(modal);
    const response = await responseOf(page, 'POST', pattern, () => modal.getByRole('button', { name: okText, exact: true }).click());
    const body = await response.text();
    expect(response.status(), body).toBe(200);
    await modal.waitFor({ state: 'hidden' });
    return JSON.parse(body) as RemovalView;
  }

  it('takes the reserve out of the pool through the three levels', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const clerkPage = await phone.newPage();
    await loginThroughForm(clerkPage, server.baseUrl, 'cunwu', DEMO_PASSWORD);
    await clerkPage.goto(`${server.baseUrl}/reserves`);
    const card = clerkPage.locator('.row-card', { hasText: reserveName });
    await card.getByRole('button', { name: '提出调整' }).click();
    const form = clerkPage.locator('.removal-form');
    await form.waitFor();
    await chooseOption(clerkPage, selectLabelled(form, '调整原因'), '本人申请');
    await form.getByLabel('具体情况').fill('本人外出务工，申请退出后备力量');
    // The phone's form is one column: the text field sits below the reason, not beside it.
    const reasonBox = await form.getByLabel('调整原因').boundingBox();
    const textBox = await form.getByLabel('具体情况').boundingBox();
    expect(textBox!.y).toBeGreaterThan(reasonBox!.y);
    expect(textBox!.x + textBox!.width).toBeLessThanOrEqual(390);
    const proposed = await responseOf(clerkPage, 'POST', /\/api\/reserve-removals$/, () => clerkPage.locator('.ant-modal:visible').getByRole('button', { name: '提出', exact: true }).click());
    expect(proposed.status(), await proposed.text()).toBe(201);
    await phone.close();

    const townshipContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const townshipPage = await townshipContext.newPage();
    await loginThroughForm(townshipPage, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
    await townshipPage.goto(`${server.baseUrl}/reserve-removals`);
    const approved = await act(townshipPage, reserveName, '审批', async (modal) => {
      await modal.getByLabel('同意调整').check();
      await modal.getByLabel('说明').fill('情况属实，同意调整');
    }, '保存', /\/api\/reserve-removals\/[^/]+\/decision$/);
    expect(approved).toMatchObject({ reserveId, status: 'approved', reasonLabel: '本人申请' });
    await townshipContext.close();

    const countyContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const countyPage = await countyContext.newPage();
    await loginThroughForm(countyPage, server.baseUrl, 'zuzhibu', DEMO_PASSWORD);
    await countyPage.goto(`${server.baseUrl}/reserve-removals`);
    await countyPage.getByText('待备案', { exact: true }).click();
    const filed = await act(countyPage, reserveName, '备案', async () => undefined, '备案', /\/api\/reserve-removals\/[^/]+\/filing$/);
    expect(filed.status).toBe('filed');
    await countyContext.close();

    const county = await Http.login(server.baseUrl, 'zuzhibu');
    const history = await county.get<{ toStatus: string }[]>(`/api/reserves/${reserveId}/history`);
    expect(history.at(-1)?.toStatus).toBe('removed');
  });
});
