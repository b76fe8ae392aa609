import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

export const ADMIN_PASSWORD = 'Admin12345';
export const DEMO_PASSWORD = 'Demo12345';
/** One master key for every test server: a shared PostgreSQL database refuses any other after its first start. */
export const TEST_SECRET_KEY = 'ab'.repeat(32);

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** Stops the server and removes its temporary data directory (not one given to startServer). */
  stop: () => Promise<void>;
  /** Kills the server with SIGKILL (kill -9) and waits until it is gone; the data stay. */
  kill: () => Promise<void>;
}

const repositoryRoot = path.resolve(import.meta.dirname, '../..');

/** A port nobody listens on right now, found by letting the OS pick one. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the chosen port'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts `houbei start --demo` with a fresh data directory on a free port and waits until
 * /api/health answers. In the browser tests the fresh directory is a copy of one where the demo
 * is loaded already. With TEST_DATABASE_URL set the server uses that PostgreSQL database
 * (shared; the demo loads only on the first start). `root` runs another checkout of the system
 * (a benchmark's baseline). `dataDir` and `databaseUrl` start it on data kept between starts
 * (the data directory is then not removed on stop), `port` on a given port.
 */
export async function startServer(options: { timeoutMs?: number; root?: string; dataDir?: string; databaseUrl?: string; port?: number } = {}): Promise<ServerProcess> {
  const timeoutMs = options.timeoutMs ?? 180_000;
  const root = options.root ?? repositoryRoot;
  const keepsData = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-e2e-'));
  const databaseUrl = options.databaseUrl ?? process.env.TEST_DATABASE_URL;
  // The browser tests' servers start on a copy of the demo loaded once (tests/e2e/global-setup.ts).
  const demoDataDir = options.dataDir === undefined && !databaseUrl && process.env.VITEST ? inject('demoDataDir') : undefined;
  if (demoDataDir) fs.cpSync(demoDataDir, dataDir, { recursive: true });
  const port = options.port ?? await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    HOUBEI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    HOUBEI_DEMO_PASSWORD: DEMO_PASSWORD,
    HOUBEI_SECRET_KEY: TEST_SECRET_KEY,
    // Queued requests wait as long as a slow, shared test machine needs, never 503.
    HOUBEI_REQUEST_WAIT_MS: '600000',
    // No scheduled backup beside the first requests of a test (tests/integration/scheduled-backup.test.ts covers it).
    HOUBEI_BACKUP_HOURS: '0',
    HOUBEI_MONTHLY_SNAPSHOTS: 'false',
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;

  const child = spawn(process.execPath, [path.join(root, 'bin/houbei.mjs'), 'start', '--demo'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-8000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const hasExited = exited(child);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await hasExited;
      clearTimeout(forced);
    }
    if (!keepsData) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const kill = async () => {
    child.kill('SIGKILL');
    await hasExited;
  };

  const deadline = Date.now() + timeoutMs;
  let isExited = false;
  void hasExited.then(() => { isExited = true; });
  while (Date.now() < deadline) {
    if (isExited) {
      await stop();
      throw new Error(`server exited before it became healthy (code ${child.exitCode}):\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return { baseUrl, pid: child.pid!, stop, kill };
    } catch {
      // not listening yet
    }
    // Wait for either the process to exit or a short poll interval, whichever comes first.
    await Promise.race([hasExited, new Promise((resolve) => setTimeout(resolve, 200))]);
  }
  await stop();
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${output}`);
}
