import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { launchBrowser, loginThroughForm } from './browser.ts';
import { Http } from './http.ts';

/** The settings an org department keeps: the dictionaries, and a new user's first password change. */
describe('dictionaries and the first password change', () => {
  let server: ServerProcess;
  let browser: Browser;
  let county: Http;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    county = await Http.login(server.baseUrl, 'zuzhibu');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a dictionary item and disables it; the server holds both and the page shows them after reloading', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'zuzhibu', DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/dictionaries`);
      await page.getByRole('tab', { name: '健康状况' }).click();
      const panel = page.getByRole('tabpanel', { name: '健康状况' });
      await panel.getByRole('button', { name: '新增字典项' }).click();
      const modal = page.locator('.ant-modal', { hasText: '新增字典项：健康状况' });
      await modal.getByLabel('代码').fill('recovering');
      await modal.getByLabel('名称').fill('康复中');
      await modal.getByRole('button', { name: '保存' }).click();
      const row = panel.locator('.ant-table-row', { hasText: '康复中' });
      await row.waitFor();

      await row.getByRole('switch', { name: '启用 康复中' }).click();
      await page.getByText('已停用「康复中」').waitFor();
      await expect.poll(() => row.getByRole('switch').getAttribute('aria-checked')).toBe('false');

      // The server holds the change, and a reload shows it.
      const stored = await county.get<{ dictionaries: { dictionary: string; items: { code: string; isEnabled: boolean }[] }[] }>('/api/dictionaries');
      const item = stored.dictionaries.find((dictionary) => dictionary.dictionary === 'health')!.items.find((candidate) => candidate.code === 'recovering');
      expect(item?.isEnabled).toBe(false);
      await page.reload();
      await page.getByRole('tab', { name: '健康状况' }).click();
      await expect.poll(() => page.getByRole('tabpanel', { name: '健康状况' }).locator('.ant-table-row', { hasText: '康复中' }).getByRole('switch').getAttribute('aria-checked')).toBe('false');
    } finally {
      await context.close();
    }
  });

  it('sends a new user to change the one-time password first, refuses a wrong current one, then opens the home page', async () => {
    const me = await county.get<{ roles: { orgCode: string }[] }>('/api/auth/me');
    const orgCode = me.roles[0]!.orgCode;
    const created = await county.call<{ initialPassword: string }>('POST', '/api/users', {
      username: 'xinbanyuan', displayName: '新办员', orgCode, roles: [{ role: 'auditor', orgCode }],
    }, 201);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.baseUrl}/`);
      await page.waitForURL('**/login');
      await page.getByLabel('用户名').fill('xinbanyuan');
      await page.getByLabel('密码').fill(created.initialPassword);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL('**/change-password');
      await page.getByText('须先修改密码才能使用系统').waitFor();

      const newPassword = 'Xin-Banyuan-2026!';
      await page.getByLabel('当前密码').fill('wrong-password-1');
      await page.getByLabel('新密码', { exact: true }).fill(newPassword);
      await page.getByLabel('确认新密码').fill(newPassword);
      await page.getByRole('button', { name: '确认修改' }).click();
      await page.locator('.ant-alert-error').waitFor();
      expect(page.url()).toMatch(/\/change-password$/);

      await page.getByLabel('当前密码').fill(created.initialPassword);
      await page.getByRole('button', { name: '确认修改' }).click();
      await page.getByText('您好，').waitFor();
      await page.waitForURL((url) => url.pathname === '/');
      await Http.login(server.baseUrl, 'xinbanyuan', newPassword);
    } finally {
      await context.close();
    }
  });
});
