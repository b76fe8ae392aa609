import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openTestDatabase } from './test-app.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/houbei.mjs');

/**
 * How long one command may run before it counts as hung: each run starts Node, compiles the
 * TypeScript and opens (and migrates) its database, which takes minutes on a loaded machine.
 */
export const CLI_TIMEOUT_MS = 300_000;
/** The time a test of several commands may take before it counts as hung. */
export const CLI_TEST_TIMEOUT_MS = 900_000;

/** Runs the `houbei` command as a user would, with the given environment additions. */
export function runCli(args: string[], env: Record<string, string | undefined>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: CLI_TIMEOUT_MS,
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
