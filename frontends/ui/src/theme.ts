import {
  Badge,
  colorsTuple,
  createTheme,
  DEFAULT_THEME,
  FileInput,
  Modal,
  type DefaultMantineColor,
  type MantineColorsTuple,
} from '@mantine/core';
import { i18n } from './i18n/i18n';

/** A Mantine palette with some of its shades replaced. */
const palette = (color: DefaultMantineColor, shades: Record<number, string>): MantineColorsTuple =>
  colorsTuple(DEFAULT_THEME.colors[color]!.map((value, index) => shades[index] ?? value));

/**
 * Contrast (WCAG 2.1 AA, 4.5:1 for text). Filled colours use shade 8, on which white text reads; a
 * pale one (yellow) takes black text instead (autoContrast, from the luminance where black reads
 * better than white). The bright hues' shades 8 and 9 are darkened so that a colour's text (shade 8)
 * reads on white and on a table's striped or hovered row, and shade 9 on its own light background
 * (shade 1: the "light" variant of badges and alerts). Dimmed text and a file field's placeholder
 * are a darker grey than Mantine's.
 */
export const relaisTheme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.179,
  colors: {
    gray: palette('gray', { 6: '#5f666d' }),
    red: palette('red', { 8: '#ce2d2d', 9: '#b52828' }),
    orange: palette('orange', { 8: '#bc4809', 9: '#a53f08' }),
    yellow: palette('yellow', { 9: '#a85700' }),
    green: palette('green', { 8: '#257d36', 9: '#216e30' }),
    lime: palette('lime', { 8: '#4a790b', 9: '#416a0a' }),
    teal: palette('teal', { 8: '#087d59', 9: '#076e4e' }),
    cyan: palette('cyan', { 8: '#0b788a', 9: '#0a6a79' }),
  },
  defaultRadius: 'sm',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontWeight: '600' },
  components: {
    // A badge's label may be cut with an ellipsis, so a table column shrinks it to "PLA…": never narrower than its text.
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
    FileInput: FileInput.extend({ styles: { placeholder: { color: 'var(--mantine-color-dimmed)' } } }),
    // Every dialog's close button has a name, in the language of the moment (read when the button renders).
    Modal: Modal.extend({
      defaultProps: {
        closeButtonProps: {
          get 'aria-label'() {
            return i18n.t('common:dialog.close');
          },
        },
      },
    }),
  },
});
