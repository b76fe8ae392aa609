import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDashboard } from '../../src/modules/dashboard/dashboard.schemas.ts';
import { DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { ARTIFACTS_DIR, launchBrowser, loginThroughForm } from './browser.ts';
import { Http } from './http.ts';

/**
 * The org department's home page is the dashboard: its figures, charts drawn by ECharts (loaded only
 * by the pages that draw charts), and a coverage figure that opens the list of the villages it counts.
 */
describe('the dashboard on the org department\'s home page', () => {
  let server: ServerProcess;
  let browser: Browser;
  let board: TDashboard;
  let county: Http;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    county = await Http.login(server.baseUrl, 'zuzhibu');
    const countyCode = (await county.get<{ roles: { orgCode: string }[] }>('/api/auth/me')).roles[0]!.orgCode;
    board = await county.get<TDashboard>(`/api/dashboard/${countyCode}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws the charts, loads ECharts only there, and opens the villages a coverage figure counts', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await loginThroughForm(page, server.baseUrl, 'zuzhibu', DEMO_PASSWORD);
    // The home page after the login draws charts itself; leave it before counting requests.
    await page.goto('about:blank');
    const chartChunks: string[] = [];
    page.on('request', (request) => { if (/echarts|zrender/.test(request.url())) chartChunks.push(request.url()); });

    // A page without charts does not fetch ECharts.
    await page.goto(`${server.baseUrl}/reserves`);
    await page.getByRole('heading', { name: /后备力量库/ }).first().waitFor();
    expect(chartChunks).toEqual([]);

    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: `工作台：${board.name}` }).waitFor();
    await page.locator('.dashboard-chart[data-ready="true"]').first().waitFor();
    expect(chartChunks.length).toBeGreaterThan(0);
    const charts = page.locator('.dashboard-chart');
    expect(await charts.count()).toBe(board.reserves.length);
    for (let index = 0; index < board.reserves.length; index += 1) {
      await page.locator('.dashboard-chart[data-ready="true"]').nth(index).waitFor();
      expect(await charts.nth(index).locator('svg path').count(), `chart ${index} has drawn shapes`).toBeGreaterThan(3);
    }
    const reserves = board.figures.find((figure) => figure.key === 'reserves')!;
    await expect.poll(() => page.locator('.dashboard-figure-reserves .ant-statistic-content').innerText()).toContain(String(reserves.value));
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'dashboard-county.png'), fullPage: true });

    const withTwo = board.figures.find((figure) => figure.key === 'villagesWithTwo')!;
    await page.locator('.dashboard-figure-villagesWithTwo').click();
    await page.waitForURL(/\/dashboard\/villages\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ orgCode: board.orgCode, rule: 'minimumReserves', met: 'false' });
    await page.getByRole('heading', { name: `后备力量不足 2 名的村（社区）：${board.name}` }).waitFor();
    const short = withTwo.total! - withTwo.value!;
    await page.getByText(`共 ${short} 个村（社区）`).waitFor();
    if (short > 0) expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(Math.min(short, 50));
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'dashboard-villages-short.png'), fullPage: true });
    await context.close();
  });

  it('shows the campaign made from the template, with its milestones and targets', async () => {
    const year = Number(board.today.slice(0, 4));
    await county.call('POST', '/api/campaigns', {
      orgCode: board.orgCode, name: '后备力量培育储备三年行动', startYear: year, startedOn: `${year}-01-01`, matureReservesDeadline: `${year}-12-31`, secretaryCollegeShare: 60, secretaryAverageAge: 45,
    }, 201);
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await loginThroughForm(page, server.baseUrl, 'zuzhibu', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/campaign`);
    await page.getByRole('heading', { name: '三年行动：后备力量培育储备三年行动' }).waitFor();
    await page.getByText('每村至少储备 2 名成熟的后备力量').waitFor();
    expect(await page.locator('.ant-table-row', { hasText: '调度会议' }).count()).toBe(6);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'campaign-county.png'), fullPage: true });
    await context.close();
  });
});
