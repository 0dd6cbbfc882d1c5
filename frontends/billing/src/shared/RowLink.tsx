import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

const rowLinkCss = `
tr:has(> td > .billing-row-link) { position: relative; }
tr:has(> td > .billing-row-link):hover { background: var(--mantine-color-gray-1); }
.billing-row-link::after { content: ''; position: absolute; inset: 0; }
.billing-row-link:focus-visible { outline: none; }
.billing-row-link:focus-visible::after { outline: 2px solid var(--mantine-primary-color-filled); outline-offset: -2px; }
`;

/**
 * The link of a table row: a real anchor in the row's first cell whose area covers the whole row,
 * so a click anywhere opens the record and a middle-click or "open in a new tab" works too.
 */
export function RowLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <>
      <style href="billing-row-link" precedence="default">
        {rowLinkCss}
      </style>
      <Anchor component={Link} to={to} className="billing-row-link" size="sm" fw={600} c="inherit" style={{ whiteSpace: 'nowrap' }}>
        {children}
      </Anchor>
    </>
  );
}
