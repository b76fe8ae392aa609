import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { AppError } from './errors.ts';

export interface RequestQueueOptions {
  /** Requests served at once; the others wait in arrival order. */
  concurrency: number;
  /** Longest wait in the queue before the answer is 503 with Retry-After. */
  maxWaitMs: number;
  /** Requests that may wait at once; one more gets 503 at once. */
  maxWaiting: number;
}

/**
 * Admits API requests in arrival order, a few at a time. Without it every request starts at
 * once and their queries interleave on the database connections (on PGlite, one): each request
 * then waits for the queries of all the others, so under load every answer is late. Here a
 * request waits at most `maxWaitMs` before it starts, then has the database nearly to itself;
 * past that, or with the queue full, it gets 503 with Retry-After instead of an unbounded wait.
 * The health check is never queued.
 */
export const requestQueue = fastifyPlugin(async (app: FastifyInstance, options: RequestQueueOptions) => {
  let running = 0;
  const waiting: { admit: () => void; cancel: () => void; timer: NodeJS.Timeout }[] = [];

  const release = () => {
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.admit();
    } else {
      running -= 1;
    }
  };

  /** Ends a request's claim: frees its place, or takes it out of the queue; once only. */
  const claims = new WeakMap<object, () => void>();

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    let entry: { admit: () => void; cancel: () => void; timer: NodeJS.Timeout } | null = null;
    const end = () => {
      if (state === 'running') release();
      if (state === 'waiting' && entry) {
        clearTimeout(entry.timer);
        waiting.splice(waiting.indexOf(entry), 1);
        entry.cancel();
      }
      state = 'done';
    };
    claims.set(request, end);
    reply.raw.once('close', end);
    if (running < options.concurrency) {
      running += 1;
      state = 'running';
      return;
    }
    if (waiting.length >= options.maxWaiting) {
      state = 'done';
      throw busy(reply);
    }
    await new Promise<void>((resolve, reject) => {
      entry = {
        admit: () => {
          state = 'running';
          resolve();
        },
        cancel: () => reject(busy(reply)),
        timer: setTimeout(() => {
          waiting.splice(waiting.indexOf(entry!), 1);
          state = 'done';
          reject(busy(reply));
        }, options.maxWaitMs),
      };
      waiting.push(entry);
    });
    // Admitted after the client went away: give the place on at once.
    if (reply.raw.destroyed) end();
  });

  app.addHook('onResponse', async (request) => {
    claims.get(request)?.();
  });
}, { name: 'request-queue' });

function busy(reply: { header: (name: string, value: string) => unknown }): AppError {
  reply.header('Retry-After', '5');
  return new AppError('SERVICE_UNAVAILABLE', '服务器繁忙，请 5 秒后重试（您的请求未执行）');
}

/** Requests served at once by default: PGlite has one connection, a PostgreSQL pool has ten. */
export function defaultConcurrency(kind: 'pglite' | 'postgresql'): number {
  return kind === 'pglite' ? 4 : 20;
}
