import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { ARTIFACTS_DIR, launchBrowser } from './browser.ts';
import { bytesOf, measureFirstVisit } from './client-loading.ts';

/** The login page's JavaScript, compressed as sent, may not exceed this (bytes). */
const LOGIN_JAVASCRIPT_LIMIT = 350 * 1024;

/**
 * How the client is delivered: the login page needs only a small, compressed part of the
 * JavaScript, assets are cached for good and index.html never, and a later page fetches its own
 * chunk. Times are measured by bench/web-client.ts, not asserted here.
 */
describe('client delivery', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ timeoutMs: 170_000 }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends the login page at most 350 kB of compressed JavaScript and a later page its own chunk', async () => {
    const visit = await measureFirstVisit(browser, server.baseUrl);
    fs.writeFileSync(path.join(ARTIFACTS_DIR, 'client-delivery.json'), JSON.stringify(visit, null, 2));
    const { loginScripts, laterScripts } = visit;

    expect(loginScripts.length).toBeGreaterThan(0);
    for (const load of loginScripts) {
      expect(['br', 'gzip'], `${load.name} is compressed`).toContain(load.encoding);
      expect(load.cacheControl, `${load.name} is cached for good`).toBe('public, max-age=31536000, immutable');
    }
    expect(bytesOf(loginScripts)).toBeLessThanOrEqual(LOGIN_JAVASCRIPT_LIMIT);
    // The reserve list's code is not part of the login page: it arrives as its own chunk after login,
    // and other pages' chunks are not fetched at all.
    const names = (list: typeof loginScripts) => list.map((load) => load.name);
    expect(names(loginScripts).filter((name) => name.startsWith('ReservesPage-'))).toEqual([]);
    expect(names(laterScripts).filter((name) => name.startsWith('ReservesPage-')), `chunks after login: ${names(laterScripts).join(', ')}`).toHaveLength(1);
    expect(names([...loginScripts, ...laterScripts]).filter((name) => /^(AuditEventsPage|EligibilityPolicyPage|CandidatePage|TalentLedgerPage)-/.test(name))).toEqual([]);
  });

  it('serves index.html for client routes, never cached', async () => {
    const response = await fetch(`${server.baseUrl}/reserves`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('compresses API responses for a client that accepts it', async () => {
    const response = await fetch(`${server.baseUrl}/api/openapi.json`, { headers: { 'Accept-Encoding': 'br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(JSON.parse(await response.text())).toHaveProperty('openapi');
  });
});
