import '@mantine/core/styles.css';
import { BackOfficeProviders, RequireSession } from '@relais/session';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import './i18n/register';
import { ShellRoutes } from './ShellRoutes';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BackOfficeProviders>
      <RequireSession>
        {(session) => (
          <BrowserRouter>
            <ShellRoutes user={session.user} />
          </BrowserRouter>
        )}
      </RequireSession>
    </BackOfficeProviders>
  </StrictMode>,
);
