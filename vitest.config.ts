import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    // A hang guard, not a speed check: tests that start `./bin/kefu` processes (each loads the NLU
    // model and the shop's index) ran past 60 s on a busy 2-core CI machine (3 processes in one test).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // PostgreSQL / Redis / browser suites share machine services; files still run in parallel,
    // each test isolates itself with its own schema / key prefix / data dir.
    pool: 'forks',
    // No retries: a flaky test is a bug to fix, not to hide.
    retry: 0,
    // Builds web/dist once, before any browser test, when it is missing or stale.
    globalSetup: ['test/global-setup.ts'],
  },
})
