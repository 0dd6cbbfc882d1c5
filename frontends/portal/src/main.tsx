import '@mantine/core/styles.css';
import { i18n } from '@relais/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/register';
import { App } from './App';

// index.html says French; screen readers and the browser's hyphenation follow the language chosen.
const followLanguage = (language: string) => {
  document.documentElement.lang = language;
};
followLanguage(i18n.resolvedLanguage ?? 'fr');
i18n.on('languageChanged', followLanguage);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
