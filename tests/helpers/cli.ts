import { spawnSync } from 'node:child_process';
import path from 'node:path';

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
