import type { ComponentType } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { BackOfficeProviders } from './BackOfficeProviders';
import { RequireSession } from './RequireSession';

/**
 * Runs one app on its own (its dev server or its built index.html), without the shell:
 * same providers and login, the app mounted under its usual section path.
 */
export function StandaloneApp({ App, sectionPath }: { App: ComponentType; sectionPath: string }) {
  return (
    <BackOfficeProviders>
      <RequireSession>
        {() => (
          <BrowserRouter basename={import.meta.env.BASE_URL}>
            <Routes>
              <Route path={`${sectionPath}/*`} element={<App />} />
              <Route path="*" element={<Navigate to={sectionPath} replace />} />
            </Routes>
          </BrowserRouter>
        )}
      </RequireSession>
    </BackOfficeProviders>
  );
}
