import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../helpers/test-app.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(async () => world.close());

describe('API conventions', () => {
  it('answers health without login, naming the database in use', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite' });
  });

  it('publishes an OpenAPI document whose every route declares its response schemas', async () => {
    const document = (await world.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      openapi: string; paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    expect(document.openapi).toMatch(/^3\./);
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
    expect(operations.length).toBeGreaterThan(15);
    const withoutSuccess = operations.filter(({ operation }) => !Object.keys(operation.responses ?? {}).some((status) => status.startsWith('2')));
    expect(withoutSuccess.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    const docs = await world.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('never shows internals in a 5xx', async () => {
    const cookie = await world.login('admin');
    await world.database.db.schema.alterTable('dictionary_item').renameTo('dictionary_item_moved').execute();
    try {
      const response = await world.app.inject({ method: 'GET', url: '/api/dictionaries', headers: { cookie } });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试；如持续出现请联系管理员' });
      expect(response.body).not.toMatch(/dictionary_item|relation|stack/);
    } finally {
      await world.database.db.schema.alterTable('dictionary_item_moved').renameTo('dictionary_item').execute();
    }
  });

  it('rate-limits login attempts from one address, in Chinese', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 25; attempt += 1) {
      const response = await world.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `flood${attempt}`, password: 'x1234567' } });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(response.json().code).toBe('RATE_LIMITED');
        expect(response.json().message).toMatch(/^请求过于频繁，请 \d+ 秒后再试$/);
      }
    }
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(20);
    expect(statuses.at(-1)).toBe(429);
  });
});
