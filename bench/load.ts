/**
 * Load benchmark, `npm run bench:load` (PGlite) or `DATABASE_URL=postgres://… npm run bench:load`:
 * starts `houbei start --demo` as a real server process, logs in N sessions as the demo county's
 * org department (each client with its own address, the server trusting X-Forwarded-For so the
 * login rate limit applies per client), and lets every session loop for BENCH_SECONDS (default
 * 120) over reads (me, reserve list, org children) and writes (rename a village: read, then PATCH
 * with its version; a 409 from a concurrent rename is an answer). Prints per session count:
 * throughput, p50/p95/p99 latency, errors (5xx other than 503, network errors), 503s with
 * Retry-After, answers slower than 10 s, and the server's RSS before and after.
 *
 * BENCH_SESSIONS=50,200 (default) chooses the session counts; BENCH_SECONDS the duration.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { findFreePort } from '../tests/helpers/server-process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 120);
const SESSIONS = (process.env.BENCH_SESSIONS ?? '50,200').split(',').map(Number);
const PASSWORD = 'Demo12345';
const repositoryRoot = path.resolve(import.meta.dirname, '..');

interface Result { status: number; ms: number; retryAfter: boolean }

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function startServer(): Promise<{ baseUrl: string; pid: number; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-load-'));
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', TRUST_PROXY: 'true',
    HOUBEI_ADMIN_PASSWORD: 'Admin12345', HOUBEI_DEMO_PASSWORD: PASSWORD, HOUBEI_SECRET_KEY: 'cd'.repeat(32),
  };
  const child = spawn(process.execPath, [path.join(repositoryRoot, 'bin/houbei.mjs'), 'start', '--demo'], { cwd: repositoryRoot, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 900; attempt += 1) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function run(baseUrl: string, pid: number, sessions: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sessions + 10 });
  const request = (address: string, cookie: string, method: string, url: string, body?: unknown) => new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const outgoing = http.request(`${baseUrl}${url}`, {
      method, agent, timeout: 60_000,
      headers: { 'x-forwarded-for': address, cookie, ...(payload !== undefined && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
  const call = async (address: string, cookie: string, method: string, url: string, body?: unknown): Promise<{ result: Result; json: unknown }> => {
    const started = performance.now();
    try {
      const response = await request(address, cookie, method, url, body);
      const result = { status: response.status, ms: performance.now() - started, retryAfter: response.headers['retry-after'] !== undefined };
      return { result, json: String(response.headers['content-type']).includes('json') ? JSON.parse(response.text) : null };
    } catch {
      return { result: { status: 0, ms: performance.now() - started, retryAfter: false }, json: null };
    }
  };

  const cookies: string[] = [];
  for (let index = 0; index < sessions; index += 1) {
    const address = `10.9.${Math.floor(index / 250)}.${(index % 250) + 1}`;
    const response = await request(address, '', 'POST', '/api/auth/login', { username: 'zuzhibu', password: PASSWORD });
    if (response.status !== 200) throw new Error(`login ${index}: ${response.status} ${response.text}`);
    cookies.push((response.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]).join('; '));
  }
  const me = (await call('10.9.255.1', cookies[0]!, 'GET', '/api/auth/me')).json as { roles: { orgCode: string }[] };
  const county = me.roles[0]!.orgCode;
  const townships = (await call('10.9.255.1', cookies[0]!, 'GET', `/api/org-units/${county}/children`)).json as { code: string }[];
  const villages = ((await call('10.9.255.1', cookies[0]!, 'GET', `/api/org-units/${townships[0]!.code}/children`)).json as { code: string }[]).map((unit) => unit.code);

  const rssBefore = rssOf(pid);
  const results: Result[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(cookies.map(async (cookie, index) => {
    const address = `10.9.${Math.floor(index / 250)}.${(index % 250) + 1}`;
    for (let step = 0; performance.now() < deadline; step += 1) {
      const kind = step % 5;
      if (kind === 0) results.push((await call(address, cookie, 'GET', '/api/auth/me')).result);
      else if (kind === 1) results.push((await call(address, cookie, 'GET', `/api/reserves?page=1&pageSize=20`)).result);
      else if (kind === 2) results.push((await call(address, cookie, 'GET', `/api/org-units/${townships[index % townships.length]!.code}/children`)).result);
      else if (kind === 3) {
        const code = villages[(index + step) % villages.length]!;
        const read = await call(address, cookie, 'GET', `/api/org-units/${code}`);
        results.push(read.result);
        const unit = read.json as { version?: number; name?: string } | null;
        if (unit?.version !== undefined) {
          results.push((await call(address, cookie, 'PATCH', `/api/org-units/${code}`, { name: `${unit.name!.replace(/\d+$/, '')}${step % 10}`, version: unit.version })).result);
        }
      } else results.push((await call(address, cookie, 'GET', '/api/reserves?page=2&pageSize=20')).result);
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  const rssAfter = rssOf(pid);
  agent.destroy();

  const answered = results.filter((result) => result.status !== 0);
  const sorted = answered.map((result) => result.ms).sort((a, b) => a - b);
  const unavailable = results.filter((result) => result.status === 503);
  const errors = results.filter((result) => result.status === 0 || (result.status >= 500 && result.status !== 503));
  const conflicts = results.filter((result) => result.status === 409).length;
  console.log([
    `${sessions} sessions, ${elapsed.toFixed(0)} s: ${results.length} requests, ${(results.length / elapsed).toFixed(0)}/s`,
    `p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`,
    `errors ${errors.length}, 503 ${unavailable.length} (with Retry-After ${unavailable.filter((result) => result.retryAfter).length}), 409 ${conflicts}, over 10 s ${sorted.filter((ms) => ms > 10_000).length}`,
    `RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB`,
  ].join('; '));
}

const server = await startServer();
try {
  console.log(`database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`);
  for (const sessions of SESSIONS) await run(server.baseUrl, server.pid, sessions);
} finally {
  await server.stop();
}
