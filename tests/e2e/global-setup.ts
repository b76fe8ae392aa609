import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../helpers/server-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory with the demo loaded, copied by each browser test's server (tests/helpers/server-process.ts). */
    demoDataDir: string;
  }
}

/**
 * Loads the demo once for the browser tests: a server started with --demo on a new data
 * directory, stopped once healthy. Each test file's server starts on a copy of it instead of
 * loading the demo again.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-e2e-demo-'));
  const server = await startServer({ dataDir });
  await server.stop();
  project.provide('demoDataDir', dataDir);
  return () => fs.rmSync(dataDir, { recursive: true, force: true });
}
