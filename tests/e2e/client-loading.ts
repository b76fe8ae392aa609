import path from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { DEMO_PASSWORD } from '../helpers/server-process.ts';

export interface ScriptLoad {
  name: string;
  /** Bytes on the wire (the body as sent, compressed when the server compressed it). */
  transferred: number;
  encoding: string | null;
  cacheControl: string | null;
}

export interface FirstVisit {
  /** Scripts the login page fetched, and those fetched after logging in until the first row of the reserve list. */
  loginScripts: ScriptLoad[];
  laterScripts: ScriptLoad[];
  loginFormMs: number;
  firstRowAfterLoginMs: number;
}

/** Records every JavaScript file the page fetches, with its size on the wire and headers. */
function recordScripts(page: Page): { loads: ScriptLoad[]; settled: () => Promise<void> } {
  const loads: ScriptLoad[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (!url.pathname.endsWith('.js')) return;
    pending.push((async () => {
      const sizes = await response.request().sizes();
      const headers = await response.allHeaders();
      loads.push({ name: path.basename(url.pathname), transferred: sizes.responseBodySize, encoding: headers['content-encoding'] ?? null, cacheControl: headers['cache-control'] ?? null });
    })());
  });
  return { loads, settled: async () => { await Promise.all(pending); } };
}

/**
 * A first visit with an empty cache: open /reserves, get the login form, log in as the county's
 * organisation department and wait for the first row of the reserve list. `throttle` emulates a
 * slow line (bytes per second down, round-trip latency).
 */
export async function measureFirstVisit(browser: Browser, baseUrl: string, throttle?: { bytesPerSecond: number; latencyMs: number }): Promise<FirstVisit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    if (throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: throttle.latencyMs, downloadThroughput: throttle.bytesPerSecond, uploadThroughput: throttle.bytesPerSecond });
    }
    const scripts = recordScripts(page);
    const startedAt = Date.now();
    await page.goto(`${baseUrl}/reserves`);
    await page.getByLabel('用户名').waitFor();
    const loginFormMs = Date.now() - startedAt;
    await page.waitForLoadState('networkidle');
    await scripts.settled();
    const loginScripts = scripts.loads.splice(0);

    await page.getByLabel('用户名').fill('zuzhibu');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    const submittedAt = Date.now();
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('.ant-table-tbody .ant-table-row').first().waitFor();
    const firstRowAfterLoginMs = Date.now() - submittedAt;
    await page.waitForLoadState('networkidle');
    await scripts.settled();
    return { loginScripts, laterScripts: scripts.loads, loginFormMs, firstRowAfterLoginMs };
  } finally {
    await context.close();
  }
}

export const bytesOf = (loads: ScriptLoad[]) => loads.reduce((sum, load) => sum + load.transferred, 0);
