import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * The architecture's dependency rules (.dependency-cruiser.cjs) fail on planted violations; `npm run
 * check:dependencies` (part of `npm test`) runs them on the code.
 */
const root = path.resolve(import.meta.dirname, '../..');
const config = path.join(root, '.dependency-cruiser.cjs');
const depcruise = path.join(root, 'node_modules/.bin/depcruise');
const run = promisify(execFile);

async function cruise(cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(depcruise, ['src', '--config', config, '--output-type', 'err'], { cwd });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}

describe('dependency rules', () => {
  it('fail on a foreign repository, a pure rule doing I/O and an import cycle', async () => {
    const result = await cruise(path.join(root, 'tests/fixtures/dependency-rules'));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/no-foreign-repository: src\/modules\/alpha\/alpha\.service\.ts → src\/modules\/beta\/beta\.repository\.ts/);
    expect(result.output).toMatch(/domain-is-pure: src\/domain\/rule\.ts → (node:)?fs/);
    expect(result.output).toMatch(/no-circular: src\/db\/schema-a\.ts →/);
  });
});
