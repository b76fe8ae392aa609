import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../test-artifacts');

/** Debian's Chromium; browsers are never downloaded. CHROMIUM_PATH overrides the location. */
export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Logs in through the login form and waits for the home page. */
export async function loginThroughForm(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL('**/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().endsWith('/api/auth/login')),
    page.getByRole('button', { name: '登录' }).click(),
  ]);
  expect(response.status()).toBe(200);
  await page.getByText('您好，').waitFor();
}

/** A minimal API client holding one user's session cookie, for reading what the UI should show. */
export class ApiSession {
  private constructor(private readonly baseUrl: string, private readonly cookie: string) {}

  static async login(baseUrl: string, username: string, password: string): Promise<ApiSession> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(response.status, `login of ${username}`).toBe(200);
    const cookie = response.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ');
    return new ApiSession(baseUrl, cookie);
  }

  async get<T>(pathname: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}${pathname}`, { headers: { Cookie: this.cookie } });
    expect(response.status, `GET ${pathname}`).toBe(200);
    return (await response.json()) as T;
  }
}

export interface OrgUnitView {
  code: string;
  name: string;
  level: string;
  childCount: number;
}

/**
 * Opens the Ant Design select `select` (its `.ant-select` element) and chooses the option showing
 * `option`; returns once the select shows it. A `typed` text is typed into its search box first.
 */
export async function chooseOption(page: Page, select: Locator, option: string, typed?: string): Promise<void> {
  // A dropdown still closing from the previous field can swallow the click that opens this one.
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
  await select.click();
  if (typed !== undefined) await page.keyboard.type(typed);
  const choice = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  await choice.waitFor();
  // The option is chosen by its click handler, not by a pointer position that the opening
  // animation may still be moving.
  await choice.dispatchEvent('click');
  await expect.poll(() => select.textContent()).toContain(option);
}

/** The `.ant-select` element around the field labelled `label` within `scope`. */
export function selectLabelled(scope: Locator, label: string): Locator {
  return scope.locator('.ant-select').filter({ has: scope.page().getByLabel(label, { exact: true }) });
}
