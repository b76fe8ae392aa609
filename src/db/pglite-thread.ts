import { Worker } from 'node:worker_threads';

interface Reply { id: number; result?: unknown; error?: Record<string, unknown> & { message: string } }
export interface QueryResult { rows: unknown[]; affectedRows?: number }

/**
 * PGlite in a worker thread (src/db/pglite-thread.worker.mjs), seen from the server's thread:
 * the queries go to the worker in order and their answers come back, so while the embedded
 * database works the server keeps reading, queueing and answering requests. Only what the
 * Kysely dialect, the migrations and the backup use: query, exec, the data directory's dump.
 */
export class PgliteThread {
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failure: Error | null = null;
  private closing: Promise<void> | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.error) waiting.reject(Object.assign(new Error(reply.error.message), reply.error));
      else waiting.resolve(reply.result);
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`内置数据库线程已退出（代码 ${code}）`)));
  }

  /** Starts the worker and opens the database at `location` (in memory when undefined). */
  static async open(location: string | undefined): Promise<PgliteThread> {
    const worker = new Worker(new URL('./pglite-thread.worker.mjs', import.meta.url), { workerData: { location } });
    const thread = new PgliteThread(worker);
    await new Promise<unknown>((resolve, reject) => thread.pending.set(0, { resolve, reject }));
    return thread;
  }

  private send<T>(message: Record<string, unknown>, transfer?: never[]): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  query(sql: string, params: readonly unknown[] = []): Promise<QueryResult> {
    return this.send({ kind: 'query', sql, params });
  }

  async exec(sql: string): Promise<void> {
    await this.send({ kind: 'exec', sql });
  }

  async dumpDataDir(): Promise<Blob> {
    return new Blob([await this.send<ArrayBuffer>({ kind: 'dump' })], { type: 'application/x-gzip' });
  }

  /** Closes the database and ends the worker; again, nothing. */
  async close(): Promise<void> {
    if (this.closing) return this.closing;
    this.closing = (async () => {
      await this.send({ kind: 'close' });
      await this.worker.terminate();
    })();
    return this.closing;
  }
}
