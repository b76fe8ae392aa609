import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { ARTIFACTS_DIR, launchBrowser, loginThroughForm } from './browser.ts';
import { responseOf } from './http.ts';

describe('official calendar: correcting a built-in year', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows which days change from the official schedule and asks for a reason before saving', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'zuzhibu', DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/official-calendar`);
      const row = page.locator('.calendar-table .ant-table-row', { hasText: '2026' }).first();
      await row.getByRole('button', { name: '更正' }).click();
      const modal = page.locator('.calendar-year-modal');
      const holidays = modal.locator('textarea.date-lines').first();
      await expect.poll(() => holidays.inputValue()).toContain('2026-10-07');
      expect(await modal.locator('.calendar-difference').innerText()).toContain('与系统内置的 2026 年官方安排一致');

      // National Day one day shorter: 7 October becomes a working day.
      await holidays.fill((await holidays.inputValue()).split('\n').filter((line) => line !== '2026-10-07').join('\n'));
      await expect.poll(() => modal.locator('.calendar-difference').innerText()).toContain('由放假改为上班：2026-10-07');
      await modal.getByRole('button', { name: '保存' }).click();
      await modal.getByText('与官方安排不同，请填写修改理由').waitFor();

      await modal.getByLabel('修改理由（与差异一并记入审计日志）').fill('本省补充通知调整');
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'calendar-difference.png'), fullPage: true });
      const saved = await responseOf(page, 'PUT', /^\/api\/official-calendar\/years\/2026$/, () => modal.getByRole('button', { name: '保存' }).click());
      expect(saved.status()).toBe(200);
      await page.locator('.calendar-table .ant-table-row', { hasText: '组织部录入' }).first().waitFor();
    } finally {
      await context.close();
    }
  });
});
