import { expect } from 'vitest';
import { countAuditEvents, type TestWorld } from './test-app.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/**
 * Requests as a logged-in user (by cookie) against the world's app: `call` returns status and
 * body, `ok` the body of a success (and throws with the answer otherwise), `refused` checks the
 * status and the Chinese message of a refusal and that it wrote no audit event.
 */
export function httpCalls(world: () => TestWorld) {
  async function call(cookie: string, method: Method, url: string, payload?: object) {
    const response = await world().app.inject({ method, url, headers: { cookie }, ...(payload && { payload: payload as Record<string, unknown> }) });
    return { status: response.statusCode, body: response.json() };
  }
  async function ok(cookie: string, method: Method, url: string, payload?: object) {
    const response = await call(cookie, method, url, payload);
    if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }
  async function refused(cookie: string, method: Exclude<Method, 'GET'>, url: string, payload: object, status: number, message: string | RegExp): Promise<void> {
    const events = await countAuditEvents(world().database);
    const response = await call(cookie, method, url, payload);
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    if (typeof message === 'string') expect(response.body.message).toBe(message);
    else expect(response.body.message).toMatch(message);
    expect(await countAuditEvents(world().database)).toBe(events);
  }
  return { call, ok, refused };
}
