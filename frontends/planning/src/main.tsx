import '@mantine/core/styles.css';
import { StandaloneApp } from '@relais/session';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StandaloneApp App={App} sectionPath="/planning" />
  </StrictMode>,
);
