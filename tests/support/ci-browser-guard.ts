import type { Reporter, TestModule } from 'vitest/node';

/**
 * Under CI (vitest.config.ts adds this reporter when CI is set), a browser test that did not run
 * fails the run: a missing chromium or back-office, or a skipped test, must never leave CI green.
 * browserSkipReason (tests/support/browser.ts) already throws for the first two; this also covers a
 * test file that skips by other means.
 */
export default class CiBrowserGuard implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = testModules
      .filter((module) => module.project.name.startsWith('browser'))
      .flatMap((module) => [...module.children.allTests('skipped')].map((test) => `${module.moduleId}: ${test.fullName}`));
    if (skipped.length === 0) return;
    console.error(`\n[ci] ${skipped.length} browser test(s) did not run, which fails the run under CI:\n  ${skipped.join('\n  ')}\n`);
    process.exitCode = 1;
  }
}
