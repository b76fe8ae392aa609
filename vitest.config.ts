import { defineConfig } from 'vitest/config';

/**
 * Three tiers: pure unit tests next to the code, integration tests against a real database
 * (PGlite, or PostgreSQL when TEST_DATABASE_URL is set), and browser tests in Chromium (each file's
 * server on a copy of the demo loaded once, tests/e2e/global-setup.ts).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/e2e/global-setup.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
