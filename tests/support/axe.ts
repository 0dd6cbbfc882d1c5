import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 A and AA rules: what the product promises its users. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * The serious and critical WCAG violations axe finds on the page as it stands, one line per rule:
 * "[critical] nested-interactive: <help> — <selector> (<why>); <selector> …", so that a failing
 * assertion says what to fix and where. An empty list when the page passes.
 */
export async function blockingViolations(page: Page): Promise<string[]> {
  // Only violations are read: axe then skips describing every node that passes.
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
    .map((violation) => {
      const nodes = violation.nodes.map((node) => {
        const why = (node.failureSummary ?? '').replace(/\s+/g, ' ').replace(/^Fix (any|all) of the following: /, '');
        return `${node.target.join(' ')} (${why})`;
      });
      return `[${violation.impact}] ${violation.id}: ${violation.help} — ${nodes.join('; ')}`;
    });
}

/** The number of level-one headings the page shows (visible or not: a screen reader lists them all). */
export const levelOneHeadings = (page: Page): Promise<number> => page.locator('h1, [role="heading"][aria-level="1"]').count();
