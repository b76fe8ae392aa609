import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { ARTIFACTS_DIR, launchBrowser } from './browser.ts';

/** The login page's JavaScript, compressed as sent, may not exceed this (bytes). */
const LOGIN_JAVASCRIPT_LIMIT = 350 * 1024;

interface ScriptLoad {
  name: string;
  /** Bytes on the wire (the body as sent, compressed when the server compressed it). */
  transferred: number;
  encoding: string | null;
  cacheControl: string | null;
}

/** Records every JavaScript file the page fetches from now on. */
function recordScripts(page: Page): ScriptLoad[] {
  const loads: ScriptLoad[] = [];
  page.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (!url.pathname.endsWith('.js')) return;
    void (async () => {
      const sizes = await response.request().sizes();
      const headers = await response.allHeaders();
      loads.push({ name: path.basename(url.pathname), transferred: sizes.responseBodySize, encoding: headers['content-encoding'] ?? null, cacheControl: headers['cache-control'] ?? null });
    })();
  });
  return loads;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * How the client is delivered: the login page needs only a small, compressed part of the
 * JavaScript, assets are cached for good and index.html never, and a later page fetches its own
 * chunk. The times are recorded as figures (test-artifacts/client-delivery.json, bench/README.md),
 * not asserted.
 */
describe('client delivery', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends the login page at most 350 kB of compressed JavaScript and a later page its own chunk', async () => {
    const loginFormTimes: number[] = [];
    const firstRowTimes: number[] = [];
    let loginScripts: ScriptLoad[] = [];
    let laterScripts: ScriptLoad[] = [];
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: false });
      const page = await context.newPage();
      try {
        const scripts = recordScripts(page);
        const startedAt = Date.now();
        await page.goto(`${server.baseUrl}/reserves`);
        await page.getByLabel('用户名').waitFor();
        loginFormTimes.push(Date.now() - startedAt);
        await page.waitForLoadState('networkidle');
        loginScripts = [...scripts];
        scripts.length = 0;

        await page.getByLabel('用户名').fill('zuzhibu');
        await page.getByLabel('密码').fill(DEMO_PASSWORD);
        const submittedAt = Date.now();
        await page.getByRole('button', { name: '登录' }).click();
        await page.locator('.ant-table-tbody .ant-table-row').first().waitFor();
        firstRowTimes.push(Date.now() - submittedAt);
        await page.waitForLoadState('networkidle');
        laterScripts = [...scripts];
      } finally {
        await context.close();
      }
    }

    // The same first visit on a 4 Mbps line with 40 ms round trips (a township office).
    const slowContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    let loginFormOnSlowLineMs: number;
    try {
      const page = await slowContext.newPage();
      const cdp = await slowContext.newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 4_000_000 / 8, uploadThroughput: 1_000_000 / 8 });
      const startedAt = Date.now();
      await page.goto(`${server.baseUrl}/login`);
      await page.getByLabel('用户名').waitFor();
      loginFormOnSlowLineMs = Date.now() - startedAt;
    } finally {
      await slowContext.close();
    }

    const loginBytes = loginScripts.reduce((sum, load) => sum + load.transferred, 0);
    const figures = {
      loginJavaScriptBytes: loginBytes,
      loginScripts,
      laterScripts,
      loginFormMs: median(loginFormTimes),
      firstRowAfterLoginMs: median(firstRowTimes),
      loginFormOnSlowLineMs,
      loginFormRuns: loginFormTimes,
      firstRowRuns: firstRowTimes,
    };
    fs.writeFileSync(path.join(ARTIFACTS_DIR, 'client-delivery.json'), JSON.stringify(figures, null, 2));
    console.log(`client delivery: login JS ${loginBytes} B on the wire; login form ${figures.loginFormMs} ms; first row after login ${figures.firstRowAfterLoginMs} ms; login form on 4 Mbps ${loginFormOnSlowLineMs} ms`);

    expect(loginScripts.length).toBeGreaterThan(0);
    for (const load of loginScripts) {
      expect(['br', 'gzip'], `${load.name} is compressed`).toContain(load.encoding);
      expect(load.cacheControl, `${load.name} is cached for good`).toBe('public, max-age=31536000, immutable');
    }
    expect(loginBytes).toBeLessThanOrEqual(LOGIN_JAVASCRIPT_LIMIT);
    // The reserve list's code is not part of the login page: it arrives as its own chunk after login.
    expect(loginScripts.map((load) => load.name).some((name) => name.startsWith('ReservesPage-'))).toBe(false);
    const reservesChunk = laterScripts.find((load) => load.name.startsWith('ReservesPage-'));
    expect(reservesChunk, `chunks fetched after login: ${laterScripts.map((load) => load.name).join(', ')}`).toBeDefined();
    expect(laterScripts.filter((load) => /^(AuditEventsPage|EligibilityPolicyPage|CandidatePage)-/.test(load.name))).toEqual([]);
  });

  it('serves index.html for client routes, never cached', async () => {
    const response = await fetch(`${server.baseUrl}/reserves`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<div id="root">');
  });
});
