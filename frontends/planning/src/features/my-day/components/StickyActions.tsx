import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/** The buttons of a phone screen, kept at the bottom of the screen while the page scrolls. */
export function StickyActions({ children }: { children: ReactNode }) {
  return (
    <Box
      data-testid="sticky-actions"
      py="xs"
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 5,
        background: 'var(--mantine-color-body)',
        borderTop: '1px solid var(--mantine-color-gray-3)',
      }}
    >
      {children}
    </Box>
  );
}
