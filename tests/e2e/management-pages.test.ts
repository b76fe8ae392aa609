import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { chooseOption, launchBrowser, loginThroughForm, selectLabelled } from './browser.ts';
import { Http, responseOf } from './http.ts';

interface ShortVillage { orgCode: string; name: string; rules: { met: boolean; label: string; shortSince: string | null }[] }
interface CoverageView { villages: ShortVillage[]; villagesTotal: number; summary: { shortVillages: number } }

/**
 * Management pages in the browser: the township's villages short of reserves (补充), as the
 * coverage page and the reminders list them (each failed rule with the date it became short),
 * opening the village page; the secretary team (书记队伍), where the township records a
 * secretary's training and discipline on a phone.
 */
describe('the coverage page, the reminders and the secretary team', () => {
  let server: ServerProcess;
  let browser: Browser;
  let short: CoverageView;
  let township: Http;
  let townshipCode: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    township = await Http.login(server.baseUrl, 'xiangzhen');
    townshipCode = (await township.get<{ roles: { orgCode: string }[] }>('/api/auth/me')).roles[0]!.orgCode;
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

  it('records a secretary\'s training and discipline on a phone, and lists them on the secretary\'s card', async () => {
    interface SecretaryView { id: string; name: string; villageName: string; training: unknown[]; discipline: unknown[] }
    const team = await township.get<{ secretaries: SecretaryView[] }>(`/api/secretaries?orgCode=${townshipCode}`);
    // The demo's secretaries attended the county's course; the first is recorded again here.
    const secretary = team.secretaries[0]!;
    expect(secretary.training.length).toBeGreaterThan(0);

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await loginThroughForm(page, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/secretaries`);
    const card = page.locator('.row-card', { hasText: `${secretary.villageName} · ${secretary.name}` });
    await card.waitFor();

    await card.getByRole('button', { name: '登记培训' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.waitFor();
    await modal.getByLabel('培训班（课程）名称').fill('赴临湘市观摩学习');
    await modal.getByLabel('举办单位').fill('区委组织部');
    await chooseOption(page, selectLabelled(modal, '培训方式'), '外出考察');
    await modal.getByLabel('天数（以半天计）').fill('1.5');
    const trained = await responseOf(page, 'POST', /\/api\/secretaries\/[^/]+\/training$/, () => modal.getByRole('button', { name: '保存', exact: true }).click());
    expect(trained.status(), await trained.text()).toBe(201);
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => card.textContent()).toContain('外出考察「赴临湘市观摩学习」1.5 天（区委组织部）');

    await card.getByRole('button', { name: '登记处分' }).click();
    await modal.waitFor();
    await modal.getByLabel('处分种类').fill('警告');
    await modal.getByLabel('处分事由').fill('违规发放误工补贴');
    const disciplined = await responseOf(page, 'POST', /\/api\/secretaries\/[^/]+\/discipline$/, () => modal.getByRole('button', { name: '保存', exact: true }).click());
    expect(disciplined.status(), await disciplined.text()).toBe(201);
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => card.textContent()).toContain('警告');
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const after = (await township.get<{ secretaries: SecretaryView[] }>(`/api/secretaries?orgCode=${townshipCode}`)).secretaries.find((entry) => entry.id === secretary.id)!;
    expect(after.training).toHaveLength(secretary.training.length + 1);
    expect(after.discipline).toEqual([expect.objectContaining({ kind: '警告', description: '违规发放误工补贴' })]);
    await phone.close();
  });
});
