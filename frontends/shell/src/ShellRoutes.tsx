import type { SessionUser } from '@relais/session';
import { Navigate, Route, Routes } from 'react-router';
import { ShellLayout } from './layout/ShellLayout';
import { RemoteSection } from './remotes/RemoteSection';
import { sections } from './remotes/sections';

/** Where a user lands: technicians on their day's jobs, the accountant on finance, the rest of the office on billing. */
const homePaths: Partial<Record<SessionUser['role'], string>> = { TECHNICIAN: '/planning/ma-journee', ACCOUNTANT: '/finance' };
const homePath = (user: SessionUser) => homePaths[user.role] ?? '/facturation';

export function ShellRoutes({ user }: { user: SessionUser }) {
  return (
    <ShellLayout user={user}>
      <Routes>
        {sections.map((section) => (
          <Route key={section.key} path={`${section.path}/*`} element={<RemoteSection section={section} />} />
        ))}
        <Route path="*" element={<Navigate to={homePath(user)} replace />} />
      </Routes>
    </ShellLayout>
  );
}
