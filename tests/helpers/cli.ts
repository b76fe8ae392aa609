import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openTestDatabase } from './test-app.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/houbei.mjs');

/** Runs the `houbei` command as a user would, with the given environment additions. */
export function runCli(args: string[], env: Record<string, string | undefined>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `work` against a fresh database of its own (PGlite in a temporary data directory, or a
 * new database on the test server) with the environment the command needs; cleans up after.
 */
export async function withCliDatabase(work: (env: Record<string, string>, dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-cli-'));
  const { databaseUrl, drop, database } = await openTestDatabase();
  await database.close();
  try {
    await work({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' }, dataDir);
  } finally {
    if (databaseUrl) await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
