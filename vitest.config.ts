import { defineConfig } from 'vitest/config';

/**
 * Test files that cannot share the stack with another file at the same time. They run one at a time, after the others.
 * - They post business facts to the ledger or close periods: posting waits for every older transaction of the
 *   database (ledger_posting_horizon), a closing for every fact of its month to be posted, so another file's
 *   transactions (one is held open on purpose) make them wait or refuse.
 * - They count what a subgraph did (its /metrics statement counters) or the memory a service holds: another file's
 *   requests would be counted with theirs.
 * - They count failed sign-ins per e-mail and client address within a short window.
 */
const serialFiles = [
  'services/domain/test/{ledger,periods,write-offs,write-off-vat,deferred-revenue,fec-records}.integration.spec.ts',
  'tests/api/{ledger,periods,accounting-exports,deferred-revenue,limits}.api.spec.ts',
  'tests/api/{billable-statements,maintenance-lists,customers,hostile-sweep}.api.spec.ts',
  'tests/api/sign-in-sessions.api.spec.ts',
];

/**
 * Browser files that run two at a time, after the api files: their screens work in tenants of their own
 * (`createTestTenant` or a world built for the file), never in the demo tenant. The other browser files run one at a
 * time, with the serial files:
 * - most sign in as the demo's users and change the demo's data (« À facturer », the board, the demo's invoices);
 * - bulk-invoicing and contract-billing hold a transaction open on purpose (a run meeting a locked record), which holds
 *   back the ledger's posting for every tenant (ledger_posting_horizon);
 * - accounting-exports closes a month right after recording payments in it, which a closing refuses while another
 *   file's transaction holds their posting back.
 */
const ownTenantBrowserFiles = [
  'tests/browser/{accounting,bank,catalog-technicians,closing-interventions,contract-inclusions,contracts}.browser.test.ts',
  'tests/browser/{deferred-revenue,direct-debit,dunning,error-language,invoicing-settings,master-data}.browser.test.ts',
  'tests/browser/{payments,periods,receivables,write-offs}.browser.test.ts',
];

/**
 * One run, one database server: tests/support/global-setup.ts prepares a fresh test database
 * (embedded PostgreSQL, or DATABASE_URL), starts the real subgraphs and gateway, and the
 * back-office for browser tests; projects tell unit tests from those that need the stack.
 * The unit, integration and api files run two at a time; then the browser files with tenants of their own, two at a time;
 * then the serial files and the other browser files, one at a time.
 */
export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    // Vitest's default is one worker fewer than the CPUs: on a 2-CPU machine, every file one after another. Test files
    // spend much of their time waiting for the stack (HTTP, PostgreSQL, the validators), so two at a time fill the CPUs.
    maxWorkers: 2,
    // Under CI a skipped browser test fails the run (tests/support/ci-browser-guard.ts).
    reporters: process.env.CI ? ['default', './tests/support/ci-browser-guard.ts'] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['services/*/src/**/*.spec.ts', 'frontends/*/src/**/*.spec.ts'],
          environment: 'node',
          // Plain functions without shared state: one module graph per worker rather than per file (importing the domain
          // package took three quarters of the project's time, 73 s against 46 s for its 140 files).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['services/*/test/**/*.integration.spec.ts'],
          exclude: serialFiles,
          environment: 'node',
          // Each file makes its own ORM and tenants and mocks nothing: one module graph per worker, as for the unit files
          // (the project alone took 109 s with the domain package imported for each file, 82 s without).
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['tests/api/**/*.api.spec.ts'],
          exclude: serialFiles,
          environment: 'node',
          // As for the integration files (with the serial ones: 133 s isolated, 124 s not). The serial and browser
          // projects keep isolation: vitest refuses it off with one file at a time beside projects of two.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'serial',
          include: serialFiles,
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ownTenantBrowserFiles,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A screen refetches after a mutation; on a loaded CI machine that takes longer than expect.poll's default second.
          expect: { poll: { timeout: 10_000 } },
          // After the unit, integration and api files (group 0), two at a time; the one-at-a-time files come last.
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser-serial',
          include: ['tests/browser/**/*.browser.test.ts'],
          exclude: ownTenantBrowserFiles,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A screen refetches after a mutation; on a loaded CI machine that takes longer than expect.poll's default second.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
          // Tests a file marks concurrent (read-only screens) run two at a time, one per CPU.
          maxConcurrency: 2,
        },
      },
    ],
  },
});
