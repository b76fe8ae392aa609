import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { ApiSession, ARTIFACTS_DIR, chooseOption, launchBrowser, loginThroughForm, type OrgUnitView } from './browser.ts';

describe('web client shell', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a township user exactly its own villages in the tree and search', async () => {
    const own = await ApiSession.login(server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
    const other = await ApiSession.login(server.baseUrl, 'xiangzhen2', DEMO_PASSWORD);
    const [township] = await own.get<OrgUnitView[]>('/api/org-units/roots');
    expect(township?.level).toBe('township');
    const villages = await own.get<OrgUnitView[]>(`/api/org-units/${township!.code}/children`);
    expect(villages.length).toBeGreaterThan(0);
    const ownNames = [township!.name, ...villages.map((unit) => unit.name)];

    const [otherTownship] = await other.get<OrgUnitView[]>('/api/org-units/roots');
    expect(otherTownship?.code).not.toBe(township!.code);
    const otherUnits = await other.get<OrgUnitView[]>(`/api/org-units/${otherTownship!.code}/children`);
    // A village of the other township whose name no unit in xiangzhen's scope contains.
    const foreign = otherUnits.find((unit) => unit.level === 'village' && !ownNames.some((name) => name.includes(unit.name)));
    expect(foreign, 'the other township has a village with a distinct name').toBeDefined();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
      await expect.poll(() => page.locator('.ant-statistic').count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'home.png'), fullPage: true });
      const homeText = await page.locator('body').innerText();
      expect(homeText).toContain('后备力量选育管用系统');
      expect(homeText).toContain(township!.name);

      await page.getByRole('menuitem', { name: '组织机构' }).click();
      await page.waitForURL('**/org-units');
      const tree = page.locator('.org-unit-tree');
      const townshipNode = tree.locator('.ant-tree-treenode', { has: page.locator('.ant-tree-title', { hasText: township!.name }) });
      await townshipNode.waitFor();
      const [childrenResponse] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith(`/api/org-units/${township!.code}/children`)),
        townshipNode.locator('.ant-tree-switcher').click(),
      ]);
      expect(childrenResponse.status()).toBe(200);
      const titles = tree.locator('.ant-tree-title');
      await expect.poll(() => titles.count()).toBe(villages.length + 1);
      const shown = (await titles.allInnerTexts()).map((title) => title.trim());
      expect(shown[0]).toBe(township!.name);
      expect(shown.slice(1).sort()).toEqual(villages.map((unit) => unit.name).sort());
      expect(shown).not.toContain(foreign!.name);

      const searchBox = page.getByPlaceholder('搜索单位名称或区划代码');
      await searchBox.fill(foreign!.name);
      const [searchResponse] = await Promise.all([
        page.waitForResponse((response) => response.url().includes('/api/org-units/search')),
        searchBox.press('Enter'),
      ]);
      expect(searchResponse.status()).toBe(200);
      expect(await searchResponse.json()).toEqual([]);
      await page.locator('.org-search-results').getByText('未找到匹配的单位').waitFor();
      expect(await page.locator('.org-search-results .ant-list-item').count()).toBe(0);

      // The search does find the user's own village, and choosing it shows its details.
      const ownVillage = villages[0]!;
      await searchBox.fill(ownVillage.name);
      await searchBox.press('Enter');
      const hit = page.locator('.org-search-results .ant-list-item', { hasText: ownVillage.name }).first();
      await hit.click();
      await page.locator('.ant-descriptions').getByText(ownVillage.code).waitFor();
    } finally {
      await context.close();
    }
  });

  it('works at phone width: the menu is a drawer and the page does not scroll sideways', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
      expect(await page.locator('.ant-layout-sider').count()).toBe(0);
      await page.getByRole('button', { name: '打开菜单' }).click();
      const drawer = page.locator('.nav-drawer .ant-drawer-body');
      await drawer.waitFor();
      await drawer.getByRole('menuitem', { name: '组织机构' }).click();
      await page.waitForURL('**/org-units');
      await drawer.waitFor({ state: 'hidden' });
      const firstTitle = page.locator('.org-unit-tree .ant-tree-title').first();
      await firstTitle.waitFor();
      expect(await firstTitle.isVisible()).toBe(true);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(390);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'mobile.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('lets an administrator create a user and shows the initial password once', async () => {
    // Unique per run, since with TEST_DATABASE_URL the database outlives the test.
    const username = `e2e_${Date.now().toString(36)}`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'admin', ADMIN_PASSWORD);
      await page.getByRole('menuitem', { name: '用户管理' }).click();
      await page.waitForURL('**/users');
      await page.getByRole('button', { name: '新建用户' }).click();

      const modal = page.locator('.ant-modal').filter({ hasText: '新建用户' });
      await modal.getByLabel('用户名').fill(username);
      await modal.getByLabel('姓名').fill('测试审计员');

      const unitField = modal.locator('.ant-form-item').filter({ hasText: '所属单位' }).first();
      await unitField.locator('.ant-select').click();
      await page.keyboard.type('青神');
      const county = page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: /青神县$/ }).first();
      await county.click();
      await expect.poll(() => unitField.locator('.ant-select-content, .ant-select-selection-item').first().innerText()).toMatch(/青神县/);

      await chooseOption(page, modal.locator('.role-select'), '审计/只读领导');

      const [created] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/users') && response.request().method() === 'POST'),
        modal.getByRole('button', { name: '保存' }).click(),
      ]);
      const body = (await created.json()) as { initialPassword?: string; message?: string };
      expect(created.status(), body.message).toBe(201);

      const password = page.locator('.one-time-password-modal .one-time-password');
      await password.waitFor();
      const shownPassword = (await password.innerText()).trim();
      expect(shownPassword).toMatch(/^[A-Za-z0-9]{8,}$/);
      expect(shownPassword).toBe(body.initialPassword);
      await page.locator('.one-time-password-modal').getByText(`${username}（测试审计员）`).waitFor();

      await page.getByRole('button', { name: '我已记下' }).click();
      await page.locator('.ant-table-row', { hasText: username }).waitFor();

      // The shown password is the real one: the new user can log in and must change it first.
      const response = await fetch(`${server.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: shownPassword }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    } finally {
      await context.close();
    }
  });
});
