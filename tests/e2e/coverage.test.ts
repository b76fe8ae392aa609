import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { launchBrowser, loginThroughForm } from './browser.ts';
import { Http } from './http.ts';

interface ShortVillage { orgCode: string; name: string; rules: { met: boolean; label: string; shortSince: string | null }[] }
interface CoverageView { villages: ShortVillage[]; villagesTotal: number; summary: { shortVillages: number } }

/**
 * 补充 in the browser: the township's villages short of reserves, as the coverage page and the
 * reminders list them (each failed rule with the date it became short), opening the village page.
 */
describe('villages short of reserves on the coverage page and in the reminders', () => {
  let server: ServerProcess;
  let browser: Browser;
  let short: CoverageView;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const township = await Http.login(server.baseUrl, 'xiangzhen');
    const townshipCode = (await township.get<{ roles: { orgCode: string }[] }>('/api/auth/me')).roles[0]!.orgCode;
    short = await township.get<CoverageView>(`/api/coverage/${townshipCode}?shortOnly=true`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the same short villages on both pages with what each lacks since when, and opens the village', async () => {
    // The demo leaves some villages of the township short (one reserve, or none aged 35 or under).
    expect(short.villages.length).toBeGreaterThan(0);
    expect(short.villagesTotal).toBe(short.summary.shortVillages);
    const first = short.villages[0]!;
    const failed = first.rules.filter((rule) => !rule.met);
    expect(failed.length).toBeGreaterThan(0);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await loginThroughForm(page, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);

    await page.goto(`${server.baseUrl}/coverage`);
    const row = page.locator('tr', { hasText: first.name }).first();
    await row.waitFor();
    for (const rule of failed) await expect.poll(() => row.textContent()).toContain(`${rule.label}（自 ${rule.shortSince}）`);

    await page.goto(`${server.baseUrl}/reminders`);
    const card = page.locator('.short-villages');
    await card.waitFor();
    const items = card.locator('.ant-list-item');
    await expect.poll(() => items.count()).toBe(short.villages.length);
    const names = await card.locator('.ant-list-item-meta-title').allTextContents();
    expect(names).toEqual(short.villages.map((village) => village.name));
    const item = items.filter({ hasText: first.name });
    for (const rule of failed) expect(await item.textContent()).toContain(`${rule.label}（自 ${rule.shortSince}）`);

    await item.getByRole('link', { name: first.name }).click();
    await page.waitForURL(`**/villages/${first.orgCode}`);
    await expect.poll(() => page.locator('.coverage-card').textContent()).toContain('需补充');
    await context.close();
  });
});
