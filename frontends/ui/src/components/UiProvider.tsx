import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../i18n/i18n';
import { relaisTheme } from '../theme';

/** Theme and translations for a whole page; mounted once, by the shell or a standalone app. */
export function UiProvider({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={relaisTheme}>
      <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
    </MantineProvider>
  );
}
