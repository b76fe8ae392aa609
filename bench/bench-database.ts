/**
 * What the benchmarks that seed their own data share: a database to load (PGlite in a temporary
 * directory, or a fresh database on the DATABASE_URL server — on every node when it is a Citus
 * coordinator — dropped afterwards unless BENCH_KEEP=1 keeps it, loaded, for the next run),
 * percentiles and a timed log.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { clusterWorkers, createClusterDatabase, dropClusterDatabase } from '../src/db/citus-cluster.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { configureAuditChain } from '../src/modules/audit/audit.service.ts';
import { buildApp } from '../src/server/app.ts';
import { systemClock } from '../src/server/clock.ts';
import { readConfig } from '../src/server/config.ts';
import { SensitiveCipher } from '../src/server/sensitive-cipher.ts';

export interface BenchDatabase {
  database: Database;
  kind: 'PGlite' | 'PostgreSQL' | 'Citus';
  /** True when a kept database was found (it holds the previous run's data). */
  isLoaded: boolean;
  drop: () => Promise<void>;
}

/**
 * Opens the benchmark's database on `serverUrl` (DATABASE_URL by default); `name` names the kept
 * server database (houbei_bench_<name>_kept).
 */
export async function openBenchDatabase(name: string, serverUrl = process.env.DATABASE_URL): Promise<BenchDatabase> {
  // Every change the benchmarks make is audited, as in the running system: a key for this run's chains.
  configureAuditChain({ key: crypto.randomBytes(32), checkpointFile: null });
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `houbei-bench-${name}-`));
    const database = await openDatabase({ dataDir: dir });
    return { database, kind: 'PGlite', isLoaded: false, drop: async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  // BENCH_KEEP=1 keeps the loaded database for the next run (loading a province takes minutes).
  const keep = process.env.BENCH_KEEP === '1';
  const databaseName = keep ? `houbei_bench_${name}_kept` : `houbei_bench_${name}_${crypto.randomBytes(4).toString('hex')}`;
  const workers = await clusterWorkers(serverUrl);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName])).rowCount === 1;
  if (!exists && !workers) await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  if (!exists && workers) await createClusterDatabase(serverUrl, workers, databaseName);
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused' });
  return {
    database, kind: workers ? 'Citus' : 'PostgreSQL', isLoaded: exists,
    drop: async () => {
      await database.close();
      if (keep) return;
      if (workers) return dropClusterDatabase(serverUrl, workers, databaseName);
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** The p-th percentile (nearest rank) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A log line prefixed with the seconds since the benchmark began. */
export function createLog(): (message: string) => void {
  const began = performance.now();
  return (message) => console.log(`[${((performance.now() - began) / 1000).toFixed(1)} s] ${message}`);
}

/**
 * The app on a benchmark's database, asked through `inject` as a logged-in user (password
 * 'Bench12345'), and the timing of a request: one warm-up, then `runs` samples, p50 and p95.
 */
export async function benchApp(database: Database, runs: number) {
  const app = await buildApp({ config: { ...readConfig({}), dataDir: 'memory://', requestWaitMs: 600_000 }, database, cipher: new SensitiveCipher(crypto.randomBytes(32)), clock: systemClock });
  await app.ready();
  const cookieOf = async (username: string) => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Bench12345' } });
    return `houbei_session=${login.cookies.find((cookie) => cookie.name === 'houbei_session')!.value}`;
  };
  const time = async (label: string, run: () => Promise<unknown>) => {
    await run();
    const samples: number[] = [];
    for (let index = 0; index < runs; index += 1) {
      const started = performance.now();
      await run();
      samples.push(performance.now() - started);
    }
    return { label, p50: percentile(samples, 50), p95: percentile(samples, 95) };
  };
  const get = (cookie: string, url: string) => async () => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    return response;
  };
  return { app, cookieOf, time, get };
}
