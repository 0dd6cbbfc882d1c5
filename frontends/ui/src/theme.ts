import { Badge, createTheme } from '@mantine/core';

export const relaisTheme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontWeight: '600' },
  components: {
    // A badge's label may be cut with an ellipsis, so a table column shrinks it to "PLA…": never narrower than its text.
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
  },
});
