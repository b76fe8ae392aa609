import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { requestQueue } from './request-queue.ts';

/** An app whose one route answers when the test lets it, so that the queue's states are set exactly. */
async function gatedApp(options: { concurrency: number; maxWaitMs: number; maxWaiting: number }) {
  const gates: (() => void)[] = [];
  const started: string[] = [];
  const app = Fastify();
  await app.register(requestQueue, options);
  app.setErrorHandler((error: Error, _request, reply) => reply.code(error instanceof AppError ? error.status : 500).send({ message: error.message }));
  app.get('/api/slow/:name', async (request) => {
    const { name } = request.params as { name: string };
    started.push(name);
    await new Promise<void>((resolve) => gates.push(resolve));
    return { name };
  });
  app.get('/api/health', async () => ({ ok: true }));
  await app.ready();
  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setImmediate(resolve));
  };
  return { app, gates, started, until };
}

describe('the request queue', () => {
  it('serves requests in arrival order, a few at a time', async () => {
    const { app, gates, started, until } = await gatedApp({ concurrency: 2, maxWaitMs: 60_000, maxWaiting: 10 });
    const responses = ['a', 'b', 'c', 'd', 'e'].map((name) => app.inject({ method: 'GET', url: `/api/slow/${name}` }));
    await until(() => started.length === 2);
    expect(started).toEqual(['a', 'b']);
    gates.shift()!();
    await until(() => started.length === 3);
    expect(started).toEqual(['a', 'b', 'c']);
    while (started.length < 5 || gates.length > 0) {
      gates.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect((await Promise.all(responses)).map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200]);
    await app.close();
  });

  it('answers 503 with Retry-After when the queue is full or the wait too long, and keeps the health check out of it', async () => {
    const { app, gates, started, until } = await gatedApp({ concurrency: 1, maxWaitMs: 100, maxWaiting: 1 });
    const first = app.inject({ method: 'GET', url: '/api/slow/first' });
    await until(() => started.length === 1);
    const waitingTooLong = app.inject({ method: 'GET', url: '/api/slow/second' });
    const full = await app.inject({ method: 'GET', url: '/api/slow/third' });
    expect(full.statusCode).toBe(503);
    expect(full.headers['retry-after']).toBe('5');
    expect(full.json().message).toBe('服务器繁忙，请 5 秒后重试（您的请求未执行）');
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const late = await waitingTooLong;
    expect(late.statusCode).toBe(503);
    expect(late.headers['retry-after']).toBe('5');
    gates.shift()!();
    expect((await first).statusCode).toBe(200);
    const after = app.inject({ method: 'GET', url: '/api/slow/after' });
    await until(() => started.length === 2);
    gates.shift()!();
    expect((await after).statusCode).toBe(200);
    expect(started).toEqual(['first', 'after']);
    await app.close();
  });
});
