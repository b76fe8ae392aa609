import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../helpers/server-process.ts';

/** One user's session over HTTP, for seeding what the browser then works on and checking what it saved. */
export class Http {
  private constructor(private readonly baseUrl: string, private readonly cookie: string) {}

  static async login(baseUrl: string, username: string, password: string = DEMO_PASSWORD): Promise<Http> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(response.status, `login of ${username}`).toBe(200);
    return new Http(baseUrl, response.headers.getSetCookie().map((header) => header.split(';')[0]).join('; '));
  }

  async call<T>(method: string, pathname: string, body: unknown, expected: number): Promise<T> {
    const response = await fetch(`${this.baseUrl}${pathname}`, {
      method,
      headers: { Cookie: this.cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.status, `${method} ${pathname}: ${text.slice(0, 300)}`).toBe(expected);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** The raw response (a file download), with this session's cookie. */
  fetch(pathname: string): Promise<Response> {
    return fetch(`${this.baseUrl}${pathname}`, { headers: { Cookie: this.cookie } });
  }

  get<T>(pathname: string): Promise<T> {
    return this.call<T>('GET', pathname, undefined, 200);
  }
}

/** Waits for the response of the API call that `action` causes. */
export async function responseOf(page: Page, method: string, pattern: RegExp, action: () => Promise<unknown>) {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.request().method() === method && pattern.test(new URL(candidate.url()).pathname)),
    action(),
  ]);
  return response;
}
