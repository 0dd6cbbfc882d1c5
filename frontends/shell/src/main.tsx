import '@mantine/core/styles.css';
import { BackOfficeProviders, RequireSession } from '@relais/session';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import './i18n/register';
import { SetPasswordPage } from './invitation/SetPasswordPage';
import { ShellRoutes } from './ShellRoutes';

// The invitation's password page opens without a session; every other address asks to sign in first.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BackOfficeProviders>
      <BrowserRouter>
        <Routes>
          <Route path="/definir-mot-de-passe" element={<SetPasswordPage />} />
          <Route path="*" element={<RequireSession>{(session) => <ShellRoutes user={session.user} />}</RequireSession>} />
        </Routes>
      </BrowserRouter>
    </BackOfficeProviders>
  </StrictMode>,
);
