import { homePathOf, NotFoundPage, RequirePermission, type SessionUser } from '@relais/session';
import { Navigate, Route, Routes } from 'react-router';
import { ShellLayout } from './layout/ShellLayout';
import { RemoteSection } from './remotes/RemoteSection';
import { sections } from './remotes/sections';

/** Each section for those allowed to open it; the root leads to the user's home, any other address to "Page introuvable". */
export function ShellRoutes({ user }: { user: SessionUser }) {
  return (
    <ShellLayout user={user}>
      <Routes>
        {sections.map((section) => (
          <Route
            key={section.key}
            path={`${section.path}/*`}
            element={
              <RequirePermission permission={section.permission}>
                <RemoteSection section={section} />
              </RequirePermission>
            }
          />
        ))}
        <Route index element={<Navigate to={homePathOf(user.permissions)} replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ShellLayout>
  );
}
