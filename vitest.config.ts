import { defineConfig } from 'vitest/config';

/**
 * One run, one database server: tests/support/global-setup.ts prepares a fresh test database
 * (embedded PostgreSQL, or DATABASE_URL), starts the real subgraphs and gateway, and the
 * back-office for browser tests; projects tell unit tests from those that need the stack.
 */
export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    // Under CI a skipped browser test fails the run (tests/support/ci-browser-guard.ts).
    reporters: process.env.CI ? ['default', './tests/support/ci-browser-guard.ts'] : ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['services/*/src/**/*.spec.ts', 'frontends/*/src/**/*.spec.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['services/*/test/**/*.integration.spec.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'api', include: ['tests/api/**/*.api.spec.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.browser.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A screen refetches after a mutation; on a loaded CI machine that takes longer than expect.poll's default second.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
